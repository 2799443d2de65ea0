// The typed bridge between the renderer and the main process: channel names,
// what each call takes and answers, and the events pushed to the page.
//
// The renderer imports *types only* from this file. Nothing here carries a
// token, a code, a verifier or a client secret: the types simply have no field
// for one, and tests search every message that crosses the bridge.

/** A refusal or failure, in words an operator can act on. */
export interface UserFacingError {
  /** Stable machine code, e.g. `access_denied`, `timed_out`, `invalid_input`. */
  readonly code: string;
  /** One or two plain sentences: what happened and what to do next. */
  readonly message: string;
  /** Untrusted text from the portal (error_description), plain, length-capped. */
  readonly detail?: string;
}

/** Every call answers with a value or a user-facing error; nothing is thrown across the bridge. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UserFacingError };

export type Dialect = 'netrex' | 'oauth2';
export type RedirectKind = 'custom-scheme' | 'loopback';
export type ProviderOrigin = 'built-in' | 'managed' | 'custom' | 'demo';

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
  /** The exact redirect URL the administrator registers in the portal. */
  readonly redirectUri: string;
  /** Whether "Sign in" can start; when not, `notReadyReason` says what is missing. */
  readonly ready: boolean;
  readonly notReadyReason?: UserFacingError;
}

export interface AddPortalInput {
  readonly url: string;
  readonly name?: string;
  /** Defaults to `netrex`; `oauth2` takes an issuer and uses discovery. */
  readonly dialect?: Dialect;
}

export interface ProviderSettingsPatch {
  readonly name?: string;
  readonly clientId?: string;
  readonly rights?: readonly string[];
  readonly redirectKind?: RedirectKind;
  readonly loopbackPort?: number;
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
}

export type AccountState =
  'signed-out' | 'authorizing' | 'connected' | 'refreshing' | 'offline' | 'expired' | 'error';

export type SignInMethod = 'oauth' | 'api-token';

export interface CameraSummary {
  readonly count: number;
  readonly names: readonly string[];
}

/** What the UI may know about an account. It has no token field, by design. */
export interface AccountSnapshot {
  readonly id: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly providerUrl: string;
  readonly label: string;
  readonly method: SignInMethod;
  readonly state: AccountState;
  /** Rights the portal granted (or, when it did not say, the ones requested). */
  readonly rights: readonly string[];
  /** Epoch ms; null when the portal did not say (unknown expiry) or the token never expires. */
  readonly tokenExpiresAt: number | null;
  readonly canRefresh: boolean;
  readonly cameras: CameraSummary | null;
  readonly lastCheckAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly latencyMs: number | null;
  /** When offline: the next automatic retry. */
  readonly nextRetryAt: number | null;
  readonly lastError: UserFacingError | null;
  /**
   * Whether the account's current tokens are on disk: false when they live in
   * memory only (no safe keychain, no opt-in) or their save failed (see
   * StorageStatus.lastWriteError), until a save succeeds.
   */
  readonly persisted: boolean;
}

export interface ApiTokenSignInInput {
  readonly providerId: string;
  /** The personal API token; it goes to the main process and never comes back. */
  readonly token: string;
  readonly label?: string;
}

export interface SignOutReport {
  readonly accountId: string;
  readonly revoked: boolean;
  /** Why revocation at the portal failed; the account is removed all the same. */
  readonly revokeError?: UserFacingError;
}

export type StoragePolicy = 'encrypted' | 'memory-only' | 'weak-allowed';

export interface StorageStatus {
  /** e.g. `gnome_libsecret`, `kwallet6`, `basic_text`, `dpapi`, `keychain`, `unavailable`. */
  readonly backend: string;
  readonly encryptionAvailable: boolean;
  /** True when the backend does not really protect the key (Linux `basic_text`) or there is none. */
  readonly weak: boolean;
  readonly policy: StoragePolicy;
  /** Set when the vault file could not be read at start and was moved aside. */
  readonly recovered: {
    readonly movedTo: string;
    readonly at: number;
    readonly reason: string;
  } | null;
  /**
   * Set when the vault file is left exactly as it is and nothing is written
   * this session (sign-ins are kept in memory only): it was sealed by a key
   * store that is not available now (`sealedBy`), or it is damaged and could
   * not be moved aside (`sealedBy` null).
   */
  readonly fileKept: {
    readonly path: string;
    readonly sealedBy: string | null;
    readonly reason: string;
  } | null;
  /** Why the latest write to disk failed; null once a write succeeds (or nothing is written). */
  readonly lastWriteError: UserFacingError | null;
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
}

export interface Notice {
  readonly id: string;
  readonly level: 'info' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly at: number;
}

/** `window.netrex`: the whole surface the renderer has. */
export interface NetrexBridge {
  getAppInfo(): Promise<Result<AppInfo>>;
  getAppSettings(): Promise<Result<AppSettings>>;
  updateAppSettings(patch: Partial<AppSettings>): Promise<Result<AppSettings>>;

  listProviders(): Promise<Result<ProviderView[]>>;
  addPortal(input: AddPortalInput): Promise<Result<ProviderView>>;
  updateProvider(providerId: string, patch: ProviderSettingsPatch): Promise<Result<ProviderView>>;
  /** Write-only: `null` removes the stored secret. */
  setClientSecret(providerId: string, secret: string | null): Promise<Result<ProviderView>>;
  removeProvider(providerId: string): Promise<Result<null>>;

  signIn(providerId: string): Promise<Result<SignInView>>;
  reopenBrowser(providerId: string): Promise<Result<SignInView>>;
  cancelSignIn(providerId: string): Promise<Result<SignInView>>;
  /** "Paste the address instead": the URL from the browser's address bar. */
  completeSignIn(url: string): Promise<Result<SignInView>>;
  signInWithApiToken(input: ApiTokenSignInInput): Promise<Result<AccountSnapshot>>;

  listAccounts(): Promise<Result<AccountSnapshot[]>>;
  checkNow(accountId: string): Promise<Result<AccountSnapshot>>;
  signOut(accountId: string): Promise<Result<SignOutReport>>;

  getStorageStatus(): Promise<Result<StorageStatus>>;
  setWeakStorageAllowed(allowed: boolean): Promise<Result<StorageStatus>>;

  onAccountsChanged(listener: (accounts: AccountSnapshot[]) => void): () => void;
  onSignInChanged(listener: (view: SignInView) => void): () => void;
  onNotice(listener: (notice: Notice) => void): () => void;
}

/** Events pushed from the main process, by channel. */
export interface BridgeEvents {
  'accounts-changed': AccountSnapshot[];
  'sign-in-changed': SignInView;
  notice: Notice;
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
  'addPortal',
  'updateProvider',
  'setClientSecret',
  'removeProvider',
  'signIn',
  'reopenBrowser',
  'cancelSignIn',
  'completeSignIn',
  'signInWithApiToken',
  'listAccounts',
  'checkNow',
  'signOut',
  'getStorageStatus',
  'setWeakStorageAllowed',
] as const satisfies readonly BridgeMethodName[];

export const BRIDGE_EVENTS = {
  onAccountsChanged: 'accounts-changed',
  onSignInChanged: 'sign-in-changed',
  onNotice: 'notice',
} as const satisfies Record<Extract<keyof NetrexBridge, `on${string}`>, BridgeEventName>;

/** IPC channel for a method: a namespace keeps them apart from Electron's own. */
export function channelOf(name: BridgeMethodName | BridgeEventName): string {
  return `netrex:${name}`;
}

type MissingMethods = Exclude<BridgeMethodName, (typeof BRIDGE_METHODS)[number]>;
/** Fails to compile when a bridge method is missing from BRIDGE_METHODS. */
export const BRIDGE_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods =
  true;
