// The app's own menu, instead of Electron's default (File, Edit, View with
// Toggle Developer Tools, Window: lib/browser/default-menu.ts, set at
// 'will-finish-launching' unless the app sets its own). Plain data in the
// app's language; main/electron/app-menu.ts turns it into an Electron Menu.
// Pure: tested in Node.
//
// Roles are Electron's (lib/browser/api/menu-item-roles.ts): the system does
// the editing in the page's fields, reload and zoom; each gets a label in the
// app's language. Developer tools only in a development build.
import type { EdgeWords } from './edge-words';

/**
 * The app's documentation, opened by Help → Documentation in the system
 * browser (the one address besides a sign-in that the guard lets through).
 * package.json's `homepage`, which the Linux packages carry too; a test
 * holds the two together. Written as a URL serialises (the trailing slash):
 * the guard compares what it parsed.
 */
export const APP_DOCUMENTATION_URL = 'https://www.netrex.cz/';

/** Electron roles the menu uses. */
export type AppMenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'help';

export type AppMenuAction = 'open-documentation' | 'show-logs';

export type AppMenuItem =
  | { readonly kind: 'role'; readonly role: AppMenuRole; readonly label: string }
  | { readonly kind: 'action'; readonly action: AppMenuAction; readonly label: string }
  | { readonly kind: 'separator' }
  | {
      readonly kind: 'submenu';
      readonly label: string;
      /** macOS places the Help menu by role. */
      readonly role?: 'help';
      readonly items: readonly AppMenuItem[];
    };

export interface AppMenuFacts {
  readonly platform: NodeJS.Platform;
  /** A packaged (release) build: no developer tools. */
  readonly packaged: boolean;
  /** Whether "Show logs" has somewhere to go (the log's folder is known). */
  readonly showLogs: boolean;
}

const role = (r: AppMenuRole, label: string): AppMenuItem => ({ kind: 'role', role: r, label });
const separator: AppMenuItem = { kind: 'separator' };

export function appMenuModel(facts: AppMenuFacts, words: EdgeWords): AppMenuItem[] {
  const m = words.menu;
  const mac = facts.platform === 'darwin';
  const appMenu: AppMenuItem = {
    kind: 'submenu',
    label: words.appName,
    items: [
      role('about', m.about),
      separator,
      role('services', m.services),
      separator,
      role('hide', m.hide),
      role('hideOthers', m.hideOthers),
      role('unhide', m.showAll),
      separator,
      role('quit', m.quit),
    ],
  };
  const fileMenu: AppMenuItem = { kind: 'submenu', label: m.file, items: [role('quit', m.quit)] };
  const edit: AppMenuItem = {
    kind: 'submenu',
    label: m.edit,
    items: [
      role('undo', m.undo),
      role('redo', m.redo),
      separator,
      role('cut', m.cut),
      role('copy', m.copy),
      role('paste', m.paste),
      ...(mac ? [role('pasteAndMatchStyle', m.pasteAndMatchStyle)] : []),
      separator,
      role('selectAll', m.selectAll),
    ],
  };
  const view: AppMenuItem = {
    kind: 'submenu',
    label: m.view,
    items: [
      role('reload', m.reload),
      ...(facts.packaged ? [] : [role('toggleDevTools', m.developerTools)]),
      separator,
      role('resetZoom', m.actualSize),
      role('zoomIn', m.zoomIn),
      role('zoomOut', m.zoomOut),
      separator,
      role('togglefullscreen', m.fullScreen),
    ],
  };
  const window: AppMenuItem = {
    kind: 'submenu',
    label: m.window,
    items: [role('minimize', m.minimize), role('close', m.close)],
  };
  const help: AppMenuItem = {
    kind: 'submenu',
    label: m.help,
    ...(mac ? { role: 'help' as const } : {}),
    items: [
      { kind: 'action', action: 'open-documentation', label: m.documentation },
      ...(facts.showLogs
        ? [{ kind: 'action' as const, action: 'show-logs' as const, label: m.showLogs }]
        : []),
      // macOS has About in the app menu.
      ...(mac ? [] : [separator, role('about', m.about)]),
    ],
  };
  return mac ? [appMenu, edit, view, window, help] : [fileMenu, edit, view, help];
}
