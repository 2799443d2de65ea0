// What safeStorage's bytes and errors say about the key store
// (safe-storage-rules.ts), read from bytes sealed the way Chromium's
// os_crypt_async seals them on Linux (the double's SafeStorage: tags v10 and
// v11, AES-128-CBC, the hard-coded "peanuts" key for v10).
import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isTemporarilyUnavailable,
  linuxSealingBackend,
  osCryptTag,
} from '../../../main/desktop/safe-storage-rules';
import { decideStoragePolicy } from '../../../main/vault/storage-policy';
import { Rulebook } from '../../support/electron-double/rules';
import {
  SafeStorageDouble,
  chromiumV10Key,
  newKeyringSecret,
  type KeyringBehaviour,
} from '../../support/electron-double/safe-storage';

async function sealedBy(keyring: KeyringBehaviour): Promise<{ bytes: Buffer; selected: string }> {
  const rules = new Rulebook();
  rules.markReady();
  const safeStorage = new SafeStorageDouble(rules, { keyring, keyringSecret: newKeyringSecret() });
  await safeStorage.isAsyncEncryptionAvailable();
  return {
    bytes: await safeStorage.encryptStringAsync('refresh-token-value'),
    selected: safeStorage.getSelectedStorageBackend(),
  };
}

describe('osCryptTag', () => {
  it.each([
    ['v10', 'v10'],
    ['v11', 'v11'],
    ['v12', 'v12'],
    ['v1', ''],
    ['x11', ''],
    ['', ''],
  ])('reads %j as %j', (text, tag) => {
    expect(osCryptTag(Buffer.from(`${text}abcdef`.slice(0, text.length + 6)))).toBe(tag);
  });
});

describe('linuxSealingBackend: what really sealed, not the start-up guess', () => {
  it('a keyring that did not answer: Electron still says gnome_libsecret, the data is v10, and that is basic_text', async () => {
    const { bytes, selected } = await sealedBy('fails');
    expect(selected).toBe('gnome_libsecret');
    expect(osCryptTag(bytes)).toBe('v10');
    expect(linuxSealingBackend(selected, bytes)).toBe('basic_text');
  });

  it("why v10 is weak: anyone opens it with the key printed in Chromium's source", async () => {
    const { bytes } = await sealedBy('fails');
    const decipher = createDecipheriv('aes-128-cbc', chromiumV10Key(), Buffer.alloc(16, 0x20));
    const plain = Buffer.concat([decipher.update(bytes.subarray(3)), decipher.final()]);
    expect(plain.toString('utf8')).toBe('refresh-token-value');
  });

  it('a keyring that answered: v11, the keyring Electron named', async () => {
    const { bytes, selected } = await sealedBy('opens');
    expect(osCryptTag(bytes)).toBe('v11');
    expect(linuxSealingBackend(selected, bytes)).toBe('gnome_libsecret');
    expect(linuxSealingBackend('kwallet6', bytes)).toBe('kwallet6');
    // Electron guessed basic_text (an unknown desktop), yet a Secret Service sealed.
    expect(linuxSealingBackend('basic_text', bytes)).toBe('gnome_libsecret');
  });

  it('no keyring at all: v10, basic_text', async () => {
    const { bytes, selected } = await sealedBy('absent');
    expect(selected).toBe('basic_text');
    expect(linuxSealingBackend(selected, bytes)).toBe('basic_text');
  });

  it('v12 (the Secret portal) is protected; anything else is unknown', () => {
    expect(linuxSealingBackend('gnome_libsecret', Buffer.from('v12xyz'))).toBe('secret_portal');
    expect(linuxSealingBackend('gnome_libsecret', Buffer.from('plain'))).toBe('unknown');
  });

  it('the weak-storage policy follows what sealed: consent is asked for v10 under a keyring label', async () => {
    const { bytes, selected } = await sealedBy('fails');
    const decide = (backend: string) =>
      decideStoragePolicy({
        platform: 'linux',
        backend,
        encryptionAvailable: true,
        weakStorageAllowed: false,
      });
    expect(decide(selected)).toMatchObject({ weak: false, persist: true }); // the old mistake
    expect(decide(linuxSealingBackend(selected, bytes))).toMatchObject({
      weak: true,
      persist: false,
      optInOffered: true,
    });
  });
});

describe('isTemporarilyUnavailable', () => {
  it("knows Electron's rejection for a keyring that has not given its key", async () => {
    const rules = new Rulebook();
    rules.markReady();
    const secret = newKeyringSecret();
    const unlocked = new SafeStorageDouble(rules, { keyring: 'opens', keyringSecret: secret });
    const sealed = await unlocked.encryptStringAsync('x');
    const locked = new SafeStorageDouble(rules, { keyring: 'fails', keyringSecret: secret });
    const error = await locked.decryptStringAsync(sealed).catch((e: unknown) => e);
    expect(isTemporarilyUnavailable(error)).toBe(true);
  });

  it('does not take a plain decryption failure, or anything else, for it', async () => {
    const rules = new Rulebook();
    rules.markReady();
    const safeStorage = new SafeStorageDouble(rules, {
      keyring: 'opens',
      keyringSecret: newKeyringSecret(),
    });
    const other = new SafeStorageDouble(rules, {
      keyring: 'opens',
      keyringSecret: newKeyringSecret(),
    });
    const error = await safeStorage
      .decryptStringAsync(await other.encryptStringAsync('x'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isTemporarilyUnavailable(error)).toBe(false);
    expect(isTemporarilyUnavailable('is temporarily unavailable')).toBe(false);
    expect(isTemporarilyUnavailable(undefined)).toBe(false);
  });
});
