// The typed double of Electron holds the app to Electron's rules: each rule is
// seen to fire here (a test that could not fail proves nothing), with the
// message Electron itself gives where Electron throws. Sources: rules.ts.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createElectronDouble, type ElectronDouble } from '../../support/electron-double';
import { makeTempDir } from '../../support/temp-dir';

const dir = makeTempDir('netrex-double-rules-');
afterAll(() => dir.dispose());
const fresh = (options: { platform?: NodeJS.Platform } = {}): ElectronDouble =>
  createElectronDouble({ userData: dir.path, ...options });
const ruleIds = (double: ElectronDouble) => double.rules.violations.map((v) => v.rule);

describe('before ready, the double refuses what Electron refuses', () => {
  it('safeStorage: the asynchronous calls reject, availability says false, and each use is recorded', async () => {
    const double = fresh();
    await expect(double.electron.safeStorage.encryptStringAsync('x')).rejects.toThrow(
      'safeStorage cannot be used before app is ready',
    );
    await expect(double.electron.safeStorage.isAsyncEncryptionAvailable()).resolves.toBe(false);
    expect(double.electron.safeStorage.getSelectedStorageBackend()).toBe('unknown');
    expect(ruleIds(double)).toEqual(['safe-storage-after-ready', 'safe-storage-after-ready']);
  });

  it('sessions, net, protocol.handle, windows, trays, notifications, message boxes', async () => {
    const double = fresh();
    const { electron } = double;
    expect(() => electron.session.defaultSession).toThrow(
      'Session can only be received when app is ready',
    );
    expect(() => electron.session.fromPartition('x')).toThrow('Session can only be received');
    expect(() => electron.net.request({ url: 'http://127.0.0.1/' })).toThrow(
      'net module can only be used after app is ready',
    );
    expect(() => electron.protocol.handle('app', () => new Response())).toThrow(
      'Session can only be received when app is ready',
    );
    expect(() => new electron.BrowserWindow()).toThrow(
      'Cannot create BrowserWindow before app is ready',
    );
    expect(() => new electron.Tray()).toThrow('Cannot create Tray before app is ready');
    expect(() => new electron.Notification({ body: 'x' })).toThrow(
      'Cannot create Notification before app is ready',
    );
    await expect(electron.dialog.showMessageBox({ message: 'x' })).rejects.toThrow(
      'dialog module can only be used after app is ready',
    );
    expect(ruleIds(double)).toEqual([
      'session-after-ready',
      'session-after-ready',
      'net-after-ready',
      'protocol-handle-after-ready',
      'window-after-ready',
      'tray-after-ready',
      'notification-after-ready',
      'dialog-after-ready',
    ]);
  });
});

describe('after ready, the double refuses what must come before', () => {
  it('app.enableSandbox and protocol.registerSchemesAsPrivileged throw', () => {
    const double = fresh();
    double.app.emitReady();
    expect(() => double.app.enableSandbox()).toThrow(
      'app.enableSandbox() can only be called before app is ready',
    );
    expect(() => double.electron.protocol.registerSchemesAsPrivileged([])).toThrow(
      'protocol.registerSchemesAsPrivileged should be called before app is ready',
    );
  });

  it('registerSchemesAsPrivileged a second time is recorded (docs: "can be called only once")', () => {
    const double = fresh();
    double.electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    double.electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    expect(ruleIds(double)).toEqual(['schemes-once']);
  });

  it('a V8 code cache for a scheme that is not standard throws, as Electron does', () => {
    const double = fresh();
    expect(() =>
      double.electron.protocol.registerSchemesAsPrivileged([
        { scheme: 'app', privileges: { codeCache: true } },
      ]),
    ).toThrow('Code cache can only be enabled when the custom scheme is registered as standard');
    expect(ruleIds(double)).toEqual(['code-cache-needs-standard']);
  });
});

describe("the app's own rules and the rest", () => {
  it('a second tray while the first lives throws; one made after the first is gone is fine', () => {
    const double = fresh();
    double.app.emitReady();
    const first = new double.electron.Tray();
    expect(() => new double.electron.Tray()).toThrow('The app has one tray icon');
    first.destroy();
    expect(() => new double.electron.Tray()).not.toThrow();
    expect(ruleIds(double)).toEqual(['one-tray']);
  });

  it('a preload that is missing or relative is recorded', () => {
    const double = fresh();
    double.app.emitReady();
    new double.electron.BrowserWindow({ webPreferences: { preload: '/nowhere/preload.cjs' } });
    new double.electron.BrowserWindow({ webPreferences: { preload: 'preload.cjs' } });
    expect(existsSync('/nowhere/preload.cjs')).toBe(false);
    expect(ruleIds(double)).toEqual(['preload-exists', 'preload-exists']);
  });

  it('a second handler on one IPC channel throws as ipcMain does', () => {
    const double = fresh();
    double.electron.ipcMain.handle('netrex:x', () => 1);
    expect(() => double.electron.ipcMain.handle('netrex:x', () => 2)).toThrow(
      'Attempted to register a second handler for a channel (netrex:x)',
    );
  });

  it('app.setAppUserModelId exists only on Windows, and there it must come before any UI', () => {
    expect('setAppUserModelId' in fresh({ platform: 'linux' }).app).toBe(false);
    const windows = fresh({ platform: 'win32' });
    windows.app.emitReady();
    new windows.electron.Tray();
    expect(ruleIds(windows)).toEqual(['app-user-model-id-first']);
    const right = fresh({ platform: 'win32' });
    (right.app as unknown as { setAppUserModelId(id: string): void }).setAppUserModelId('x');
    right.app.emitReady();
    new right.electron.Tray();
    expect(ruleIds(right)).toEqual([]);
  });

  it('a menu role Electron does not know is recorded', () => {
    const double = fresh();
    double.electron.Menu.buildFromTemplate([
      { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'kopirovat' as never }] },
    ]);
    expect(ruleIds(double)).toEqual(['menu-role-known']);
  });
});

describe('the quit sequence (shell/browser/browser.cc)', () => {
  it('a prevented will-quit calls the quit off; the next quit goes through to quit', () => {
    const double = fresh();
    double.app.emitReady();
    let prevent = true;
    double.app.on('will-quit', (event: { preventDefault(): void }) => {
      if (prevent) event.preventDefault();
    });
    let ended = false;
    double.app.onShutdown = () => (ended = true);
    double.app.quit();
    expect(ended).toBe(false);
    prevent = false;
    double.app.quit();
    expect(ended).toBe(true);
  });

  it("a window that prevents its close calls a quit off; with no listener of the app's, closing the last window quits", () => {
    const double = fresh();
    double.app.emitReady();
    const window = new double.electron.BrowserWindow();
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    double.app.quit();
    expect(double.app.shutDown).toBe(false);
    expect(double.app.calls.map((c) => c.name)).toContain('quit-cancelled-by-a-window');

    const other = fresh();
    other.app.emitReady();
    new other.electron.BrowserWindow().close();
    expect(other.app.shutDown).toBe(true);
  });
});
