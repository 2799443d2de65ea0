import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfDocumentStore, type DocumentStore } from '../../../main/common/document-store';
import { VaultError } from '../../../main/vault/errors';
import { openTokenVault } from '../../../main/vault/token-vault';
import type { StoredAccount, TokenVault } from '../../../main/vault/types';
import { AesGcmCipher } from '../../support/aes-cipher';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import {
  makeAccount,
  openVaultIn,
  portal,
  secretsOf,
  VAULT_FILE,
} from '../../support/vault-fixtures';

describe('TokenVault', () => {
  let dir: TempDir;
  let cipher: AesGcmCipher;
  let vault: TokenVault;
  const vaultBytes = () => readFileSync(join(dir.path, VAULT_FILE), 'utf8');

  beforeEach(async () => {
    dir = makeTempDir();
    cipher = AesGcmCipher.random({ backend: 'gnome_libsecret' });
    vault = await openVaultIn(dir.path, cipher);
  });
  afterEach(async () => {
    await vault.dispose();
    dir.dispose();
  });

  it('starts empty and encrypted on a protected key store', () => {
    expect(vault.listAccounts()).toEqual([]);
    expect(vault.storageStatus()).toEqual({
      backend: 'gnome_libsecret',
      encryptionAvailable: true,
      weak: false,
      policy: 'encrypted',
      recovered: null,
      fileKept: null,
      lastWriteError: null,
    });
  });

  it('saves, replaces and removes accounts, keeping their order', async () => {
    await vault.saveAccount(makeAccount('a'));
    await vault.saveAccount(makeAccount('b'));
    await vault.saveAccount(makeAccount('a', 1));
    expect(vault.listAccounts().map((a) => a.id)).toEqual(['id-a', 'id-b']);
    expect(vault.getAccount('id-a')).toEqual(makeAccount('a', 1));
    await vault.removeAccount('id-a');
    await vault.removeAccount('id-a'); // idempotent
    expect(vault.listAccounts()).toEqual([makeAccount('b')]);
    expect(vault.getAccount('id-a')).toBeUndefined();
  });

  it('has each save on disk when it resolves (a rotated refresh token survives a crash)', async () => {
    await vault.saveAccount(makeAccount('a'));
    const rotated = makeAccount('a', 7);
    await vault.saveAccount(rotated);
    // A second vault over the same file, as after a crash right now.
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.getAccount('id-a')).toEqual(rotated);
    await reopened.dispose();
  });

  it('loses nothing when many saves run at once, and writes far fewer times', async () => {
    const accounts = Array.from({ length: 200 }, (_, i) => makeAccount(`n${i}`, i));
    cipher.calls.encrypt = 0;
    await Promise.all(accounts.map((account) => vault.saveAccount(account)));
    expect(vault.listAccounts()).toEqual(accounts);
    // Saves made while a write runs share the next one.
    expect(cipher.calls.encrypt).toBeLessThanOrEqual(3);
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.listAccounts()).toEqual(accounts);
    await reopened.dispose();
  });

  it('keeps the last of interleaved saves and removes of one account', async () => {
    const steps: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      if (i % 7 === 0) steps.push(vault.removeAccount('id-x'));
      steps.push(vault.saveAccount(makeAccount('x', i)));
    }
    steps.push(vault.removeAccount('id-gone'), vault.saveAccount(makeAccount('y')));
    steps.push(vault.removeAccount('id-y'));
    await Promise.all(steps);
    expect(vault.listAccounts().map((a) => a.id)).toEqual(['id-x']);
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.getAccount('id-x')).toEqual(makeAccount('x', 49));
    await reopened.dispose();
  });

  it('hands out frozen copies that cannot change what is stored', async () => {
    const input = { ...makeAccount('a'), extra: 'dropped' } as StoredAccount;
    await vault.saveAccount(input);
    const stored = vault.getAccount('id-a')!;
    expect(stored).not.toHaveProperty('extra');
    expect(Object.isFrozen(stored) && Object.isFrozen(stored.tokens)).toBe(true);
    expect(() => ((stored.rights as string[])[0] = 'admin')).toThrow(TypeError);
  });

  it('keeps client secrets by provider, sealed like the tokens', async () => {
    await vault.setClientSecret(portal('netrex'), 'CS"secret\\one');
    await vault.setClientSecret(portal('camstreamer'), 'CS-two');
    expect(vault.getClientSecret(portal('netrex'))).toBe('CS"secret\\one');
    expect(vaultBytes()).not.toContain('CS-two');
    await vault.setClientSecret(portal('netrex'), null);
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.getClientSecret(portal('netrex'))).toBeUndefined();
    expect(reopened.getClientSecret(portal('camstreamer'))).toBe('CS-two');
    await reopened.dispose();
  });

  it('hands a client secret out only for the address it was set for', async () => {
    await vault.setClientSecret(portal('netrex'), 'CS-bound');
    expect(vault.getClientSecret(portal('netrex'))).toBe('CS-bound');
    expect(
      vault.getClientSecret({ id: 'netrex', url: 'https://imposter.example' }),
    ).toBeUndefined();
    const reopened = await openVaultIn(dir.path, cipher);
    expect(
      reopened.getClientSecret({ id: 'netrex', url: 'https://imposter.example' }),
    ).toBeUndefined();
    expect(reopened.getClientSecret(portal('netrex'))).toBe('CS-bound');
    await reopened.dispose();
  });

  it('binds a version-1 file to where its providers are now, and writes it as version 2 at once', async () => {
    // As version 1 wrote it: no provider address.
    const unbound = Object.fromEntries(
      Object.entries(makeAccount('old')).filter(([key]) => key !== 'providerUrl'),
    );
    const sealed = await cipher.encrypt(
      JSON.stringify({
        accounts: [unbound],
        clientSecrets: [{ providerId: 'netrex', secret: 'CS-old' }],
      }),
    );
    writeFileSync(
      join(dir.path, VAULT_FILE),
      JSON.stringify({
        format: 'netrex-connect/token-vault',
        version: 1,
        backend: cipher.backend,
        sealed: Buffer.from(sealed).toString('base64'),
      }),
    );
    const migrated = await openTokenVault({
      store: createConfDocumentStore(dir.path, 'vault'),
      settingsStore: createConfDocumentStore(dir.path, 'vault-settings'),
      cipher,
      platform: 'linux',
      providerUrlOf: (id) => (id === 'netrex' ? portal('netrex').url : undefined),
    });
    expect(migrated.getAccount('id-old')).toEqual(makeAccount('old'));
    expect(migrated.getClientSecret(portal('netrex'))).toBe('CS-old');
    await migrated.dispose();
    expect(JSON.parse(readFileSync(join(dir.path, VAULT_FILE), 'utf8'))).toMatchObject({
      version: 2,
    });
    // Read again without any provider list: the addresses are on disk now.
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.getAccount('id-old')).toEqual(makeAccount('old'));
    expect(reopened.getClientSecret(portal('netrex'))).toBe('CS-old');
    await reopened.dispose();
  });

  it('seals the file again at once when the key store says its key was rotated', async () => {
    await vault.saveAccount(makeAccount('a'));
    const before = readFileSync(join(dir.path, VAULT_FILE), 'utf8');
    // The same key store, reporting after a decrypt that a newer key exists.
    let rotated = false;
    let encrypts = 0;
    const rotating = {
      backend: cipher.backend,
      isEncryptionAvailable: () => true,
      encrypt: (plain: string) => {
        encrypts++;
        rotated = false;
        return cipher.encrypt(plain);
      },
      decrypt: async (sealed: Uint8Array) => {
        const plain = await cipher.decrypt(sealed);
        rotated = true;
        return plain;
      },
      reEncryptWanted: () => rotated,
    };
    const reopened = await openVaultIn(dir.path, rotating);
    expect(reopened.getAccount('id-a')).toEqual(makeAccount('a'));
    expect(encrypts).toBe(1);
    expect(readFileSync(join(dir.path, VAULT_FILE), 'utf8')).not.toBe(before);
    await reopened.dispose();
    // Without the signal, opening writes nothing.
    const quiet = await openVaultIn(dir.path, { ...rotating, reEncryptWanted: () => false });
    expect(encrypts).toBe(1);
    await quiet.dispose();
  });

  it('refuses an invalid account with a message that names the field, never the value', async () => {
    const bad = {
      ...makeAccount('a'),
      method: 'SECRET-METHOD',
      tokens: { accessToken: '', refreshToken: 'SECRET-RT', tokenType: 'Bearer' },
    } as unknown as StoredAccount;
    const error = await vault.saveAccount(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'invalid_input' });
    const message = (error as VaultError).message;
    expect(message).toMatch(/method/);
    expect(message).toMatch(/tokens\.accessToken/);
    expect(message).not.toMatch(/SECRET/);
    expect(vault.listAccounts()).toEqual([]);
    await expect(vault.setClientSecret(portal('netrex'), '')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('reports a failed write without the path or the secret, and keeps the account in memory', async () => {
    const store = createConfDocumentStore(dir.path, 'failing');
    const failing: DocumentStore = {
      ...store,
      read: () => store.read(),
      moveAside: (reason, now) => store.moveAside(reason, now),
      write() {
        const error = new Error(`ENOSPC: no space left, write '${dir.path}/x' RT"a`);
        throw Object.assign(error, { code: 'ENOSPC' });
      },
    };
    const broken = await openTokenVault({
      store: failing,
      settingsStore: createConfDocumentStore(dir.path, 'failing-settings'),
      cipher,
      platform: 'linux',
    });
    const error = await broken.saveAccount(makeAccount('a')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VaultError', code: 'write_failed' });
    expect((error as Error).message).toContain('ENOSPC');
    expect((error as Error).message).not.toContain(dir.path);
    expect((error as Error).message).not.toContain('RT"');
    expect(broken.getAccount('id-a')).toEqual(makeAccount('a'));
    // Until a write succeeds, the status says the disk lags behind.
    expect(broken.storageStatus().lastWriteError).toEqual((error as VaultError).toUserFacing());
    await broken.dispose();
  });

  it('opens even when nothing on disk can be read or moved, and then writes nothing', async () => {
    const denied = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    let writes = 0;
    const locked: DocumentStore = {
      path: join(dir.path, 'locked.json'),
      read: denied,
      moveAside: denied,
      write: () => void writes++,
    };
    const stuck = await openTokenVault({
      store: locked,
      settingsStore: { ...locked, path: join(dir.path, 'locked-settings.json') },
      cipher,
      platform: 'linux',
    });
    const status = stuck.storageStatus();
    expect(status.policy).toBe('memory-only');
    expect(status.recovered).toBeNull();
    expect(status.fileKept).toMatchObject({ path: locked.path, sealedBy: null });
    expect(status.fileKept!.reason).toMatch(/left untouched/);
    await stuck.saveAccount(makeAccount('a'));
    expect(stuck.getAccount('id-a')).toEqual(makeAccount('a'));
    expect(writes).toBe(0);
    await stuck.dispose();
  });

  it('reports a key store that refuses to encrypt', async () => {
    const refusing = AesGcmCipher.random({ backend: 'kwallet6' });
    const other = await openVaultIn(join(dir.path, 'other'), {
      backend: refusing.backend,
      isEncryptionAvailable: () => true,
      encrypt: () => Promise.reject(new Error(`cannot seal ${secretsOf(makeAccount('a'))[0]}`)),
      decrypt: (sealed) => refusing.decrypt(sealed),
    });
    const error = await other.saveAccount(makeAccount('a')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'encrypt_failed' });
    expect((error as Error).message).toContain('kwallet6');
    expect((error as Error).message).not.toContain('AT"');
    await other.dispose();
  });

  it('finishes pending writes on dispose, then forgets the tokens and refuses more', async () => {
    const saving = vault.saveAccount(makeAccount('a'));
    await vault.dispose();
    await saving;
    expect(vault.listAccounts()).toEqual([]);
    await expect(vault.saveAccount(makeAccount('b'))).rejects.toMatchObject({ code: 'disposed' });
    const reopened = await openVaultIn(dir.path, cipher);
    expect(reopened.getAccount('id-a')).toEqual(makeAccount('a'));
    await reopened.dispose();
  });
});
