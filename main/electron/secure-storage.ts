// The Cipher port over Electron's safeStorage: DPAPI on Windows, the Keychain
// on macOS, libsecret / kwallet on Linux. Electron 45 has the asynchronous API
// (the synchronous one is deprecated, and removed in 46), so that is used.
// safeStorage works only after `ready`: the factory refuses to run earlier.
import { app, safeStorage } from 'electron';
import type { Cipher } from '../vault/cipher';

/**
 * Which key store protects the key. On Linux Electron says which one it chose
 * (`basic_text` means a key hard-coded in Chromium: the vault's policy treats
 * it as weak); elsewhere the platform's own store.
 */
function backendName(available: boolean): string {
  if (!available) return 'unavailable';
  switch (process.platform) {
    case 'linux':
      return safeStorage.getSelectedStorageBackend();
    case 'win32':
      return 'dpapi';
    case 'darwin':
      return 'keychain';
    default:
      return process.platform;
  }
}

export async function createSafeStorageCipher(): Promise<Cipher> {
  if (!app.isReady()) {
    throw new Error('safeStorage is used only after the app is ready.');
  }
  // Resolves once the asynchronous encryptor has initialised (on Linux, after
  // asking the keyring); later calls reuse it.
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = backendName(available);
  /** A decrypt met a rotated key, and nothing has been sealed with the new one since. */
  let stale = false;
  return {
    backend,
    isEncryptionAvailable: () => available,
    async encrypt(plain) {
      const sealed = await safeStorage.encryptStringAsync(plain);
      stale = false;
      return new Uint8Array(sealed);
    },
    async decrypt(sealed) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      if (shouldReEncrypt) stale = true;
      return result;
    },
    reEncryptWanted: () => stale,
  };
}
