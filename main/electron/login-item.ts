// "Start at login" — the `loginItem` port. macOS and Windows through
// app.setLoginItemSettings; Linux through an XDG autostart entry
// (linux-autostart.ts), since Electron's setting covers only the other two.
// Started that way the app opens in the tray, not as a window.
import { app } from 'electron';
import { resolve } from 'node:path';
import { APP_SCHEME } from '../auth/redirect-uri';
import { linuxAutostart, type LoginItemPort } from '../desktop/linux-autostart';

/** Added to the command line of a start at login: open in the tray only. */
export const START_IN_TRAY_ARG = '--start-in-tray';

/** The command that starts this app: the executable, plus the app folder in development. */
function launchCommand(): { path: string; args: string[] } {
  if (app.isPackaged) return { path: process.env.APPIMAGE ?? process.execPath, args: [] };
  return { path: process.execPath, args: [resolve(app.getAppPath())] };
}

export function createLoginItemPort(): LoginItemPort | undefined {
  const { path, args } = launchCommand();
  if (process.platform === 'linux') {
    return linuxAutostart({
      exec: [path, ...args, START_IN_TRAY_ARG],
      name: app.getName(),
      id: APP_SCHEME,
    });
  }
  if (process.platform !== 'darwin' && process.platform !== 'win32') return undefined;
  // Windows compares path and args to find its own entry; pass the same ones both ways.
  const entry = { path, args: [...args, START_IN_TRAY_ARG] };
  return {
    get: () => app.getLoginItemSettings(entry).openAtLogin,
    set: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, ...entry }),
  };
}

/** Whether this run was started at login (and should stay in the tray). */
export function startedAtLogin(argv: readonly string[]): boolean {
  if (argv.includes(START_IN_TRAY_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
