// How the app was started, and what the OS must run for a sign-in link.
import { describe, expect, it } from 'vitest';
import { appLaunchOf, appLinkUnavailable } from '../../../main/desktop/app-launch';

const facts = {
  execPath: '/opt/Netrex Connect/netrex-connect',
  appPath: '/opt/Netrex Connect/resources/app.asar',
  env: {},
};

describe('how the app was started', () => {
  it('development: Electron with the app folder (resolved), on every OS', () => {
    expect(
      appLaunchOf({
        ...facts,
        platform: 'linux',
        isPackaged: false,
        execPath: '/src/node_modules/electron/dist/electron',
        appPath: '/src/app/.',
      }),
    ).toEqual({
      kind: 'development',
      program: '/src/node_modules/electron/dist/electron',
      args: ['/src/app'],
    });
  });

  it('AppImage: the .AppImage file named by APPIMAGE, not the executable in its mount', () => {
    expect(
      appLaunchOf({
        ...facts,
        platform: 'linux',
        isPackaged: true,
        execPath: '/tmp/.mount_NetrexAbc/netrex-connect',
        env: { APPIMAGE: '/home/op/Apps/Netrex Connect-0.1.0.AppImage' },
      }),
    ).toEqual({
      kind: 'appimage',
      program: '/home/op/Apps/Netrex Connect-0.1.0.AppImage',
      args: [],
    });
  });

  it('installed: the executable; an APPIMAGE that is relative, or not on Linux, is ignored', () => {
    const installed = { kind: 'installed', program: facts.execPath, args: [] };
    expect(appLaunchOf({ ...facts, platform: 'linux', isPackaged: true })).toEqual(installed);
    expect(
      appLaunchOf({
        ...facts,
        platform: 'linux',
        isPackaged: true,
        env: { APPIMAGE: 'x.AppImage' },
      }),
    ).toEqual(installed);
    expect(
      appLaunchOf({ ...facts, platform: 'win32', isPackaged: true, env: { APPIMAGE: '/x' } }),
    ).toEqual(installed);
  });
});

describe('where the app link cannot be registered (Deep Links tutorial, "Packaging")', () => {
  const dev = { kind: 'development', program: 'electron', args: ['/src'] } as const;
  const installed = { kind: 'installed', program: '/opt/x', args: [] } as const;

  it('development on Linux and macOS cannot; development on Windows can (execPath + folder)', () => {
    expect(appLinkUnavailable('linux', dev)).toBe('development');
    expect(appLinkUnavailable('darwin', dev)).toBe('development');
    expect(appLinkUnavailable('win32', dev)).toBeNull();
  });

  it('every packaged launch can; other systems cannot', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(appLinkUnavailable(platform, installed)).toBeNull();
    }
    expect(appLinkUnavailable('freebsd', installed)).toBe('unsupported');
  });
});
