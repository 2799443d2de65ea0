// The shape of the window's state: plain data, replaced (never mutated) on
// every change so React can compare snapshots by identity.
import type {
  AccountSnapshot,
  AppInfo,
  AppSettings,
  DiagnosisResult,
  Notice,
  PortalPolicy,
  PolicyView,
  ProviderView,
  SetAsideFiles,
  SignInView,
  StorageStatus,
  UpdateView,
  UserFacingError,
  WayBackStatus,
} from '../../../main/ipc/contract';
import type { Screen } from './screens';

/** A portal usually answers the code at once; after this long the window says it is waiting. */
export const SLOW_ANSWER_MS = 5_000;

export interface SignInTracking {
  readonly view: SignInView;
  /**
   * Local clock time (epoch ms) at which the pending sign-in expires: the time
   * the view arrived plus its `remainingMs`. Counting against our own clock
   * keeps the countdown right even when the two clocks disagree.
   */
  readonly localDeadline: number;
  /** Local clock time at which the sign-in entered its current phase (how long "Confirming…" takes). */
  readonly phaseSince: number;
  /** Local clock time at which the sign-in started (its elapsed time counted back from now). */
  readonly localStartedAt: number;
}

/** A notice from the main process, or one the window raises (`local`, translated by the view). */
export interface AppNotice extends Notice {
  /**
   * The provider whose failed sign-in this notice repeats (a refused sign-in
   * link): the sign-in screen explains that refusal, so the notice goes once
   * that screen is shown.
   */
  readonly signIn?: string;
  /**
   * Further notices of the same kind joined into this one (IT's policy
   * problems: one file may have many), shown as a list under it.
   */
  readonly more?: readonly Notice[];
  /** What the notice is about: it ends when that sign-in (provider id) or account changes. */
  readonly about?: { readonly signIn?: string; readonly account?: string };
  readonly local?: {
    readonly key:
      | 'connected'
      | 'connectedAs'
      | 'signedOut'
      | 'signedOutToken'
      | 'revokeFailed'
      | 'revokeUnconfirmed';
    readonly values: {
      readonly portal: string;
      /** Empty when the account's label says no more than its portal's name. */
      readonly label: string;
      readonly reason: string;
    };
    /** The failure the notice reports (its `reason`, in the window's words). */
    readonly error?: UserFacingError;
  };
}

export interface AppState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly loadError: UserFacingError | null;
  readonly appInfo: AppInfo | null;
  readonly settings: AppSettings;
  readonly providers: readonly ProviderView[];
  /** What IT allows and prefers for portals (the managed configuration): choices offered, the first portal. */
  readonly portalPolicy: PortalPolicy;
  readonly accounts: readonly AccountSnapshot[];
  /** The latest sign-in per provider id. */
  readonly signIns: Readonly<Record<string, SignInTracking>>;
  readonly storage: StorageStatus | null;
  /** Damaged sign-in files set aside, and how long they are kept (null: not known). */
  readonly setAside: SetAsideFiles | null;
  /** What IT fixed by policy: those settings show "Set by your organisation". */
  readonly policy: PolicyView;
  /** The app's own updates; null until known. */
  readonly update: UpdateView | null;
  /** How sign-ins return to the app (the app link's state, each portal's route); null until known. */
  readonly wayBack: WayBackStatus | null;
  readonly notices: readonly AppNotice[];
  readonly screen: Screen;
  /** Keys (see `actionKey`) of bridge calls in flight. */
  readonly busy: readonly string[];
  /** The last failure of a call, under the same keys, for the view that made it. */
  readonly errors: Readonly<Record<string, UserFacingError>>;
  /** Settings → Diagnostics: the report last made (null before the first). */
  readonly diagnosis: DiagnosisResult | null;
  /** Where that report was last saved (null: not saved yet). */
  readonly diagnosisSavedTo: string | null;
}

/** Without a word from IT: portals may be added, no portal comes first. */
export const OPEN_POLICY: PortalPolicy = { customPortalsAllowed: true, defaultProviderId: null };

export const INITIAL_STATE: AppState = {
  status: 'loading',
  loadError: null,
  appInfo: null,
  settings: { language: 'system', startAtLogin: false, detailedLog: false },
  providers: [],
  portalPolicy: OPEN_POLICY,
  accounts: [],
  signIns: {},
  storage: null,
  setAside: null,
  policy: {},
  update: null,
  wayBack: null,
  notices: [],
  screen: { name: 'loading' },
  busy: [],
  errors: {},
  diagnosis: null,
  diagnosisSavedTo: null,
};

/** Names of the calls a view may wait on or show the failure of. */
export const actionKey = {
  addPortal: 'add-portal',
  paste: 'paste-address',
  apiToken: 'api-token',
  storage: 'storage',
  setAside: 'set-aside',
  appSettings: 'app-settings',
  update: 'update',
  diagnosis: 'diagnosis',
  saveReport: 'save-report',
  logFolder: 'log-folder',
  signIn: (providerId: string) => `sign-in:${providerId}`,
  copyLink: (providerId: string) => `copy-link:${providerId}`,
  provider: (providerId: string) => `provider:${providerId}`,
  secret: (providerId: string) => `secret:${providerId}`,
  check: (accountId: string) => `check:${accountId}`,
  signOut: (accountId: string) => `sign-out:${accountId}`,
} as const;
