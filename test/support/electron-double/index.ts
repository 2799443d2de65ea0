// A typed, recording double of the `electron` module: the edge under a typed
// double of Electron — not Electron. Each API the app uses is there with its
// electron.d.ts signature (Pick<...> of the real types), behaving as Electron's
// source says it behaves where the app depends on it (rules.ts names each
// rule and its source file), and recording what the app did, so a test can
// say "safeStorage was used before ready" or "the tray was made twice".
//
// Used two ways: adapter tests mock 'electron' with `electronModule(double)`
// (vi.mock), and the start-up smoke test runs the built bundle in Node with
// 'electron' resolved to this double (child-entry.ts).
import { EventEmitter } from 'node:events';
import { AppDouble, type AppDoubleOptions } from './app';
import { ClientRequestDouble } from './net';
import { Rulebook } from './rules';
import { SafeStorageDouble, newKeyringSecret, type KeyringBehaviour } from './safe-storage';
import {
  NotificationDouble,
  TrayDouble,
  createClipboard,
  createDialog,
  createMenu,
  createShell,
  nativeImageDouble,
  type MenuState,
  type ShellState,
} from './shell-ui';
import {
  BrowserWindowDouble,
  IpcMainDouble,
  ProtocolDouble,
  SessionDouble,
  WebContentsDouble,
  checkPreload,
  type PageLoad,
} from './window';

export interface ElectronDoubleOptions extends Partial<AppDoubleOptions> {
  readonly userData: string;
  readonly keyring?: KeyringBehaviour;
  readonly keyringSecret?: Buffer;
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;

export function createElectronDouble(options: ElectronDoubleOptions) {
  const platform = options.platform ?? process.platform;
  const rules = new Rulebook();
  const app = new AppDouble(rules, {
    platform,
    isPackaged: options.isPackaged ?? false,
    name: options.name ?? 'Netrex Connect',
    version: options.version ?? '0.1.0',
    appPath: options.appPath ?? process.cwd(),
    userData: options.userData,
    languages: options.languages ?? ['en-US'],
    protocolClientRegisters: options.protocolClientRegisters ?? false,
    ...(options.wasOpenedAtLogin !== undefined
      ? { wasOpenedAtLogin: options.wasOpenedAtLogin }
      : {}),
  });
  const keyringSecret = options.keyringSecret ?? newKeyringSecret();
  const safeStorage = new SafeStorageDouble(rules, {
    keyring: options.keyring ?? 'opens',
    keyringSecret,
  });
  const protocol = new ProtocolDouble(rules);
  const ipcMain = new IpcMainDouble(rules);
  const powerMonitor = new EventEmitter();
  const loads: PageLoad[] = [];
  /** 'page' (a load finished), 'tray' (a tray was made): for a driver to wait on, never a sleep. */
  const control = new EventEmitter();
  const windows: BrowserWindowDouble[] = [];
  const trays: TrayDouble[] = [];
  const liveTrays = new Set<TrayDouble>();
  const notifications: NotificationDouble[] = [];
  const menus: MenuState = { application: null, applicationSets: 0 };
  const shellState: ShellState = {
    opened: [],
    openedPaths: [],
    clipboard: [],
    saveDialogs: [],
    errorBoxes: [],
    messageBoxes: [],
  };
  const sessions = new Map<string, SessionDouble>();
  const ui: string[] = [];
  /** Every net.request's options, in order. */
  const requests: Electron.ClientRequestConstructorOptions[] = [];
  app.windows = { all: () => windows.filter((w) => !w.isDestroyed()) };

  /** On Windows the AppUserModelId must be settled before the first window, tray or notification. */
  const firstUi = (what: string): void => {
    ui.push(what);
    if (platform !== 'win32') return;
    if (!app.calls.some((call) => call.name === 'setAppUserModelId')) {
      rules.broken('userModelIdFirst', `${what} before app.setAppUserModelId`);
    }
  };

  const openRequest = (
    requestOptions: Electron.ClientRequestConstructorOptions,
  ): ClientRequestDouble => {
    rules.afterReady('netAfterReady', 'net.request');
    if (requestOptions.session && !(requestOptions.session instanceof SessionDouble)) {
      throw new TypeError('`session` should be an instance of the Session class');
    }
    requests.push(requestOptions);
    return new ClientRequestDouble(requestOptions);
  };
  const sessionNamed = (partition: string): SessionDouble => {
    rules.afterReady('sessionAfterReady', partition || 'defaultSession');
    let found = sessions.get(partition);
    if (!found) {
      found = new SessionDouble(partition, openRequest);
      sessions.set(partition, found);
    }
    return found;
  };

  class BrowserWindow extends BrowserWindowDouble {
    constructor(windowOptions: Electron.BrowserWindowConstructorOptions = {}) {
      rules.afterReady('windowAfterReady');
      checkPreload(rules, windowOptions);
      firstUi('BrowserWindow');
      const contents = new WebContentsDouble(protocol, loads, (load) => control.emit('page', load));
      super(windowOptions, contents, app, (gone) => {
        if (windows.every((w) => w.isDestroyed())) app.windowAllClosed();
        void gone;
      });
      windows.push(this);
      queueMicrotask(() => this.emit('ready-to-show'));
    }
    static getAllWindows(): BrowserWindowDouble[] {
      return windows.filter((w) => !w.isDestroyed());
    }
  }

  class Tray extends TrayDouble {
    constructor() {
      rules.afterReady('trayAfterReady');
      firstUi('Tray');
      if (liveTrays.size > 0) throw rules.broken('oneTray', `tray ${trays.length + 1}`);
      super((gone) => liveTrays.delete(gone));
      trays.push(this);
      liveTrays.add(this);
      control.emit('tray', this);
    }
  }

  class Notification extends NotificationDouble {
    constructor(notificationOptions: Electron.NotificationConstructorOptions = {}) {
      rules.afterReady('notificationAfterReady');
      firstUi('Notification');
      super(notificationOptions, (shown) => notifications.push(shown));
    }
  }

  const electron = {
    app,
    safeStorage,
    protocol,
    ipcMain,
    powerMonitor,
    BrowserWindow,
    Tray,
    Notification,
    Menu: createMenu(rules, menus),
    nativeImage: nativeImageDouble,
    dialog: createDialog(rules, shellState),
    shell: createShell(shellState),
    clipboard: createClipboard(shellState),
    net: {
      request: openRequest,
      fetch: (input: string | URL | Request, init?: RequestInit) =>
        sessionNamed('').fetch(input, init),
    },
    session: {
      get defaultSession(): SessionDouble {
        return sessionNamed('');
      },
      fromPartition(partition: string): SessionDouble {
        return sessionNamed(partition);
      },
    },
  };

  return {
    electron,
    rules,
    app,
    safeStorage,
    protocol,
    ipcMain,
    keyringSecret,
    requests,
    control,
    powerMonitor,
    state: { loads, windows, trays, liveTrays, notifications, menus, shell: shellState, ui },
  };
}

/** The module as `import ... from 'electron'` sees it: named exports and a default. */
export function electronModule(double: ElectronDouble): Record<string, unknown> {
  return { ...double.electron, default: double.electron };
}
