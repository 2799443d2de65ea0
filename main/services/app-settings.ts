// The app's own settings (language, start at login), in a small settings
// document. "Start at login" lives in the OS where the host has a login item
// (the OS is the truth: the user may change it there); tests have none and
// keep it in the document only.
import { z } from 'zod';
import type { AppPorts } from '../app-services';
import type { DocumentStore } from '../common/document-store';
import type { AppSettings, UserFacingError } from '../ipc/contract';

const settingsSchema = z.object({
  version: z.literal(1),
  language: z.enum(['system', 'en', 'cs']),
  startAtLogin: z.boolean(),
});

export const DEFAULT_APP_SETTINGS: AppSettings = { language: 'system', startAtLogin: false };

export interface AppSettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
  /** Problems met while loading (a damaged file, set aside). */
  readonly warnings: readonly UserFacingError[];
}

export function openAppSettings(
  store: DocumentStore,
  loginItem: AppPorts['loginItem'],
  now: () => number,
): AppSettingsStore {
  const warnings: UserFacingError[] = [];
  let current = load(store, warnings, now);

  const get = (): AppSettings => ({
    ...current,
    startAtLogin: loginItem ? loginItem.get() : current.startAtLogin,
  });

  return {
    warnings,
    get,
    update(patch) {
      if (patch.startAtLogin !== undefined && loginItem) loginItem.set(patch.startAtLogin);
      current = { ...current, ...patch };
      store.write({ version: 1, ...current });
      return get();
    },
  };
}

function load(store: DocumentStore, warnings: UserFacingError[], now: () => number): AppSettings {
  const read = store.read();
  if (read.kind === 'missing') return DEFAULT_APP_SETTINGS;
  if (read.kind === 'ok') {
    const parsed = settingsSchema.safeParse(read.document);
    if (parsed.success) {
      return { language: parsed.data.language, startAtLogin: parsed.data.startAtLogin };
    }
  }
  try {
    const movedTo = store.moveAside(
      read.kind === 'unreadable' ? 'corrupted' : 'invalid',
      new Date(now()),
    );
    warnings.push({
      code: 'settings_unreadable',
      message: `The app settings could not be read, so the defaults apply. The file was moved aside to ${movedTo}.`,
      params: { variant: 'moved', path: movedTo },
    });
  } catch {
    warnings.push({
      code: 'settings_unreadable',
      message: 'The app settings could not be read, so the defaults apply.',
    });
  }
  return DEFAULT_APP_SETTINGS;
}
