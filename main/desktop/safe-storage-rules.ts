// What Electron's safeStorage says, read as facts about the key store. Pure:
// the cipher adapter (main/electron/secure-storage.ts) asks these, and they
// are tested in Node against the bytes and messages Electron produces.
//
// Sealed data starts with the tag of the key provider that sealed it
// (Chromium's components/os_crypt/async; Electron 45 registers the providers
// in shell/browser/browser_process_impl.cc, CreateOSCryptAsync):
// - "v10" on Linux: PosixKeyProvider, a key hard-coded in Chromium
//   (PBKDF2 of "peanuts"): anyone can open it. It seals whenever no keyring
//   gave a key, whatever getSelectedStorageBackend() said at start-up (that is
//   the sync backend's guess from the desktop, electron_browser_main_parts.cc).
// - "v11" on Linux: FreedesktopSecretKeyProvider, a key kept by the Secret
//   Service (GNOME Keyring, KWallet, …).
// - "v12" on Linux: SecretPortalKeyProvider, a key from xdg-desktop-portal.
// On Windows and macOS "v10" is the DPAPI / Keychain key: the tags say
// nothing there, and the platform's own store is the answer.
import { PROTECTED_LINUX_BACKENDS } from '../vault/storage-policy';

/** The Linux backend name for data sealed with Chromium's hard-coded key. */
export const HARD_CODED_KEY_BACKEND = 'basic_text';
/** The Linux backend name for data sealed with a key from xdg-desktop-portal's Secret portal. */
export const SECRET_PORTAL_BACKEND = 'secret_portal';

/** The key provider's tag at the start of sealed bytes (three ASCII characters), or ''. */
export function osCryptTag(sealed: Uint8Array): string {
  if (sealed.length < 3) return '';
  const tag = Buffer.from(sealed.subarray(0, 3)).toString('latin1');
  return /^v1\d$/.test(tag) ? tag : '';
}

/**
 * Which key store really sealed `sealed` on Linux, as a backend name the
 * vault's policy knows: `basic_text` for v10 (weak), the keyring Electron
 * named for v11 (a Secret Service keyring; `gnome_libsecret` — the Secret
 * Service libsecret speaks — when Electron's start-up guess named none),
 * `secret_portal` for v12. Anything else: `unknown` (weak, as the policy treats it).
 */
export function linuxSealingBackend(selectedBackend: string, sealed: Uint8Array): string {
  switch (osCryptTag(sealed)) {
    case 'v10':
      return HARD_CODED_KEY_BACKEND;
    case 'v11':
      return PROTECTED_LINUX_BACKENDS.includes(selectedBackend)
        ? selectedBackend
        : 'gnome_libsecret';
    case 'v12':
      return SECRET_PORTAL_BACKEND;
    default:
      return 'unknown';
  }
}

/**
 * Electron's rejection when the key store that sealed the data has not given
 * its key this run (electron_api_safe_storage.cc: "safeStorage.decryptStringAsync
 * is temporarily unavailable. Please try again.", from os_crypt's
 * `temporarily_unavailable` flag: a keyring that failed to answer at start).
 */
export const TEMPORARILY_UNAVAILABLE_MESSAGE = 'is temporarily unavailable';

export function isTemporarilyUnavailable(error: unknown): boolean {
  return error instanceof Error && error.message.includes(TEMPORARILY_UNAVAILABLE_MESSAGE);
}
