// A keyring that is not unlocked yet, for tests: real AES-256-GCM under a key
// the caller keeps, and while locked every decrypt rejects with a
// KeyStoreUnavailableError — what the safeStorage cipher turns Electron's
// "temporarily unavailable" into. Unlocked, it is an ordinary AesGcmCipher.
import { KeyStoreUnavailableError } from '../../main/vault/cipher';
import { AesGcmCipher, type AesCipherOptions } from './aes-cipher';

export class KeyringCipher extends AesGcmCipher {
  #locked: boolean;

  constructor(key: Uint8Array, options: AesCipherOptions & { readonly locked?: boolean } = {}) {
    super(key, { backend: 'gnome_libsecret', ...options });
    this.#locked = options.locked ?? true;
  }

  get locked(): boolean {
    return this.#locked;
  }

  unlock(): void {
    this.#locked = false;
  }

  override async decrypt(sealed: Uint8Array): Promise<string> {
    if (this.#locked) {
      this.calls.decrypt++;
      throw new KeyStoreUnavailableError();
    }
    return super.decrypt(sealed);
  }
}
