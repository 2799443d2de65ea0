// The composition of the main-process services (VS Code style: one place
// where every service is made and given what it needs). The Electron edge
// (main/index.ts → app-shell.ts) and the browser test harness both call
// `createServices` with their ports and host the AppServices it answers.
// No Electron here: everything system-specific arrives through AppPorts.
import type { AppPorts, AppServices } from '../app-services';
import { createAccounts, type Accounts } from '../accounts';
import { createSignInEngine, type OpenLoopbackListener } from '../auth';
import { systemClock, type Clock } from '../common/clock';
import { messageParams } from '../common/explained-error';
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
import { createWayBackService } from './way-back';
import { isLoopbackPortFree } from '../auth/loopback-probe';
import { openTokenVault, VaultError, type TokenVault } from '../vault';

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

  const managed = loadManagedConfig(
    ports.managedConfigPath ?? managedConfigPath(ports.platform, options.env ?? process.env),
  );
  for (const error of managed.errors) hub.notice('warning', managedConfigErrorToUserFacing(error));

  const registry = createProviderRegistry({
    store: ports.documentStore('providers'),
    managed,
    demo: demo ? [demoProvider(demo, options.demoLoopbackPort ?? DEMO_LOOPBACK_PORT)] : [],
  });
  for (const warning of registry.warnings) hub.notice('warning', warning);

  const vault = await openTokenVault({
    store: ports.documentStore('vault'),
    settingsStore: ports.documentStore('vault-settings'),
    cipher: ports.cipher,
    platform: ports.platform,
    clock,
    // An older vault file recorded no addresses: its entries belong to the providers as they are.
    providerUrlOf: (id) => registry.get(id)?.url,
  });
  disposables.add(toDisposable(() => vault.dispose()));
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
  const signIns = createSignInFlow({
    engine,
    accounts,
    clock,
    openExternal: (url) => ports.openExternal(url),
    isAllowedExternalUrl,
    providerName: (id) => registry.get(id)?.name,
    emit: (view) => hub.emit('sign-in-changed', view),
    notice: (level, error) => hub.notice(level, error),
    wayBack: (providerId) => wayBack.routeFor(providerId),
    ...(ports.clipboard
      ? { copyToClipboard: (text: string) => ports.clipboard?.writeText(text) }
      : {}),
    log,
  });
  disposables.add(signIns);

  const settings = openAppSettings(
    ports.documentStore(APP_SETTINGS_DOCUMENT),
    ports.loginItem,
    now,
  );
  for (const warning of settings.warnings) hub.notice('warning', warning);

  const handlers = createBridgeHandlers({
    registry,
    vault,
    secrets,
    accounts,
    signIns,
    settings,
    appInfo: ports.appInfo,
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
    providers: () => registry.list().map((config) => providerView(config, secrets)),
    languageSetting: () => settings.language(),
    onLanguageSettingChanged: (listener) => settings.onLanguageChanged(listener),
    isAllowedExternalUrl,
    resume: () => accounts.reevaluate(),
    wayBack: () => wayBack.status(),
    checkWayBack: () => wayBack.check(),
    dispose: () => services.dispose(),
  };
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
