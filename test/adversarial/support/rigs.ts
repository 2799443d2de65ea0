// The services rig (test/support/services-rig.ts) for the adversarial files:
// its portal, its transcript (every answer and event the renderer would get)
// and, when it closes, its vault files all go into the secret search.
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { openVaultIn } from '../../support/vault-fixtures';
import type { StoredAccount } from '../../../main/vault/types';
import { hygiene } from './hygiene';

export async function startWatchedRig(
  options: Parameters<typeof startServicesRig>[0] = {},
): Promise<ServicesRig> {
  const rig = await startServicesRig(options);
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
  await rig.close(options);
}

/** What a fresh vault over the rig's files holds: the accounts on disk. */
export async function accountsOnDisk(rig: ServicesRig): Promise<StoredAccount[]> {
  const vault = await openVaultIn(rig.dir.path, rig.cipher);
  const accounts = vault.listAccounts();
  await vault.dispose();
  return accounts;
}
