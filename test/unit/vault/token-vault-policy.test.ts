import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../main/ipc/contract';
import type { TokenVault } from '../../../main/vault/types';
import { AesGcmCipher } from '../../support/aes-cipher';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import {
  encodedForms,
  makeAccount,
  openVaultIn,
  portal,
  secretsOf,
  SETTINGS_FILE,
  VAULT_FILE,
} from '../../support/vault-fixtures';

describe('TokenVault storage policy', () => {
  let dir: TempDir;
  const opened: TokenVault[] = [];
  const open = async (cipher: AesGcmCipher, platform = 'linux') => {
    const vault = await openVaultIn(dir.path, cipher, { platform });
    opened.push(vault);
    return vault;
  };
  const file = (name: string) => join(dir.path, name);
  const read = (name: string) => readFileSync(file(name), 'utf8');
  const expectNoSecretIn = (text: string, secrets: string[]) => {
    for (const secret of secrets)
      for (const form of encodedForms(secret)) expect(text).not.toContain(form);
  };

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    for (const vault of opened.splice(0)) await vault.dispose();
    dir.dispose();
  });

  it('keeps tokens in memory on basic_text and writes nothing secret', async () => {
    const cipher = AesGcmCipher.random({ backend: 'basic_text' });
    const vault = await open(cipher);
    expect(vault.storageStatus()).toEqual({
      backend: 'basic_text',
      encryptionAvailable: true,
      weak: true,
      policy: 'memory-only',
      recovered: null,
      fileKept: null,
      lastWriteError: null,
    });
    await vault.saveAccount(makeAccount('a'));
    await vault.setClientSecret(portal('netrex'), 'CS-basic');
    expect(vault.getAccount('id-a')).toEqual(makeAccount('a'));
    expect(vault.getClientSecret(portal('netrex'))).toBe('CS-basic');
    expect(existsSync(file(VAULT_FILE))).toBe(false);
    expect(cipher.calls.encrypt).toBe(0);
    // Nothing of the session survives it.
    expect((await open(cipher)).listAccounts()).toEqual([]);
  });

  it('writes the in-memory accounts on opt-in and remembers the choice', async () => {
    const cipher = AesGcmCipher.random({ backend: 'basic_text' });
    const vault = await open(cipher);
    const seen: StorageStatus[] = [];
    vault.onDidChangeStatus((status) => seen.push(status));
    await vault.saveAccount(makeAccount('a'));

    const status = await vault.setWeakStorageAllowed(true);
    expect(status).toMatchObject({ policy: 'weak-allowed', weak: true });
    expect(seen.map((s) => s.policy)).toEqual(['weak-allowed']);
    expect(JSON.parse(read(SETTINGS_FILE))).toEqual({ version: 1, weakStorageAllowed: true });
    expectNoSecretIn(read(VAULT_FILE), secretsOf(makeAccount('a')));

    const reopened = await open(cipher);
    expect(reopened.storageStatus().policy).toBe('weak-allowed');
    expect(reopened.listAccounts()).toEqual([makeAccount('a')]);
  });

  it('takes the secrets off disk on opt-out, keeping the session signed in', async () => {
    const cipher = AesGcmCipher.random({ backend: 'basic_text' });
    const vault = await open(cipher);
    await vault.setWeakStorageAllowed(true);
    await vault.saveAccount(makeAccount('a'));
    await vault.setClientSecret(portal('netrex'), 'CS-out');
    const sealedBefore = JSON.parse(read(VAULT_FILE)).sealed;
    expect(sealedBefore).toEqual(expect.any(String));

    const seen: string[] = [];
    const subscription = vault.onDidChangeStatus((s) => seen.push(s.policy));
    expect(await vault.setWeakStorageAllowed(false)).toMatchObject({ policy: 'memory-only' });
    expect(seen).toEqual(['memory-only']);
    expect(JSON.parse(read(VAULT_FILE))).toMatchObject({ sealed: null });
    expect(read(VAULT_FILE)).not.toContain(sealedBefore.slice(0, 40));
    expect(vault.getAccount('id-a')).toEqual(makeAccount('a'));
    expect(vault.getClientSecret(portal('netrex'))).toBe('CS-out');

    // Later saves stay off disk too.
    await vault.saveAccount(makeAccount('b'));
    expect(JSON.parse(read(VAULT_FILE))).toMatchObject({ sealed: null });
    await subscription.dispose();
    await vault.setWeakStorageAllowed(true);
    expect(seen).toEqual(['memory-only']);

    await vault.setWeakStorageAllowed(false);
    const reopened = await open(cipher);
    expect(reopened.storageStatus().policy).toBe('memory-only');
    expect(reopened.listAccounts()).toEqual([]);
  });

  it('offers no opt-in when nothing can be encrypted, and never writes', async () => {
    const cipher = AesGcmCipher.random({ backend: 'unavailable', available: false });
    const vault = await open(cipher);
    expect(vault.storageStatus()).toEqual({
      backend: 'unavailable',
      encryptionAvailable: false,
      weak: true,
      policy: 'memory-only',
      recovered: null,
      fileKept: null,
      lastWriteError: null,
    });
    await vault.saveAccount(makeAccount('a'));
    await expect(vault.setWeakStorageAllowed(true)).rejects.toMatchObject({
      code: 'weak_storage_unavailable',
    });
    expect(vault.storageStatus().policy).toBe('memory-only');
    expect(await vault.setWeakStorageAllowed(false)).toMatchObject({ policy: 'memory-only' });
    expect(readdirSync(dir.path)).toEqual([]);
    expect(vault.getAccount('id-a')).toEqual(makeAccount('a'));
  });

  it.each([
    ['linux', 'gnome_libsecret'],
    ['linux', 'kwallet5'],
    ['win32', 'dpapi'],
    ['darwin', 'keychain'],
  ])('encrypts on %s with %s', async (platform, backend) => {
    const cipher = AesGcmCipher.random({ backend });
    const vault = await open(cipher, platform);
    expect(vault.storageStatus()).toMatchObject({ backend, policy: 'encrypted', weak: false });
    await vault.saveAccount(makeAccount('a'));
    expect(JSON.parse(read(VAULT_FILE))).toMatchObject({ backend, sealed: expect.any(String) });
    expect((await open(cipher, platform)).listAccounts()).toEqual([makeAccount('a')]);
  });

  it('leaves a file it may not read untouched while tokens stay in memory', async () => {
    const keyring = AesGcmCipher.random({ backend: 'gnome_libsecret' });
    const first = await open(keyring);
    await first.saveAccount(makeAccount('kept'));
    const before = readFileSync(file(VAULT_FILE));

    // Next session: no keyring, so Chromium falls back to basic_text.
    const vault = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    expect(vault.listAccounts()).toEqual([]);
    await vault.saveAccount(makeAccount('session'));
    expect(readFileSync(file(VAULT_FILE)).equals(before)).toBe(true);
    expect(vault.storageStatus().recovered).toBeNull();

    // Back with the keyring: everything is still there.
    expect((await open(keyring)).listAccounts()).toEqual([makeAccount('kept')]);
  });

  it('on opt-in, leaves a file sealed by a keyring that is away untouched, and says which', async () => {
    const keyring = AesGcmCipher.random({ backend: 'kwallet6' });
    await (await open(keyring)).saveAccount(makeAccount('old'));
    const evidence = readFileSync(file(VAULT_FILE));
    const vault = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    await vault.saveAccount(makeAccount('new'));
    const seen: StorageStatus[] = [];
    vault.onDidChangeStatus((s) => seen.push(s));

    const status = await vault.setWeakStorageAllowed(true);
    expect(status.policy).toBe('memory-only');
    expect(status.recovered).toBeNull();
    expect(status.fileKept).toMatchObject({ path: file(VAULT_FILE), sealedBy: 'kwallet6' });
    expect(status.fileKept!.reason).toMatch(/kwallet6.*not available now/);
    expect(seen.at(-1)).toEqual(status);
    expect(vault.listAccounts()).toEqual([makeAccount('new')]);
    await vault.saveAccount(makeAccount('newer'));
    expect(readdirSync(dir.path).sort()).toEqual([SETTINGS_FILE, VAULT_FILE]);
    expect(readFileSync(file(VAULT_FILE)).equals(evidence)).toBe(true);

    // The keyring is back: everything it sealed is still there.
    expect((await open(keyring)).listAccounts()).toEqual([makeAccount('old')]);
  });

  it('with the opt-in remembered, one session without the keyring does not move its file aside', async () => {
    const keyring = AesGcmCipher.random({ backend: 'gnome_libsecret' });
    const first = await open(keyring);
    await first.setWeakStorageAllowed(true);
    await first.saveAccount(makeAccount('kept'));
    const evidence = readFileSync(file(VAULT_FILE));

    // A day libsecret does not answer: Chromium falls back to basic_text.
    const weak = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    const status = weak.storageStatus();
    expect(status).toMatchObject({ policy: 'memory-only', recovered: null });
    expect(status.fileKept).toMatchObject({ sealedBy: 'gnome_libsecret' });
    await weak.saveAccount(makeAccount('session'));
    expect(weak.getAccount('id-session')).toEqual(makeAccount('session'));
    expect(readdirSync(dir.path).sort()).toEqual([SETTINGS_FILE, VAULT_FILE]);
    expect(readFileSync(file(VAULT_FILE)).equals(evidence)).toBe(true);

    const back = await open(keyring);
    expect(back.listAccounts()).toEqual([makeAccount('kept')]);
    expect(back.storageStatus().fileKept).toBeNull();
  });

  it('on opt-in, still sets aside a file the same kind of key store cannot decrypt', async () => {
    await (await open(AesGcmCipher.random({ backend: 'basic_text' }))).setWeakStorageAllowed(true);
    await (
      await open(AesGcmCipher.random({ backend: 'basic_text' }))
    ).saveAccount(makeAccount('old'));
    const evidence = readFileSync(file(VAULT_FILE));
    // Another basic_text key (the file came from another computer): it will never open here.
    const vault = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    const status = vault.storageStatus();
    expect(status.policy).toBe('weak-allowed');
    expect(status.fileKept).toBeNull();
    expect(readFileSync(status.recovered!.movedTo).equals(evidence)).toBe(true);
  });

  it('on opt-in, merges what is on disk with the session (the session wins)', async () => {
    const cipher = AesGcmCipher.random({ backend: 'basic_text' });
    const first = await open(cipher);
    await first.setWeakStorageAllowed(true);
    await first.saveAccount(makeAccount('disk'));
    await first.saveAccount(makeAccount('both', 1));
    await first.setClientSecret(portal('netrex'), 'CS-disk');
    // Another session forgets the opt-in file (as if it were lost) and signs in again.
    writeFileSync(file(SETTINGS_FILE), JSON.stringify({ version: 1, weakStorageAllowed: false }));
    const vault = await open(cipher);
    await vault.saveAccount(makeAccount('both', 2));
    await vault.setWeakStorageAllowed(true);
    expect(vault.listAccounts()).toEqual([makeAccount('both', 2), makeAccount('disk')]);
    expect(vault.getClientSecret(portal('netrex'))).toBe('CS-disk');
    expect((await open(cipher)).listAccounts()).toEqual(vault.listAccounts());
  });

  it('remembers an opt-in made on a protected key store for a later weak session', async () => {
    const vault = await open(AesGcmCipher.random({ backend: 'gnome_libsecret' }));
    expect(await vault.setWeakStorageAllowed(true)).toMatchObject({ policy: 'encrypted' });
    const weak = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    expect(weak.storageStatus().policy).toBe('weak-allowed');
  });

  it('sets a damaged settings file aside and falls back to no opt-in', async () => {
    writeFileSync(file(SETTINGS_FILE), '{"weakStorageAllowed": tru');
    const vault = await open(AesGcmCipher.random({ backend: 'basic_text' }));
    expect(vault.storageStatus().policy).toBe('memory-only');
    const names = readdirSync(dir.path);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^vault-settings\.json\.corrupted-/);
    expect(read(names[0]!)).toBe('{"weakStorageAllowed": tru');
  });

  it('says why the opt-in was forgotten, and the sign-ins saved before come back on a new opt-in', async () => {
    const cipher = AesGcmCipher.random({ backend: 'basic_text' });
    const first = await open(cipher);
    await first.setWeakStorageAllowed(true);
    await first.saveAccount(makeAccount('a'));
    expect(first.warnings).toEqual([]);
    writeFileSync(file(SETTINGS_FILE), JSON.stringify({ version: 1, weakStorageAllowed: 'yes' }));

    const forgetful = await open(cipher);
    expect(forgetful.storageStatus().policy).toBe('memory-only');
    expect(forgetful.listAccounts()).toEqual([]);
    expect(forgetful.warnings).toEqual([
      {
        code: 'vault_settings_unreadable',
        message: expect.stringMatching(
          /could not be read \(its layout is not one this app writes\)\. It was moved aside to .*vault-settings\.json\.invalid-.*kept in memory only.*still on disk/,
        ),
        params: {
          variant: 'memory-only-moved',
          path: expect.stringMatching(/vault-settings\.json\.invalid-/),
        },
      },
    ]);
    // The vault file was neither read nor written over.
    expect(JSON.parse(read(VAULT_FILE)).sealed).toEqual(expect.any(String));
    await forgetful.setWeakStorageAllowed(true);
    expect((await open(cipher)).listAccounts()).toEqual([makeAccount('a')]);
  });

  it('on a protected key store, a damaged settings file changes nothing but is still reported', async () => {
    writeFileSync(file(SETTINGS_FILE), '[]');
    const vault = await open(AesGcmCipher.random({ backend: 'gnome_libsecret' }));
    expect(vault.storageStatus().policy).toBe('encrypted');
    expect(vault.warnings).toMatchObject([
      { code: 'vault_settings_unreadable', message: expect.stringMatching(/Nothing else changes/) },
    ]);
  });
});
