// Which of the shipped languages the window speaks.
import type { AppSettings } from '../../../main/ipc/contract';

export const UI_LANGUAGES = ['en', 'cs'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The operator's choice, or with `system` the first OS language we ship
 * (matched on its primary subtag: `cs-CZ` is Czech), else English.
 */
export function resolveLanguage(
  setting: AppSettings['language'],
  osLanguages: readonly string[],
): UiLanguage {
  if (setting !== 'system') return setting;
  for (const tag of osLanguages) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}
