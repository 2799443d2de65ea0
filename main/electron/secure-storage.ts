// The Cipher port over Electron's safeStorage: DPAPI on Windows, the Keychain
// on macOS, a keyring (or Chromium's hard-coded key) on Linux. Electron 45 has
// the asynchronous API (the synchronous one is deprecated, and removed in 46),
// so that is used. safeStorage works only after `ready`: the factory refuses
// to run earlier. What its answers mean is safe-storage-rules.ts.
import { app, safeStorage } from 'electron';
import { isTemporarilyUnavailable, linuxSealingBackend } from '../desktop/safe-storage-rules';
import { KeyStoreUnavailableError, type Cipher } from '../vault/cipher';

/**
 * Which key store protects the key. On Linux, the one that really seals this
 * run, read from the tag of a sealed probe: getSelectedStorageBackend() is
 * only the start-up guess, and a keyring that does not answer leaves Chromium
 * sealing with its hard-coded key ("v10") under a "gnome_libsecret" label. The
 * Encryptor is made once per run (electron_api_safe_storage.cc), so what seals
 * the probe seals everything after it. Elsewhere the platform's own store.
 */
async function backendName(available: boolean): Promise<string> {
  if (!available) return 'unavailable';
  switch (process.platform) {
    case 'linux':
      try {
        const probe = await safeStorage.encryptStringAsync('netrex-connect key store probe');
        return linuxSealingBackend(safeStorage.getSelectedStorageBackend(), probe);
      } catch {
        return 'unavailable';
      }
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
  const backend = await backendName(available);
  /** A decrypt met a rotated key, and nothing has been sealed with the new one since. */
  let stale = false;
  return {
    backend,
    isEncryptionAvailable: () => available && backend !== 'unavailable',
    async encrypt(plain) {
      const sealed = await safeStorage.encryptStringAsync(plain);
      stale = false;
      return new Uint8Array(sealed);
    },
    async decrypt(sealed) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
          Buffer.from(sealed),
        );
        if (shouldReEncrypt) stale = true;
        return result;
      } catch (error) {
        if (isTemporarilyUnavailable(error)) throw new KeyStoreUnavailableError();
        throw error;
      }
    },
    reEncryptWanted: () => stale,
  };
}
