// The Cipher port: how secrets are sealed before they touch the disk.
// In the app: Electron's safeStorage (main/electron/secure-storage.ts).
// In tests and the browser harness: AES-256-GCM with a test key.
export interface Cipher {
  /** What protects the key: e.g. `gnome_libsecret`, `kwallet6`, `basic_text`, `dpapi`, `keychain`. */
  readonly backend: string;
  isEncryptionAvailable(): boolean;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<string>;
}
