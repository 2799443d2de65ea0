// The app's menu as Electron gets it (main/electron/app-menu.ts) under a typed
// double of Electron: set as the application menu instead of Electron's
// default (lib/browser/default-menu.ts: File, Edit, View with Toggle Developer
// Tools, Window), with roles Electron knows (lib/browser/api/menu-item-roles.ts),
// built again in Czech when the operator switches, no developer tools when packaged.
import { describe, expect, it, vi } from 'vitest';
import type { AppSettings } from '../../../main/ipc/contract';
import { toDisposable } from '../../../main/common/lifecycle';
import { APP_DOCUMENTATION_URL } from '../../../main/desktop/app-menu';
import { EDGE_WORDS, type EdgeWords } from '../../../main/desktop/edge-words';
import { installAppMenu } from '../../../main/electron/app-menu';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();

function languageSource() {
  const listeners = new Set<(language: AppSettings['language']) => void>();
  return {
    services: {
      onLanguageSettingChanged: (listener: (language: AppSettings['language']) => void) => {
        listeners.add(listener);
        return toDisposable(() => void listeners.delete(listener));
      },
    },
    switchTo: (language: AppSettings['language']) => listeners.forEach((l) => l(language)),
  };
}

const labels = () =>
  double.state.menus.application?.flatten().map((entry) => entry.path.join(' > ')) ?? [];
const roles = () =>
  double.state.menus.application?.flatten().flatMap((entry) => entry.item.role ?? []) ?? [];

describe('the application menu', () => {
  it("packaged: the app's own menu, Edit for the fields, no developer tools; rebuilt in Czech", async () => {
    double.app.emitReady();
    double.app.isPackaged = true;
    let words: EdgeWords = EDGE_WORDS.en;
    const opened: string[] = [];
    const { services, switchTo } = languageSource();
    const menu = installAppMenu(services, () => words, {
      openDocumentation: () => opened.push(APP_DOCUMENTATION_URL),
    });
    expect(double.state.menus.applicationSets).toBe(1);
    expect(roles()).not.toContain('toggleDevTools');
    expect(roles()).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(labels()).toContain('Edit > Paste');
    expect(double.app.aboutPanel).toMatchObject({ website: APP_DOCUMENTATION_URL });

    double.state.menus.application?.click('Help', 'Netrex Connect Documentation');
    expect(opened).toEqual([APP_DOCUMENTATION_URL]);

    words = EDGE_WORDS.cs;
    switchTo('cs');
    expect(double.state.menus.applicationSets).toBe(2);
    expect(labels()).toContain('Úpravy > Vložit');
    expect(labels()).not.toContain('Edit > Paste');

    await menu.dispose();
    switchTo('en');
    expect(double.state.menus.applicationSets).toBe(2); // no longer listening
  });

  it('development: View has the developer tools', async () => {
    double.app.isPackaged = false;
    const menu = installAppMenu(languageSource().services, () => EDGE_WORDS.en, {
      openDocumentation: () => undefined,
    });
    expect(roles()).toContain('toggleDevTools');
    await menu.dispose();
  });

  it('breaks no Electron rule (every role known)', () => {
    expect(double.rules.violations).toEqual([]);
  });
});
