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
import { DisposableStore, toDisposable } from '../common/lifecycle';
import { nullLog } from '../common/log';
import type { StorageStatus, UserFacingError } from '../common/model';
import type { DemoPortal } from '../demo-portal';
import { createBridgeHandlers } from '../ipc/handlers';
import { providerView } from '../ipc/provider-view';
import {
  createProviderRegistry,
  loadManagedConfig,
  managedConfigErrorToUserFacing,
  managedConfigPath,
  type ManagedConfig,
} from '../providers';
import type { ClientSecrets, ProviderConfig } from '../providers/provider-config';
import { APP_SETTINGS_DOCUMENT, openAppSettings } from './app-settings';
import { createBridgeEventHub, type BridgeEventHub } from './bridge-events';
import { externalUrlRule } from './external-urls';
import { createSignInFlow } from './sign-in-flow';
import { openTokenVault, VaultError, type TokenVault } from '../vault';
import { createAccountJournal } from '../support/account-journal';
import { logStorageStatus } from '../support/storage-log';
import { reportLanguageFor } from '../support/diagnosis/report-files';
import { createDiagnosisService, type DiagnosisServiceDeps } from './diagnosis-service';

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
  /**
   * The way back's findings for the diagnosis report (issue 13's "way back,
   * checked and repaired" plugs in here); absent, the report says it was not checked.
   */
  readonly wayBack?: DiagnosisServiceDeps['wayBack'];
  /** Each diagnosis check's time limit. Default 4 s. */
  readonly diagnosisTimeoutMs?: number;
  /** The diagnosis's network probes (tests hold them to loopback); default Node's over `ports.fetch`. */
  readonly diagnosisProbes?: DiagnosisServiceDeps['probes'];
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

  const managed = loadManagedConfig(
    ports.managedConfigPath ?? managedConfigPath(ports.platform, options.env ?? process.env),
  );
  for (const error of managed.errors) hub.notice('warning', managedConfigErrorToUserFacing(error));

  const registry = createProviderRegistry({
    store: ports.documentStore('providers'),
    managed,
    demo: demo ? [demoProvider(demo)] : [],
  });
  for (const warning of registry.warnings) hub.notice('warning', warning);

  const vaultStore = ports.documentStore('vault');
  const vault = await openTokenVault({
    store: vaultStore,
    settingsStore: ports.documentStore('vault-settings'),
    cipher: ports.cipher,
    platform: ports.platform,
    clock,
    // An older vault file recorded no addresses: its entries belong to the providers as they are.
    providerUrlOf: (id) => registry.get(id)?.url,
  });
  disposables.add(toDisposable(() => vault.dispose()));
  logStorageStatus(log, 'storage.opened', vault.storageStatus());
  disposables.add(
    vault.onDidChangeStatus((status) => logStorageStatus(log, 'storage.changed', status)),
  );
  for (const notice of vaultFileNotices(vault.storageStatus())) hub.notice('warning', notice);
  for (const warning of vault.warnings) hub.notice('warning', warning);
  await storeManagedSecrets(managed, vault, hub);

  // The demo stand-in's secret is not a real portal's: held in memory, never written.
  const secrets: ClientSecrets = {
    get: (provider) =>
      demo && provider.id === demo.providerId && provider.url === demo.url
        ? demo.clientSecret
        : vault.getClientSecret(provider),
  };

  const engine = createSignInEngine({
    providers: registry,
    secrets,
    fetch: ports.fetch,
    clock,
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
  const journal = createAccountJournal(log, now);
  journal.seed(accounts.list());
  disposables.add(accounts.onDidChange((list) => journal.record(list)));
  // The log's redaction removes every secret the vault holds, whatever shape it has.
  if (ports.logFile) {
    disposables.add(ports.logFile.knowSecrets(() => heldSecrets(vault, registry.list(), demo)));
  }
  disposables.add(registry.onDidChange(() => accounts.providersChanged()));

  const isAllowedExternalUrl = externalUrlRule({
    providers: () => registry.list(),
    pendingAuthorizationUrl: (id) => engine.pendingAuthorizationUrl(id),
  });
  const signIns = createSignInFlow({
    engine,
    accounts,
    clock,
    openExternal: (url) => ports.openExternal(url),
    isAllowedExternalUrl,
    providerName: (id) => registry.get(id)?.name,
    emit: (view) => hub.emit('sign-in-changed', view),
    notice: (level, error) => hub.notice(level, error),
    log,
  });
  disposables.add(signIns);

  const settings = openAppSettings(
    ports.documentStore(APP_SETTINGS_DOCUMENT),
    ports.loginItem,
    now,
  );
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
    ...(options.wayBack ? { wayBack: options.wayBack } : {}),
    ...(options.diagnosisTimeoutMs ? { timeoutMs: options.diagnosisTimeoutMs } : {}),
    ...(options.diagnosisProbes ? { probes: options.diagnosisProbes } : {}),
  });

  const handlers = createBridgeHandlers({
    registry,
    vault,
    secrets,
    accounts,
    signIns,
    settings,
    appInfo: ports.appInfo,
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
  return {
    handlers,
    events: hub,
    handleDeepLink: async (url) => void (await signIns.handleRedirect(url)),
    accounts: () => accounts.list(),
    providers: () => registry.list().map((config) => providerView(config, secrets)),
    languageSetting: () => settings.language(),
    onLanguageSettingChanged: (listener) => settings.onLanguageChanged(listener),
    isAllowedExternalUrl,
    diagnose: () => diagnosis.run(reportLanguageFor(settings.language(), ports.appInfo.languages)),
    resume: () => {
      log.info('app.resumed', { accounts: accounts.list().length });
      accounts.reevaluate();
    },
    dispose: () => {
      log.info('services.stopping');
      return services.dispose();
    },
  };
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

/** The demo stand-in as a ready provider: its client registered both redirect kinds. */
function demoProvider(demo: DemoPortal): ProviderConfig {
  return {
    id: demo.providerId,
    name: demo.name,
    dialect: 'netrex',
    origin: 'demo',
    url: demo.url,
    clientId: demo.clientId,
    rights: [...demo.rights],
    redirectKind: 'custom-scheme',
    loopbackPort: DEMO_LOOPBACK_PORT,
    locked: false,
  };
}

/** Client secrets IT deployed go to the vault (written only when they changed). */
async function storeManagedSecrets(
  managed: ManagedConfig,
  vault: TokenVault,
  hub: BridgeEventHub,
): Promise<void> {
  for (const [providerId, secret] of managed.clientSecrets) {
    const provider = managed.providers.find((p) => p.id === providerId);
    if (!provider || vault.getClientSecret(provider) === secret) continue;
    try {
      await vault.setClientSecret(provider, secret);
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      hub.notice('warning', error.toUserFacing());
    }
  }
}

/** What the operator hears at start about a vault file that could not be used. */
function vaultFileNotices({ recovered, fileKept, backend }: StorageStatus): UserFacingError[] {
  const notices: UserFacingError[] = [];
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
