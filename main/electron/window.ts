// The app's one window, hardened after Electron's security checklist: context
// isolation, the sandbox, no Node in the page, web security on (#2–#9), no
// navigation or new windows away from the app (#13, #14), every permission
// refused but the clipboard write the page's Copy needs (#5, permission-policy.ts),
// and no <webview> (#12). The static tests read this file and fail on any
// weakened option or permission handler.
import { BrowserWindow, app, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from '../desktop/app-protocol-paths';
import { grantsPermission } from '../desktop/permission-policy';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  readonly title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1024,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    title: options.title,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** The one place a page is loaded into a window: the app's own entry URL, nothing else. */
export function loadAppShell(window: BrowserWindow): Promise<void> {
  return window.webContents.loadURL(APP_ENTRY_URL);
}

/** Brings the window to the front (from the tray, a second instance, a notification). */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Guards for every web contents the app ever makes: navigation only within
 * app://renderer, no pop-ups (links to portals go through the guarded
 * openExternal, never a window), no <webview>.
 */
export function guardWebContents(contents: WebContents, log: (message: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log('window: refused a navigation away from the app');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log('window: refused a redirect away from the app');
    }
  });
  contents.setWindowOpenHandler(() => {
    log('window: refused to open a new window');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('window: refused a <webview>');
  });
}

/** The address of a web contents for the permission policy ('' once destroyed: refused). */
function contentsUrl(contents: WebContents | null): string | undefined {
  if (contents === null) return undefined;
  return contents.isDestroyed() ? '' : contents.getURL();
}

/**
 * Every permission (camera, notifications from the page, geolocation,
 * reading the clipboard, …) is refused, but the clipboard write of the app's
 * own page (grantsPermission). Devices: none.
 */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      grantsPermission({
        permission,
        isMainFrame: details.isMainFrame,
        addresses: [details.requestingUrl, contentsUrl(contents)],
      }),
    ),
  );
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    grantsPermission({
      permission,
      isMainFrame: details.isMainFrame,
      addresses: [requestingOrigin, details.requestingUrl, contentsUrl(contents)],
    }),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Applies `guardWebContents` to every web contents, including ones made later. */
export function guardAllWebContents(log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
