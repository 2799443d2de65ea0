// How the running copy was installed, for the diagnosis report, from facts
// the edge reads (the executable's path, the environment, whether the NSIS
// uninstaller sits next to it). The places are electron-builder's (26.17.0,
// node_modules/app-builder-lib):
//
// - deb: out/targets/LinuxTargetHelper.js `installPrefix = "/opt"`, and
//   out/targets/FpmTarget.js maps the app to `/opt/<sanitized product name>`;
// - NSIS: templates/nsis/multiUser.nsh installs per user into
//   `$LocalAppData\Programs\<app>` (or the user's UserProgramFiles folder)
//   and per machine into `$PROGRAMFILES(64)\<app>`; templates/nsis/common.nsh
//   names the uninstaller `Uninstall <product file name>.exe`, beside the exe;
// - AppImage: its runtime sets APPIMAGE to the image's path; Snap sets SNAP.
// On macOS an app started from a disk image runs from /Volumes, and one
// quarantined outside /Applications from a translocated copy
// (…/AppTranslocation/…): both are worth telling apart from /Applications.

export type InstallKind =
  | 'development'
  | 'appimage'
  | 'snap'
  | 'deb'
  | 'nsis-per-user'
  | 'nsis-per-machine'
  | 'mac-applications'
  | 'mac-translocated'
  | 'mac-disk-image'
  | 'unpacked';

export interface InstallFacts {
  readonly platform: NodeJS.Platform;
  /** Electron's app.isPackaged. */
  readonly packaged: boolean;
  readonly execPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Windows: whether `Uninstall <product>.exe` is in the executable's folder. */
  readonly uninstallerBeside?: boolean;
}

export function installKind(facts: InstallFacts): InstallKind {
  if (!facts.packaged) return 'development';
  const exe = facts.execPath;
  switch (facts.platform) {
    case 'linux':
      if (facts.env.APPIMAGE) return 'appimage';
      if (facts.env.SNAP) return 'snap';
      return exe.startsWith('/opt/') ? 'deb' : 'unpacked';
    case 'win32': {
      if (!facts.uninstallerBeside) return 'unpacked';
      const lower = exe.toLowerCase();
      const machineRoots = [
        facts.env.ProgramFiles,
        facts.env.ProgramW6432,
        facts.env['ProgramFiles(x86)'],
      ]
        .filter((root): root is string => Boolean(root))
        .map((root) => `${root.toLowerCase().replace(/\\+$/, '')}\\`);
      return machineRoots.some((root) => lower.startsWith(root))
        ? 'nsis-per-machine'
        : 'nsis-per-user';
    }
    case 'darwin':
      if (exe.includes('/AppTranslocation/')) return 'mac-translocated';
      if (exe.startsWith('/Volumes/')) return 'mac-disk-image';
      if (exe.startsWith('/Applications/') || /^\/Users\/[^/]+\/Applications\//.test(exe))
        return 'mac-applications';
      return 'unpacked';
    default:
      return 'unpacked';
  }
}
