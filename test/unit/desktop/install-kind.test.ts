// How the running copy was installed, from the places electron-builder 26.17.0
// puts each target (main/desktop/install-kind.ts names the source files).
import { describe, expect, it } from 'vitest';
import { installKind, type InstallFacts } from '../../../main/desktop/install-kind';

const facts = (patch: Partial<InstallFacts>): InstallFacts => ({
  platform: 'linux',
  packaged: true,
  execPath: '/opt/Netrex Connect/netrex-connect',
  env: {},
  ...patch,
});

describe('install kind', () => {
  it.each<[string, Partial<InstallFacts>, string]>([
    ['a development copy', { packaged: false, env: { APPIMAGE: '/x.AppImage' } }, 'development'],
    [
      'an AppImage (its runtime sets APPIMAGE)',
      {
        execPath: '/tmp/.mount_Netrex/netrex-connect',
        env: { APPIMAGE: '/home/o/Netrex.AppImage' },
      },
      'appimage',
    ],
    [
      'a Snap',
      { execPath: '/snap/netrex/1/netrex-connect', env: { SNAP: '/snap/netrex/1' } },
      'snap',
    ],
    ['a deb in /opt (installPrefix)', {}, 'deb'],
    ['an unpacked Linux copy', { execPath: '/home/o/netrex/netrex-connect' }, 'unpacked'],
    [
      'NSIS per user (LocalAppData\\Programs)',
      {
        platform: 'win32',
        execPath: 'C:\\Users\\o\\AppData\\Local\\Programs\\Netrex Connect\\Netrex Connect.exe',
        env: { ProgramFiles: 'C:\\Program Files' },
        uninstallerBeside: true,
      },
      'nsis-per-user',
    ],
    [
      'NSIS per machine (Program Files, any case)',
      {
        platform: 'win32',
        execPath: 'c:\\program files\\Netrex Connect\\Netrex Connect.exe',
        env: { ProgramFiles: 'C:\\Program Files\\' },
        uninstallerBeside: true,
      },
      'nsis-per-machine',
    ],
    [
      'a Windows copy without the uninstaller beside it',
      {
        platform: 'win32',
        execPath: 'D:\\tools\\Netrex Connect.exe',
        env: {},
        uninstallerBeside: false,
      },
      'unpacked',
    ],
    [
      'a Mac app in /Applications',
      {
        platform: 'darwin',
        execPath: '/Applications/Netrex Connect.app/Contents/MacOS/Netrex Connect',
      },
      'mac-applications',
    ],
    [
      'a Mac app in ~/Applications',
      {
        platform: 'darwin',
        execPath: '/Users/o/Applications/Netrex Connect.app/Contents/MacOS/Netrex Connect',
      },
      'mac-applications',
    ],
    [
      'a Mac app run from its disk image',
      {
        platform: 'darwin',
        execPath: '/Volumes/Netrex Connect/Netrex Connect.app/Contents/MacOS/Netrex Connect',
      },
      'mac-disk-image',
    ],
    [
      'a translocated Mac app',
      {
        platform: 'darwin',
        execPath:
          '/private/var/folders/x/T/AppTranslocation/1234/d/Netrex Connect.app/Contents/MacOS/Netrex Connect',
      },
      'mac-translocated',
    ],
  ])('%s', (_name, patch, kind) => {
    expect(installKind(facts(patch))).toBe(kind);
  });
});
