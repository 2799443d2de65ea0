// Issue 12, defect 5: a keyring that is not unlocked yet (start at login,
// before gnome-keyring or KWallet opens) must not sign every account out. The
// vault over real files on disk, with a cipher whose decrypt says "not now"
// (KeyStoreUnavailableError) until the keyring is unlocked.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../main/common/model';
import type { Cipher } from '../../../main/vault/cipher';
import { KeyStoreUnavailableError } from '../../../main/vault/cipher';
import type { TokenVault } from '../../../main/vault/types';
import { AesGcmCipher } from '../../support/aes-cipher';
import { KeyringCipher } from '../../support/keyring-cipher';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { makeAccount, openVaultIn, VAULT_FILE } from '../../support/vault-fixtures';

const AT = Date.parse('2026-12-03T07:58:00.000Z');
const clock = { now: () => AT };

describe('a vault whose keyring is not unlocked yet', () => {
  let dir: TempDir;
  const key = randomBytes(32);
  const opened: TokenVault[] = [];
  const open = async (cipher: Cipher) => {
    const vault = await openVaultIn(dir.path, cipher, { clock });
    opened.push(vault);
    return vault;
  };
  const fileBytes = () => readFileSync(join(dir.path, VAULT_FILE));

  beforeEach(async () => {
    dir = makeTempDir('netrex-keyring-wait-');
    // Yesterday: two accounts saved with the keyring open.
    const yesterday = await open(new KeyringCipher(key, { locked: false }));
    await yesterday.saveAccount(makeAccount('office'));
    await yesterday.saveAccount(makeAccount('depot'));
    await yesterday.dispose();
  });

  afterEach(async () => {
    for (const vault of opened.splice(0)) await vault.dispose();
    dir.dispose();
  });

  it('keeps the file exactly as it is, sets nothing aside, and says it waits for the keyring', async () => {
    const before = fileBytes();
    const vault = await open(new KeyringCipher(key));
    expect(vault.listAccounts()).toEqual([]);
    expect(vault.storageStatus()).toMatchObject({
      policy: 'memory-only',
      recovered: null,
      fileKept: null,
      keyStoreWaiting: {
        path: join(dir.path, VAULT_FILE),
        sealedBy: 'gnome_libsecret',
        since: AT,
        unsavedChanges: false,
      },
    });
    expect(fileBytes().equals(before)).toBe(true);
    expect(readdirSync(dir.path)).toEqual([VAULT_FILE]); // nothing set aside next to it
  });

  it('a sign-in while waiting is kept in memory and said to be so; the file is not touched', async () => {
    const before = fileBytes();
    const vault = await open(new KeyringCipher(key));
    await vault.saveAccount(makeAccount('new-office'));
    expect(vault.listAccounts().map((a) => a.id)).toEqual(['id-new-office']);
    expect(vault.storageStatus().keyStoreWaiting?.unsavedChanges).toBe(true);
    expect(fileBytes().equals(before)).toBe(true);
  });

  it('asked again while still locked: still waiting, still untouched', async () => {
    const before = fileBytes();
    const cipher = new KeyringCipher(key);
    const vault = await open(cipher);
    const status = await vault.retryKeyStore();
    expect(status.keyStoreWaiting).toBeTruthy();
    expect(cipher.calls.decrypt).toBe(2);
    expect(fileBytes().equals(before)).toBe(true);
  });

  it('once unlocked: every account comes back, with the ones signed in meanwhile, and all are written', async () => {
    const cipher = new KeyringCipher(key);
    const vault = await open(cipher);
    await vault.saveAccount(makeAccount('new-office'));
    const told: StorageStatus[] = [];
    vault.onDidChangeStatus((status) => told.push(status));

    cipher.unlock();
    const status = await vault.retryKeyStore();
    expect(status.keyStoreWaiting).toBeUndefined();
    expect(status.policy).toBe('encrypted');
    expect(
      vault
        .listAccounts()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['id-depot', 'id-new-office', 'id-office']);
    expect(told.at(-1)?.keyStoreWaiting).toBeUndefined();

    // On disk: all three, sealed, readable with the key tomorrow.
    const tomorrow = await open(new KeyringCipher(key, { locked: false }));
    expect(
      tomorrow
        .listAccounts()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['id-depot', 'id-new-office', 'id-office']);
  });

  it('a weak key store meanwhile (Chromium seals with its own key): still told it waits, nothing loaded or written', async () => {
    const before = fileBytes();
    let locked = true;
    const aes = new AesGcmCipher(key);
    // What the app's cipher is after the keyring failed at start: basic_text.
    const cipher: Cipher = {
      get backend() {
        return locked ? 'basic_text' : 'gnome_libsecret';
      },
      isEncryptionAvailable: () => true,
      encrypt: (plain) => aes.encrypt(plain),
      decrypt: (sealed) =>
        locked ? Promise.reject(new KeyStoreUnavailableError()) : aes.decrypt(sealed),
    };
    const vault = await open(cipher);
    expect(vault.storageStatus()).toMatchObject({
      backend: 'basic_text',
      weak: true,
      keyStoreWaiting: { sealedBy: 'gnome_libsecret' },
    });
    expect(vault.listAccounts()).toEqual([]);
    expect(fileBytes().equals(before)).toBe(true);

    locked = false;
    const status = await vault.retryKeyStore();
    expect(status).toMatchObject({ backend: 'gnome_libsecret', weak: false, policy: 'encrypted' });
    expect(
      vault
        .listAccounts()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['id-depot', 'id-office']);
  });

  it('control: data the key store cannot open for good is still set aside (that is damage)', async () => {
    const vault = await open(new KeyringCipher(randomBytes(32), { locked: false }));
    expect(vault.storageStatus().recovered?.damage).toBe('undecryptable');
    expect(vault.storageStatus().keyStoreWaiting).toBeUndefined();
  });
});
