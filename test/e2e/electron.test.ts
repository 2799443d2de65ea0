// The Electron app end to end: launch the built app (demo mode: the portal
// stand-in embedded on loopback), check the renderer boundary from inside the
// page, sign in the way back this system has in development — on Windows the
// browser hands the callback URL to a second instance, which passes it to the
// first and quits; on Linux and macOS the browser lands on the app's loopback
// listener — and see the account connected; a second instance's link reaches
// the first everywhere. Then the app's own menu (Edit for the fields; this is
// a development run, so View has the developer tools, which a packaged build
// leaves out: the smoke test under the double checks that case), and the
// tray-resident close: the window closes, the app goes on answering, and the
// tray's "Open" brings the window back.
//
// Runs wherever an Electron binary exists. Here (no binary can be downloaded)
// it prints one line saying why and is reported as skipped. The binary is
// found WITHOUT require('electron'), which would try to download it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { _electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { APP_SCHEME } from '../../main/auth/redirect-uri';
import { BRIDGE_EVENTS, BRIDGE_METHODS, type NetrexBridge } from '../../main/ipc/contract';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { catchSchemeRedirects, launchChromium } from '../support/browser';
import { makeTempDir, type TempDir } from '../support/temp-dir';

const ROOT = join(import.meta.dirname, '../..');
/** The page's global, typed (the renderer's own declaration is not in this project). */
type PageWithBridge = Window & { readonly netrex: NetrexBridge };
const binary = findElectronBinary();
if (!binary.found) console.log(`skipped: no Electron binary (${binary.why})`);

describe.skipIf(!binary.found)('the Electron app (end to end)', () => {
  const executablePath = binary.found ? binary.path : '';
  let userData: TempDir;
  let env: Record<string, string>;
  let app: ElectronApplication;
  let page: Page;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--demo'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    expect(built.status).toBe(0);
    userData = makeTempDir('netrex-electron-e2e-');
    env = {
      ...(process.env as Record<string, string>),
      NETREX_DEMO: '1',
      NETREX_USER_DATA_DIR: userData.path,
      LANG: 'en_US.UTF-8',
      LANGUAGE: 'en',
    };
    app = await _electron.launch({ executablePath, args: [ROOT], env, cwd: ROOT });
    // The test plays the operator's browser: record what the app asks the OS
    // to open instead of opening it (the app's guard has already run).
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { __opened?: string[] }).__opened = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await userData?.dispose();
  });

  it('serves the renderer from app:// with no Node in the page and exactly the contract as window.netrex', async () => {
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    const probe = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      netrex: Object.keys((window as unknown as PageWithBridge).netrex).sort(),
    }));
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.netrex).toEqual([...BRIDGE_METHODS, ...Object.keys(BRIDGE_EVENTS)].sort());
  });

  // Development on Linux and macOS cannot register the app link (Electron's Deep
  // Links tutorial, "Packaging"), so the demo portal's sign-in comes back through
  // its loopback address there; on Windows the app link is registered (execPath +
  // app folder) and the OS starts a second instance with the link.
  const appLinkInDevelopment = process.platform === 'win32';

  it('signs in against the stand-in through the way back this system has in development', async () => {
    const started = await page.evaluate(() =>
      (window as unknown as PageWithBridge).netrex.signIn('demo'),
    );
    expect(started).toMatchObject({
      ok: true,
      value: {
        providerId: 'demo',
        phase: 'waiting',
        wayBack: appLinkInDevelopment
          ? { route: 'app-link' }
          : { route: 'loopback', reason: 'development' },
      },
    });

    await expect
      .poll(() => app.evaluate(() => (globalThis as { __opened?: string[] }).__opened?.length ?? 0))
      .toBe(1);
    const authorizationUrl = await app.evaluate(
      () => (globalThis as { __opened?: string[] }).__opened?.[0] ?? '',
    );
    expect(authorizationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/auth\/\?/);

    // The operator's browser: log in and allow, then the portal redirects back.
    browser = await launchChromium();
    const portal = await browser.newPage();
    const redirects = await catchSchemeRedirects(portal, APP_SCHEME);
    await portal.goto(authorizationUrl);
    await portal.fill('#username', 'operator');
    await portal.fill('#password', 'operator');
    await portal.click('button[type=submit]');
    await portal.click('button[name=decision][value=allow]');
    if (appLinkInDevelopment) {
      const callbackUrl = await redirects.next();
      expect(callbackUrl.startsWith(`${APP_SCHEME}:/oauth/callback/demo?`)).toBe(true);
      // What the OS does with the link: start the app again with it. The second
      // instance hands its argv to the first and quits at once.
      const second = spawn(executablePath, [ROOT, callbackUrl], {
        env,
        cwd: ROOT,
        stdio: 'ignore',
      });
      const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(exitCode).toBe(0);
    } else {
      // The app's own loopback listener answers the browser.
      await portal.getByText('Netrex Connect is signed in.').waitFor();
      expect(portal.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\/demo\?/);
      expect(redirects.seen).toEqual([]);
    }

    await expect
      .poll(async () => {
        const accounts = await page.evaluate(() =>
          (window as unknown as PageWithBridge).netrex.listAccounts(),
        );
        return accounts.ok ? accounts.value.map((a) => `${a.providerId}:${a.state}`) : [];
      })
      .toContain('demo:connected');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/connected/i);
  });

  it("has the app's own menu: Edit for the fields, View with reload and zoom (developer tools in development only)", async () => {
    const menu = await app.evaluate(({ Menu }) => {
      const top = Menu.getApplicationMenu()?.items ?? [];
      return top.map((item) => ({
        label: item.label,
        items: item.submenu?.items.map((inner) => inner.role ?? inner.label) ?? [],
      }));
    });
    const edit = menu.find((item) => item.label === 'Edit');
    expect(edit?.items).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']),
    );
    const view = menu.find((item) => item.label === 'View');
    expect(view?.items).toEqual(expect.arrayContaining(['reload', 'zoomin', 'zoomout']));
    // A development run (not packaged): the tools are there; packaged builds have none.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(false);
    expect(view?.items).toContain('toggledevtools');
    expect(menu.map((item) => item.label)).toContain('Help');
  });

  it('closing the window leaves the app running in the tray; the tray opens it again', async () => {
    // Keep the tray's menu as the app sets it (Electron has no getter for it), then
    // make the app set it again: a change of language rebuilds the tray.
    await app.evaluate(({ Tray }) => {
      const setContextMenu = Tray.prototype.setContextMenu;
      Tray.prototype.setContextMenu = function (menu) {
        (globalThis as { __trayMenu?: unknown }).__trayMenu = menu;
        return setContextMenu.call(this, menu);
      };
    });
    await page.evaluate(() =>
      (window as unknown as PageWithBridge).netrex.updateAppSettings({ language: 'en' }),
    );
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length))
      .toBe(0);
    // Still running: the main process answers, and its accounts are still connected.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isReady())).toBe(true);

    const reopened = app.waitForEvent('window');
    await app.evaluate(() => {
      const menu = (globalThis as { __trayMenu?: Electron.Menu }).__trayMenu;
      const open = menu?.items.find((item) => item.label === 'Open Netrex Connect');
      if (!open) throw new Error('The tray menu has no "Open Netrex Connect".');
      open.click();
    });
    page = await reopened;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    await expect
      .poll(async () => {
        const accounts = await page.evaluate(() =>
          (window as unknown as PageWithBridge).netrex.listAccounts(),
        );
        return accounts.ok ? accounts.value.map((a) => `${a.providerId}:${a.state}`) : [];
      })
      .toContain('demo:connected');
  });

  it('a second instance carrying a sign-in link hands it to the first, which says why it was not used', async () => {
    // Nothing is waiting for an answer now: the first instance must say so.
    const link = `${APP_SCHEME}:/oauth/callback/demo?code=not-a-real-code&state=not-a-real-state`;
    const second = spawn(executablePath, [ROOT, link], { env, cwd: ROOT, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exitCode).toBe(0);
    await expect
      .poll(() => page.locator('body').innerText())
      .toMatch(/No sign-in to Demo portal is waiting for an answer/);
  });
});
