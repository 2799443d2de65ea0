// What the composition of the main-process services offers its hosts: the
// Electron edge (main/index.ts) and the browser test harness both build the
// same services through `createServices` and talk to them through this shape.
// Types only: no Electron, no implementation.
import type {
  AccountSnapshot,
  AppInfo,
  AppSettings,
  ProviderView,
  BridgeArgs,
  BridgeEventName,
  BridgeEvents,
  BridgeMethodName,
  BridgeValue,
  Result,
} from './ipc/contract';
import type { Disposable } from './common/lifecycle';
import type { DocumentStore } from './common/document-store';
import type { Log } from './common/log';
import type { AppLinkCheck, WayBackStatus } from './common/way-back';
import type { Cipher } from './vault/cipher';

/** The transport-agnostic handler table (main/ipc/handlers.ts): one entry per bridge method. */
export type BridgeHandlers = {
  [K in BridgeMethodName]: (...args: BridgeArgs<K>) => Promise<Result<BridgeValue<K>>>;
};

export interface BridgeEventSource {
  on<E extends BridgeEventName>(name: E, listener: (payload: BridgeEvents[E]) => void): Disposable;
}

/**
 * The services' events as their host sees them. Notices are held while no
 * page can hear them; the host says when its window's page can (its first
 * bridge call: the page subscribes before it asks anything) and when it
 * cannot any more (closed, or loading again).
 */
export interface AppEvents extends BridgeEventSource {
  /** A bridge call came from the window's page: held notices go out now, later ones at once. */
  windowReady(): void;
  /** The window closed or its page is loading again: notices are held until the next call. */
  windowGone(): void;
}

/** What a host must give the services. */
export interface AppPorts {
  /** Electron's net.fetch in the app (OS proxy and certificates); Node's fetch in tests. */
  readonly fetch: typeof fetch;
  /** Encrypts secrets: safeStorage in the app, AES-256-GCM with a test key in tests. */
  readonly cipher: Cipher;
  /**
   * Opens a URL in the operator's system browser. Rejects with
   * ExternalUrlRefusedError (services/external-urls.ts) when the host's own
   * guard refuses the address, with anything else when the browser failed.
   */
  openExternal(url: string): Promise<void>;
  /** Makes the JSON document named `name` (vault, settings, providers) in the app's data folder. */
  documentStore(name: string): DocumentStore;
  readonly platform: NodeJS.Platform;
  readonly appInfo: AppInfo;
  /** "Start at login"; absent where the host has no such thing (tests). */
  readonly loginItem?: { get(): boolean; set(enabled: boolean): void };
  /** Injectable clock (epoch ms). */
  readonly now?: () => number;
  /** Overrides the per-OS managed configuration path (NETREX_MANAGED_CONFIG does too). */
  readonly managedConfigPath?: string;
  /**
   * The app's log (main/common/log.ts): structured lines, never a secret. The
   * host decides where they go; absent, nothing is logged.
   */
  readonly log?: Log;
  /**
   * The app link (`cz.netrex.connect:`): checks that it starts this very
   * executable and registers it again when not (main/electron/app-link.ts).
   * Absent where the host cannot tell (the browser tests): the app link is
   * then taken as it is, `unknown`.
   */
  readonly appLink?: AppLinkPort;
  /**
   * Writes text to the OS clipboard from the main process (a fresh sign-in
   * link, which never crosses to the window). Absent: copying is refused.
   */
  readonly clipboard?: { writeText(text: string): void };
}

export interface AppLinkPort {
  /** Checks the app link and repairs it when it does not reach this executable. Never throws. */
  check(): Promise<AppLinkCheck>;
}

export interface AppServices extends Disposable {
  /** The window's bridge. Only the window's page calls these (the tray has its own accessors). */
  readonly handlers: BridgeHandlers;
  readonly events: AppEvents;
  /**
   * The deep-link entry: every URL the OS hands the app (argv, open-url, the
   * loopback listener, a pasted address) goes here. Refusals become a `notice`
   * event for the UI; this never throws.
   */
  handleDeepLink(url: string): Promise<void>;
  /** For the tray menu and notifications. */
  accounts(): readonly AccountSnapshot[];
  /** For the tray menu: the portals, as the settings show them. */
  providers(): readonly ProviderView[];
  /**
   * For the tray, notifications and dialogs: the language the operator chose
   * in the window (`system` follows the OS's languages, as the window does).
   */
  languageSetting(): AppSettings['language'];
  /** Runs `listener` when the operator changes the language (the tray rebuilds in it). */
  onLanguageSettingChanged(listener: (language: AppSettings['language']) => void): Disposable;
  /**
   * The guard for shell.openExternal: exactly the authorization URL of a
   * sign-in in progress (https, or plain http to the loopback stand-in).
   */
  isAllowedExternalUrl(url: string): boolean;
  /**
   * The computer woke up (powerMonitor 'resume') or its clock changed: every
   * account plans again, an overdue refresh runs at once. (A periodic
   * wall-clock check notices the same within a minute without this call.)
   */
  resume(): void;
  /**
   * The way back as last checked (plain data, for the diagnosis report): the
   * app link's registration, the loopback ports, the route each portal's
   * browser sign-in takes.
   */
  wayBack(): WayBackStatus;
  /** Checks (and repairs) the app link and the loopback ports again; answers the new state. */
  checkWayBack(): Promise<WayBackStatus>;
}
