// The app-link adapter (main/electron/app-link.ts) under a double of
// Electron's `app` that answers as Electron's sources say (main at 45
// nightly), each behaviour with its file:
//
// - shell/browser/browser_win.cc: `path` defaults to process.execPath and
//   `args` to none; isDefaultProtocolClient compares the HKCU command string
//   (GetProtocolLaunchPath) exactly with what setAsDefaultProtocolClient wrote.
// - shell/browser/browser_linux.cc: `path` and `args` are ignored;
//   setAsDefaultProtocolClient answers false unless an installed desktop entry
//   is named by CHROME_DESKTOP (none for an AppImage); isDefaultProtocolClient
//   compares the default handler's id with CHROME_DESKTOP.
// - docs/api/app.md: getApplicationNameForProtocol takes a URL "including ://
//   at a minimum"; a bare scheme is no URL (Electron parses it with GURL).
//
// Not "Electron works": the adapter's own choices (which arguments, which
// URL, which tools with which environment) against Electron's documented and
// coded behaviour.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { windowsProtocolCommand } from '../../../main/desktop/windows-protocol-command';
import type { CommandResult, RunCommand } from '../../../main/desktop/os-command';
import { makeTempDir } from '../../support/temp-dir';

type AppDouble = Pick<
  App,
  | 'isPackaged'
  | 'getAppPath'
  | 'getName'
  | 'isDefaultProtocolClient'
  | 'setAsDefaultProtocolClient'
  | 'getApplicationNameForProtocol'
> & { calls: string[]; hkcu: string | null; platform: 'win32' | 'linux'; execPath: string };

const electron = vi.hoisted(() => ({ app: {} as AppDouble }));
vi.mock('electron', () => electron);

const { createAppLinkPort } = await import('../../../main/electron/app-link');

function appDouble(patch: Partial<AppDouble>): AppDouble {
  const double: AppDouble = {
    isPackaged: true,
    platform: 'win32',
    execPath: 'C:\\Programs\\netrex-connect\\Netrex Connect.exe',
    hkcu: null,
    calls: [],
    getAppPath: () => 'C:\\src',
    getName: () => 'Netrex Connect',
    isDefaultProtocolClient(protocol, path, args) {
      double.calls.push(`isDefault ${JSON.stringify([protocol, path, args])}`);
      if (double.platform === 'linux') return false; // no CHROME_DESKTOP entry in these tests
      return double.hkcu === windowsProtocolCommand(path ?? double.execPath, args ?? []);
    },
    setAsDefaultProtocolClient(protocol, path, args) {
      double.calls.push(`setDefault ${JSON.stringify([protocol, path, args])}`);
      if (double.platform === 'linux') return false; // browser_linux.cc: no installed entry of that name
      double.hkcu = windowsProtocolCommand(path ?? double.execPath, args ?? []);
      return true;
    },
    getApplicationNameForProtocol(url) {
      double.calls.push(`name ${url}`);
      return url.includes('://') && double.hkcu ? 'Netrex Connect' : '';
    },
    ...patch,
  };
  return double;
}

/** reg.exe and whoami.exe as Windows prints them; records what was run. */
function windowsTools(ran: string[], elevated: boolean): RunCommand {
  return async (program, args): Promise<CommandResult> => {
    ran.push([program, ...args].join(' '));
    if (program.endsWith('whoami.exe')) {
      const sid = elevated ? 'S-1-16-12288' : 'S-1-16-8192';
      return { code: 0, stdout: `"Mandatory Label\\X Mandatory Level","Label","${sid}",""\r\n` };
    }
    const data = electron.app.hkcu;
    return data === null
      ? { code: 1, stdout: '' }
      : { code: 0, stdout: `\r\n${args[1]}\r\n    (Default)    REG_SZ    ${data}\r\n\r\n` };
  };
}

beforeEach(() => {
  electron.app = appDouble({});
});

describe('the app-link adapter on Windows', () => {
  const env = { SystemRoot: 'C:\\Windows' };

  it('packaged: asks Electron without path or args (process.execPath), which matches the installer’s command', async () => {
    electron.app = appDouble({ hkcu: '"C:\\Programs\\netrex-connect\\Netrex Connect.exe" "%1"' });
    const ran: string[] = [];
    const port = createAppLinkPort({
      platform: 'win32',
      env,
      execPath: electron.app.execPath,
      run: windowsTools(ran, false),
      now: () => 7,
    });
    expect(await port.check()).toMatchObject({
      status: 'registered',
      launch: 'installed',
      elevated: false,
      checkedAt: 7,
    });
    expect(electron.app.calls).toEqual(['isDefault ["cz.netrex.connect",null,null]']);
    expect(ran).toEqual(['C:\\Windows\\System32\\whoami.exe /groups /fo csv /nh']);
  });

  it('development: registers Electron with the app folder, and reads the old holder from HKCU with reg.exe', async () => {
    electron.app = appDouble({
      isPackaged: false,
      execPath: 'C:\\src\\node_modules\\electron\\dist\\electron.exe',
      hkcu: '"D:\\Old\\Netrex Connect.exe" "%1"',
    });
    const ran: string[] = [];
    const port = createAppLinkPort({
      platform: 'win32',
      env,
      execPath: electron.app.execPath,
      run: windowsTools(ran, true),
    });
    expect(await port.check()).toMatchObject({
      status: 'registered',
      launch: 'development',
      repaired: true,
      elevated: true,
    });
    const args = JSON.stringify(['cz.netrex.connect', electron.app.execPath, ['C:\\src']]);
    expect(electron.app.calls).toEqual([
      `isDefault ${args}`,
      `setDefault ${args}`,
      `isDefault ${args}`,
    ]);
    expect(ran).toContain(
      'C:\\Windows\\System32\\reg.exe query HKCU\\Software\\Classes\\cz.netrex.connect\\shell\\open\\command /ve',
    );
    expect(electron.app.hkcu).toBe(
      '"C:\\src\\node_modules\\electron\\dist\\electron.exe" "C:\\src" "%1"',
    );
  });

  it('asks for the handler’s name with a URL (“://”), as docs/api/app.md requires', async () => {
    electron.app = appDouble({ hkcu: 'x' });
    const port = createAppLinkPort({
      platform: 'win32',
      env,
      execPath: electron.app.execPath,
      // reg.exe cannot be read: the name comes from Electron.
      run: async () => 'missing',
    });
    electron.app.setAsDefaultProtocolClient = () => false;
    expect(await port.check()).toMatchObject({ status: 'claimed', holder: 'Netrex Connect' });
    expect(electron.app.calls).toContain('name cz.netrex.connect://');
  });
});

describe('the app-link adapter on Linux', () => {
  it('development: unavailable, nothing asked of Electron or the system', async () => {
    electron.app = appDouble({ isPackaged: false, platform: 'linux' });
    const ran: string[] = [];
    const port = createAppLinkPort({
      platform: 'linux',
      env: {},
      execPath: '/src/node_modules/electron/dist/electron',
      run: async (program) => (ran.push(program), 'missing'),
    });
    expect(await port.check()).toMatchObject({ status: 'unavailable', launch: 'development' });
    expect(electron.app.calls).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('AppImage: installs the entry in the user’s folder for $APPIMAGE and makes the CHROME_DESKTOP id the default', async () => {
    electron.app = appDouble({ platform: 'linux' });
    const home = makeTempDir('netrex-adapter-');
    try {
      const ran: string[] = [];
      let defaultId = '';
      const port = createAppLinkPort({
        platform: 'linux',
        env: {
          APPIMAGE: '/home/op/Netrex.AppImage',
          APPDIR: '/tmp/.mount_x',
          CHROME_DESKTOP: 'cz.netrex.connect.desktop',
        },
        home: home.path,
        execPath: '/tmp/.mount_x/netrex-connect',
        run: async (program, args) => {
          ran.push([program, ...args].join(' '));
          if (args[0] === 'default') defaultId = args[1] as string;
          return { code: 0, stdout: args[0] === 'query' ? `${defaultId}\n` : '' };
        },
      });
      expect(await port.check()).toMatchObject({
        status: 'registered',
        launch: 'appimage',
        repaired: true,
      });
      expect(ran).toEqual([
        'xdg-mime query default x-scheme-handler/cz.netrex.connect',
        'xdg-mime query default x-scheme-handler/cz.netrex.connect',
        'xdg-mime default cz.netrex.connect.desktop x-scheme-handler/cz.netrex.connect',
        `update-desktop-database ${join(home.path, '.local/share/applications')}`,
        'xdg-mime query default x-scheme-handler/cz.netrex.connect',
      ]);
      // Electron's own calls answer false for an AppImage (no installed entry of that name): not used.
      expect(electron.app.calls).toEqual([]);
    } finally {
      home.dispose();
    }
  });
});
