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
  StorageStatus,
} from './ipc/contract';
import type { Disposable } from './common/lifecycle';
import type { DocumentStore } from './common/document-store';
import type { Log } from './common/log';
import type { Confirm } from './common/confirmation';
import type { LogFileControl } from './support/log-file';
import type { RuntimeFacts } from './support/diagnosis/build-report';
import type { DiagnosisResult, SavedReport } from './support/diagnosis/model';
import type { ReportFormat } from './support/diagnosis/report-files';
import type { AppLinkCheck, WayBackStatus } from './common/way-back';
import type { Cipher } from './vault/cipher';
import type { PolicyValues } from './policy/policy-schema';
import type { UpdaterPort } from './updates/update-service';

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
  /** Overrides the per-OS managed configuration path (NETREX_MANAGED_CONFIG does too, unpackaged). */
  readonly managedConfigPath?: string;
  /**
   * The app runs installed (Electron's app.isPackaged): development overrides
   * such as NETREX_MANAGED_CONFIG are ignored. Absent: a development run.
   */
  readonly packaged?: boolean;
  /**
   * The app's log (main/common/log.ts): structured lines, never a secret. The
   * host decides where they go; absent, nothing is logged.
   */
  readonly log?: Log;
  /**
   * Asks the operator in the main process's own dialog, never the page
   * (main/common/confirmation.ts): keeping sign-ins without a keyring, the
   * first sign-in to a portal added here, a sign-in that would end the grant
   * it replaces. Absent (a host with no dialog), each is refused.
   */
  readonly confirm?: Confirm;
  /**
   * The app's own updater (electron-updater in the app) and the facts about
   * this install it needs; absent, the app never updates itself.
   */
  readonly updater?: {
    readonly port: UpdaterPort;
    /** Installed for all users (Program Files): updates only where IT enables them. */
    readonly perMachine: boolean;
    /** electron-updater can install on this system (AppImage, NSIS, macOS). */
    readonly supported: boolean;
    /** The feed the build carries (app-update.yml), if any. */
    readonly builtInFeed: string | null;
  };
  /**
   * The file behind `log` (main/support/log-file.ts), where the host keeps
   * one: its level (the operator's detailed-log setting here; IT's policy
   * through `setLevel('policy', …)`), its last lines for the diagnosis, its
   * folder, and the secrets its redaction must know. Absent in most tests.
   */
  readonly logFile?: LogFileControl;
  /** Opens the log folder in the OS's file manager (Settings' "Show logs"); absent in tests. */
  openLogFolder?(): Promise<void>;
  /** What only the host knows for the diagnosis: Electron's versions, how the app was installed and started. */
  readonly runtime?: RuntimeFacts;
  /** The proxy the OS chose for a URL (Electron's session.resolveProxy); absent: not asked. */
  resolveProxy?(url: string): Promise<string>;
  /**
   * Saves the diagnosis report where the operator chooses in a native save
   * dialog (never a path the page names); the chosen name's ending picks the
   * format. Answers where it went, or that the operator cancelled.
   */
  saveReport?(report: {
    readonly suggestedName: string;
    readonly content: (format: ReportFormat) => string;
  }): Promise<SavedReport>;
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
  /** For the tray: where the sign-ins are kept (it says when they wait for the keyring). */
  storageStatus(): StorageStatus;
  /**
   * For the tray, notifications and dialogs: the language the operator chose
   * in the window (`system` follows the OS's languages, as the window does).
   */
  languageSetting(): AppSettings['language'];
  /** Runs `listener` when the operator changes the language (the tray rebuilds in it). */
  onLanguageSettingChanged(listener: (language: AppSettings['language']) => void): Disposable;
  /** Whether the operator was told that closing the window keeps the app in the tray. */
  trayNoticeShown(): boolean;
  /** Remembers, in the settings document, that they were. */
  rememberTrayNoticeShown(): void;
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
   * The policies IT set, as they are now (logLevel for the log; the rest the
   * services apply themselves). Changes while the app runs are heard below.
   */
  policyValues(): PolicyValues;
  onPolicyChanged(listener: (values: PolicyValues) => void): Disposable;
  /** `--diagnose`: the report in the app's language (the setting, else the OS's). */
  diagnose(): Promise<DiagnosisResult>;
  /**
   * The way back as last checked (plain data, for the diagnosis report): the
   * app link's registration, the loopback ports, the route each portal's
   * browser sign-in takes.
   */
  wayBack(): WayBackStatus;
  /** Checks (and repairs) the app link and the loopback ports again; answers the new state. */
  checkWayBack(): Promise<WayBackStatus>;
}
