// A browser sign-in asks the portal for the camera count while the tokens
// are being written, not after: the probe needs only the fresh access token.
// Whichever lands first, the account ends in the right state — the probe
// failing while the write succeeds, the write failing while the probe
// succeeds, a refused probe removing the account after the write — and a
// probe still running for replaced tokens is followed by one for the new
// ones. Real vault files, the portal stand-in on a manual clock.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsOptions } from '../../../main/accounts';
import type { TokenVault } from '../../../main/vault/types';
import { playAuthorization, revoke } from '../../support/portal-client';
import { AesGcmCipher } from '../../support/aes-cipher';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';
import { createFetchGate } from '../../support/fetch-gate';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { openVaultIn } from '../../support/vault-fixtures';

let rig: AccountsRig | undefined;
let extra: { vault: TokenVault; dir: TempDir; release: () => void } | undefined;
afterEach(async () => {
  extra?.release(); // a failed test must not leave a save waiting: closing waits for it
  await rig?.close();
  await extra?.vault.dispose();
  extra?.dir.dispose();
  rig = undefined;
  extra = undefined;
});

/** A vault whose saves wait at a gate until `release()`: a slow disk the test controls. */
async function heldVault() {
  const dir = makeTempDir('netrex-probe-');
  const cipher = AesGcmCipher.random({ backend: 'gnome_libsecret' });
  const vault = await openVaultIn(dir.path, cipher);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  extra = { vault, dir, release: () => open() };
  let waiting = 0;
  const held: AccountsOptions['vault'] = {
    listAccounts: () => vault.listAccounts(),
    saveAccount: async (account) => {
      waiting++;
      await gate;
      waiting--;
      return vault.saveAccount(account);
    },
    removeAccount: (id) => vault.removeAccount(id),
    storageStatus: () => vault.storageStatus(),
    onDidChangeStatus: (listener) => vault.onDidChangeStatus(listener),
  };
  return {
    held,
    vault,
    get waiting() {
      return waiting;
    },
    release: () => open(),
    onDisk: async () => {
      const disk = await openVaultIn(dir.path, cipher);
      const accounts = disk.listAccounts();
      await disk.dispose();
      return accounts;
    },
  };
}

describe('the status probe of a sign-in', () => {
  it('runs while the tokens are written: 3 cameras shown before the write lands, then on disk', async () => {
    const disk = await heldVault();
    rig = await startAccountsRig({ accounts: { vault: disk.held } });
    const signing = rig.signIn();
    const [shown] = await rig.until(([a]) => a?.cameras?.count === 3);
    expect(shown).toMatchObject({ state: 'connected', cameras: { count: 3 } });
    // The write is still waiting: nothing in the vault, nothing on disk yet.
    expect(disk.waiting).toBe(1);
    expect(disk.vault.listAccounts()).toEqual([]);
    expect(await disk.onDisk()).toEqual([]);
    expect(rig.portal.stats.graphql.requests).toBe(1);

    disk.release();
    const account = await signing;
    expect(account).toMatchObject({ state: 'connected', cameras: { count: 3 }, persisted: true });
    const [stored] = await disk.onDisk();
    expect(stored).toMatchObject({ id: account.id, providerId: 'demo' });
    // One probe, not a second one after the write.
    expect(rig.portal.stats.graphql.requests).toBe(1);
  });

  it('fails (503) while the write succeeds: offline with the reason, the tokens on disk', async () => {
    rig = await startAccountsRig();
    rig.portal.faults.inject('graphql', { kind: '503', count: 1 });
    const account = await rig.signIn();
    const offline = await rig.untilState(account.id, 'offline');
    expect(offline.lastError).toMatchObject({ code: 'api_unavailable' });
    expect(offline.persisted).toBe(true);
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)).toEqual(rig.vault.getAccount(account.id));
    await disk.dispose();
    expect(rig.states(account.id)).toEqual(['connected', 'offline']);
  });

  it('succeeds while the write fails: connected with 3 cameras, not persisted, the operator told', async () => {
    const notices: string[] = [];
    rig = await startAccountsRig({ accounts: { onNotice: (error) => notices.push(error.code) } });
    // The file's place is taken by a folder with something in it: the write fails.
    const file = join(rig.dir.path, 'vault.json');
    rmSync(file, { force: true });
    mkdirSync(file);
    writeFileSync(join(file, 'in-the-way'), '');
    const account = await rig.signIn();
    const [shown] = await rig.until(([a]) => a?.cameras?.count === 3);
    expect(shown).toMatchObject({ id: account.id, state: 'connected', persisted: false });
    expect(notices).toEqual(['write_failed']);
    expect(rig.vault.storageStatus().lastWriteError).toMatchObject({ code: 'write_failed' });
  });

  it('refused (the grant revoked at once) while the write runs: expired, and off the disk after the write', async () => {
    rig = await startAccountsRig();
    const { authorizationUrl } = await rig.engine.startAuthorization('demo');
    const redirect = await playAuthorization(rig.portal, authorizationUrl);
    const result = await rig.engine.completeAuthorization(redirect);
    // Revoking the access token at the portal ends its refresh token too.
    expect((await revoke(rig.portal, result.tokens.accessToken)).status).toBe(200);

    const account = await rig.accounts.acceptAuthorization(result, { endReplacedGrant: false });
    const expired = await rig.untilState(account.id, 'expired');
    expect(expired.lastError).toMatchObject({ code: 'invalid_grant' });
    expect(rig.vault.getAccount(account.id)).toBeUndefined();
    const disk = await rig.readDisk();
    expect(disk.listAccounts()).toEqual([]);
    await disk.dispose();
  });

  it('still running for tokens a new sign-in replaced: a probe for the new tokens follows it', async () => {
    const gate = createFetchGate();
    rig = await startAccountsRig({ accounts: { fetch: gate.fetch, probeIntervalMs: 60_000 } });
    const first = await rig.signIn();
    await rig.until(([a]) => a?.cameras?.count === 3);
    expect(rig.portal.stats.graphql.requests).toBe(1);

    // The periodic probe is on its way when the operator signs in again.
    const held = gate.hold((url) => url.pathname === '/api/graphql.php');
    rig.clock.advance(60_000);
    await held.arrived();
    const second = await rig.signIn();
    expect(second.id).toBe(first.id);
    expect(held.waiting).toBe(1);

    held.release();
    await rig.until(
      ([a]) => a?.lastCheckAt === rig!.clock.now() && rig!.portal.stats.graphql.requests === 3,
    );
    expect(rig.accounts.get(first.id)).toMatchObject({ state: 'connected', cameras: { count: 3 } });
  });
});
