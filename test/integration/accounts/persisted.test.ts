// `persisted` says what is on disk, not what was meant to be: a save that
// failed (the disk refused the file, the vault refused the tokens) turns it
// false until a later save succeeds. Real vault files in a temporary
// directory, the portal stand-in on a manual clock.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../../main/ipc/contract';
import { VaultError } from '../../../main/vault';
import type { TokenVault } from '../../../main/vault/types';
import type { AccountsOptions } from '../../../main/accounts';
import { AesGcmCipher } from '../../support/aes-cipher';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { openVaultIn } from '../../support/vault-fixtures';

const HOUR = 60 * 60 * 1000;

let rig: AccountsRig | undefined;
let extra: { vault: TokenVault; dir: TempDir } | undefined;
afterEach(async () => {
  await rig?.close();
  await extra?.vault.dispose();
  extra?.dir.dispose();
  rig = undefined;
  extra = undefined;
});

/** Lifetime 600 s: a refresh (and so a save) every 540 s. */
async function signedIn(options: Parameters<typeof startAccountsRig>[0] = {}) {
  rig = await startAccountsRig({
    standIn: { accessTokenLifetimeSec: 600 },
    ...options,
    accounts: { probeIntervalMs: 24 * HOUR, ...options.accounts },
  });
  const account = await rig.signIn();
  return { rig, account };
}

const refreshed = (rig: AccountsRig, after: AccountSnapshot) =>
  rig.until(([a]) => a?.state === 'connected' && a.tokenExpiresAt! > after.tokenExpiresAt!);

describe('persisted', () => {
  it('turns false while the vault file cannot be written, and true again after a save succeeds', async () => {
    const { rig, account } = await signedIn();
    expect(account.persisted).toBe(true);
    expect(rig.vault.storageStatus().lastWriteError).toBeNull();

    // The file's place is taken by a folder with something in it: every write fails.
    const file = join(rig.dir.path, 'vault.json');
    rmSync(file);
    mkdirSync(file);
    writeFileSync(join(file, 'in-the-way'), '');
    rig.clock.advance(540_000);
    const [failed] = await refreshed(rig, account);
    expect(failed!.persisted).toBe(false);
    expect(rig.vault.storageStatus().lastWriteError).toMatchObject({ code: 'write_failed' });
    expect(rig.accounts.get(account.id)!.persisted).toBe(false);

    // The way is clear again: the next save writes the file and says so.
    rmSync(file, { recursive: true });
    rig.clock.advance(540_000);
    const [saved] = await refreshed(rig, failed!);
    expect(saved!.persisted).toBe(true);
    expect(rig.vault.storageStatus().lastWriteError).toBeNull();
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)!.expiresAt).toBe(saved!.tokenExpiresAt);
    await disk.dispose();
  });

  it('is false for an account whose tokens the vault refused, until it takes them', async () => {
    const dir = makeTempDir('netrex-persisted-');
    const vault = await openVaultIn(dir.path, AesGcmCipher.random({ backend: 'gnome_libsecret' }));
    extra = { vault, dir };
    let refuse = true;
    // The vault as the accounts see it, refusing the tokens while `refuse` holds.
    const picky: AccountsOptions['vault'] = {
      listAccounts: () => vault.listAccounts(),
      saveAccount: (account) =>
        refuse
          ? Promise.reject(new VaultError('invalid_input', 'The account cannot be saved.'))
          : vault.saveAccount(account),
      removeAccount: (id) => vault.removeAccount(id),
      storageStatus: () => vault.storageStatus(),
      onDidChangeStatus: (listener) => vault.onDidChangeStatus(listener),
    };
    const notices: string[] = [];
    const { rig, account } = await signedIn({
      accounts: { vault: picky, onNotice: (error) => notices.push(error.code) },
    });
    expect(notices).toEqual(['invalid_input']);
    expect(vault.getAccount(account.id)).toBeUndefined();
    expect(account.persisted).toBe(false);
    expect(rig.accounts.get(account.id)!.persisted).toBe(false);

    refuse = false;
    rig.clock.advance(540_000);
    const [saved] = await refreshed(rig, account);
    expect(saved!.persisted).toBe(true);
    expect(vault.getAccount(account.id)).toBeDefined();
  });
});
