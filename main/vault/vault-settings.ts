// The vault's one remembered choice, kept in clear in its own small document:
//   { "version": 1, "weakStorageAllowed": true }
// It is not secret (it says only that the user accepted weak storage).
import { z } from 'zod';
import type { DocumentRead, DocumentStore, JsonObject } from '../common/document-store';
import type { UserFacingError } from '../common/model';

export interface VaultSettings {
  readonly weakStorageAllowed: boolean;
}

const settingsSchema = z.object({
  version: z.literal(1),
  weakStorageAllowed: z.boolean(),
});

const DEFAULTS: VaultSettings = { weakStorageAllowed: false };

export interface LoadedVaultSettings {
  readonly settings: VaultSettings;
  /** Set when the file existed but could not be used: why, and where it went (null: left in place). */
  readonly damaged?: { readonly reason: string; readonly movedTo: string | null };
}

/**
 * Reads the settings. A damaged file is moved aside (the evidence is kept)
 * and the safe default applies: no opt-in, tokens stay off a weak disk. The
 * caller is told, so the operator hears why the choice was forgotten.
 */
export function loadVaultSettings(store: DocumentStore, now: Date): LoadedVaultSettings {
  let read: DocumentRead;
  try {
    read = store.read();
  } catch {
    return { settings: DEFAULTS, damaged: { reason: 'the file cannot be read', movedTo: null } };
  }
  if (read.kind === 'missing') return { settings: DEFAULTS };
  if (read.kind === 'ok') {
    const parsed = settingsSchema.safeParse(read.document);
    if (parsed.success) return { settings: { weakStorageAllowed: parsed.data.weakStorageAllowed } };
  }
  const reason = read.kind === 'unreadable' ? read.reason : 'its layout is not one this app writes';
  let movedTo: string | null = null;
  try {
    movedTo = store.moveAside(read.kind === 'unreadable' ? 'corrupted' : 'invalid', now);
  } catch {
    // Left where it is. It holds one flag, so a later opt-in may write over it.
  }
  return { settings: DEFAULTS, damaged: { reason, movedTo } };
}

/**
 * What the operator is told when the storage choice was forgotten. Where the
 * key store is weak the choice decides whether sign-ins are kept at all: the
 * ones saved before are still in the vault file, untouched.
 */
export function settingsDamagedWarning(
  damaged: NonNullable<LoadedVaultSettings['damaged']>,
  choiceMatters: boolean,
): UserFacingError {
  const where = damaged.movedTo ? ` It was moved aside to ${damaged.movedTo}.` : '';
  const consequence = choiceMatters
    ? ' Until you choose again in Settings → Saved sign-ins, new sign-ins are kept in memory only; ' +
      'the sign-ins saved before are still on disk, untouched, and come back once you choose to save sign-ins again and restart the app.'
    : ' Nothing else changes: the system key store protects the saved sign-ins.';
  return {
    code: 'vault_settings_unreadable',
    message: `The file that remembers whether to save sign-ins on this computer could not be read (${damaged.reason}).${where}${consequence}`,
    params: {
      variant: `${choiceMatters ? 'memory-only' : 'protected'}${damaged.movedTo ? '-moved' : ''}`,
      ...(damaged.movedTo ? { path: damaged.movedTo } : {}),
    },
  };
}

export function saveVaultSettings(store: DocumentStore, settings: VaultSettings): void {
  const document: JsonObject = { version: 1, weakStorageAllowed: settings.weakStorageAllowed };
  store.write(document);
}
