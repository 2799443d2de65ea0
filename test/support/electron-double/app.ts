// Electron's `app` in the double: its lifecycle as shell/browser/browser.cc
// runs it (main at 45 nightly), so a quit goes the way a real one goes:
// quit() emits 'before-quit' (preventable), closes every window (a window
// whose 'close' is prevented cancels the quit: Browser::OnWindowCloseCancelled),
// and once none is left emits 'will-quit' (preventable: the quit is then off,
// is_quitting_ = false) and 'quit'. With no window left and no quit under way,
// 'window-all-closed' is emitted, and without a listener of the app's own the
// app quits (lib/browser/init.ts). exit() destroys windows without asking.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';
import type { Rulebook } from './rules';

export interface AppDoubleOptions {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly name: string;
  readonly version: string;
  readonly appPath: string;
  readonly userData: string;
  readonly languages: readonly string[];
  /** What setAsDefaultProtocolClient answers (false: no desktop entry, as in development on Linux). */
  readonly protocolClientRegisters: boolean;
  readonly wasOpenedAtLogin?: boolean;
}

/** The windows, as the app's lifecycle needs them. */
export interface WindowList {
  all(): readonly { close(): void; destroy(): void }[];
}

/** A preventable Electron event. */
export interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function preventableEvent(): PreventableEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

type AppApi = Pick<
  App,
  | 'isPackaged'
  | 'setPath'
  | 'getPath'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'relaunch'
  | 'enableSandbox'
  | 'getPreferredSystemLanguages'
  | 'whenReady'
  | 'isReady'
  | 'getName'
  | 'getVersion'
  | 'setAsDefaultProtocolClient'
  | 'isDefaultProtocolClient'
  | 'getApplicationNameForProtocol'
  | 'getAppPath'
  | 'getLoginItemSettings'
  | 'setLoginItemSettings'
  | 'setAboutPanelOptions'
>;

export class AppDouble extends EventEmitter implements AppApi {
  /** Mutable here so a test can play a packaged build. */
  isPackaged: boolean;
  readonly #paths = new Map<string, string>();
  #quitting = false;
  #exiting = false;
  #shutDown = false;
  #readyResolve!: () => void;
  readonly #ready = new Promise<void>((resolve) => (this.#readyResolve = resolve));
  /** Every app-level call worth asserting, in order. */
  readonly calls: { readonly name: string; readonly detail?: unknown }[] = [];
  relaunches: readonly Electron.RelaunchOptions[] = [];
  exitCode: number | undefined;
  #loginItem = false;
  /** Runs once the app has shut down (the child process ends then). */
  onShutdown: (code: number) => void = () => undefined;
  /** The windows alive now, for quit and 'window-all-closed'. */
  windows: WindowList = { all: () => [] };

  constructor(
    private readonly rules: Rulebook,
    private readonly options: AppDoubleOptions,
  ) {
    super();
    this.isPackaged = options.isPackaged;
    this.protocolClientRegisters = options.protocolClientRegisters;
    this.#paths.set('userData', options.userData);
    // Electron's own (docs/api/app.md, app.getPath): this process's executable, the home and temp folders.
    this.#paths.set('exe', process.execPath);
    this.#paths.set('home', options.userData);
    this.#paths.set('temp', options.userData);
    if (options.platform === 'win32') {
      // Only Windows builds of Electron have it (electron_api_app.cc, BUILDFLAG(IS_WIN)).
      Object.defineProperty(this, 'setAppUserModelId', {
        value: (id: string) => this.calls.push({ name: 'setAppUserModelId', detail: id }),
      });
    }
  }

  /** Electron emits 'will-finish-launching' and then 'ready' once the main script has run. */
  emitReady(): void {
    this.emit('will-finish-launching');
    this.rules.markReady();
    this.emit('ready', preventableEvent(), {});
    this.#readyResolve();
  }

  setPath(name: string, path: string): void {
    this.calls.push({ name: 'setPath', detail: name });
    this.#paths.set(name, path);
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    if (name === 'logs' && !this.#paths.has('logs')) {
      // shell/common/electron_paths.cc (DIR_APP_LOGS): <userData>/logs off macOS,
      // ~/Library/Logs/<name> on it; created when missing.
      const logs =
        this.options.platform === 'darwin'
          ? join(this.getPath('home'), 'Library', 'Logs', this.options.name)
          : join(this.getPath('userData'), 'logs');
      mkdirSync(logs, { recursive: true });
      return logs;
    }
    const path = this.#paths.get(name);
    if (!path) throw new Error(`The double knows no path named ${name}.`);
    return path;
  }

  /** The first copy here: always the lock (additionalData goes to a second copy's 'second-instance'). */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.calls.push({ name: 'requestSingleInstanceLock', detail: additionalData });
    return true;
  }

  enableSandbox(): void {
    this.rules.beforeReady('sandboxBeforeReady');
    this.calls.push({ name: 'enableSandbox' });
  }

  getPreferredSystemLanguages(): string[] {
    return [...this.options.languages];
  }

  whenReady(): Promise<void> {
    return this.#ready;
  }

  isReady(): boolean {
    return this.rules.ready;
  }

  getName(): string {
    return this.options.name;
  }

  getVersion(): string {
    return this.options.version;
  }

  getAppPath(): string {
    return this.options.appPath;
  }

  /** Answers as the OS would (`protocolClientRegisters`); Linux's answer is false without an installed desktop entry. */
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.calls.push({ name: 'setAsDefaultProtocolClient', detail: protocol });
    this.protocolClientCalls.push({ protocol, path, args });
    if (this.protocolClientRegisters) this.#defaultFor.add(protocol);
    return this.protocolClientRegisters;
  }

  readonly protocolClientCalls: { protocol: string; path?: string; args?: string[] }[] = [];
  /** Schemes a setAsDefaultProtocolClient call took (the OS answered true). */
  readonly #defaultFor = new Set<string>();

  /** A test's fresh OS: no scheme registered to the app, no call recorded. */
  forgetProtocolClients(): void {
    this.#defaultFor.clear();
    this.protocolClientCalls.length = 0;
  }

  /** True once a registration of the scheme succeeded (docs/api/app.md). */
  isDefaultProtocolClient(protocol: string): boolean {
    return this.#defaultFor.has(protocol);
  }

  /**
   * The handler's name, or '' when there is none (docs/api/app.md:
   * getApplicationNameForProtocol takes an entire URL, "including :// at a minimum").
   */
  getApplicationNameForProtocol(url: string): string {
    if (!url.includes('://'))
      throw new Error('getApplicationNameForProtocol needs a URL with "://"');
    return this.#defaultFor.has(url.slice(0, url.indexOf(':'))) ? this.options.name : '';
  }
  /** What setAsDefaultProtocolClient answers; a test may change it. */
  protocolClientRegisters = false;

  getLoginItemSettings(): ReturnType<App['getLoginItemSettings']> {
    return {
      openAtLogin: this.#loginItem,
      wasOpenedAtLogin: this.options.wasOpenedAtLogin ?? false,
      status: this.#loginItem ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.#loginItem,
      launchItems: [],
    };
  }

  setLoginItemSettings(settings: Electron.Settings): void {
    this.#loginItem = settings.openAtLogin === true;
  }

  aboutPanel: Electron.AboutPanelOptionsOptions | undefined;

  setAboutPanelOptions(options: Electron.AboutPanelOptionsOptions): void {
    this.aboutPanel = options;
  }

  relaunch(options: Electron.RelaunchOptions = {}): void {
    this.calls.push({ name: 'relaunch', detail: options });
    this.relaunches = [...this.relaunches, options];
  }

  quit(): void {
    this.calls.push({ name: 'quit' });
    if (this.#quitting) return;
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    this.#quitting = !beforeQuit.defaultPrevented;
    if (!this.#quitting) return;
    const windows = this.windows.all();
    if (windows.length === 0) this.#notifyAndShutdown();
    else for (const window of windows) window.close();
  }

  exit(exitCode = 0): void {
    this.calls.push({ name: 'exit', detail: exitCode });
    this.#quitting = true;
    this.#exiting = true;
    this.exitCode = exitCode;
    const windows = this.windows.all();
    if (windows.length === 0) this.#shutdown();
    else for (const window of windows) window.destroy();
  }

  /** A window's 'close' was prevented: a quit under way is off. */
  windowCloseCancelled(): void {
    if (this.#quitting) this.calls.push({ name: 'quit-cancelled-by-a-window' });
    this.#quitting = false;
  }

  /** The last window is gone. */
  windowAllClosed(): void {
    if (this.#exiting) return this.#shutdown();
    if (this.#quitting) return this.#notifyAndShutdown();
    this.emit('window-all-closed');
    // lib/browser/init.ts: with no listener but Electron's own, the app quits.
    if (this.listenerCount('window-all-closed') === 0) this.quit();
  }

  get quitting(): boolean {
    return this.#quitting;
  }

  get shutDown(): boolean {
    return this.#shutDown;
  }

  #notifyAndShutdown(): void {
    if (this.#shutDown) return;
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    this.calls.push({ name: 'will-quit', detail: willQuit.defaultPrevented ? 'prevented' : 'on' });
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.#shutdown();
  }

  #shutdown(): void {
    if (this.#shutDown) return;
    this.#shutDown = true;
    this.#quitting = true;
    this.emit('quit', preventableEvent(), this.exitCode ?? 0);
    this.onShutdown(this.exitCode ?? 0);
  }
}
