// The Cipher adapter over safeStorage (main/electron/secure-storage.ts) under
// a typed double of Electron whose safeStorage seals as Chromium's
// os_crypt_async does on Linux (test/support/electron-double/safe-storage.ts).
// Issue 12, defect 6: getSelectedStorageBackend() is the start-up guess, and a
// keyring that does not answer leaves Chromium sealing with its hard-coded key
// ("v10") under a "gnome_libsecret" label. Defect 5: decryptStringAsync
// rejects with "temporarily unavailable" for data a keyring sealed that has
// not given its key (electron_api_safe_storage.cc).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher } from '../../../main/electron/secure-storage';
import { KeyStoreUnavailableError } from '../../../main/vault/cipher';
import { electronDouble } from '../../support/electron-double/mocked';
import { makeTempDir } from '../../support/temp-dir';
import { makeAccount, openVaultIn } from '../../support/vault-fixtures';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

describe.skipIf(process.platform !== 'linux')('the safeStorage cipher (Linux)', () => {
  const double = electronDouble();
  const dir = makeTempDir('netrex-secure-storage-');

  afterAll(() => dir.dispose());

  it('refuses to start before ready (safeStorage cannot be used then)', async () => {
    await expect(createSafeStorageCipher()).rejects.toThrow(/only after the app is ready/);
    double.app.emitReady();
  });

  it('a keyring that answers: the backend is the keyring', async () => {
    double.safeStorage.nextRun({ keyring: 'opens' });
    const cipher = await createSafeStorageCipher();
    expect(cipher.backend).toBe('gnome_libsecret');
    expect(cipher.isEncryptionAvailable()).toBe(true);
  });

  it('a keyring that did not answer: Electron says gnome_libsecret, the data is v10, the cipher says basic_text', async () => {
    double.safeStorage.nextRun({ keyring: 'fails' });
    expect(double.electron.safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
    const cipher = await createSafeStorageCipher();
    expect(cipher.backend).toBe('basic_text');
    expect(
      Buffer.from(await cipher.encrypt('x'))
        .subarray(0, 3)
        .toString(),
    ).toBe('v10');
  });

  it('and the weak-storage policy applies to it: nothing reaches the disk without consent', async () => {
    double.safeStorage.nextRun({ keyring: 'fails' });
    const vault = await openVaultIn(dir.path, await createSafeStorageCipher());
    try {
      expect(vault.storageStatus()).toMatchObject({
        backend: 'basic_text',
        weak: true,
        policy: 'memory-only',
      });
      await vault.saveAccount(makeAccount('office'));
      expect(vault.storageStatus().policy).toBe('memory-only');
    } finally {
      await vault.dispose();
    }
  });

  it('data a keyring sealed, read while that keyring has not answered: a KeyStoreUnavailableError, not damage', async () => {
    double.safeStorage.nextRun({ keyring: 'opens' });
    const sealed = await (await createSafeStorageCipher()).encrypt('refresh-token');
    double.safeStorage.nextRun({ keyring: 'fails' });
    const locked = await createSafeStorageCipher();
    const error = await locked.decrypt(sealed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyStoreUnavailableError);
    expect(String(error)).not.toContain('refresh-token');
    // The next run, with the keyring open, reads it.
    double.safeStorage.nextRun({ keyring: 'opens' });
    await expect((await createSafeStorageCipher()).decrypt(sealed)).resolves.toBe('refresh-token');
  });

  it('data from another key: an ordinary failure (the vault sets such a file aside)', async () => {
    double.safeStorage.nextRun({ keyring: 'opens' });
    const sealed = await (await createSafeStorageCipher()).encrypt('x');
    double.safeStorage.nextRun({ keyring: 'opens', keyringSecret: Buffer.from('another secret') });
    const error = await (await createSafeStorageCipher()).decrypt(sealed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(KeyStoreUnavailableError);
  });

  it("breaks no Electron rule once ready (the one before-ready use was the test's own)", () => {
    expect(double.rules.violations.map((v) => v.rule)).toEqual([]);
  });
});
