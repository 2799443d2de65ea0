// The vault's one remembered choice, kept in clear in its own small document:
//   { "version": 1, "weakStorageAllowed": true }
// It is not secret (it says only that the user accepted weak storage).
import { z } from 'zod';
import type { DocumentRead, DocumentStore, JsonObject } from '../common/document-store';

export interface VaultSettings {
  readonly weakStorageAllowed: boolean;
}

const settingsSchema = z.object({
  version: z.literal(1),
  weakStorageAllowed: z.boolean(),
});

const DEFAULTS: VaultSettings = { weakStorageAllowed: false };

/**
 * Reads the settings. A damaged file is moved aside (the evidence is kept)
 * and the safe default applies: no opt-in, tokens stay off a weak disk.
 */
export function loadVaultSettings(store: DocumentStore, now: Date): VaultSettings {
  let read: DocumentRead;
  try {
    read = store.read();
  } catch {
    return DEFAULTS;
  }
  if (read.kind === 'missing') return DEFAULTS;
  if (read.kind === 'ok') {
    const parsed = settingsSchema.safeParse(read.document);
    if (parsed.success) return { weakStorageAllowed: parsed.data.weakStorageAllowed };
  }
  try {
    store.moveAside(read.kind === 'unreadable' ? 'corrupted' : 'invalid', now);
  } catch {
    // Left where it is. It holds one flag, so a later opt-in may write over it.
  }
  return DEFAULTS;
}

export function saveVaultSettings(store: DocumentStore, settings: VaultSettings): void {
  const document: JsonObject = { version: 1, weakStorageAllowed: settings.weakStorageAllowed };
  store.write(document);
}
