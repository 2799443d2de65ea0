// The services rig (test/support/services-rig.ts) for the adversarial files:
// its portal, its transcript (every answer and event the renderer would get)
// and, when it closes, its vault files and its log files all go into the
// secret search. The rig writes the app's real log file (redaction, rotation)
// at debug level, so every line the services can write is searched.
import { join } from 'node:path';
import { openLogFile } from '../../../main/support/log-file';
import { ManualClock } from '../../support/manual-clock';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { makeTempDir } from '../../support/temp-dir';
import { openVaultIn } from '../../support/vault-fixtures';
import type { StoredAccount } from '../../../main/vault/types';
import { hygiene } from './hygiene';

export async function startWatchedRig(
  options: Parameters<typeof startServicesRig>[0] = {},
): Promise<ServicesRig> {
  const dir = options.dir ?? makeTempDir('netrex-services-');
  const clock = options.clock ?? new ManualClock();
  const log = openLogFile({ folder: logFolderOf(dir.path), now: () => clock.now() });
  log.setLevel('setting', 'debug');
  const rig = await startServicesRig({ ...options, dir, clock, log });
  // The window's page is there and listening: notices held at start go out now.
  rig.services.events.windowReady();
  hygiene.trackPortal(rig.portal);
  hygiene.watch('renderer', () => rig.transcript);
  return rig;
}

export async function closeWatchedRig(
  rig: ServicesRig,
  options?: Parameters<ServicesRig['close']>[0],
): Promise<void> {
  hygiene.vaultFiles(rig.dir.path);
  await rig.close({ ...options, keepDir: true });
  hygiene.logFiles(logFolderOf(rig.dir.path));
  if (!options?.keepDir) rig.dir.dispose();
}

/** Where a watched rig's log files are. */
export function logFolderOf(dir: string): string {
  return join(dir, 'logs');
}

/** What a fresh vault over the rig's files holds: the accounts on disk. */
export async function accountsOnDisk(rig: ServicesRig): Promise<StoredAccount[]> {
  const vault = await openVaultIn(rig.dir.path, rig.cipher);
  const accounts = vault.listAccounts();
  await vault.dispose();
  return accounts;
}
