// The typed bridge between the renderer and the main process: channel names,
// what each call takes and answers, and the events pushed to the page.
//
// The renderer imports *types only* from this file. Nothing here carries a
// token, a code, a verifier or a client secret: the types simply have no field
// for one, and tests search every message that crosses the bridge.
//
// The plain data the services themselves speak (accounts, portals, storage,
// user-facing errors) lives in main/common/model.ts, so auth/, vault/,
// providers/ and accounts/ need nothing from the bridge; it is re-exported
// here, and the renderer still imports only this file.
import type {
  AccountSnapshot,
  AddPortalInput,
  ApiTokenSignInInput,
  Dialect,
  MessageParams,
  PortalPolicy,
  PolicyView,
  ProviderOrigin,
  ProviderSettingsPatch,
  RedirectKind,
  ServerFacts,
  SetAsideFiles,
  SignOutReport,
  StorageStatus,
  UpdateView,
  UserFacingError,
} from '../common/model';
import type { DiagnosisResult, ReportLanguage, SavedReport } from '../support/diagnosis/model';

export type {
  CheckStatus,
  DiagnosisCheck,
  DiagnosisReport,
  DiagnosisResult,
  DiagnosisSection,
  ReportLanguage,
  SavedReport,
} from '../support/diagnosis/model';
import type { PortalWayBack, WayBackStatus } from '../common/way-back';

export type {
  AccountSnapshot,
  AccountState,
  AddPortalInput,
  ApiTokenSignInInput,
  CameraSummary,
  Dialect,
  MessageParams,
  PortalPolicy,
  PolicyView,
  ProviderOrigin,
  ProviderSettingsPatch,
  RedirectKind,
  ServerFacts,
  SetAsideFile,
  SetAsideFiles,
  SignInMethod,
  SignOutReport,
  StoragePolicy,
  StorageStatus,
  UpdateDisabledReason,
  UpdateView,
  UserFacingError,
  VaultDamage,
} from '../common/model';
export type {
  AppLaunchKind,
  AppLinkCheck,
  AppLinkStatus,
  LoopbackPortState,
  PasteHint,
  PortalWayBack,
  ReturnRoute,
  WayBackReason,
  WayBackStatus,
} from '../common/way-back';

/** Every call answers with a value or a user-facing error; nothing is thrown across the bridge. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UserFacingError };

export interface ProviderView {
  readonly id: string;
  readonly name: string;
  readonly dialect: Dialect;
  readonly origin: ProviderOrigin;
  /** Managed by IT: settings are read-only in the UI. */
  readonly locked: boolean;
  /** Base URL (Netrex dialect) or issuer (standard OAuth 2.0 / OpenID). */
  readonly url: string;
  /** Empty when not configured yet. */
  readonly clientId: string;
  /** Whether a client secret is stored; the secret itself never leaves the main process. */
  readonly clientSecretSet: boolean;
  /** Rights (Netrex) or scopes (standard) requested at sign-in. */
  readonly rights: readonly string[];
  /** What may be ticked in settings (the ten documented rights for Netrex portals). */
  readonly availableRights: readonly string[];
  readonly redirectKind: RedirectKind;
  readonly loopbackPort: number;
  /** The portal has the loopback address registered too, as the way back when the app link fails. */
  readonly loopbackFallback: boolean;
  /** The exact redirect URL the administrator registers in the portal. */
  readonly redirectUri: string;
  /** Whether "Sign in" can start; when not, `notReadyReason` says what is missing. */
  readonly ready: boolean;
  readonly notReadyReason?: UserFacingError;
  /**
   * Standard servers: what the last discovery found (e.g. no PKCE methods
   * listed), for the administrator; absent until the app has read the metadata.
   */
  readonly server?: ServerFacts;
}

export type SignInPhase = 'waiting' | 'exchanging' | 'connected' | 'failed' | 'cancelled';

/** One sign-in in progress (or just finished) for a provider. */
export interface SignInView {
  readonly providerId: string;
  readonly phase: SignInPhase;
  readonly startedAt: number;
  /** Epoch ms at which the pending authorization expires. */
  readonly deadline: number;
  /** Time left when this view was made; the UI counts down from here. */
  readonly remainingMs: number;
  /** Set once connected. */
  readonly accountId?: string;
  /** Set when failed or cancelled: `access_denied`, `timed_out`, `superseded`, ... */
  readonly error?: UserFacingError;
  /** The way back this sign-in asked the portal for, and why (absent once it ended). */
  readonly wayBack?: PortalWayBack;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  /** The OS languages, most preferred first (BCP 47). */
  readonly languages: readonly string[];
  readonly demo: boolean;
}

export interface AppSettings {
  readonly startAtLogin: boolean;
  /** `system` follows the OS; otherwise a language the UI ships (`en`, `cs`). */
  readonly language: 'system' | 'en' | 'cs';
  /** The log writes debug lines too (for a support case); IT's policy may set the level instead. */
  readonly detailedLog: boolean;
}

export interface Notice {
  readonly id: string;
  readonly level: 'info' | 'warning' | 'error';
  readonly code: string;
  /** In English, with the portal's words (`detail`) quoted after it. */
  readonly message: string;
  /** Untrusted text from the portal, plain and capped, for the window to quote. */
  readonly detail?: string;
  /** What the message names, for the window's own words for `code` (see MessageParams). */
  readonly params?: MessageParams;
  /** The portal whose sign-in this notice is about: it ends when that sign-in changes. */
  readonly providerId?: string;
  readonly at: number;
}

/** `window.netrex`: the whole surface the renderer has. */
export interface NetrexBridge {
  getAppInfo(): Promise<Result<AppInfo>>;
  getAppSettings(): Promise<Result<AppSettings>>;
  updateAppSettings(patch: Partial<AppSettings>): Promise<Result<AppSettings>>;

  listProviders(): Promise<Result<ProviderView[]>>;
  getPortalPolicy(): Promise<Result<PortalPolicy>>;
  addPortal(input: AddPortalInput): Promise<Result<ProviderView>>;
  updateProvider(providerId: string, patch: ProviderSettingsPatch): Promise<Result<ProviderView>>;
  /** Write-only: `null` removes the stored secret. */
  setClientSecret(providerId: string, secret: string | null): Promise<Result<ProviderView>>;
  removeProvider(providerId: string): Promise<Result<null>>;

  signIn(providerId: string): Promise<Result<SignInView>>;
  /** Signs in again returning through the portal's loopback address (the app link did not come back). */
  signInViaLoopback(providerId: string): Promise<Result<SignInView>>;
  reopenBrowser(providerId: string): Promise<Result<SignInView>>;
  cancelSignIn(providerId: string): Promise<Result<SignInView>>;
  /** "Paste the address instead": the URL from the browser's address bar. */
  completeSignIn(url: string): Promise<Result<SignInView>>;
  /** A fresh sign-in whose link goes to the clipboard (by the main process), for another browser. */
  copySignInLink(providerId: string): Promise<Result<SignInView>>;
  /** How sign-ins return to the app: the app link's registration and each portal's route. */
  getWayBack(): Promise<Result<WayBackStatus>>;
  signInWithApiToken(input: ApiTokenSignInInput): Promise<Result<AccountSnapshot>>;

  listAccounts(): Promise<Result<AccountSnapshot[]>>;
  checkNow(accountId: string): Promise<Result<AccountSnapshot>>;
  signOut(accountId: string): Promise<Result<SignOutReport>>;

  getStorageStatus(): Promise<Result<StorageStatus>>;
  setWeakStorageAllowed(allowed: boolean): Promise<Result<StorageStatus>>;
  /** Damaged vault files set aside (they may hold live sign-ins) and how long they are kept. */
  getSetAsideFiles(): Promise<Result<SetAsideFiles>>;
  /** Deletes them all now. */
  deleteSetAsideFiles(): Promise<Result<SetAsideFiles>>;
  /** How many days a set-aside file is kept before it is deleted by itself (1–365). */
  setSetAsideRetention(days: number): Promise<Result<SetAsideFiles>>;

  /** What IT fixed by policy. */
  getPolicy(): Promise<Result<PolicyView>>;
  getUpdateStatus(): Promise<Result<UpdateView>>;
  /** "Restart to update": refused while a sign-in runs or sign-ins are being saved. */
  restartToUpdate(): Promise<Result<UpdateView>>;

  /** Settings → Diagnostics, "Check again": every check now, the report in `language`. */
  runDiagnosis(language: ReportLanguage): Promise<Result<DiagnosisResult>>;
  /** Saves the report last made (in `language`) where the operator chooses in a native dialog. */
  saveDiagnosis(language: ReportLanguage): Promise<Result<SavedReport>>;
  /** Opens the folder of the app's log files in the file manager ("Show logs"). */
  openLogFolder(): Promise<Result<null>>;

  onAccountsChanged(listener: (accounts: AccountSnapshot[]) => void): () => void;
  onSignInChanged(listener: (view: SignInView) => void): () => void;
  onNotice(listener: (notice: Notice) => void): () => void;
  onPolicyChanged(listener: (policy: PolicyView) => void): () => void;
  onUpdateChanged(listener: (update: UpdateView) => void): () => void;
  onWayBackChanged(listener: (status: WayBackStatus) => void): () => void;
}

/** Events pushed from the main process, by channel. */
export interface BridgeEvents {
  'accounts-changed': AccountSnapshot[];
  'sign-in-changed': SignInView;
  notice: Notice;
  'policy-changed': PolicyView;
  'update-changed': UpdateView;
  'way-back-changed': WayBackStatus;
}
export type BridgeEventName = keyof BridgeEvents;

/** The invokable methods: every bridge member that is not an `on…` subscription. */
export type BridgeMethodName = {
  [K in keyof NetrexBridge]: K extends `on${string}` ? never : K;
}[keyof NetrexBridge];

export type BridgeArgs<K extends BridgeMethodName> = Parameters<NetrexBridge[K]>;
export type BridgeValue<K extends BridgeMethodName> =
  Awaited<ReturnType<NetrexBridge[K]>> extends Result<infer T> ? T : never;

/** Runtime list of methods, so the preload and its static test agree with the type. */
export const BRIDGE_METHODS = [
  'getAppInfo',
  'getAppSettings',
  'updateAppSettings',
  'listProviders',
  'getPortalPolicy',
  'addPortal',
  'updateProvider',
  'setClientSecret',
  'removeProvider',
  'signIn',
  'signInViaLoopback',
  'reopenBrowser',
  'cancelSignIn',
  'completeSignIn',
  'copySignInLink',
  'getWayBack',
  'signInWithApiToken',
  'listAccounts',
  'checkNow',
  'signOut',
  'getStorageStatus',
  'setWeakStorageAllowed',
  'getSetAsideFiles',
  'deleteSetAsideFiles',
  'setSetAsideRetention',
  'getPolicy',
  'getUpdateStatus',
  'restartToUpdate',
  'runDiagnosis',
  'saveDiagnosis',
  'openLogFolder',
] as const satisfies readonly BridgeMethodName[];

export const BRIDGE_EVENTS = {
  onAccountsChanged: 'accounts-changed',
  onSignInChanged: 'sign-in-changed',
  onNotice: 'notice',
  onPolicyChanged: 'policy-changed',
  onUpdateChanged: 'update-changed',
  onWayBackChanged: 'way-back-changed',
} as const satisfies Record<Extract<keyof NetrexBridge, `on${string}`>, BridgeEventName>;

/** IPC channel for a method: a namespace keeps them apart from Electron's own. */
export function channelOf(name: BridgeMethodName | BridgeEventName): string {
  return `netrex:${name}`;
}

type MissingMethods = Exclude<BridgeMethodName, (typeof BRIDGE_METHODS)[number]>;
/** Fails to compile when a bridge method is missing from BRIDGE_METHODS. */
export const BRIDGE_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods =
  true;
