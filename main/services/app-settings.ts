// The app's own settings (language, start at login), in a small settings
// document. "Start at login" lives in the OS where the host has a login item
// (the OS is the truth: the user may change it there); tests have none and
// keep it in the document only.
import { z } from 'zod';
import type { AppPorts } from '../app-services';
import type { DocumentStore } from '../common/document-store';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { AppSettings, UserFacingError } from '../ipc/contract';
import { PolicyError } from '../policy/policy-error';

const settingsSchema = z.object({
  version: z.literal(1),
  language: z.enum(['system', 'en', 'cs']),
  startAtLogin: z.boolean(),
  // The edge's memory, not a setting: the operator was told once that closing
  // the window leaves the app running in the tray. Absent in older files.
  trayNoticeShown: z.boolean().optional(),
  // Added after version 1 shipped: a file without it is still version 1.
  detailedLog: z.boolean().optional(),
});

export const DEFAULT_APP_SETTINGS: AppSettings = {
  language: 'system',
  startAtLogin: false,
  detailedLog: false,
};

/** The settings document's name (`settings.json` in the app's data folder). */
export const APP_SETTINGS_DOCUMENT = 'settings';

/**
 * The language a settings document names, when it names a valid one. For the
 * start-up error box, which has no services to ask (they failed to start).
 */
export function savedLanguage(document: unknown): AppSettings['language'] | undefined {
  const parsed = settingsSchema.pick({ language: true }).safeParse(document);
  return parsed.success ? parsed.data.language : undefined;
}

export interface AppSettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
  /** The language setting alone (unlike `get`, it asks the OS nothing). */
  language(): AppSettings['language'];
  /** Runs `listener` after an update that changed the language. */
  onLanguageChanged(listener: (language: AppSettings['language']) => void): Disposable;
  /** Problems met while loading (a damaged file, set aside). */
  readonly warnings: readonly UserFacingError[];
  /** Whether the operator was told that closing the window keeps the app in the tray. */
  trayNoticeShown(): boolean;
  /** Remembers that they were (once, for good). */
  rememberTrayNoticeShown(): void;
}

export function openAppSettings(
  store: DocumentStore,
  loginItem: AppPorts['loginItem'],
  now: () => number,
  /** "Start at login" as IT forces it (launchAtLogin policy); undefined: the operator's. */
  forcedStartAtLogin: () => boolean | undefined = () => undefined,
): AppSettingsStore {
  const warnings: UserFacingError[] = [];
  const loaded = load(store, warnings, now);
  let current: AppSettings = loaded.settings;
  let trayNoticeShown = loaded.trayNoticeShown;
  const write = (): void =>
    store.write({ version: 1, ...current, ...(trayNoticeShown ? { trayNoticeShown } : {}) });
  const languageListeners = new Set<(language: AppSettings['language']) => void>();

  const get = (): AppSettings => ({
    ...current,
    startAtLogin: forcedStartAtLogin() ?? (loginItem ? loginItem.get() : current.startAtLogin),
  });

  return {
    warnings,
    get,
    update(patch) {
      const forced = forcedStartAtLogin();
      if (patch.startAtLogin !== undefined && forced !== undefined) {
        if (patch.startAtLogin !== forced) throw new PolicyError('launch-at-login');
        patch = { ...patch };
        delete (patch as { startAtLogin?: boolean }).startAtLogin;
      }
      if (patch.startAtLogin !== undefined && loginItem) loginItem.set(patch.startAtLogin);
      const before = current.language;
      current = { ...current, ...patch };
      write();
      if (current.language !== before) {
        for (const listener of [...languageListeners]) listener(current.language);
      }
      return get();
    },
    language: () => current.language,
    trayNoticeShown: () => trayNoticeShown,
    rememberTrayNoticeShown() {
      if (trayNoticeShown) return;
      trayNoticeShown = true;
      write();
    },
    onLanguageChanged(listener) {
      languageListeners.add(listener);
      return toDisposable(() => void languageListeners.delete(listener));
    },
  };
}

function load(
  store: DocumentStore,
  warnings: UserFacingError[],
  now: () => number,
): { settings: AppSettings; trayNoticeShown: boolean } {
  const defaults = { settings: DEFAULT_APP_SETTINGS, trayNoticeShown: false };
  const read = store.read();
  if (read.kind === 'missing') return defaults;
  if (read.kind === 'ok') {
    const parsed = settingsSchema.safeParse(read.document);
    if (parsed.success) {
      return {
        settings: {
          language: parsed.data.language,
          startAtLogin: parsed.data.startAtLogin,
          detailedLog: parsed.data.detailedLog ?? false,
        },
        trayNoticeShown: parsed.data.trayNoticeShown ?? false,
      };
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
  return defaults;
}
