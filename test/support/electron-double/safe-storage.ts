// Electron's safeStorage (asynchronous API) in the double, sealing as
// Chromium's os_crypt_async does on Linux, so the bytes it writes are the
// bytes a real run writes:
// - one Encryptor per process, asked for once, at the first call after
//   `ready`, and never again (electron_api_safe_storage.cc:
//   EnsureAsyncEncryptorRequested sets encryptor_requested_ once);
// - key providers in precedence order: PosixKeyProvider (5, tag "v10", the
//   key PBKDF2-HMAC-SHA1("peanuts", "saltysalt", 1) hard-coded in Chromium),
//   FreedesktopSecretKeyProvider (10, tag "v11", a key derived from a secret
//   kept by the keyring) (browser_process_impl.cc CreateOSCryptAsync; the
//   providers in Chromium's components/os_crypt/async/browser/);
// - the highest-precedence provider that produced a key seals new data; a
//   keyring that failed leaves "v11" in the key ring without a key, so "v10"
//   seals, and a v11 blob is "temporarily unavailable" (Encryptor::DecryptData,
//   FreedesktopSecretKeyProvider::FinalizeFailure);
// - both tags use AES-128-CBC with an IV of sixteen spaces;
// - the error messages are Electron's own.
// getSelectedStorageBackend() reports the start-up guess from the desktop
// (electron_browser_main_parts.cc: os_crypt::SelectBackend), not what sealed.
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { SafeStorage } from 'electron';
import type { Rulebook } from './rules';

/** What the keyring does when the Encryptor asks it, this process. */
export type KeyringBehaviour =
  /** It answers: v11 seals. */
  | 'opens'
  /** It does not answer (locked at login, no service): v10 seals, v11 is temporarily unavailable. */
  | 'fails'
  /** No keyring was detected (`basic_text`): only v10 exists. */
  | 'absent';

export interface SafeStorageDoubleOptions {
  readonly keyring: KeyringBehaviour;
  /** The secret the keyring keeps; the same one in a later "process" opens its v11 data. */
  readonly keyringSecret: Buffer;
}

const IV = Buffer.alloc(16, 0x20);
const SALT = 'saltysalt';

export function chromiumV10Key(): Buffer {
  return pbkdf2Sync('peanuts', SALT, 1, 16, 'sha1');
}

function keyFromSecret(secret: Buffer): Buffer {
  return pbkdf2Sync(secret, SALT, 1, 16, 'sha1');
}

function seal(key: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-cbc', key, IV);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

function open(key: Buffer, sealed: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    return undefined;
  }
}

export function newKeyringSecret(): Buffer {
  return Buffer.from(randomBytes(16).toString('base64'));
}

type SafeStorageApi = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

export class SafeStorageDouble implements SafeStorageApi {
  /** Tag to key; a tag with `undefined` is a provider that failed (temporarily unavailable). */
  #keys: Map<string, Buffer | undefined> | undefined;
  #sealingTag = '';
  /** How many times the Encryptor was built (Electron: once per process). */
  encryptorsBuilt = 0;

  constructor(
    private readonly rules: Rulebook,
    private options: SafeStorageDoubleOptions,
  ) {}

  /** The next run of the app: its Encryptor is made afresh, asking the keyring again. */
  nextRun(options: Partial<SafeStorageDoubleOptions>): void {
    this.options = { ...this.options, ...options };
    this.#keys = undefined;
  }

  #encryptor(): Map<string, Buffer | undefined> {
    if (this.#keys) return this.#keys;
    this.encryptorsBuilt += 1;
    const keys = new Map<string, Buffer | undefined>([['v10', chromiumV10Key()]]);
    this.#sealingTag = 'v10';
    if (this.options.keyring === 'opens') {
      keys.set('v11', keyFromSecret(this.options.keyringSecret));
      this.#sealingTag = 'v11';
    } else if (this.options.keyring === 'fails') {
      keys.set('v11', undefined);
    }
    this.#keys = keys;
    return keys;
  }

  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    if (!this.rules.ready) return 'unknown';
    return this.options.keyring === 'absent' ? 'basic_text' : 'gnome_libsecret';
  }

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    if (!this.rules.ready) {
      this.rules.broken('safeStorageAfterReady', 'isAsyncEncryptionAvailable');
      return false;
    }
    this.#encryptor();
    return true;
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.rules.ready) throw this.rules.broken('safeStorageAfterReady', 'encryptStringAsync');
    const key = this.#encryptor().get(this.#sealingTag) as Buffer;
    if (plainText === '') return Buffer.alloc(0);
    return Buffer.concat([
      Buffer.from(this.#sealingTag),
      seal(key, Buffer.from(plainText, 'utf8')),
    ]);
  }

  async decryptStringAsync(
    encrypted: Buffer,
  ): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!this.rules.ready) throw this.rules.broken('safeStorageAfterReady', 'decryptStringAsync');
    if (!Buffer.isBuffer(encrypted)) {
      throw new Error('Expected the first argument of decryptStringAsync() to be a buffer');
    }
    if (encrypted.length === 0) return { result: '', shouldReEncrypt: false };
    for (const [tag, key] of this.#encryptor()) {
      if (!encrypted.subarray(0, tag.length).equals(Buffer.from(tag))) continue;
      if (key === undefined) {
        throw new Error(
          'safeStorage.decryptStringAsync is temporarily unavailable. Please try again.',
        );
      }
      const plain = open(key, encrypted.subarray(tag.length));
      if (plain)
        return { result: plain.toString('utf8'), shouldReEncrypt: tag !== this.#sealingTag };
      break;
    }
    throw new Error(
      'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.',
    );
  }
}
