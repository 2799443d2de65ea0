// The Cipher port: how the vault turns a secret into bytes only this user on
// this computer can turn back. In the app it is Electron's safeStorage
// (DPAPI, Keychain, libsecret/kwallet; main/electron/secure-storage.ts); in
// tests and the browser harness a real AES-256-GCM cipher with a test key
// (test/support/aes-cipher.ts).
//
// Async because Electron's newer safeStorage API is; a synchronous backend
// simply answers with resolved promises.

export interface Cipher {
  /**
   * Which key store protects the key: on Linux what Electron reports
   * (`gnome_libsecret`, `kwallet`, `kwallet5`, `kwallet6`, `basic_text`,
   * `unknown`); elsewhere e.g. `dpapi`, `keychain`; `unavailable` when none.
   */
  readonly backend: string;
  /** False when nothing can be encrypted at all (no key store reachable). */
  isEncryptionAvailable(): boolean;
  encrypt(plain: string): Promise<Uint8Array>;
  /**
   * Rejects when the bytes were not sealed with this key or were altered;
   * with a KeyStoreUnavailableError when the key store that sealed them
   * cannot answer now but may later (a keyring not yet unlocked).
   */
  decrypt(sealed: Uint8Array): Promise<string>;
  /**
   * True when a decrypt found bytes sealed with a key the key store has
   * since replaced (safeStorage's `shouldReEncrypt`): the vault then seals
   * everything again with the current key. Absent: never.
   */
  reEncryptWanted?(): boolean;
}

/**
 * The key store that sealed the data is there but cannot open it now (a
 * keyring not yet unlocked at login). Not damage: the data is kept and tried
 * again. The message names no secret and no byte of the data.
 */
export class KeyStoreUnavailableError extends Error {
  override readonly name = 'KeyStoreUnavailableError';
  constructor(message = 'The system key store cannot open the saved sign-ins right now.') {
    super(message);
  }
}
