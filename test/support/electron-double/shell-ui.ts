// The double's shell side: Tray, Menu, Notification, nativeImage, dialog and
// shell. Menus keep their template, so a test reads what the operator would
// see and clicks an item by its label.
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import type { Rulebook } from './rules';

/**
 * The roles Electron knows (lib/browser/api/menu-item-roles.ts, RoleId, main
 * at 45 nightly; a MenuItem lower-cases the role before looking it up).
 */
export const ELECTRON_MENU_ROLES: ReadonlySet<string> = new Set([
  'about',
  'close',
  'copy',
  'cut',
  'delete',
  'forcereload',
  'front',
  'help',
  'hide',
  'hideothers',
  'minimize',
  'paste',
  'pasteandmatchstyle',
  'quit',
  'redo',
  'reload',
  'resetzoom',
  'selectall',
  'services',
  'recentdocuments',
  'clearrecentdocuments',
  'showsubstitutions',
  'togglesmartquotes',
  'togglesmartdashes',
  'toggletextreplacement',
  'startspeaking',
  'stopspeaking',
  'toggledevtools',
  'togglefullscreen',
  'undo',
  'unhide',
  'window',
  'zoom',
  'zoomin',
  'zoomout',
  'togglespellchecker',
  'appmenu',
  'filemenu',
  'editmenu',
  'viewmenu',
  'windowmenu',
  'sharemenu',
]);

export class MenuDouble {
  constructor(readonly template: readonly MenuItemConstructorOptions[]) {}

  /** Every item, depth first, with the labels of the submenus above it. */
  flatten(): { readonly path: readonly string[]; readonly item: MenuItemConstructorOptions }[] {
    const out: { path: readonly string[]; item: MenuItemConstructorOptions }[] = [];
    const visit = (items: readonly MenuItemConstructorOptions[], path: readonly string[]) => {
      for (const item of items) {
        const here = [...path, item.label ?? item.role ?? item.type ?? ''];
        out.push({ path: here, item });
        if (Array.isArray(item.submenu)) visit(item.submenu, here);
      }
    };
    visit(this.template, []);
    return out;
  }

  /** Runs the click of the item whose label path is `path` (the operator choosing it). */
  click(...path: string[]): void {
    const found = this.flatten().find((entry) => entry.path.join(' > ') === path.join(' > '));
    if (!found?.item.click) throw new Error(`No clickable menu item ${path.join(' > ')}.`);
    (found.item.click as () => void)();
  }
}

export interface MenuState {
  application: MenuDouble | null;
  applicationSets: number;
}

export function createMenu(rules: Rulebook, state: MenuState) {
  const checkRoles = (items: readonly MenuItemConstructorOptions[]): void => {
    for (const item of items) {
      if (item.role && !ELECTRON_MENU_ROLES.has(item.role.toLowerCase())) {
        rules.broken('menuRoleKnown', item.role);
      }
      if (Array.isArray(item.submenu)) checkRoles(item.submenu);
    }
  };
  return {
    buildFromTemplate(template: MenuItemConstructorOptions[]): MenuDouble {
      checkRoles(template);
      return new MenuDouble(template);
    },
    setApplicationMenu(menu: MenuDouble | null): void {
      state.application = menu;
      state.applicationSets += 1;
    },
    getApplicationMenu(): MenuDouble | null {
      return state.application;
    },
  };
}

export class TrayDouble extends EventEmitter {
  #destroyed = false;
  tooltip = '';
  menu: MenuDouble | null = null;
  images = 0;

  constructor(private readonly gone: (tray: TrayDouble) => void) {
    super();
    this.images = 1;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setImage(): void {
    this.images += 1;
  }
  setContextMenu(menu: MenuDouble | null): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.gone(this);
  }
}

export class NotificationDouble extends EventEmitter {
  shown = false;
  constructor(
    readonly options: Electron.NotificationConstructorOptions,
    private readonly record: (notification: NotificationDouble) => void,
  ) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
    this.record(this);
  }
}

export interface ShellState {
  readonly opened: string[];
  /** Folders shell.openPath was asked to show. */
  readonly openedPaths: string[];
  /** What the app wrote to the clipboard. */
  readonly clipboard: string[];
  readonly saveDialogs: Electron.SaveDialogOptions[];
  readonly errorBoxes: { readonly title: string; readonly content: string }[];
  readonly messageBoxes: Electron.MessageBoxOptions[];
}

export function createDialog(rules: Rulebook, state: ShellState) {
  return {
    // Safe before `ready` (docs/api/dialog.md: showErrorBox).
    showErrorBox(title: string, content: string): void {
      state.errorBoxes.push({ title, content });
    },
    async showMessageBox(options: Electron.MessageBoxOptions) {
      rules.afterReady('dialogAfterReady', 'showMessageBox');
      state.messageBoxes.push(options);
      return { response: 0, checkboxChecked: false };
    },
    // (window, options) or (options): docs/api/dialog.md. The double's operator cancels.
    async showSaveDialog(
      first: unknown,
      second?: Electron.SaveDialogOptions,
    ): Promise<Electron.SaveDialogReturnValue> {
      rules.afterReady('dialogAfterReady', 'showSaveDialog');
      state.saveDialogs.push(second ?? (first as Electron.SaveDialogOptions));
      return { canceled: true, filePath: '' };
    },
  };
}

export function createShell(state: ShellState) {
  return {
    async openExternal(url: string): Promise<void> {
      state.opened.push(url);
    },
    // docs/api/shell.md: "" on success, the error's message otherwise; it never rejects for that.
    async openPath(path: string): Promise<string> {
      state.openedPaths.push(path);
      return '';
    },
  };
}

export function createClipboard(state: ShellState) {
  return {
    writeText(text: string): void {
      state.clipboard.push(text);
    },
    readText(): string {
      return state.clipboard.at(-1) ?? '';
    },
  };
}

export const nativeImageDouble = {
  createFromBitmap(buffer: Buffer, options: { width: number; height: number }) {
    if (buffer.length !== options.width * options.height * 4) {
      throw new Error('Invalid buffer size');
    }
    return {
      isEmpty: () => false,
      getSize: () => ({ width: options.width, height: options.height }),
    };
  },
};
