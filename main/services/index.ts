// The composition of the main-process services (VS Code style: one place
// where every service is made and given what it needs). The Electron edge
// (main/index.ts → app-shell.ts) and the browser test harness both call
// `createServices` with their ports and host the AppServices it answers.
// No Electron here: everything system-specific arrives through AppPorts.
import type { AppPorts, AppServices } from '../app-services';
import { createAccounts, type Accounts } from '../accounts';
import { createSignInEngine, type OpenLoopbackListener } from '../auth';
import { systemClock, type Clock } from '../common/clock';
import { messageParams, UserFacingFailure } from '../common/explained-error';
import { DisposableStore, toDisposable, type Disposable } from '../common/lifecycle';
import { nullLog } from '../common/log';
import type { StorageStatus, UserFacingError } from '../common/model';
import type { DemoPortal } from '../demo-portal';
import { edgeLanguage } from '../desktop/edge-words';
import { createBridgeHandlers } from '../ipc/handlers';
import { providerView } from '../ipc/provider-view';
import { userInfo } from 'node:os';
import {
  policyReaderFor,
  startPolicyService,
  watchLinuxPolicies,
  type PolicyReader,
  type PolicyValues,
} from '../policy';
import { createProviderRegistry } from '../providers';
import type { ClientSecrets, ProviderConfig } from '../providers/provider-config';
import { createUpdateService } from '../updates/update-service';
import { APP_SETTINGS_DOCUMENT, openAppSettings } from './app-settings';
import { createBridgeEventHub } from './bridge-events';
import { externalUrlRule } from './external-urls';
import { watchKeyStore } from './key-store-retry';
import { openPortalTrust, PORTAL_TRUST_DOCUMENT } from './portal-trust';
import { createSetAsideVaultFiles, SET_ASIDE_DOCUMENT } from './set-aside-vault-files';
import { createSignInConsent } from './sign-in-consent';
import { createSignInFlow } from './sign-in-flow';
import { trackBusyState } from './busy-state';
import { applyPolicies, policyView } from './policy-rules';
import { openTokenVault, type TokenVault } from '../vault';
import { createAccountJournal } from '../support/account-journal';
import { logStorageStatus } from '../support/storage-log';
import { reportLanguageFor } from '../support/diagnosis/report-files';
import { createDiagnosisService, type DiagnosisServiceDeps } from './diagnosis-service';
import { wayBackFindings } from '../support/diagnosis/way-back-findings';
import { createWayBackService } from './way-back';
import { isLoopbackPortFree } from '../auth/loopback-probe';

/**
 * The stand-in's demo client registers this loopback port (test/support/provider/config.ts).
 * Below every OS's ephemeral range, like DEFAULT_LOOPBACK_PORT, and next to it.
 */
export const DEMO_LOOPBACK_PORT = 28814;

/** Knobs for tests and the harness; the app passes none. */
export interface ServiceOptions {
  /** Overrides `ports.now` and the system timers (a manual clock in tests). */
  readonly clock?: Clock;
  /** [0, 1): the jitter of offline retries. */
  readonly random?: () => number;
  /** How often connected accounts are probed. Default 5 min. */
  readonly probeIntervalMs?: number;
  /** Per request to a portal. Default 15 s. */
  readonly timeoutMs?: number;
  /** Where NETREX_MANAGED_CONFIG is read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly openLoopbackListener?: OpenLoopbackListener;
  /** Reads the policy sources (default: this OS's, policy/policy-sources.ts). */
  readonly policyReader?: PolicyReader;
  /** Calls `changed` when a policy source may have changed (default: Linux's folder watch). */
  readonly policyWatch?: (changed: () => void) => Disposable;
  /** First update check after the start, and the interval (defaults: 60 s, 4 h). */
  readonly updateTiming?: { readonly firstCheckMs: number; readonly intervalMs: number };
  /** Each diagnosis check's time limit. Default 4 s. */
  readonly diagnosisTimeoutMs?: number;
  /** The diagnosis's network probes (tests hold them to loopback); default Node's over `ports.fetch`. */
  readonly diagnosisProbes?: DiagnosisServiceDeps['probes'];
  /** Whether a loopback port can be had (default: listens on it briefly). */
  readonly isLoopbackPortFree?: (port: number) => Promise<boolean>;
  /** The demo portal's loopback port (default DEMO_LOOPBACK_PORT; tests take a free one). */
  readonly demoLoopbackPort?: number;
}

export async function createServices(
  ports: AppPorts,
  demo: DemoPortal | null = null,
  options: ServiceOptions = {},
): Promise<AppServices> {
  const clock: Clock =
    options.clock ?? (ports.now ? { now: ports.now, setTimer: systemClock.setTimer } : systemClock);
  const now = () => clock.now();
  const log = ports.log ?? nullLog;
  const disposables = new DisposableStore();
  const hub = createBridgeEventHub(now);

  // The policies come first: nothing that obeys them exists before they are read.
  const env = options.env ?? process.env;
  const packaged = ports.packaged ?? false;
  const developmentFile =
    ports.managedConfigPath ?? (packaged ? undefined : env.NETREX_MANAGED_CONFIG?.trim());
  const policies = await startPolicyService({
    read:
      options.policyReader ??
      policyReaderFor({
        platform: ports.platform,
        env,
        packaged,
        ...(ports.managedConfigPath ? { file: ports.managedConfigPath } : {}),
        user: osUser(),
      }),
    clock,
    log,
    ...(options.policyWatch
      ? { watch: options.policyWatch }
      : ports.platform === 'linux' && !options.policyReader && !developmentFile
        ? { watch: (changed: () => void) => watchLinuxPolicies(changed) }
        : {}),
  });
  disposables.add(policies);
  const managed = policies.current().managed;

  const registry = createProviderRegistry({
    store: ports.documentStore('providers'),
    managed,
    demo: demo ? [demoProvider(demo, options.demoLoopbackPort ?? DEMO_LOOPBACK_PORT)] : [],
  });
  for (const warning of registry.warnings) hub.notice('warning', warning);

  const vaultStore = ports.documentStore('vault');
  const opened = await openTokenVault({
    store: vaultStore,
    settingsStore: ports.documentStore('vault-settings'),
    cipher: ports.cipher,
    platform: ports.platform,
    clock,
    // An older vault file recorded no addresses: its entries belong to the providers as they are.
    providerUrlOf: (id) => registry.get(id)?.url,
  });
  disposables.add(toDisposable(() => opened.dispose()));
  // Made below, once the sign-ins exist; told of busy changes from now on.
  let updates: ReturnType<typeof createUpdateService> | undefined = undefined;
  const busyState = trackBusyState(opened, () => updates?.busyChanged());
  const vault = busyState.vault;
  logStorageStatus(log, 'storage.opened', vault.storageStatus());
  disposables.add(
    vault.onDidChangeStatus((status) => logStorageStatus(log, 'storage.changed', status)),
  );
  for (const notice of vaultFileNotices(vault.storageStatus())) hub.notice('warning', notice);
  for (const warning of vault.warnings) hub.notice('warning', warning);
  // Damaged vault files set aside (this start or earlier) are deleted once kept long enough.
  const setAside = createSetAsideVaultFiles({
    vaultPath: vaultStore.path,
    store: ports.documentStore(SET_ASIDE_DOCUMENT),
    clock,
    log,
    notice: (error) => hub.notice('warning', error),
  });
  disposables.add(setAside);
  for (const warning of setAside.warnings) hub.notice('warning', warning);
  const policyListeners = new Set<(values: PolicyValues) => void>();
  // IT's log level wins over the operator's detailed-log setting (support/log-file.ts).
  const applyPolicyLogLevel = (values: PolicyValues) =>
    ports.logFile?.setLevel('policy', values.logLevel ?? null);
  applyPolicyLogLevel(policies.current().values);
  policyListeners.add(applyPolicyLogLevel);
  disposables.add(
    await applyPolicies({
      policies,
      registry,
      vault,
      hub,
      loginItem: ports.loginItem,
      log,
      changed: (policy) => {
        updates?.reconfigure();
        for (const listener of [...policyListeners]) listener(policy.values);
      },
    }),
  );

  // The demo stand-in's secret is not a real portal's: held in memory, never written.
  const secrets: ClientSecrets = {
    get: (provider) =>
      demo && provider.id === demo.providerId && provider.url === demo.url
        ? demo.clientSecret
        : vault.getClientSecret(provider),
  };

  const settings = openAppSettings(
    ports.documentStore(APP_SETTINGS_DOCUMENT),
    ports.loginItem,
    now,
    () => policies.current().values.launchAtLogin,
  );

  const engine = createSignInEngine({
    providers: registry,
    secrets,
    fetch: ports.fetch,
    clock,
    // The page the browser shows after a loopback redirect speaks the window's language.
    loopbackPageLanguage: () => edgeLanguage(settings.language(), ports.appInfo.languages),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.openLoopbackListener ? { openLoopbackListener: options.openLoopbackListener } : {}),
  });
  disposables.add(engine);

  const accounts: Accounts = createAccounts({
    vault,
    engine,
    providers: registry,
    fetch: ports.fetch,
    clock,
    ...(options.random ? { random: options.random } : {}),
    ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    onNotice: (error) => hub.notice('warning', error),
  });
  disposables.add(accounts);
  disposables.add(accounts.onDidChange((list) => hub.emit('accounts-changed', list)));
  // Saved sign-ins waiting for a keyring not yet unlocked: asked again until it opens.
  const keyStore = watchKeyStore({
    vault,
    clock,
    opened: () => {
      hub.notice('info', KEYRING_OPENED);
      void accounts.adoptFromVault();
    },
  });
  disposables.add(keyStore);
  const journal = createAccountJournal(log, now);
  journal.seed(accounts.list());
  disposables.add(accounts.onDidChange((list) => journal.record(list)));
  // The log's redaction removes every secret the vault holds, whatever shape it has.
  if (ports.logFile) {
    disposables.add(ports.logFile.knowSecrets(() => heldSecrets(vault, registry.list(), demo)));
  }
  disposables.add(registry.onDidChange(() => accounts.providersChanged()));

  // The way back: checked (and the app link repaired) now and before each browser sign-in.
  const wayBack = createWayBackService({
    ...(ports.appLink ? { appLink: ports.appLink } : {}),
    providers: () => registry.list(),
    isPortFree: options.isLoopbackPortFree ?? isLoopbackPortFree,
    portsInUse: () =>
      registry
        .list()
        .filter((p) => engine.pending(p.id)?.redirectKind === 'loopback')
        .map((p) => p.loopbackPort),
    log,
    clock,
    onChange: (status) => hub.emit('way-back-changed', status),
  });
  disposables.add(wayBack);
  disposables.add(registry.onDidChange(() => wayBack.providersChanged()));

  const isAllowedExternalUrl = externalUrlRule({
    providers: () => registry.list(),
    pendingAuthorizationUrl: (id) => engine.pendingAuthorizationUrl(id),
  });
  const portalTrust = openPortalTrust(ports.documentStore(PORTAL_TRUST_DOCUMENT), now);
  for (const warning of portalTrust.warnings) hub.notice('warning', warning);
  portalTrust.prune(registry.list());
  disposables.add(registry.onDidChange(() => portalTrust.prune(registry.list())));
  const signIns = createSignInFlow({
    engine,
    accounts,
    consent: createSignInConsent({
      confirm: ports.confirm,
      trust: portalTrust,
      provider: (id) => registry.get(id),
    }),
    clock,
    openExternal: (url) => ports.openExternal(url),
    isAllowedExternalUrl,
    providerName: (id) => registry.get(id)?.name,
    emit: (view) => hub.emit('sign-in-changed', view),
    notice: (level, error, providerId) => hub.notice(level, error, providerId),
    wayBack: (providerId) => wayBack.routeFor(providerId),
    ...(ports.clipboard
      ? { copyToClipboard: (text: string) => ports.clipboard?.writeText(text) }
      : {}),
    log,
  });
  disposables.add(signIns);

  for (const warning of settings.warnings) hub.notice('warning', warning);
  // The operator's "detailed log" raises the file's level (IT's policy, when set, wins).
  const applyLogLevel = (detailed: boolean) =>
    ports.logFile?.setLevel('setting', detailed ? 'debug' : null);
  applyLogLevel(settings.get().detailedLog);

  const diagnosis = createDiagnosisService({
    ports,
    clock,
    vault,
    vaultStore,
    registry,
    accounts,
    languageSetting: () => settings.language(),
    // The report checks the way back anew (bounded by the report's own time limit).
    wayBack: async (language) => wayBackFindings(await wayBack.check(), language),
    ...(options.diagnosisTimeoutMs ? { timeoutMs: options.diagnosisTimeoutMs } : {}),
    ...(options.diagnosisProbes ? { probes: options.diagnosisProbes } : {}),
  });

  disposables.add(hub.on('sign-in-changed', (view) => busyState.signInChanged(view)));
  const updater = ports.updater;
  updates = createUpdateService({
    updater: updater?.port ?? null,
    clock,
    log,
    facts: () => {
      const policy = policies.current();
      return {
        packaged,
        perMachine: updater?.perMachine ?? false,
        supported: updater?.supported ?? false,
        builtInFeed: updater?.builtInFeed ?? null,
        policy: policy.values,
        policyInvalid: policy.managed.errors.some(
          (e) => e.field === 'updateUrl' || e.field === 'updateChannel',
        ),
      };
    },
    busy: () => busyState.busy(),
    emit: (view) => hub.emit('update-changed', view),
    ...(options.updateTiming ?? {}),
  });
  disposables.add(updates);
  const updateService = updates;

  const handlers = createBridgeHandlers({
    registry,
    vault,
    secrets,
    accounts,
    signIns,
    settings,
    appInfo: ports.appInfo,
    serverFacts: (id) => engine.serverFacts(id),
    confirm: ports.confirm,
    setAside,
    policy: () => policies.current().values,
    policyView: () => policyView(policies.current()),
    updates: updateService,
    diagnosis,
    openLogFolder: async () => {
      try {
        if (!ports.openLogFolder) throw new Error('no log folder here');
        await ports.openLogFolder();
      } catch {
        throw new UserFacingFailure(logFolderUnavailable(ports.logFile?.folder));
      }
    },
    settingsChanged: (next) => applyLogLevel(next.detailedLog),
    wayBack,
  });
  // Disposed last: listeners stay until every service has stopped talking.
  const services = new DisposableStore();
  services.add(hub);
  services.add(disposables);

  log.info('services.started', {
    accounts: accounts.list().length,
    portals: registry.list().length,
    storage: vault.storageStatus().backend,
  });
  // At start, in the background: the window learns the outcome through way-back-changed.
  void wayBack.check();
  return {
    handlers,
    events: hub,
    handleDeepLink: async (url) => void (await signIns.handleRedirect(url)),
    accounts: () => accounts.list(),
    providers: () =>
      registry
        .list()
        .map((config) => providerView(config, secrets, (id) => engine.serverFacts(id))),
    languageSetting: () => settings.language(),
    onLanguageSettingChanged: (listener) => settings.onLanguageChanged(listener),
    trayNoticeShown: () => settings.trayNoticeShown(),
    rememberTrayNoticeShown: () => settings.rememberTrayNoticeShown(),
    isAllowedExternalUrl,
    diagnose: () => diagnosis.run(reportLanguageFor(settings.language(), ports.appInfo.languages)),
    resume: () => {
      log.info('app.resumed', { accounts: accounts.list().length });
      accounts.reevaluate();
      void keyStore.retryNow();
      // Group Policy may have refreshed while the computer slept.
      void policies.refresh();
    },
    storageStatus: () => vault.storageStatus(),
    wayBack: () => wayBack.status(),
    checkWayBack: () => wayBack.check(),
    policyValues: () => policies.current().values,
    onPolicyChanged(listener) {
      policyListeners.add(listener);
      return toDisposable(() => void policyListeners.delete(listener));
    },
    dispose: () => {
      log.info('services.stopping');
      return services.dispose();
    },
  };
}

/** The OS user, for macOS's per-user managed preferences; '' when it cannot be told. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** "Show logs" could not open the folder: say where it is, so it can be found by hand. */
function logFolderUnavailable(folder: string | undefined): UserFacingError {
  return folder
    ? {
        code: 'log_folder_unavailable',
        message: `The log folder could not be opened. It is ${folder}.`,
        params: { variant: 'path', path: folder },
      }
    : {
        code: 'log_folder_unavailable',
        message: 'This copy of Netrex Connect keeps no log file.',
      };
}

/** Every secret the vault holds now: the accounts' tokens and the portals' client secrets. */
function heldSecrets(
  vault: TokenVault,
  providers: readonly ProviderConfig[],
  demo: DemoPortal | null,
): string[] {
  const secrets: string[] = [];
  for (const account of vault.listAccounts()) {
    secrets.push(account.tokens.accessToken);
    if (account.tokens.refreshToken) secrets.push(account.tokens.refreshToken);
  }
  for (const provider of providers) {
    const secret = vault.getClientSecret(provider);
    if (secret) secrets.push(secret);
  }
  if (demo) secrets.push(demo.clientSecret);
  return secrets;
}

/**
 * The demo stand-in as a ready provider: its client registered both redirect
 * kinds, so a sign-in returns through the loopback address where the app link
 * cannot reach the app (`npm run demo` on Linux and macOS).
 */
function demoProvider(demo: DemoPortal, loopbackPort: number): ProviderConfig {
  return {
    id: demo.providerId,
    name: demo.name,
    dialect: 'netrex',
    origin: 'demo',
    url: demo.url,
    clientId: demo.clientId,
    rights: [...demo.rights],
    redirectKind: 'custom-scheme',
    loopbackPort,
    loopbackFallback: true,
    locked: false,
  };
}

/** The keyring the saved sign-ins waited for opened them: they are back. */
const KEYRING_OPENED: UserFacingError = {
  code: 'vault_keyring_opened',
  message: 'The system keyring is unlocked: your saved sign-ins are back.',
};

/** What the operator hears at start about a vault file that could not be used. */
function vaultFileNotices({
  recovered,
  fileKept,
  backend,
  keyStoreWaiting,
}: StorageStatus): UserFacingError[] {
  const notices: UserFacingError[] = [];
  if (keyStoreWaiting) {
    const params = messageParams({ sealedBy: keyStoreWaiting.sealedBy || undefined });
    notices.push({
      code: 'vault_waiting_for_keyring',
      message:
        'Your saved sign-ins are waiting for the system keyring, which is not unlocked yet. ' +
        'They are kept as they are and come back by themselves once it is unlocked; ' +
        'until then new sign-ins are kept in memory only.',
      ...(params && { params }),
    });
  }
  if (recovered) {
    const params = messageParams({ variant: recovered.damage });
    notices.push({ code: 'vault_recovered', message: recovered.reason, ...(params && { params }) });
  }
  if (fileKept) {
    const params = messageParams({
      variant: fileKept.sealedBy ? 'sealed-elsewhere' : fileKept.damage,
      sealedBy: fileKept.sealedBy ?? undefined,
      backend,
    });
    notices.push({ code: 'vault_file_kept', message: fileKept.reason, ...(params && { params }) });
  }
  return notices;
}
