// Fixed snapshots and an in-test handler table for the view-level tests: they
// check what the views render from given data and what they ask the bridge.
// These are NOT the end-to-end tests (those run the real services).
import { AccountError } from '../../main/accounts/account-error';
import type { BridgeHandlers } from '../../main/app-services';
import { AuthError } from '../../main/auth/auth-error';
import { NETREX_RIGHTS } from '../../main/providers/provider-config';
import { chooseWayBack } from '../../main/auth/way-back';
import type {
  AccountSnapshot,
  AppInfo,
  AppLinkCheck,
  AppSettings,
  PolicyView,
  PortalPolicy,
  ProviderView,
  Result,
  SetAsideFiles,
  SignInView,
  StorageStatus,
  UpdateView,
  WayBackStatus,
} from '../../main/ipc/contract';

/** The instant every view test runs at (the page's clock is fixed to it). */
export const NOW = Date.UTC(2025, 5, 2, 9, 30, 0);
export const SIGN_IN_WINDOW_MS = 5 * 60_000;

function provider(
  patch: Partial<ProviderView> & Pick<ProviderView, 'id' | 'name' | 'url'>,
): ProviderView {
  return {
    dialect: 'netrex',
    origin: 'built-in',
    locked: false,
    clientId: 'netrex-connect-desktop',
    clientSecretSet: false,
    rights: ['read', 'liveview'],
    availableRights: [...NETREX_RIGHTS],
    redirectKind: 'custom-scheme',
    loopbackPort: 53682,
    loopbackFallback: false,
    redirectUri: `cz.netrex.connect:/oauth/callback/${patch.id}`,
    ready: true,
    ...patch,
  };
}

export const NETREX = provider({ id: 'netrex', name: 'Netrex', url: 'https://system2.netrex.cz' });
export const CAMSTREAMER = provider({
  id: 'camstreamer',
  name: 'CamStreamer Cloud',
  url: 'https://cloud.camstreamer.com',
  clientId: '',
  ready: false,
  // What the services say of a built-in with neither client ID nor secret (readiness.ts).
  notReadyReason: {
    code: 'not_configured',
    message: 'CamStreamer Cloud has no client ID and no client secret yet.',
    params: { portal: 'CamStreamer Cloud', variant: 'client-id-and-secret-netrex' },
  },
});
export const MANAGED = provider({
  id: 'acme',
  name: 'ACME Security',
  url: 'https://video.acme.example',
  origin: 'managed',
  locked: true,
  clientId: 'acme-desktop',
  clientSecretSet: true,
  rights: ['read', 'liveview', 'recordings'],
});

export function account(
  patch: Partial<AccountSnapshot> & Pick<AccountSnapshot, 'id'>,
): AccountSnapshot {
  return {
    providerId: 'netrex',
    providerName: 'Netrex',
    providerUrl: 'https://system2.netrex.cz',
    label: 'dispatch@example.cz',
    method: 'oauth',
    state: 'connected',
    rights: ['read', 'liveview'],
    tokenExpiresAt: NOW + 2 * 3_600_000,
    canRefresh: true,
    cameras: { count: 3, names: ['Gate', 'Parking lot', 'Warehouse'] },
    lastCheckAt: NOW - 2 * 60_000,
    lastSuccessAt: NOW - 2 * 60_000,
    latencyMs: 142,
    nextRetryAt: null,
    lastError: null,
    persisted: true,
    ...patch,
  };
}

export const CONNECTED = account({ id: 'a1' });
export const OFFLINE = account({
  id: 'a2',
  providerId: 'acme',
  providerName: 'ACME Security',
  providerUrl: 'https://video.acme.example',
  label: 'Night shift',
  state: 'offline',
  cameras: { count: 12, names: [] },
  nextRetryAt: NOW + 25_000,
  lastCheckAt: NOW - 35_000,
  lastError: new AuthError('network', { portal: 'ACME Security' }).toUserFacing(),
});
export const EXPIRED = account({
  id: 'a3',
  label: 'API: reception',
  method: 'api-token',
  state: 'expired',
  canRefresh: false,
  tokenExpiresAt: NOW - 3 * 86_400_000,
  cameras: { count: 1, names: ['Reception'] },
  lastError: new AccountError('api_token_revoked', { portal: 'Netrex' }).toUserFacing(),
  // The services' answer for an account without tokens: a restart loses nothing of it.
  persisted: true,
});

export const SAFE_STORAGE: StorageStatus = {
  backend: 'gnome_libsecret',
  encryptionAvailable: true,
  weak: false,
  policy: 'encrypted',
  recovered: null,
  fileKept: null,
  lastWriteError: null,
};

export const WEAK_STORAGE: StorageStatus = {
  backend: 'basic_text',
  encryptionAvailable: true,
  weak: true,
  policy: 'memory-only',
  recovered: {
    movedTo: '/home/operator/.config/Netrex Connect/vault.json.unreadable-1748856600000',
    at: NOW - 60_000,
    damage: 'corrupted',
    reason: 'the file is not valid JSON',
  },
  fileKept: null,
  lastWriteError: null,
};

/** The app link as a packaged app finds it: registered to this very executable. */
export const APP_LINK_REGISTERED: AppLinkCheck = {
  scheme: 'cz.netrex.connect',
  status: 'registered',
  launch: 'installed',
  holder: null,
  repaired: false,
  elevated: false,
  detail: null,
  checkedAt: NOW,
};

/** The way back the main process would answer for `providers` (the real rule, main/auth/way-back.ts). */
export function wayBackOf(
  providers: readonly ProviderView[],
  appLink: AppLinkCheck = APP_LINK_REGISTERED,
): WayBackStatus {
  return {
    appLink,
    loopbackPorts: [],
    portals: providers.map((p) => chooseWayBack(p, appLink, 'free')),
  };
}

export interface FixtureWorld {
  appInfo: AppInfo;
  settings: AppSettings;
  providers: ProviderView[];
  accounts: AccountSnapshot[];
  storage: StorageStatus;
  /** What IT allows and prefers for portals. */
  portalPolicy: PortalPolicy;
  setAside: SetAsideFiles;
  /** What IT fixed by policy (none by default). */
  policy: PolicyView;
  update: UpdateView;
  /** Absent: the way back of `providers` with the app link registered. */
  wayBack?: WayBackStatus;
}

export function world(patch: Partial<FixtureWorld> = {}): FixtureWorld {
  return {
    appInfo: {
      name: 'Netrex Connect',
      version: '0.1.0',
      platform: 'linux',
      languages: ['en-US'],
      demo: false,
    },
    settings: { language: 'system', startAtLogin: false, detailedLog: false },
    // Two portals ready to sign in (a built-in and one IT manages), one not:
    // the window opens on the portal choice.
    providers: [NETREX, CAMSTREAMER, MANAGED],
    accounts: [],
    storage: SAFE_STORAGE,
    portalPolicy: { customPortalsAllowed: true, defaultProviderId: null },
    setAside: { retentionDays: 30, files: [] },
    policy: {},
    update: { state: 'disabled', reason: 'development' },
    ...patch,
  };
}

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const refuse = (code: string, message: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: { code, message } });

export function waitingView(providerId: string, patch: Partial<SignInView> = {}): SignInView {
  return {
    providerId,
    phase: 'waiting',
    startedAt: NOW,
    deadline: NOW + SIGN_IN_WINDOW_MS,
    remainingMs: SIGN_IN_WINDOW_MS,
    ...patch,
  };
}

/**
 * A handler table answering from `w` (which it updates, so a later call sees
 * an earlier change). `overrides` replace single methods.
 */
export function fixedHandlers(
  w: FixtureWorld,
  overrides: Partial<BridgeHandlers> = {},
): BridgeHandlers {
  const findProvider = (id: string) => w.providers.find((p) => p.id === id);
  const replaceProvider = (next: ProviderView) => {
    w.providers = w.providers.map((p) => (p.id === next.id ? next : p));
    return next;
  };
  const table: BridgeHandlers = {
    getAppInfo: () => ok(w.appInfo),
    getAppSettings: () => ok(w.settings),
    updateAppSettings: (patch) => ok((w.settings = { ...w.settings, ...patch })),
    listProviders: () => ok(w.providers),
    getPortalPolicy: () => ok(w.portalPolicy),
    addPortal: (input) => {
      const host = new URL(input.url).host;
      const added = provider({
        id: `custom-${host}`,
        name: input.name ?? host,
        url: input.url,
        origin: 'custom',
      });
      w.providers = [...w.providers, added];
      return ok(added);
    },
    updateProvider: (id, patch) => {
      const known = findProvider(id);
      if (!known) return refuse('unknown_provider', 'No such portal.');
      return ok(replaceProvider({ ...known, ...patch }));
    },
    setClientSecret: (id, secret) => {
      const known = findProvider(id);
      if (!known) return refuse('unknown_provider', 'No such portal.');
      return ok(replaceProvider({ ...known, clientSecretSet: secret !== null }));
    },
    removeProvider: (id) => {
      w.providers = w.providers.filter((p) => p.id !== id);
      return ok(null);
    },
    signIn: (id) => ok(waitingView(id)),
    signInViaLoopback: (id) => ok(waitingView(id)),
    reopenBrowser: (id) => ok(waitingView(id)),
    cancelSignIn: (id) => ok(waitingView(id, { phase: 'cancelled', remainingMs: 0 })),
    completeSignIn: () => ok(waitingView('netrex', { phase: 'exchanging' })),
    copySignInLink: (id) => ok(waitingView(id)),
    getWayBack: () => ok(w.wayBack ?? wayBackOf(w.providers)),
    signInWithApiToken: (input) => {
      const made = account({
        id: `t${w.accounts.length + 1}`,
        method: 'api-token',
        label: input.label ?? 'API token',
      });
      w.accounts = [...w.accounts, made];
      return ok(made);
    },
    listAccounts: () => ok(w.accounts),
    checkNow: (id) => {
      const known = w.accounts.find((a) => a.id === id);
      if (!known) return refuse('unknown_account', 'No such account.');
      return ok({ ...known, lastCheckAt: NOW });
    },
    signOut: (id) => {
      w.accounts = w.accounts.filter((a) => a.id !== id);
      return ok({ accountId: id, revoked: true });
    },
    getStorageStatus: () => ok(w.storage),
    setWeakStorageAllowed: (allowed) =>
      ok((w.storage = { ...w.storage, policy: allowed ? 'weak-allowed' : 'memory-only' })),
    getSetAsideFiles: () => ok(w.setAside),
    deleteSetAsideFiles: () => ok((w.setAside = { ...w.setAside, files: [] })),
    setSetAsideRetention: (days) => ok((w.setAside = { ...w.setAside, retentionDays: days })),
    getPolicy: () => ok(w.policy),
    getUpdateStatus: () => ok(w.update),
    restartToUpdate: () => ok(w.update),
    // The real report builder over fixed sources (loaded when asked: it imports this file).
    runDiagnosis: async (language) =>
      ok(await (await import('./diagnosis-fixture')).diagnosisFixture(language)),
    saveDiagnosis: () =>
      ok({
        saved: true,
        path: '/home/operator/Documents/netrex-diagnosis-20250602-093000.txt',
      }),
    openLogFolder: () => ok(null),
  };
  return { ...table, ...overrides };
}
