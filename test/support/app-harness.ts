// The whole app in Chromium without Electron: the production renderer build
// (openRenderer) with a `window.netrex` whose calls go to the real bridge
// handler table of the real services (services-rig: createServices over
// AES-GCM, conf documents in a temporary directory, Node's fetch, a manual
// clock) against the portal stand-in.
//
// A second browser context plays the operator's system browser: the services'
// openExternal port opens the URL there. The hop to `cz.netrex.connect:` is
// caught through the DevTools protocol and handed over as the OS does on
// Windows and Linux — as the argv of a second instance — through the shell's
// own pure steps (argv routing, the deep-link inbox) to services.handleDeepLink.
import type { Browser, Page } from 'playwright-core';
import type { Disposable } from '../../main/common/lifecycle';
import { routeArgv } from '../../main/desktop/argv-routing';
import { createDeepLinkInbox, takeRoute } from '../../main/desktop/deep-link-inbox';
import { createFetchGate, type FetchGate } from './fetch-gate';
import { findLeaks } from './leak-search';
import {
  startProvider,
  type ProviderStandIn,
  type ProviderStandInConfig,
  type StartProviderOptions,
} from './provider';
import { openRenderer, type RendererPage } from './renderer-harness';
import type { RendererServer } from './renderer-server';
import { startServicesRig, type ServicesRig, type ServicesRigOptions } from './services-rig';
import { openSystemBrowser, type SystemBrowser } from './system-browser';

/** What a second instance is started with: the installed executable and the link (%u). */
export const APP_EXECUTABLE = '/opt/Netrex Connect/netrex-connect';

/** How long before the services' time the window's fake clock is installed (see beforeLoad). */
const CLOCK_INSTALL_LEAD_MS = 60_000;

export interface OpenAppOptions extends Omit<ServicesRigOptions, 'fetch' | 'languages'> {
  /** The OS language, and so the window's: `en` (en-US) or `cs` (cs-CZ). Default `en`. */
  readonly lang?: 'en' | 'cs';
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { readonly width: number; readonly height: number };
  /** A renderer server shared by the file's tests. */
  readonly server?: RendererServer;
  /** For the window, e.g. `['clipboard-read', 'clipboard-write']` for "Copy address". */
  readonly permissions?: readonly string[];
}

export interface AppUnderTest extends Disposable {
  /** The services, the demo stand-in, the manual clock, the data folder. */
  readonly rig: ServicesRig;
  /** The app's window: the page, every bridge message, page errors. */
  readonly window: RendererPage;
  readonly page: Page;
  /** The operator's system browser; `browser.page` is its newest tab. */
  readonly browser: SystemBrowser;
  /** True (default): a link goes to the app as the OS would. False: it waits for `takeLink()`. */
  deliverLinks: boolean;
  /** What the shell told the operator about links it refused (argv routing). */
  readonly refusedLinks: readonly string[];
  /** Holds chosen requests of the services on their way to a portal. */
  readonly gate: FetchGate;
  /** The stand-ins whose secrets the leak search looks for (the demo one first). */
  readonly portals: readonly ProviderStandIn[];
  /** Secrets the operator typed that no stand-in issued (searched for as well). */
  readonly typedSecrets: string[];
  /** The next link the system browser produced while `deliverLinks` was false. */
  takeLink(): Promise<string>;
  /** Starts a second instance with `args` after the executable, as the OS does for a link. */
  secondInstance(...args: string[]): void;
  /** Another portal stand-in on the same manual clock, closed with the app. */
  startPortal(
    config?: Partial<ProviderStandInConfig>,
    options?: Omit<StartProviderOptions, 'clock'>,
  ): Promise<ProviderStandIn>;
  /** Moves the services' clock and the window's clock together (no sleeping). */
  advance(ms: number): Promise<void>;
  /**
   * The computer sleeps for `ms`: both clocks jump and no timer fires on the
   * way (ManualClock.jump); the app hears of it through services.resume().
   */
  sleep(ms: number): Promise<void>;
  /** Every secret the stand-ins issued or hold, and every one typed. */
  secrets(): string[];
  /** Every place a secret appears in what crossed the bridge or is on the page. */
  leaks(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openApp(
  browser: Browser,
  options: OpenAppOptions = {},
): Promise<AppUnderTest> {
  const lang = options.lang ?? 'en';
  const languages = lang === 'cs' ? ['cs-CZ', 'en-US'] : ['en-US'];
  const gate = createFetchGate();
  const rig = await startServicesRig({ ...options, fetch: gate.fetch, languages });
  const portals: ProviderStandIn[] = [rig.portal];
  const extraPortals: ProviderStandIn[] = [];
  const refusedLinks: string[] = [];
  const linkErrors: unknown[] = [];
  const heldLinks: string[] = [];
  const linkWaiters: Array<(url: string) => void> = [];
  let deliverLinks = true;

  // The shell's deep-link entry: argv routing, the inbox, services.handleDeepLink.
  const inbox = createDeepLinkInbox((error) => linkErrors.push(error));
  await inbox.attach((url) => rig.services.handleDeepLink(url));
  const secondInstance = (...args: string[]): void =>
    takeRoute(routeArgv([APP_EXECUTABLE, ...args]), inbox, (refusal) =>
      refusedLinks.push(refusal.message),
    );

  let system: SystemBrowser | undefined;
  let window: RendererPage | undefined;
  try {
    system = await openSystemBrowser(browser, {
      locale: languages[0],
      onLink: (url) => {
        if (deliverLinks) return secondInstance(url);
        const waiter = linkWaiters.shift();
        if (waiter) waiter(url);
        else heldLinks.push(url);
      },
    });
    const tabs = system;
    rig.onOpenExternal = async (url) => {
      rig.opened.push(url);
      await tabs.open(url);
    };
    window = await openRenderer(browser, {
      handlers: rig.services.handlers,
      events: rig.services.events,
      locale: languages[0],
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport,
      server: options.server,
      permissions: options.permissions,
      // The leak search looks at everything the window ever showed, not only its last state.
      recordDom: true,
      // The window's clock stands at the services' manual clock and moves only with it.
      // (The renderer's one timer is the 1 s tick of its countdowns and relative times.)
      // Installed a minute early: the installed clock runs in real time until the pause,
      // and pausing at a time it has already passed throws ("Cannot fast-forward to the
      // past") when the machine is slow. No page has loaded yet, so no timer sees the minute.
      beforeLoad: async (page) => {
        await page.clock.install({ time: rig.clock.now() - CLOCK_INSTALL_LEAD_MS });
        await page.clock.pauseAt(rig.clock.now());
      },
    });
  } catch (error) {
    await window?.close();
    await system?.dispose();
    await rig.close();
    throw error;
  }
  const appWindow = window;
  const systemBrowser = system;
  appWindow.page.setDefaultTimeout(10_000);
  const secrets = (): string[] => [
    ...portals.flatMap((portal) => portal.issued()),
    ...app.typedSecrets,
  ];

  const app: AppUnderTest = {
    rig,
    window: appWindow,
    page: appWindow.page,
    browser: systemBrowser,
    get deliverLinks() {
      return deliverLinks;
    },
    set deliverLinks(value: boolean) {
      deliverLinks = value;
    },
    refusedLinks,
    gate,
    portals,
    typedSecrets: [],
    takeLink: () =>
      heldLinks.length > 0
        ? Promise.resolve(heldLinks.shift() as string)
        : new Promise<string>((resolve) => linkWaiters.push(resolve)),
    secondInstance,
    async startPortal(config = {}, start = {}) {
      const portal = await startProvider(config, { ...start, clock: () => rig.clock.now() });
      portals.push(portal);
      extraPortals.push(portal);
      return portal;
    },
    async advance(ms) {
      // The window first (its tick fires once), so what the services do next
      // is shown against the new time. Measured from the window's own time,
      // which a test may have nudged forward by a few milliseconds.
      const target = rig.clock.now() + ms;
      const shown = await appWindow.page.evaluate(() => Date.now());
      await appWindow.page.clock.fastForward(Math.max(0, target - shown));
      rig.clock.advance(ms);
    },
    async sleep(ms) {
      const shown = await appWindow.page.evaluate(() => Date.now());
      await appWindow.page.clock.fastForward(Math.max(0, rig.clock.now() + ms - shown));
      rig.clock.jump(ms);
    },
    secrets,
    leaks: () => findLeaks(appWindow, secrets()),
    async close() {
      gate.releaseAll();
      await appWindow.close();
      await systemBrowser.dispose();
      await rig.close();
      for (const portal of extraPortals) await portal.close();
      // handleDeepLink never throws; if it did, that is a bug to surface.
      if (linkErrors.length > 0) {
        throw new Error(`a deep-link handler threw: ${String(linkErrors[0])}`);
      }
    },
    dispose: () => app.close(),
  };
  return app;
}
