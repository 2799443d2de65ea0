// Whether tokens may be written to disk, decided from the key store the
// Cipher reports and the user's explicit opt-in. Pure: the vault holds the
// state, this only maps it.
import type { StoragePolicy } from '../common/model';

/**
 * Linux backends whose key is kept by a real keyring. Anything else on Linux
 * is weak: `basic_text` is a key hard-coded in Chromium, and `unknown` (asked
 * before the app was ready, or a backend this list does not know yet) cannot
 * be shown to protect anything, so it is treated like `basic_text`.
 */
export const PROTECTED_LINUX_BACKENDS: readonly string[] = [
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  // A key from xdg-desktop-portal's Secret portal (Flatpak); named from the sealed data.
  'secret_portal',
];

export interface StoragePolicyInput {
  readonly platform: string;
  readonly backend: string;
  readonly encryptionAvailable: boolean;
  /** The user's remembered opt-in to weak storage. */
  readonly weakStorageAllowed: boolean;
}

export type StoragePolicyReason =
  /** A real key store protects the key. */
  | 'protected'
  /** Weak key store, and the user chose to keep tokens on disk anyway. */
  | 'weak-opted-in'
  /** Weak key store, no opt-in: tokens stay in memory for the session. */
  | 'weak-backend'
  /** Nothing can be encrypted: tokens stay in memory, and there is nothing to opt in to. */
  | 'no-encryption';

export interface StoragePolicyDecision {
  readonly policy: StoragePolicy;
  /** The key store does not really protect the key (or there is none). */
  readonly weak: boolean;
  /** Tokens and secrets are written to the vault file. */
  readonly persist: boolean;
  /** The UI may offer "keep me signed in anyway" (only for a weak but working cipher). */
  readonly optInOffered: boolean;
  readonly reason: StoragePolicyReason;
}

export function isWeakBackend(platform: string, backend: string): boolean {
  return platform === 'linux' && !PROTECTED_LINUX_BACKENDS.includes(backend);
}

/**
 * A key store of this system that really protects the key and that may be
 * in use another day: on Linux the keyrings (one may not answer today, or
 * the desktop changed). Elsewhere there is one key store per system, so a
 * file sealed by another came from another computer and never opens here.
 */
export function isProtectedBackend(platform: string, backend: string): boolean {
  return platform === 'linux' && PROTECTED_LINUX_BACKENDS.includes(backend);
}

export function decideStoragePolicy(input: StoragePolicyInput): StoragePolicyDecision {
  if (!input.encryptionAvailable) {
    // Opt-in is not offered: "weak" storage would be clear text, which the
    // vault never writes.
    return {
      policy: 'memory-only',
      weak: true,
      persist: false,
      optInOffered: false,
      reason: 'no-encryption',
    };
  }
  if (!isWeakBackend(input.platform, input.backend)) {
    return {
      policy: 'encrypted',
      weak: false,
      persist: true,
      optInOffered: false,
      reason: 'protected',
    };
  }
  return input.weakStorageAllowed
    ? {
        policy: 'weak-allowed',
        weak: true,
        persist: true,
        optInOffered: true,
        reason: 'weak-opted-in',
      }
    : {
        policy: 'memory-only',
        weak: true,
        persist: false,
        optInOffered: true,
        reason: 'weak-backend',
      };
}
