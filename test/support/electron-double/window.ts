// The double's window side: BrowserWindow and its webContents, the app:
// protocol, sessions and ipcMain. A window's loadURL asks the handler the app
// registered with protocol.handle, as Chromium would, so "the window loads
// app://renderer/index.html" means the app's own handler served that page.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  IpcMain,
  IpcMainInvokeEvent,
  Protocol,
  WebContents,
} from 'electron';
import { preventableEvent, type AppDouble } from './app';
import { netFetchDouble, type ClientRequestDouble } from './net';
import type { Rulebook } from './rules';

/** What one page load found: the address, the app: handler's status, its CSP header. */
export interface PageLoad {
  readonly url: string;
  readonly status: number;
  readonly contentSecurityPolicy: string | null;
}

export class ProtocolDouble implements Pick<Protocol, 'handle' | 'isProtocolHandled'> {
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  privilegedCalls = 0;
  privileged: readonly Electron.CustomScheme[] = [];

  constructor(private readonly rules: Rulebook) {}

  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    this.rules.beforeReady('schemesBeforeReady');
    this.privilegedCalls += 1;
    if (this.privilegedCalls > 1) this.rules.broken('schemesOnce', `call ${this.privilegedCalls}`);
    const uncacheable = schemes.find((s) => s.privileges?.codeCache && !s.privileges.standard);
    if (uncacheable) throw this.rules.broken('codeCacheNeedsStandard', uncacheable.scheme);
    this.privileged = [...schemes];
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.rules.afterReady('protocolHandleAfterReady', `protocol.handle('${scheme}')`);
    this.handlers.set(scheme, handler);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
}

export class SessionDouble {
  readonly permissionHandlers = new Set<string>();
  constructor(
    readonly partition: string,
    private readonly openRequest: (
      options: Electron.ClientRequestConstructorOptions,
    ) => ClientRequestDouble,
  ) {}
  setPermissionRequestHandler(handler: unknown): void {
    if (handler) this.permissionHandlers.add('request');
  }
  setPermissionCheckHandler(handler: unknown): void {
    if (handler) this.permissionHandlers.add('check');
  }
  setDevicePermissionHandler(handler: unknown): void {
    if (handler) this.permissionHandlers.add('device');
  }
  /** No proxy configured here: Chromium's PAC answer for a direct connection (resolve_proxy_helper.cc). */
  async resolveProxy(url: string): Promise<string> {
    new URL(url);
    return 'DIRECT';
  }
  /** net.fetch's algorithm (lib/browser/api/net-fetch.ts) with this session. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    return netFetchDouble(
      (options) => this.openRequest({ ...options, session: this as never }),
      input,
      init,
    );
  }
}

export class WebContentsDouble extends EventEmitter {
  #url = '';
  #destroyed = false;
  readonly sent: { readonly channel: string; readonly payload: unknown }[] = [];
  windowOpenHandler: unknown;

  constructor(
    private readonly protocol: ProtocolDouble,
    private readonly loads: PageLoad[],
    /** Told of each page load, once the page has finished (or failed) loading. */
    private readonly loaded: (load: PageLoad) => void = () => undefined,
  ) {
    super();
  }

  async loadURL(url: string): Promise<void> {
    this.emit('did-start-loading');
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.protocol.handlers.get(scheme);
    const response = handler
      ? await handler(new Request(url))
      : new Response(null, { status: 404 });
    const load: PageLoad = {
      url,
      status: response.status,
      contentSecurityPolicy: response.headers.get('content-security-policy'),
    };
    this.loads.push(load);
    if (response.status !== 200) {
      this.emit('did-fail-load', preventableEvent(), -6, 'ERR_FILE_NOT_FOUND', url);
      this.loaded(load);
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
    }
    this.#url = url;
    this.emit('did-finish-load');
    this.loaded(load);
  }

  getURL(): string {
    return this.#url;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: unknown): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindowDouble extends EventEmitter {
  readonly webContents: WebContentsDouble;
  #visible = false;
  #destroyed = false;
  #minimized = false;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    contents: WebContentsDouble,
    private readonly app: AppDouble,
    private readonly gone: (window: BrowserWindowDouble) => void,
  ) {
    super();
    this.webContents = contents;
  }

  show(): void {
    this.#visible = true;
    this.#minimized = false;
  }
  hide(): void {
    this.#visible = false;
  }
  focus(): void {}
  restore(): void {
    this.#minimized = false;
  }
  minimize(): void {
    this.#minimized = true;
  }
  isMinimized(): boolean {
    return this.#minimized;
  }
  isVisible(): boolean {
    return this.#visible && !this.#destroyed;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The operator's close (the title bar's ×) or a quit: preventable 'close', then gone. */
  close(): void {
    if (this.#destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) {
      this.app.windowCloseCancelled();
      return;
    }
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    this.webContents.destroy();
    this.emit('closed');
    this.gone(this);
  }
}

type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class IpcMainDouble extends EventEmitter implements Pick<IpcMain, 'removeHandler'> {
  readonly handlers = new Map<string, IpcHandler>();

  constructor(private readonly rules: Rulebook) {
    super();
  }

  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw this.rules.broken('oneHandlerPerChannel', channel);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What the renderer's ipcRenderer.invoke does: the handler, with a sender frame at `senderUrl`. */
  async invoke(
    channel: string,
    args: readonly unknown[],
    sender: { readonly url: string; readonly contents?: WebContents },
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = {
      senderFrame: { url: sender.url, parent: null },
      sender: sender.contents,
    } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  }
}

/** Preload paths the app gave its windows, each checked as Electron's docs ask. */
export function checkPreload(rules: Rulebook, options: BrowserWindowConstructorOptions): void {
  const preload = options.webPreferences?.preload;
  if (preload === undefined) return;
  if (!isAbsolute(preload) || !existsSync(preload)) rules.broken('preloadExists', preload);
}
