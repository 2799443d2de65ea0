// The contract of the protocol-client adapter (main/electron/deep-links.ts,
// registerProtocolClient) under a typed double of Electron: it hands the OS's
// answer back unchanged, so the shell can act on a refusal. On Linux that
// answer is false unless a desktop entry named by CHROME_DESKTOP (the
// packaged desktopName) is installed: Browser::SetAsDefaultProtocolClient →
// SetDefaultWebClient, shell/browser/browser_linux.cc, which also ignores the
// path and arguments. On macOS only a bundle whose Info.plist lists the
// scheme can be registered (browser_mac.mm, LSSetDefaultHandlerForURLScheme
// with the bundle identifier). (How the app then comes back another way is
// the way-back's part.)
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { registerProtocolClient } from '../../../main/electron/deep-links';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

describe('registerProtocolClient', () => {
  const double = electronDouble();

  it('answers false when the OS refuses (Linux without an installed desktop entry), and says so to its caller', () => {
    double.app.protocolClientRegisters = false;
    double.app.isPackaged = false;
    expect(registerProtocolClient()).toBe(false);
  });

  it('in development registers Electron with the app folder; packaged, the app alone', () => {
    double.app.protocolClientRegisters = true;
    double.app.isPackaged = false;
    expect(registerProtocolClient()).toBe(true);
    double.app.isPackaged = true;
    expect(registerProtocolClient()).toBe(true);
    expect(double.app.protocolClientCalls.slice(-2)).toEqual([
      { protocol: APP_SCHEME, path: process.execPath, args: [resolve(double.app.getAppPath())] },
      { protocol: APP_SCHEME, path: undefined, args: undefined },
    ]);
  });
});
