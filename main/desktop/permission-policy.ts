// Which web permission the app's page gets: one. Pure: tested in Node.
//
// Electron's security checklist (#5): answer permission requests and refuse
// what the app does not need. The page needs exactly one: writing text to
// the clipboard (the "Copy" beside the redirect address to register), which
// Chromium asks for as `clipboard-sanitized-write` on every
// navigator.clipboard.writeText — through the permission check and, when
// the check says no, the request. Reading the clipboard, notifications from
// the page, camera, geolocation, … stay refused, and so does everything to
// anything but the main frame of the app's own page (the IPC sender check's
// rule: a sub-frame or a page navigated away is not the app).
import { isAppUrl } from './app-protocol-paths';

/** The one permission granted: the async clipboard's text/plain/HTML/PNG write. */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write';

/** What Electron says of a permission check or request, in plain data. */
export interface PermissionAsk {
  /** Electron's permission name, e.g. `clipboard-sanitized-write`, `media`. */
  readonly permission: string;
  readonly isMainFrame: boolean;
  /**
   * Every address Electron gives for the asker (the requesting URL, the
   * requesting origin, the web contents' URL); undefined where it gives
   * none. At least one must be given, and each given must be the app's.
   */
  readonly addresses: readonly (string | undefined)[];
}

export function grantsPermission(ask: PermissionAsk): boolean {
  if (ask.permission !== GRANTED_PERMISSION || ask.isMainFrame !== true) return false;
  const given = ask.addresses.filter((address) => address !== undefined);
  return given.length > 0 && given.every(isAppUrl);
}
