// Issue 12, defect 5, through the whole services: the app starts (at login)
// before the keyring is unlocked. The saved sign-ins wait — the file kept,
// the operator told — the services ask the keyring again on a schedule and
// when the computer wakes up, and the accounts come back by themselves once
// it opens. Real files, the portal stand-in, a manual clock.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../main/ipc/contract';
import {
  KEY_STORE_RETRY_DELAYS_MS,
  keyStoreRetryDelay,
} from '../../../main/services/key-store-retry';
import { KeyringCipher } from '../../support/keyring-cipher';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { openVaultIn } from '../../support/vault-fixtures';

const rigs: ServicesRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0).reverse()) await rig.close();
});

/** Yesterday: signed in with the keyring open, then the app closed. */
async function signedInYesterday(key: Buffer) {
  const first = await startServicesRig({ cipher: new KeyringCipher(key, { locked: false }) });
  const accountId = await first.signInWithBrowser('demo');
  await first.close({ keepDir: true, keepPortal: true });
  return { accountId, dir: first.dir, portal: first.portal, clock: first.clock };
}

const codes = (notices: readonly Notice[]) => notices.map((n) => n.code);

describe('the schedule', () => {
  it('asks quickly at first, then every five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(keyStoreRetryDelay)).toEqual([
      5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 300_000, 300_000,
    ]);
    expect(KEY_STORE_RETRY_DELAYS_MS.at(-1)).toBe(300_000);
  });
});

describe('the services while the keyring is locked', () => {
  it('the diagnosis report says the saved sign-ins wait for the keyring, in English and Czech', async () => {
    const key = randomBytes(32);
    const yesterday = await signedInYesterday(key);
    const rig = await startServicesRig({ ...yesterday, cipher: new KeyringCipher(key) });
    rigs.push(rig);
    for (const language of ['en', 'cs'] as const) {
      const result = await rig.services.handlers.runDiagnosis(language);
      if (!result.ok) throw new Error(result.error.code);
      const check = result.value.report.sections
        .flatMap((section) => section.checks)
        .find((c) => c.id === 'storage.keyring-wait');
      expect(check).toMatchObject({ status: 'fail', code: 'key_store_unavailable' });
      expect(check?.detail).toMatch(
        language === 'en' ? /The file is kept as it is/ : /Soubor zůstává beze změny/,
      );
    }
  });

  it('keep the accounts file, tell the operator, and bring the accounts back on the schedule once it opens', async () => {
    const key = randomBytes(32);
    const yesterday = await signedInYesterday(key);
    const file = join(yesterday.dir.path, 'vault.json');
    const before = readFileSync(file);

    const cipher = new KeyringCipher(key);
    const rig = await startServicesRig({ ...yesterday, cipher });
    rigs.push(rig);
    rig.services.events.windowReady();
    expect(rig.services.accounts()).toEqual([]);
    expect(rig.services.storageStatus().keyStoreWaiting).toMatchObject({ path: file });
    expect(codes(rig.notices())).toContain('vault_waiting_for_keyring');
    expect(codes(rig.notices())).not.toContain('vault_recovered');

    // The first two tries (5 s, then 15 s later) find it still locked.
    rig.clock.advance(5_000);
    await expect.poll(() => cipher.calls.decrypt).toBe(2);
    rig.clock.advance(15_000);
    await expect.poll(() => cipher.calls.decrypt).toBe(3);
    expect(readFileSync(file).equals(before)).toBe(true);

    // Unlocked; the next try (30 s) opens it and the account is back, connected.
    cipher.unlock();
    rig.clock.advance(30_000);
    const back = await rig.until('accounts-changed', (list) =>
      list.some((a) => a.id === yesterday.accountId && a.state === 'connected'),
    );
    expect(back.map((a) => a.id)).toEqual([yesterday.accountId]);
    expect(codes(rig.notices())).toContain('vault_keyring_opened');
    expect(rig.services.storageStatus().keyStoreWaiting).toBeUndefined();
    // Nothing was lost: the file holds the account, and no further try is made.
    const disk = await openVaultIn(yesterday.dir.path, new KeyringCipher(key, { locked: false }));
    expect(disk.listAccounts().map((a) => a.id)).toEqual([yesterday.accountId]);
    await disk.dispose();
    const tries = cipher.calls.decrypt;
    rig.clock.advance(600_000);
    expect(cipher.calls.decrypt).toBe(tries);
  });

  it('ask again at once when the computer wakes up', async () => {
    const key = randomBytes(32);
    const yesterday = await signedInYesterday(key);
    const cipher = new KeyringCipher(key);
    const rig = await startServicesRig({ ...yesterday, cipher });
    rigs.push(rig);
    cipher.unlock();
    rig.services.resume();
    const back = await rig.until('accounts-changed', (list) => list.length === 1);
    expect(back[0]?.id).toBe(yesterday.accountId);
  });

  it('a sign-in made while waiting stays, and replaces the saved account of the same portal', async () => {
    const key = randomBytes(32);
    const yesterday = await signedInYesterday(key);
    const cipher = new KeyringCipher(key);
    const rig = await startServicesRig({ ...yesterday, cipher });
    rigs.push(rig);
    const today = await rig.signInWithBrowser('demo');
    expect(rig.services.storageStatus().keyStoreWaiting?.unsavedChanges).toBe(true);
    expect(rig.services.accounts().find((a) => a.id === today)?.persisted).toBe(false);

    cipher.unlock();
    rig.services.resume();
    await expect.poll(() => rig.services.storageStatus().keyStoreWaiting).toBeUndefined();
    await expect.poll(() => rig.services.accounts().map((a) => a.id)).toEqual([today]);
    await expect.poll(() => rig.services.accounts()[0]?.persisted).toBe(true);
    const disk = await openVaultIn(yesterday.dir.path, new KeyringCipher(key, { locked: false }));
    expect(disk.listAccounts().map((a) => a.id)).toEqual([today]);
    await disk.dispose();
  });
});
