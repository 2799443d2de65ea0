// The edge under a typed double of Electron — not Electron. The app's real
// build (node scripts/build.mjs, normal and demo) runs in Node with every
// `import 'electron'` resolved to a recording double typed against
// electron.d.ts (test/support/electron-double/: a Node --import hook,
// register.mjs, so the bundle runs unchanged). The double holds the app to
// Electron's rules where the app depends on them, each with its source
// (rules.ts), and the scenario drives it as an operator would: the window
// loads, the bridge answers, closing the window leaves the app in the tray,
// the tray opens it again and Quit ends it, disposing the services.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONTENT_SECURITY_POLICY } from '../../../main/desktop/app-protocol-paths';
import { BRIDGE_METHODS, channelOf } from '../../../main/ipc/contract';
import {
  buildAppInto,
  bundleDoubleInto,
  runEdge,
  type EdgeRun,
} from '../../support/electron-double/run-edge';
import type { ChildConfig } from '../../support/electron-double/scenario';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const CHANNELS = BRIDGE_METHODS.map((method) => channelOf(method)).sort();

let dir: TempDir;
let double: string;
let runs = 0;

/** Started, driven and quit as the scenario says: no error box, no uncaught error, exit code 0. */
function cleanly(run: EdgeRun): EdgeRun {
  expect(run.record.errorBoxes, run.stderr).toEqual([]);
  expect(run.record.steps.uncaught, run.stderr).toBeUndefined();
  expect(run.record.steps.scenarioFailed, run.stderr).toBeUndefined();
  expect(run.record.violations).toEqual([]);
  expect(run.code).toBe(0);
  return run;
}

/** Runs `main` under the double in a fresh data folder (or `userData`), with `config`. */
async function underDouble(
  main: string,
  config: Partial<ChildConfig> = {},
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<EdgeRun> {
  const userData = config.userData ?? join(dir.path, `data-${++runs}`);
  return runEdge({
    main,
    double,
    config: {
      scenario: 'tray-lifecycle',
      ...config,
      userData,
      recordPath: join(dir.path, `record-${++runs}.json`),
    },
    ...options,
  });
}

const normal = () => join(dir.path, 'normal', 'main', 'index.mjs');
const demo = () => join(dir.path, 'demo', 'main', 'index.mjs');

beforeAll(async () => {
  dir = makeTempDir('netrex-edge-smoke-');
  buildAppInto(join(dir.path, 'normal'));
  buildAppInto(join(dir.path, 'demo'), { demo: true });
  double = await bundleDoubleInto(dir.path);
}, 240_000);

afterAll(() => dir?.dispose());

describe('the edge under a typed double of Electron: the normal build', () => {
  let run: EdgeRun;
  beforeAll(async () => {
    run = await underDouble(normal());
  }, 90_000);

  it('breaks none of the rules the double holds it to, and ends with exit code 0', () => {
    expect(run.record.steps.scenarioFailed).toBeUndefined();
    expect(run.record.steps.uncaught).toBeUndefined();
    expect(run.record.errorBoxes).toEqual([]);
    expect(run.record.violations).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('before ready: the sandbox for every renderer and the app: scheme privileged, once', () => {
    expect(run.record.appCalls.map((c) => c.name)).toContain('enableSandbox');
    expect(run.record.privilegedCalls).toBe(1);
    expect(run.record.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });

  it("the window loads app://renderer/index.html from the app's own handler, with the CSP header", () => {
    expect(run.record.handledSchemes).toEqual(['app']);
    expect(run.record.loads[0]).toEqual({
      url: 'app://renderer/index.html',
      status: 200,
      contentSecurityPolicy: APP_CONTENT_SECURITY_POLICY,
    });
  });

  it('the window gets the built preload, which exists, with isolation and the sandbox', () => {
    const preferences = run.record.windows[0]?.webPreferences ?? {};
    expect(preferences.preload).toBe(join(dir.path, 'normal', 'preload', 'index.cjs'));
    expect(existsSync(String(preferences.preload))).toBe(true);
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('every bridge channel is registered, and answers the page (not another sender)', () => {
    expect(run.record.steps.channelsAtStart).toEqual(CHANNELS);
    expect(run.record.steps.appInfo).toMatchObject({ ok: true, value: { name: 'Netrex Connect' } });
    expect(run.record.steps.foreignSender).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });

  it('the app menu replaces the default one; in development View has the developer tools', () => {
    const paths = run.record.applicationMenu?.map((item) => item.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['Edit > Copy', 'Edit > Paste', 'Help']));
    expect(run.record.applicationMenu).toContainEqual({
      path: 'View > Developer Tools',
      role: 'toggleDevTools',
    });
  });

  it('closing the window leaves the app running in the tray: the bridge still answers; said once', () => {
    expect(run.record.steps.afterFirstClose).toMatchObject({
      shutDown: false,
      quitCalls: 0,
      windows: 0,
    });
    expect(run.record.steps.bridgeWhileClosed).toEqual({ ok: true, value: [] });
    expect(run.record.steps.reopened).toBe(true);
    expect(run.record.steps.afterSecondClose).toMatchObject({
      shutDown: false,
      quitCalls: 0,
      notifications: 1,
    });
    expect(run.record.notifications).toEqual([
      { title: 'Netrex Connect is still running', body: expect.stringMatching(/tray/) },
    ]);
    expect(run.record.steps.settingsDocument).toMatchObject({ trayNoticeShown: true });
  });

  it('one tray for the whole run, though the window opened twice', () => {
    expect(run.record.trays).toBe(1);
    expect(run.record.loads).toHaveLength(2);
  });

  it('Quit in the tray: will-quit waits for the services to be disposed, then the app quits', () => {
    const calls = run.record.appCalls.map((c) =>
      c.detail ? `${c.name}:${String(c.detail)}` : c.name,
    );
    expect(calls.slice(-4)).toEqual(['quit', 'will-quit:prevented', 'quit', 'will-quit:on']);
    expect(run.record.atShutdown).toEqual({
      channels: [],
      liveTrays: 0,
      resumeListeners: 0,
      exitCode: 0,
    });
  });
});

describe('the edge under a typed double of Electron: the demo build', () => {
  let run: EdgeRun;
  beforeAll(async () => {
    run = await underDouble(
      demo(),
      { apiToken: { providerId: 'demo', token: 'demo-operator-api-token', label: 'Smoke' } },
      { env: { NETREX_DEMO: '1' } },
    );
  }, 90_000);

  it('starts the embedded portal, signs in over the fetch port and the vault, and breaks no rule', () => {
    expect(run.record.steps.scenarioFailed).toBeUndefined();
    expect(run.record.violations).toEqual([]);
    expect(run.record.steps.appInfo).toMatchObject({ ok: true, value: { demo: true } });
    expect(run.record.steps.providers).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: 'demo', ready: true })]),
    });
    expect(run.record.steps.apiTokenSignIn).toMatchObject({
      ok: true,
      value: { providerId: 'demo', state: 'connected', persisted: true },
    });
    expect(run.record.atShutdown.channels).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('the edge under a typed double of Electron: other starts', () => {
  it('packaged: no developer tools in the menu', async () => {
    const run = cleanly(await underDouble(normal(), { isPackaged: true }));
    expect(run.record.violations).toEqual([]);
    expect(run.record.applicationMenu?.some((item) => item.role === 'toggleDevTools')).toBe(false);
  }, 90_000);

  it('started at login: no window, the tray only, which opens the window', async () => {
    const run = cleanly(await underDouble(normal(), {}, { args: ['--start-in-tray'] }));
    expect(run.record.violations).toEqual([]);
    expect(run.record.steps.windowAtStart).toBe(false);
    expect(run.record.ui[0]).toBe('Tray');
    expect(run.record.loads).toHaveLength(2); // opened from the tray, then again after closing
  }, 90_000);

  it('as on Windows: the AppUserModelId is set before any window, tray or notification', async () => {
    const run = cleanly(await underDouble(normal(), { platform: 'win32' }));
    expect(run.record.violations).toEqual([]);
    const names = run.record.appCalls.map((c) => c.name);
    expect(names.indexOf('setAppUserModelId')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('setAppUserModelId')).toBeLessThan(names.indexOf('enableSandbox'));
    expect(run.record.appCalls).toContainEqual({
      name: 'setAppUserModelId',
      detail: 'cz.netrex.connect',
    });
  }, 90_000);

  it('a keyring that has not answered: the saved sign-in waits, its file untouched, the tray says so; it comes back the next run', async () => {
    const keyringSecret = randomBytes(16).toString('base64');
    const userData = join(dir.path, 'keyring-user');
    const first = await underDouble(
      demo(),
      {
        userData,
        keyringSecret,
        apiToken: { providerId: 'demo', token: 'demo-operator-api-token', label: 'Smoke' },
      },
      { env: { NETREX_DEMO: '1' } },
    );
    expect(first.record.steps.apiTokenSignIn).toMatchObject({ ok: true });
    const vaultFile = join(userData, 'vault.json');
    const sealed = readFileSync(vaultFile);

    const locked = await underDouble(
      demo(),
      { userData, keyringSecret, keyring: 'fails' },
      { env: { NETREX_DEMO: '1' } },
    );
    expect(locked.record.violations).toEqual([]);
    expect(locked.record.steps.storage).toMatchObject({
      ok: true,
      value: { backend: 'basic_text', keyStoreWaiting: { sealedBy: 'gnome_libsecret' } },
    });
    expect(locked.record.steps.accountsAtStart).toEqual({ ok: true, value: [] });
    expect(locked.record.steps.trayAtStart).toMatchObject({
      tooltip: 'Netrex Connect — waiting for the keyring to be unlocked',
    });
    expect(readFileSync(vaultFile).equals(sealed)).toBe(true);

    const unlocked = await underDouble(
      demo(),
      { userData, keyringSecret, keyring: 'opens' },
      { env: { NETREX_DEMO: '1' } },
    );
    expect(unlocked.record.steps.accountsAtStart).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ providerId: 'demo', label: 'Smoke' })],
    });
  }, 180_000);
});

describe('the harness catches what the double forbids (a script that breaks the rules)', () => {
  it('safeStorage before ready, a second registerSchemesAsPrivileged, a second tray', async () => {
    const run = await underDouble(join(import.meta.dirname, 'fixtures', 'misbehaving-main.mjs'), {
      scenario: 'record-only',
    });
    expect(run.record.violations.map((v) => v.rule)).toEqual([
      'schemes-once',
      'safe-storage-after-ready',
      'one-tray',
    ]);
    for (const violation of run.record.violations) expect(violation.source).not.toBe('');
    expect(run.record.steps.uncaught).toMatch(/^ElectronRuleError: The app has one tray icon/);
    expect(run.code).toBe(70);
  }, 90_000);
});
