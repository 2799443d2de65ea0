// The plain data of Netrex Connect that the services speak and the window
// shows: portals, accounts, where sign-ins are kept, and failures in words an
// operator can act on. Types only, no behaviour. The services (auth/, vault/,
// providers/, accounts/) import them from here; the bridge contract
// (main/ipc/contract.ts) re-exports them for the renderer. None of them has a
// field for a token, a code, a verifier or a client secret.

/**
 * The plain values a message names, so the window can say it in its own
 * language: a portal's configured name (`portal`), the number its plural
 * follows (`count`), a port, an HTTP status, the settings field at fault, and
 * `variant` where one code has several sentences (which one applies). Never a
 * token, a code, a secret, a URL's query or free text a server sent. The one
 * exception is a failed discovery (main/auth/dialects/discovery.ts), which must
 * say what the server answered for an administrator to fix it: the host a
 * redirect pointed to (`host`), the issuer the server claims (`claimed`, cut
 * at ? and #, plain and capped) beside the configured one, and PKCE method
 * names (`listed`, names only).
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A refusal or failure, in words an operator can act on. */
export interface UserFacingError {
  /** Stable machine code, e.g. `access_denied`, `timed_out`, `invalid_input`. */
  readonly code: string;
  /** One or two plain sentences in English: what happened and what to do next. */
  readonly message: string;
  /** Untrusted text from the portal (error_description), plain, length-capped. */
  readonly detail?: string;
  /** What `message` names, for the window's own words for `code` (absent when nothing). */
  readonly params?: MessageParams;
}

export type Dialect = 'netrex' | 'oauth2';

/**
 * What the app learned about a standard server from its metadata at the last
 * discovery (kept in memory; unknown until the first sign-in, refresh or
 * check after start). Facts for the administrator, not refusals.
 */
export interface ServerFacts {
  /**
   * `not-advertised`: the metadata has no `code_challenge_methods_supported`;
   * S256 is sent anyway and every answer checked as usual.
   */
  readonly pkce: 'advertised' | 'not-advertised';
}

export type RedirectKind = 'custom-scheme' | 'loopback';

export type ProviderOrigin = 'built-in' | 'managed' | 'custom' | 'demo';

/** What IT allows and prefers in the window (the managed configuration). */
export interface PortalPolicy {
  /** False when IT forbids adding portals by hand: "Other portal…" is not offered. */
  readonly customPortalsAllowed: boolean;
  /** The portal the window opens on (its sign-in) while no account uses it; null for none. */
  readonly defaultProviderId: string | null;
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
   * StorageStatus.lastWriteError), until a save succeeds. True for an account
   * that holds no tokens (expired): a restart loses nothing of it.
   */
  readonly persisted: boolean;
  /**
   * How far the portal's clock is from this computer's (ms, positive: the
   * portal is ahead), from its last answer that said its time; absent when
   * none did. The window warns beyond five minutes. Lifetimes never use it.
   */
  readonly portalClockOffsetMs?: number;
}

export interface ApiTokenSignInInput {
  readonly providerId: string;
  /**
   * The portal's address as the window showed it before sending: the token
   * goes there or nowhere (a portal whose address changed meanwhile is refused).
   */
  readonly providerUrl: string;
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

/** A damaged vault file set aside (it may still hold live sign-ins). */
export interface SetAsideFile {
  readonly path: string;
  /** Epoch ms. */
  readonly setAsideAt: number;
  /** Epoch ms at which it is deleted by itself (setAsideAt + the retention period). */
  readonly deleteAt: number;
}

/** The set-aside vault files and how long they are kept. */
export interface SetAsideFiles {
  /** Whole days a set-aside file is kept before it is deleted by itself. */
  readonly retentionDays: number;
  readonly files: readonly SetAsideFile[];
}

/** Why a saved sign-ins file could not be used. */
export type VaultDamage = 'corrupted' | 'invalid' | 'newer-version' | 'undecryptable';

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
    /** What was wrong with it, for the window's words (`reason` says it in English). */
    readonly damage?: VaultDamage;
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
    /** With `sealedBy` null: what is wrong with the file it could not move aside. */
    readonly damage?: VaultDamage;
    readonly reason: string;
  } | null;
  /** Why the latest write to disk failed; null once a write succeeds (or nothing is written). */
  readonly lastWriteError: UserFacingError | null;
  /**
   * Set while the saved sign-ins wait for the key store that sealed them,
   * which said it cannot open them yet (a keyring not unlocked at login): the
   * file is kept as it is, nothing is written, and the app tries again; the
   * accounts come back when it opens. Absent (older hosts) means null.
   */
  readonly keyStoreWaiting?: {
    readonly path: string;
    /** The key store that sealed the file ('' when the file names none the app knows). */
    readonly sealedBy: string;
    /** Epoch ms the wait began. */
    readonly since: number;
    /** Sign-ins were added, changed or removed since: they are in memory only until it opens. */
    readonly unsavedChanges: boolean;
  } | null;
}

/**
 * What IT fixed by policy (the window shows "Set by your organisation" next
 * to each); a setting absent here is the operator's. No address or secret.
 */
export interface PolicyView {
  readonly allowCustomPortals?: boolean;
  readonly allowApiTokens?: boolean;
  readonly allowWeakStorage?: boolean;
  readonly launchAtLogin?: boolean;
  readonly updatesEnabled?: boolean;
  readonly updateChannel?: string;
  readonly logLevel?: string;
}

/** Why updates are off, one text each in the window. */
export type UpdateDisabledReason =
  'development' | 'policy' | 'no-feed' | 'policy-invalid' | 'per-machine-install' | 'unsupported';

/** The app's own updates, as the window shows them. */
export type UpdateView =
  | { readonly state: 'disabled'; readonly reason: UpdateDisabledReason }
  | { readonly state: 'idle'; readonly lastCheckAt: number | null }
  | { readonly state: 'checking' }
  | { readonly state: 'downloading'; readonly version: string; readonly percent: number }
  /** Downloaded and verified: "Restart to update" is offered (`blocked` while it must wait). */
  | {
      readonly state: 'ready';
      readonly version: string;
      /** Why a restart must wait now: a sign-in in progress, or sign-ins being saved. */
      readonly blocked: 'sign-in' | 'saving' | null;
    }
  | { readonly state: 'failed'; readonly error: UserFacingError };
