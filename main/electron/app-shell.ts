// The Electron app around the services: single instance, deep links, the
// app:// renderer, the hardened window, the bridge, tray, notifications and
// the system ports. main/index.ts calls `startAppShell` with the real
// `createServices`; everything Electron-specific the services need arrives
// through `AppPorts`, built here. What it tells the operator itself is in the
// app's language (edge-words.ts): the window's setting, else the OS's.
import {
  Notification,
  app,
  clipboard,
  dialog,
  powerMonitor,
  session,
  type BrowserWindow,
} from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPorts, AppServices } from '../app-services';
import { MAX_DOCUMENT_BYTES } from '../common/document-store';
import { DisposableStore, toDisposable } from '../common/lifecycle';
import type { DemoPortal } from '../demo-portal';
import type { AppSettings } from '../ipc/contract';
import { APP_SETTINGS_DOCUMENT, savedLanguage } from '../services/app-settings';
import { appUserModelIdFor } from '../desktop/app-identity';
import { lifecycleActions, type LifecycleEvent } from '../desktop/app-lifecycle';
import { APP_DOCUMENTATION_URL } from '../desktop/app-menu';
import { installAppMenu } from './app-menu';
import { registerAppSchemePrivileged, serveAppProtocol } from './app-protocol';
import { createConfirmPort } from './confirm-dialog';
import { createDeepLinkInbox } from '../desktop/deep-link-inbox';
import { createAppLinkPort } from './app-link';
import { listenForDeepLinks } from './deep-links';
import { startEmbeddedDemoPortal } from '../desktop/demo';
import { edgeWords, linkRefusalText, type EdgeWords } from '../desktop/edge-words';
import { electronStoreDocument } from './electron-store-documents';
import { openExternalGuarded } from './external-links';
import { createPortalFetch, resolvePortalProxy } from './portal-http';
import { registerBridge } from './ipc';
import { createLoginItemPort, startedAtLogin } from './login-item';
import { watchAccountAlerts } from './notifications';
import { watchKeyringRelaunch } from './keyring-relaunch';
import { createSafeStorageCipher } from './secure-storage';
import { startupFailureMessage } from '../desktop/startup-failure';
import { createAppTray } from './tray';
import { createUpdaterPort } from './updater';
import { diagnoseRequestData, diagnoseRequested } from '../desktop/diagnose-argv';
import { reportLanguageFor, reportPaths } from '../support/diagnosis/report-files';
import { reportWords } from '../support/diagnosis/words';
import type { LogFile } from '../support/log-file';
import { diagnoseAndExit, listenForDiagnoseRequests } from './diagnose';
import { openAppLogFile, showFolder } from './log-folder';
import { createSaveReportPort } from './report-dialog';
import { runtimeFacts } from './runtime-facts';
import {
  createMainWindow,
  guardAllWebContents,
  guardSession,
  loadAppShell,
  revealWindow,
} from './window';

/**
 * What main/index.ts passes in: main/services/index.ts's `createServices`. The
 * second argument is the demo hook — the embedded portal stand-in in demo
 * mode, `null` otherwise; a `createServices` that takes only `ports` fits too.
 */
export type CreateServices = (
  ports: AppPorts,
  demo: DemoPortal | null,
) => AppServices | Promise<AppServices>;

export interface AppShellOptions {
  readonly createServices: CreateServices;
  /** The build output folder holding main/, preload/, renderer/ (and demo/ in demo mode). */
  readonly outDir: string;
  readonly demo: boolean;
}

/** Only in development: lets tests and a second copy run against their own data folder. */
const USER_DATA_ENV = 'NETREX_USER_DATA_DIR';

const log = {
  info: (message: string) => console.log(`[netrex] ${message}`),
  warn: (message: string) => console.warn(`[netrex] ${message}`),
};

/**
 * Tells the operator something outside the window: a notification, else (not
 * supported, or before `ready`) a dialog. `say` runs once the app is ready, in
 * the words of that moment.
 */
function tellOperator(say: () => string | { title: string; body: string }): void {
  const asNotification = app.isReady() && Notification.isSupported();
  void app.whenReady().then(() => {
    const said = say();
    const { title, body } =
      typeof said === 'string' ? { title: 'Netrex Connect', body: said } : said;
    log.warn(body);
    if (asNotification) new Notification({ title, body }).show();
    else void dialog.showMessageBox({ type: 'warning', title, message: body });
  });
}

/**
 * The language the operator chose, read straight from the settings file: the
 * start-up error box has no services to ask. `system` when it cannot be read.
 */
function savedLanguageSetting(): AppSettings['language'] {
  try {
    const file = join(app.getPath('userData'), `${APP_SETTINGS_DOCUMENT}.json`);
    if (statSync(file).size > MAX_DOCUMENT_BYTES) return 'system';
    return savedLanguage(JSON.parse(readFileSync(file, 'utf8'))) ?? 'system';
  } catch {
    return 'system';
  }
}

export function startAppShell(options: AppShellOptions): void {
  const userDataOverride = process.env[USER_DATA_ENV];
  if (!app.isPackaged && userDataOverride) app.setPath('userData', userDataOverride);
  // Windows: the installer's shortcut id, before any window, tray or notification (app-identity.ts).
  const userModelId = appUserModelIdFor(process.platform);
  if (userModelId) app.setAppUserModelId(userModelId);

  // `--diagnose`: this copy writes the report, or hands the request to the one running.
  const diagnosePaths = diagnoseRequested(process.argv)
    ? reportPaths(app.getPath('logs'), Date.now())
    : undefined;

  // A second instance hands its argv to the first (`second-instance`) and quits at once.
  if (
    !app.requestSingleInstanceLock(diagnosePaths ? diagnoseRequestData(diagnosePaths) : undefined)
  ) {
    if (diagnosePaths) process.stdout.write(`${commandWords().handedOver(diagnosePaths.text)}\n`);
    app.quit();
    return;
  }

  // The log file, redacted line by line (main/support/log-file.ts), from here to the exit.
  const appLog: LogFile = openAppLogFile();
  appLog.info('app.started', {
    version: app.getVersion(),
    electron: process.versions.electron,
    platform: process.platform,
    packaged: app.isPackaged,
    diagnose: diagnosePaths !== undefined,
  });

  // Every renderer sandboxed, whatever a window's options say (must precede `ready`).
  app.enableSandbox();
  registerAppSchemePrivileged();
  guardAllWebContents(log.warn);

  const disposables = new DisposableStore();
  let services: AppServices | null = null;
  let window: BrowserWindow | null = null;
  let demoPortal: DemoPortal | null = null;
  /** Someone asked for the window (a link, the Dock) before the services were ready. */
  let windowRequested = false;
  const words = (): EdgeWords =>
    edgeWords(services?.languageSetting() ?? 'system', app.getPreferredSystemLanguages());
  const windowOpen = (): boolean => window !== null && !window.isDestroyed();
  /** Runs the lifecycle's answer to `event` (app-lifecycle.ts). */
  const lifecycle = (event: LifecycleEvent): void => {
    const facts = {
      platform: process.platform,
      stillRunningTold: services?.trayNoticeShown() ?? false,
    };
    for (const action of lifecycleActions(event, facts)) {
      if (action === 'show-window') showWindow();
      else if (action === 'quit') app.quit();
      else {
        services?.rememberTrayNoticeShown();
        tellOperator(() => words().stillRunning);
      }
    }
  };
  let onWindowClosed = (): void => undefined;

  const showWindow = (): void => {
    if (!services) {
      windowRequested = true; // opened as soon as the services are ready
      return;
    }
    if (window && !window.isDestroyed()) {
      revealWindow(window);
      return;
    }
    window = createMainWindow({
      preloadPath: join(options.outDir, 'preload', 'index.cjs'),
      title: options.demo ? 'Netrex Connect (demo)' : 'Netrex Connect',
    });
    // Notices wait while no page can hear them: from the moment the page
    // (re)loads or the window closes until its next bridge call.
    const events = services.events;
    window.webContents.on('did-start-loading', () => events.windowGone());
    window.on('closed', () => {
      window = null;
      events.windowGone();
      onWindowClosed();
    });
    loadAppShell(window).catch(() => tellOperator(() => words().shell.windowFailed));
  };

  const inbox = createDeepLinkInbox((error) =>
    log.warn(`deep link: handler failed (${error instanceof Error ? error.name : typeof error})`),
  );
  listenForDeepLinks(inbox, {
    reveal: showWindow,
    refused: (refusal) => tellOperator(() => linkRefusalText(refusal, words())),
  });
  // The app link is checked (and registered again) by the services at start and
  // before each browser sign-in, through the appLink port (buildPorts).

  // A tray-resident app: closing the window never quits (Electron would, without this
  // listener: lib/browser/init.ts). A quit closes windows without this event.
  app.on('window-all-closed', () => lifecycle({ kind: 'all-windows-closed' }));
  app.on('activate', () => lifecycle({ kind: 'activate' }));

  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    shutDown = true;
    appLog.info('app.quitting');
    void (async () => {
      try {
        await disposables.dispose();
        await services?.dispose();
        await demoPortal?.close();
      } catch (error) {
        log.warn(`shutdown: ${error instanceof Error ? error.name : 'error'}`);
      }
      app.quit();
    })();
  });

  void app.whenReady().then(async () => {
    try {
      guardSession(session.defaultSession);
      serveAppProtocol(join(options.outDir, 'renderer'));
      demoPortal = options.demo ? await startEmbeddedDemoPortal(options.outDir) : null;
      services = await options.createServices(await buildPorts(options.demo), demoPortal);
    } catch (error) {
      log.warn(`start-up failed: ${error instanceof Error ? error.name : typeof error}`);
      const said = edgeWords(savedLanguageSetting(), app.getPreferredSystemLanguages());
      dialog.showErrorBox(said.startup.title, startupFailureMessage(error, said));
      app.exit(1);
      return;
    }
    const ready = services;
    if (diagnosePaths) {
      // No window, no tray: the report, where it went, and the exit.
      await diagnoseAndExit(ready, diagnosePaths);
      return;
    }
    disposables.add(
      listenForDiagnoseRequests(ready, appLog.folder, (message) => tellOperator(() => message)),
    );
    disposables.add(registerBridge(ready, () => window?.webContents ?? null, log));
    disposables.add(
      createAppTray(
        ready,
        {
          open: showWindow,
          signIn: (providerId) => {
            showWindow();
            void ready.handlers.signIn(providerId).then((result) => {
              // The tray's user may not be looking at the window.
              if (!result.ok) {
                const portal =
                  ready.providers().find((p) => p.id === providerId)?.name ?? providerId;
                tellOperator(() => words().shell.signInFailed(portal, result.error.message));
              }
            });
          },
          quit: () => lifecycle({ kind: 'quit-chosen' }),
        },
        words,
      ),
    );
    disposables.add(
      installAppMenu(ready, words, {
        openDocumentation: () =>
          void openExternalGuarded(
            APP_DOCUMENTATION_URL,
            (url) => url === APP_DOCUMENTATION_URL,
          ).catch(() =>
            tellOperator(() => words().shell.documentationFailed(APP_DOCUMENTATION_URL)),
          ),
      }),
    );
    disposables.add(watchAccountAlerts(ready, showWindow, words));
    // Back from sleep: every account plans again and an overdue refresh runs at once,
    // instead of waiting up to a minute for the wall-clock check to notice.
    // Saved sign-ins waiting for a keyring: Electron asks it once per run, so a quiet restart does
    // (after the window closed, on a schedule, and when the computer wakes up).
    const keyring = disposables.add(watchKeyringRelaunch(ready, windowOpen, log.info));
    onWindowClosed = () => keyring.check();
    const onResume = (): void => ready.resume();
    powerMonitor.on('resume', onResume);
    disposables.add(toDisposable(() => void powerMonitor.off('resume', onResume)));
    // Started at login the app stays in the tray, unless a link or the Dock asked for it.
    lifecycle({ kind: 'ready', startedAtLogin: startedAtLogin(process.argv), windowRequested });
    await inbox.attach((url) => ready.handleDeepLink(url));
  });

  /** The system ports, built after `ready` (safeStorage and net need it). */
  async function buildPorts(demo: boolean): Promise<AppPorts> {
    const userData = app.getPath('userData');
    const loginItem = createLoginItemPort();
    const updater = await createUpdaterPort();
    return {
      fetch: createPortalFetch(),
      cipher: await createSafeStorageCipher(),
      openExternal: (url) =>
        openExternalGuarded(url, (candidate) => services?.isAllowedExternalUrl(candidate) ?? false),
      documentStore: (name) => electronStoreDocument(userData, name),
      platform: process.platform,
      // Installed: NETREX_MANAGED_CONFIG and other development overrides are ignored.
      packaged: app.isPackaged,
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        languages: app.getPreferredSystemLanguages(),
        demo,
      },
      ...(loginItem ? { loginItem } : {}),
      // Asked by the main process in a native box, in the app's language.
      confirm: createConfirmPort(() => window, words),
      ...(updater ? { updater } : {}),
      log: appLog,
      logFile: appLog,
      openLogFolder: () => showFolder(appLog.folder),
      runtime: runtimeFacts(startedAtLogin(process.argv)),
      // The proxy Chromium chose for the portal, in the session the services' requests use
      // (docs/api/session.md ses.resolveProxy; a PAC string such as `DIRECT` or
      // `PROXY host:port; DIRECT`: shell/browser/net/resolve_proxy_helper.cc, ToPacString).
      resolveProxy: resolvePortalProxy,
      saveReport: createSaveReportPort(() => window),
      appLink: createAppLinkPort(),
      clipboard: { writeText: (text) => clipboard.writeText(text) },
    };
  }
}

/** The `--diagnose` sentences in the app's language, before any service runs. */
function commandWords() {
  let languages: string[] = [];
  try {
    languages = app.getPreferredSystemLanguages();
  } catch {
    // Not known this early on some system: the setting, else English.
  }
  return reportWords(reportLanguageFor(savedLanguageSetting(), languages)).command;
}
