// How this copy of the app was started, and so what the OS must run to hand
// it a sign-in link. Pure: the Electron adapter (main/electron/app-link.ts)
// passes in app.isPackaged, process.execPath, app.getAppPath() and the
// environment.
//
// - Development: Electron's executable with the app's folder (Electron's
//   "Deep Links" tutorial registers `process.execPath` plus the folder).
// - AppImage: the `.AppImage` file itself, named by the APPIMAGE variable its
//   runtime sets (electron-builder's AppRun keeps it; appImageUtil.js). The
//   executable inside lives in a mount that is gone once the app quits.
// - Installed (deb, NSIS, dmg): the executable.
import { posix, win32 } from 'node:path';
import type { AppLaunchKind } from '../common/way-back';

export interface AppLaunch {
  readonly kind: AppLaunchKind;
  /** The program the OS runs for a link. */
  readonly program: string;
  /** The arguments before the link (the app's folder in development). */
  readonly args: readonly string[];
}

export interface AppLaunchFacts {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly execPath: string;
  /** app.getAppPath(): the app's folder in development. */
  readonly appPath: string;
  readonly env: NodeJS.ProcessEnv;
}

export function appLaunchOf(facts: AppLaunchFacts): AppLaunch {
  const path = facts.platform === 'win32' ? win32 : posix;
  if (!facts.isPackaged) {
    // The folder from app.getAppPath(), not argv[1], which a debugger switch can occupy.
    return { kind: 'development', program: facts.execPath, args: [path.resolve(facts.appPath)] };
  }
  const appImage = facts.env.APPIMAGE;
  if (facts.platform === 'linux' && appImage && path.isAbsolute(appImage)) {
    return { kind: 'appimage', program: appImage, args: [] };
  }
  return { kind: 'installed', program: facts.execPath, args: [] };
}

/**
 * Why the app link cannot be registered for this launch, or null when it can.
 * Electron's "Deep Links" tutorial (docs/tutorial/launch-app-from-url-in-another-app.md,
 * "Packaging"): on macOS and Linux the app link works only once the app is
 * packaged, not when started in development from the command line: macOS
 * registers only schemes in the bundle's Info.plist (Electron.app's has none
 * of ours), and Linux needs a desktop entry for the app. Windows registers
 * Electron's executable with the app's folder, so development works there.
 */
export function appLinkUnavailable(
  platform: NodeJS.Platform,
  launch: AppLaunch,
): 'development' | 'unsupported' | null {
  if (platform !== 'win32' && platform !== 'darwin' && platform !== 'linux') return 'unsupported';
  if (launch.kind === 'development' && platform !== 'win32') return 'development';
  return null;
}
