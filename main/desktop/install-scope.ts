// How the running copy was installed, for the update rules: a per-machine
// install belongs to IT (its installer needs an administrator, and a silent
// per-machine NSIS update has uninstalled apps without reinstalling them,
// electron-builder#4474), and electron-updater can replace only some kinds
// of install. Pure: the adapter gives the paths and the environment.
import { win32 } from 'node:path';

export interface InstallScope {
  /** Installed for every user of the machine. */
  readonly perMachine: boolean;
  /** electron-updater has an updater for this install (NSIS on Windows, AppImage on Linux). */
  readonly supported: boolean;
}

/**
 * Windows: electron-builder's per-user NSIS install goes to
 * %LOCALAPPDATA%\Programs\<name> (templates/nsis/include/installer.nsh,
 * `$LocalAppData\Programs`); anything else (Program Files) is per-machine.
 * Linux: an AppImage ($APPIMAGE set by its runtime) is the user's own file;
 * a .deb is installed system-wide and updated by the package manager.
 * macOS: electron-updater needs a zip of the app beside the dmg, which this
 * build does not make yet, so it is not updated in place.
 */
export function installScope(
  platform: NodeJS.Platform,
  executable: string,
  env: NodeJS.ProcessEnv,
): InstallScope {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    const mine =
      !!local &&
      win32
        .normalize(executable)
        .toLowerCase()
        .startsWith(`${win32.normalize(local).toLowerCase().replace(/\\$/, '')}\\`);
    return { perMachine: !mine, supported: true };
  }
  if (platform === 'linux') {
    const appImage = !!env.APPIMAGE;
    return { perMachine: !appImage, supported: appImage };
  }
  return { perMachine: false, supported: false };
}
