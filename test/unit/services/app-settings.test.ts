// The app settings as the Electron edge reads them: a change of the language
// is heard (the tray rebuilds in it), and the language can be read from
// the saved document alone (the start-up error box, when the services failed).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfDocumentStore } from '../../../main/common/document-store';
import type { AppSettings } from '../../../main/ipc/contract';
import {
  APP_SETTINGS_DOCUMENT,
  openAppSettings,
  savedLanguage,
} from '../../../main/services/app-settings';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

let dir: TempDir | undefined;
afterEach(() => {
  dir?.dispose();
  dir = undefined;
});

function open() {
  dir = makeTempDir();
  const store = createConfDocumentStore(dir.path, APP_SETTINGS_DOCUMENT);
  return { settings: openAppSettings(store, undefined, () => 0), path: store.path };
}

describe('app settings', () => {
  it('tells a change of the language to its listeners, and nothing else', async () => {
    const { settings } = open();
    const heard: AppSettings['language'][] = [];
    const subscription = settings.onLanguageChanged((language) => heard.push(language));
    settings.update({ language: 'cs' });
    settings.update({ startAtLogin: true });
    settings.update({ language: 'cs' });
    settings.update({ language: 'system', startAtLogin: false });
    expect(settings.language()).toBe('system');
    await subscription.dispose();
    settings.update({ language: 'en' });
    expect(heard).toEqual(['cs', 'system']);
    expect(settings.language()).toBe('en');
  });

  it('reads the language from the saved document alone', () => {
    const { settings, path } = open();
    settings.update({ language: 'cs' });
    expect(path.endsWith(`${APP_SETTINGS_DOCUMENT}.json`)).toBe(true);
    expect(savedLanguage(JSON.parse(readFileSync(path, 'utf8')))).toBe('cs');
    writeFileSync(path, JSON.stringify({ version: 1, language: 'de', startAtLogin: false }));
    expect(savedLanguage(JSON.parse(readFileSync(path, 'utf8')))).toBeUndefined();
  });

  it.each([null, 'cs', [], {}, { language: 'CS' }, { language: 7 }])(
    'finds no language in %j',
    (document) => {
      expect(savedLanguage(document)).toBeUndefined();
    },
  );
});

describe('the tray notice, remembered in the settings document', () => {
  it('is not shown at first, is remembered once told, and survives a restart and a settings change', () => {
    const { settings } = open();
    expect(settings.trayNoticeShown()).toBe(false);
    settings.rememberTrayNoticeShown();
    settings.update({ language: 'cs' });
    const again = openAppSettings(
      createConfDocumentStore(dir!.path, APP_SETTINGS_DOCUMENT),
      undefined,
      () => 0,
    );
    expect(again.trayNoticeShown()).toBe(true);
    expect(again.get()).toEqual({ language: 'cs', startAtLogin: false, detailedLog: false });
  });

  it('a document from before the field reads as not told; one with it still gives its language', () => {
    const { path } = open();
    writeFileSync(path, JSON.stringify({ version: 1, language: 'en', startAtLogin: true }));
    const old = openAppSettings(
      createConfDocumentStore(dir!.path, APP_SETTINGS_DOCUMENT),
      undefined,
      () => 0,
    );
    expect(old.trayNoticeShown()).toBe(false);
    expect(old.warnings).toEqual([]);
    old.rememberTrayNoticeShown();
    expect(savedLanguage(JSON.parse(readFileSync(path, 'utf8')))).toBe('en');
  });
});
