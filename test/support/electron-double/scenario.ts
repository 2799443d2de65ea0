// What the smoke test's child does with the app once the double has emitted
// `ready`, and what it writes down. Runs inside the child process (bundled
// with the double, child-entry.ts); the test reads the record it leaves.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyringBehaviour } from './safe-storage';
import type { ElectronDouble } from './index';
import type { Violation } from './rules';
import type { PageLoad } from './window';

export const APP_PAGE = 'app://renderer/index.html';

export interface ChildConfig {
  /** Where the record is written as JSON when the app has shut down. */
  readonly recordPath: string;
  readonly userData: string;
  readonly platform?: NodeJS.Platform;
  readonly isPackaged?: boolean;
  readonly keyring?: KeyringBehaviour;
  readonly languages?: readonly string[];
  /** The keyring's secret (base64), shared by runs that play the same user on the same computer. */
  readonly keyringSecret?: string;
  /** Signs in with a personal API token through the bridge once started (the demo portal has one). */
  readonly apiToken?: {
    readonly providerId: string;
    readonly token: string;
    readonly label: string;
  };
  /** `tray-lifecycle`: start, use the bridge, close, reopen from the tray, quit from the tray. */
  readonly scenario: 'tray-lifecycle' | 'record-only';
}

export interface EdgeRecord {
  readonly violations: readonly Violation[];
  readonly appCalls: readonly { readonly name: string; readonly detail?: unknown }[];
  readonly privilegedCalls: number;
  readonly privileged: readonly Electron.CustomScheme[];
  readonly handledSchemes: readonly string[];
  readonly loads: readonly PageLoad[];
  readonly windows: readonly { readonly webPreferences: Record<string, unknown> }[];
  readonly trays: number;
  /** The order in which the first window, tray and notification appeared. */
  readonly ui: readonly string[];
  readonly notifications: readonly { readonly title?: string; readonly body?: string }[];
  readonly applicationMenu: readonly { readonly path: string; readonly role?: string }[] | null;
  readonly relaunches: number;
  /** What dialog.showErrorBox was given (the shell's "could not start" box). */
  readonly errorBoxes: readonly { readonly title: string; readonly content: string }[];
  readonly steps: Record<string, unknown>;
  readonly atShutdown: {
    readonly channels: readonly string[];
    readonly liveTrays: number;
    readonly resumeListeners: number;
    readonly exitCode: number;
  };
}

async function invoke(double: ElectronDouble, method: string, url = APP_PAGE, ...args: unknown[]) {
  return double.ipcMain.invoke(`netrex:${method}`, args, { url });
}

/** The app has finished starting: its first page loaded, or (started in the tray) its tray is there. */
async function startedUp(double: ElectronDouble, withWindow: boolean): Promise<void> {
  if (double.state.loads.length === 0 && withWindow) await once(double.control, 'page');
  if (double.state.trays.length === 0) await once(double.control, 'tray');
  // Everything the shell does synchronously after making the tray has run by the next turn.
  await new Promise((resolve) => setImmediate(resolve));
}

const liveWindow = (double: ElectronDouble) => double.state.windows.find((w) => !w.isDestroyed());

async function trayLifecycle(
  double: ElectronDouble,
  config: ChildConfig,
  steps: Record<string, unknown>,
) {
  const startInTray = process.argv.includes('--start-in-tray');
  await startedUp(double, !startInTray);
  steps.windowAtStart = liveWindow(double) !== undefined;
  steps.channelsAtStart = [...double.ipcMain.handlers.keys()].sort();
  steps.appInfo = await invoke(double, 'getAppInfo');
  steps.foreignSender = await invoke(double, 'getAppInfo', 'https://portal.example/');
  steps.providers = await invoke(double, 'listProviders');
  steps.storage = await invoke(double, 'getStorageStatus');
  steps.accountsAtStart = await invoke(double, 'listAccounts');
  const tray = double.state.trays[0];
  steps.trayAtStart = {
    tooltip: tray?.tooltip,
    menu: tray?.menu?.flatten().map((entry) => entry.path.join(' > ')),
  };
  if (config.apiToken) {
    // As the window does: the token goes with the address the operator was shown.
    const listed = (await invoke(double, 'listProviders')) as {
      ok: boolean;
      value?: readonly { id: string; url: string }[];
    };
    const providerUrl = listed.value?.find((p) => p.id === config.apiToken?.providerId)?.url;
    steps.apiTokenSignIn = await invoke(double, 'signInWithApiToken', APP_PAGE, {
      ...config.apiToken,
      providerUrl,
    });
  }

  if (startInTray) {
    const opened = once(double.control, 'page');
    tray?.menu?.click('Open Netrex Connect');
    await opened;
  }

  // The operator closes the window: the app goes on in the tray, and says so once.
  liveWindow(double)?.close();
  const quits = () => double.app.calls.filter((call) => call.name === 'quit').length;
  steps.afterFirstClose = {
    shutDown: double.app.shutDown,
    quitCalls: quits(),
    windows: double.state.windows.filter((w) => !w.isDestroyed()).length,
    notifications: double.state.notifications.length,
  };
  steps.bridgeWhileClosed = await invoke(double, 'listAccounts');

  // The tray opens it again; closing it again says nothing more.
  const reopened = once(double.control, 'page');
  tray?.menu?.click('Open Netrex Connect');
  await reopened;
  steps.reopened = liveWindow(double) !== undefined;
  liveWindow(double)?.close();
  steps.afterSecondClose = {
    shutDown: double.app.shutDown,
    quitCalls: quits(),
    notifications: double.state.notifications.length,
  };
  steps.settingsDocument = JSON.parse(
    readFileSync(join(double.app.getPath('userData'), 'settings.json'), 'utf8'),
  ) as unknown;

  // Quit from the tray ends it (the record is written at shutdown).
  tray?.menu?.click('Quit');
}

export async function runScenario(
  double: ElectronDouble,
  config: ChildConfig,
  steps: Record<string, unknown>,
): Promise<void> {
  if (config.scenario === 'tray-lifecycle') await trayLifecycle(double, config, steps);
}

export function recordOf(double: ElectronDouble, steps: Record<string, unknown>): EdgeRecord {
  const menu = double.state.menus.application;
  return {
    violations: double.rules.violations,
    appCalls: double.app.calls,
    privilegedCalls: double.protocol.privilegedCalls,
    privileged: double.protocol.privileged,
    handledSchemes: [...double.protocol.handlers.keys()],
    loads: double.state.loads,
    windows: double.state.windows.map((w) => ({
      webPreferences: { ...(w.options.webPreferences ?? {}) } as Record<string, unknown>,
    })),
    trays: double.state.trays.length,
    ui: double.state.ui,
    notifications: double.state.notifications.map((n) => ({
      title: n.options.title,
      body: n.options.body,
    })),
    applicationMenu:
      menu?.flatten().map((entry) => ({
        path: entry.path.join(' > '),
        ...(entry.item.role ? { role: entry.item.role } : {}),
      })) ?? null,
    relaunches: double.app.relaunches.length,
    errorBoxes: double.state.shell.errorBoxes,
    steps,
    atShutdown: {
      channels: [...double.ipcMain.handlers.keys()],
      liveTrays: double.state.liveTrays.size,
      resumeListeners: double.powerMonitor.listenerCount('resume'),
      exitCode: double.app.exitCode ?? 0,
    },
  };
}
