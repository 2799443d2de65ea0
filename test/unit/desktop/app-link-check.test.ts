// Check and repair of the app link on Windows and macOS, over doubles that
// answer as Electron's sources say (main at 45 nightly):
//
// - shell/browser/browser_win.cc: setAsDefaultProtocolClient writes
//   HKCU\Software\Classes\<scheme>\shell\open\command = GetProtocolLaunchPath
//   (quoted program and args, then "%1"); isDefaultProtocolClient reads HKCU
//   only and compares that string exactly; getApplicationNameForProtocol asks
//   AssocQueryString (HKCR: HKCU over HKLM) for the friendly name.
// - shell/browser/browser_mac.mm: setAsDefaultProtocolClient calls
//   LSSetDefaultHandlerForURLScheme with the bundle id; isDefaultProtocolClient
//   compares the default handler's bundle id case-insensitively; the name comes
//   from the handler's bundle. docs/api/app.md: only schemes in the bundle's
//   Info.plist can be registered.
// Linux is tested on real files with the real xdg-mime
// (test/integration/desktop/linux-url-handler.test.ts).
import { describe, expect, it } from 'vitest';
import type { AppLaunch } from '../../../main/desktop/app-launch';
import { checkAppLink, type AppLinkSystem } from '../../../main/desktop/app-link-check';
import { windowsProtocolCommand } from '../../../main/desktop/windows-protocol-command';

const SCHEME = 'cz.netrex.connect';
const INSTALLED_EXE = 'C:\\Users\\op\\AppData\\Local\\Programs\\netrex-connect\\Netrex Connect.exe';

/** browser_win.cc over an in-memory HKCU; `writable: false` stands for a policy that forbids the write. */
function windows(launch: AppLaunch, hkcu: { command?: string; writable?: boolean } = {}) {
  const calls: string[] = [];
  const registry = { command: hkcu.command };
  const electronCommand = () => windowsProtocolCommand(launch.program, launch.args);
  const system: AppLinkSystem = {
    platform: 'win32',
    scheme: SCHEME,
    launch,
    isDefault: () => (calls.push('isDefault'), registry.command === electronCommand()),
    setDefault: () => {
      calls.push('setDefault');
      if (hkcu.writable === false) return false;
      registry.command = electronCommand();
      return true;
    },
    handlerName: () => (calls.push('handlerName'), registry.command ? 'Netrex Connect' : ''),
    readWindowsCommand: async () => registry.command ?? null,
    elevated: async () => false,
    now: () => 42,
  };
  return { system, registry, calls };
}

/** browser_mac.mm over a LaunchServices default; the bundle declares the scheme unless told. */
function macos(launch: AppLaunch, defaultBundle: string | null, declared = true) {
  const calls: string[] = [];
  const ls = { handler: defaultBundle };
  const names: Record<string, string> = { 'com.example.other': 'Other App' };
  const system: AppLinkSystem = {
    platform: 'darwin',
    scheme: SCHEME,
    launch,
    isDefault: () => (calls.push('isDefault'), ls.handler?.toLowerCase() === 'cz.netrex.connect'),
    setDefault: () => {
      calls.push('setDefault');
      if (!declared) return false;
      ls.handler = 'cz.netrex.connect';
      return true;
    },
    handlerName: () => (
      calls.push('handlerName'),
      ls.handler ? (names[ls.handler] ?? 'Netrex Connect') : ''
    ),
    now: () => 42,
  };
  return { system, calls };
}

const installed = (program: string): AppLaunch => ({ kind: 'installed', program, args: [] });

describe('the app link on Windows', () => {
  it('installed per user: the installer’s command equals Electron’s, so it is registered as is', async () => {
    const { system, calls } = windows(installed(INSTALLED_EXE), {
      // build/installer.nsh: '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
      command: `"${INSTALLED_EXE}" "%1"`,
    });
    expect(await checkAppLink(system)).toEqual({
      scheme: SCHEME,
      status: 'registered',
      launch: 'installed',
      holder: null,
      repaired: false,
      elevated: false,
      detail: null,
      checkedAt: 42,
    });
    expect(calls).toEqual(['isDefault']);
  });

  it('an older copy holds the scheme: named from the registry, then registered again to this one', async () => {
    const { system, registry } = windows(installed(INSTALLED_EXE), {
      command: '"D:\\Old\\Netrex Connect.exe" "%1"',
    });
    expect(await checkAppLink(system, { repair: false })).toMatchObject({
      status: 'claimed',
      holder: 'D:\\Old\\Netrex Connect.exe',
    });
    expect(await checkAppLink(system)).toMatchObject({
      status: 'registered',
      holder: null,
      repaired: true,
    });
    expect(registry.command).toBe(`"${INSTALLED_EXE}" "%1"`);
  });

  it('development: Electron with the app folder is registered and compared (another folder is a claim)', async () => {
    const dev: AppLaunch = {
      kind: 'development',
      program: 'C:\\src\\node_modules\\electron\\dist\\electron.exe',
      args: ['C:\\src'],
    };
    const { system, registry } = windows(dev, {
      command: windowsProtocolCommand(dev.program, ['C:\\other-checkout']),
    });
    expect(await checkAppLink(system, { repair: false })).toMatchObject({
      status: 'claimed',
      holder: dev.program,
    });
    expect(await checkAppLink(system)).toMatchObject({
      status: 'registered',
      launch: 'development',
    });
    expect(registry.command).toBe(
      '"C:\\src\\node_modules\\electron\\dist\\electron.exe" "C:\\src" "%1"',
    );
  });

  it('a registry that refuses the write: still claimed, said in the detail', async () => {
    const { system } = windows(installed(INSTALLED_EXE), {
      command: '"D:\\Old\\Netrex Connect.exe" "%1"',
      writable: false,
    });
    expect(await checkAppLink(system)).toMatchObject({
      status: 'claimed',
      holder: 'D:\\Old\\Netrex Connect.exe',
      repaired: true,
      detail: 'setAsDefaultProtocolClient answered false',
    });
  });

  it('nothing registered (a portable copy): registered by the check', async () => {
    const { system } = windows(installed(INSTALLED_EXE));
    expect(await checkAppLink(system, { repair: false })).toMatchObject({
      status: 'not-registered',
      holder: null,
    });
    expect(await checkAppLink(system)).toMatchObject({ status: 'registered', repaired: true });
  });

  it('reports elevation as the system tells it', async () => {
    const { system } = windows(installed(INSTALLED_EXE), { command: `"${INSTALLED_EXE}" "%1"` });
    expect(await checkAppLink({ ...system, elevated: async () => true })).toMatchObject({
      status: 'registered',
      elevated: true,
    });
    expect(await checkAppLink({ ...system, elevated: async () => null })).toMatchObject({
      elevated: null,
    });
  });
});

describe('the app link on macOS', () => {
  const app = installed('/Applications/Netrex Connect.app/Contents/MacOS/Netrex Connect');

  it('another application is the default: named, then the app takes the scheme back', async () => {
    const { system } = macos(app, 'com.example.other');
    expect(await checkAppLink(system, { repair: false })).toMatchObject({
      status: 'claimed',
      holder: 'Other App',
    });
    expect(await checkAppLink(system)).toMatchObject({ status: 'registered', repaired: true });
  });

  it('bundle ids compare case-insensitively (browser_mac.mm: caseInsensitiveCompare)', async () => {
    expect(await checkAppLink(macos(app, 'CZ.Netrex.Connect').system)).toMatchObject({
      status: 'registered',
      repaired: false,
    });
  });

  it('a bundle without the scheme in Info.plist cannot register it', async () => {
    expect(await checkAppLink(macos(app, null, false).system)).toMatchObject({
      status: 'not-registered',
      repaired: true,
      detail: 'setAsDefaultProtocolClient answered false',
    });
  });
});

describe('where the app link cannot be registered', () => {
  const dev: AppLaunch = { kind: 'development', program: '/src/electron', args: ['/src'] };

  it.each(['darwin', 'linux'] as const)(
    'development on %s: unavailable, and Electron is not even asked',
    async (platform) => {
      const { system, calls } = macos(dev, null);
      expect(await checkAppLink({ ...system, platform })).toEqual({
        scheme: SCHEME,
        status: 'unavailable',
        launch: 'development',
        holder: null,
        repaired: false,
        elevated: null,
        detail: 'app links reach only a packaged app on this system (development run)',
        checkedAt: 42,
      });
      expect(calls).toEqual([]);
    },
  );

  it('an OS call that throws leaves the state unknown, said plainly', async () => {
    const { system } = windows(installed(INSTALLED_EXE));
    const broken = {
      ...system,
      isDefault: () => {
        throw new TypeError('boom');
      },
    };
    expect(await checkAppLink(broken)).toMatchObject({
      status: 'unknown',
      detail: 'the check failed (TypeError)',
    });
  });
});
