// A real Cipher for tests and the browser harness: AES-256-GCM with a key the
// caller gives, a random 12-byte IV per message and a 16-byte auth tag.
// Sealed bytes: IV (12) | ciphertext | tag (16). Another key, or any altered
// byte, makes decrypt reject. Never a pass-through.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../main/vault/cipher';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface AesCipherOptions {
  /** What the cipher reports as its key store; the policy reads it (e.g. `gnome_libsecret`, `basic_text`). */
  readonly backend?: string;
  /** False plays a machine with no key store: isEncryptionAvailable() is false and encrypt rejects. */
  readonly available?: boolean;
}

export class AesGcmCipher implements Cipher {
  readonly backend: string;
  readonly #key: Buffer;
  readonly #available: boolean;
  /** How many times each operation ran, for tests that count. */
  readonly calls = { encrypt: 0, decrypt: 0 };

  constructor(key: Uint8Array, options: AesCipherOptions = {}) {
    if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes.');
    this.#key = Buffer.from(key);
    this.backend = options.backend ?? 'test-aes-256-gcm';
    this.#available = options.available ?? true;
  }

  /** A cipher with a fresh random key. */
  static random(options?: AesCipherOptions): AesGcmCipher {
    return new AesGcmCipher(randomBytes(32), options);
  }

  isEncryptionAvailable(): boolean {
    return this.#available;
  }

  async encrypt(plain: string): Promise<Uint8Array> {
    this.calls.encrypt++;
    if (!this.#available) throw new Error('Encryption is not available.');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
  }

  async decrypt(sealed: Uint8Array): Promise<string> {
    this.calls.decrypt++;
    if (!this.#available) throw new Error('Encryption is not available.');
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed data is too short.');
    const bytes = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    // final() throws when the tag does not match: wrong key or altered bytes.
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
