// The contract of the app-link adapter (main/electron/app-link.ts) under a
// typed double of Electron: the OS's answer to setAsDefaultProtocolClient is
// acted on, false included. On Linux that answer is false unless a desktop
// entry named by CHROME_DESKTOP (the packaged desktopName) is installed:
// Browser::SetAsDefaultProtocolClient → SetDefaultWebClient,
// shell/browser/browser_linux.cc, which also ignores the path and arguments.
// On macOS only a bundle whose Info.plist lists the scheme can be registered
// (browser_mac.mm, LSSetDefaultHandlerForURLScheme with the bundle
// identifier). Path and arguments count only on Windows (browser_win.cc
// compares them with the HKCU command). The rules of the check itself are
// main/desktop/app-link-check.ts (unit tests); how the app comes back when
// the app link cannot reach it is the way back's (docs/way-back.md).
import { win32 } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { createAppLinkPort } from '../../../main/electron/app-link';
import type { RunCommand } from '../../../main/desktop/os-command';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();
const commands: string[] = [];
// reg.exe and whoami.exe as on a Windows that has no command for the scheme yet.
const windowsTools: RunCommand = async (program) => {
  commands.push(program);
  return 'missing';
};

beforeEach(() => {
  commands.length = 0;
  double.app.forgetProtocolClients();
});

describe('the app-link adapter', () => {
  it('macOS, packaged, the OS refuses: registers with no path or arguments, then says not registered', async () => {
    double.app.isPackaged = true;
    double.app.protocolClientRegisters = false;
    const check = await createAppLinkPort({ platform: 'darwin', env: {} }).check();
    expect(check).toMatchObject({ status: 'not-registered', repaired: true, launch: 'installed' });
    expect(double.app.protocolClientCalls).toEqual([
      { protocol: APP_SCHEME, path: undefined, args: undefined },
    ]);
  });

  it('macOS, packaged, the OS accepts: registered again once, then found registered without a repair', async () => {
    double.app.isPackaged = true;
    double.app.protocolClientRegisters = true;
    const port = createAppLinkPort({ platform: 'darwin', env: {} });
    expect(await port.check()).toMatchObject({ status: 'registered', repaired: true });
    expect(await port.check()).toMatchObject({ status: 'registered', repaired: false });
    expect(double.app.protocolClientCalls).toHaveLength(1);
  });

  it('Windows, development: registers Electron with the app folder, as the HKCU command must read', async () => {
    double.app.isPackaged = false;
    double.app.protocolClientRegisters = true;
    const check = await createAppLinkPort({
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows' },
      run: windowsTools,
    }).check();
    expect(check).toMatchObject({ status: 'registered', launch: 'development', elevated: null });
    expect(double.app.protocolClientCalls).toEqual([
      {
        protocol: APP_SCHEME,
        path: process.execPath,
        args: [win32.resolve(double.app.getAppPath())],
      },
    ]);
    expect(commands).toEqual(
      expect.arrayContaining([
        'C:\\Windows\\System32\\whoami.exe',
        'C:\\Windows\\System32\\reg.exe',
      ]),
    );
  });

  it('Linux and macOS, development: unavailable, and nothing is registered (the OS would start Electron alone)', async () => {
    double.app.isPackaged = false;
    double.app.protocolClientRegisters = true;
    for (const platform of ['linux', 'darwin'] as const) {
      const check = await createAppLinkPort({ platform, env: {}, run: windowsTools }).check();
      expect(check).toMatchObject({ status: 'unavailable', launch: 'development' });
    }
    expect(double.app.protocolClientCalls).toEqual([]);
    expect(commands).toEqual([]);
  });
});
