import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_DOCUMENTATION_URL,
  appMenuModel,
  type AppMenuFacts,
  type AppMenuItem,
} from '../../../main/desktop/app-menu';
import { EDGE_WORDS } from '../../../main/desktop/edge-words';
import { checkExternalUrl } from '../../../main/desktop/external-url-guard';
import { ELECTRON_MENU_ROLES } from '../../support/electron-double/shell-ui';
import { ROOT } from '../../support/static-checks';

const { en, cs } = EDGE_WORDS;
const facts = (patch: Partial<AppMenuFacts> = {}): AppMenuFacts => ({
  platform: 'linux',
  packaged: true,
  showLogs: false,
  ...patch,
});

function flatten(items: readonly AppMenuItem[]): AppMenuItem[] {
  return items.flatMap((item) =>
    item.kind === 'submenu' ? [item, ...flatten(item.items)] : [item],
  );
}
const roles = (items: readonly AppMenuItem[]) =>
  flatten(items).flatMap((item) => (item.kind === 'role' ? [item.role] : []));
const menu = (items: readonly AppMenuItem[], label: string) =>
  items.find((item) => item.kind === 'submenu' && item.label === label) as
    Extract<AppMenuItem, { kind: 'submenu' }> | undefined;

describe('the app menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    '%s: no developer tools in a packaged build; there in development',
    (platform) => {
      expect(roles(appMenuModel(facts({ platform }), en))).not.toContain('toggleDevTools');
      expect(roles(appMenuModel(facts({ platform, packaged: false }), en))).toContain(
        'toggleDevTools',
      );
    },
  );

  it.each(['linux', 'win32', 'darwin'] as const)(
    '%s: Edit has undo, redo, cut, copy, paste and select all for the fields; View reloads and zooms; Quit is there',
    (platform) => {
      const model = appMenuModel(facts({ platform }), en);
      const edit = menu(model, 'Edit');
      expect(edit && roles(edit.items)).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      );
      const view = menu(model, 'View');
      expect(view && roles(view.items)).toEqual(
        expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut']),
      );
      expect(roles(model)).toContain('quit');
    },
  );

  it('Windows and Linux: File (Quit), Edit, View, Help (documentation, About)', () => {
    const model = appMenuModel(facts(), en);
    expect(model.map((item) => (item.kind === 'submenu' ? item.label : item.kind))).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    const help = menu(model, 'Help');
    expect(help?.items).toEqual([
      { kind: 'action', action: 'open-documentation', label: 'Netrex Connect Documentation' },
      { kind: 'separator' },
      { kind: 'role', role: 'about', label: 'About Netrex Connect' },
    ]);
  });

  it('macOS: the app menu first (About, Services, Hide, Quit), Window, and Help by its role', () => {
    const model = appMenuModel(facts({ platform: 'darwin' }), en);
    const first = model[0];
    expect(first?.kind === 'submenu' && first.label).toBe('Netrex Connect');
    expect(first?.kind === 'submenu' && roles(first.items)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(menu(model, 'Window')).toBeDefined();
    expect(menu(model, 'Help')?.role).toBe('help');
  });

  it('"Show logs" appears when the log has a folder to show', () => {
    const help = menu(appMenuModel(facts({ showLogs: true }), en), 'Help');
    expect(help?.items).toContainEqual({ kind: 'action', action: 'show-logs', label: 'Show Logs' });
    expect(flatten(appMenuModel(facts(), en))).not.toContainEqual(
      expect.objectContaining({ action: 'show-logs' }),
    );
  });

  it('every role is one Electron knows (lib/browser/api/menu-item-roles.ts)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const model = appMenuModel(facts({ platform, packaged: false, showLogs: true }), en);
      for (const role of roles(model)) expect(ELECTRON_MENU_ROLES).toContain(role.toLowerCase());
    }
  });

  it('in Czech every label is Czech: the same menu, no label left in English or empty', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const english = flatten(
        appMenuModel(facts({ platform, packaged: false, showLogs: true }), en),
      );
      const czech = flatten(appMenuModel(facts({ platform, packaged: false, showLogs: true }), cs));
      expect(czech.map((item) => item.kind)).toEqual(english.map((item) => item.kind));
      english.forEach((item, i) => {
        const other = czech[i]!;
        if (item.kind === 'separator' || other.kind === 'separator') return;
        expect(other.label).not.toBe('');
        // The app's name is the same in both languages; everything else is translated.
        if (item.label !== 'Netrex Connect') expect(other.label).not.toBe(item.label);
      });
    }
    expect(menu(appMenuModel(facts(), cs), 'Úpravy')).toBeDefined();
  });

  it("the documentation address is the project's homepage (package.json), the one the packages carry", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      homepage?: string;
    };
    expect(new URL(APP_DOCUMENTATION_URL).href).toBe(new URL(pkg.homepage ?? '').href);
  });

  it('the documentation address is plain https and the external-link guard lets it through', () => {
    const url = new URL(APP_DOCUMENTATION_URL);
    expect(url.protocol).toBe('https:');
    expect(url.search).toBe('');
    expect(checkExternalUrl(APP_DOCUMENTATION_URL, (u) => u === APP_DOCUMENTATION_URL)).toEqual({
      ok: true,
      url: APP_DOCUMENTATION_URL,
    });
  });
});
