// The way back through the real services and the portal stand-in: the app
// link checked (and repaired) at start and before each browser sign-in, the
// route each sign-in asks the portal for, the loopback route completing in
// Chromium, the state as plain data, and a fresh link copied by the main
// process. The host's check is given as the Electron adapter would answer it
// on that system (the adapter itself: test/integration/electron/).
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppLinkPort } from '../../../main/app-services';
import { isLoopbackPortFree } from '../../../main/auth/loopback-probe';
import type { AppLinkCheck, AppLinkStatus, WayBackStatus } from '../../../main/common/way-back';
import type { Page } from 'playwright-core';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { freePort, listenOnLoopback } from '../../support/loopback-server';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';

let browser: Browser;
let rig: ServicesRig | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  if (rig) {
    const secrets = rig.portal.issued().filter((s) => s.length >= 12);
    const everything = rig.transcript.join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    await rig.close();
  }
  rig = undefined;
});

/** The host's check as the adapter answers it; counts how often it ran. */
function hostCheck(status: AppLinkStatus, patch: Partial<AppLinkCheck> = {}) {
  let checks = 0;
  const port: AppLinkPort & { readonly checks: number } = {
    async check() {
      checks++;
      return {
        scheme: 'cz.netrex.connect',
        status,
        launch: status === 'unavailable' ? 'development' : 'installed',
        holder: null,
        repaired: false,
        elevated: null,
        detail: null,
        checkedAt: Date.UTC(2026, 0, 1),
        ...patch,
      };
    },
    get checks() {
      return checks;
    },
  };
  return port;
}

/** A rig whose demo portal listens on a free loopback port (the stand-in accepts any port of its registered loopback URL). */
async function rigWith(appLink: AppLinkPort | undefined): Promise<ServicesRig> {
  const port = await freePort();
  const current = await startServicesRig({
    standIn: { loopbackAnyPort: true },
    services: { demoLoopbackPort: port },
    ...(appLink ? { appLink } : {}),
  });
  rig = current;
  return current;
}

const redirectOf = (url: string | undefined) => new URL(url!).searchParams.get('redirect_uri');

describe('the way back through the services', () => {
  it('development on Linux: the app link cannot be registered, so the demo portal returns through its loopback address (in Chromium)', async () => {
    const appLink = hostCheck('unavailable');
    const current = await rigWith(appLink);
    const port = current.services
      .wayBack()
      .portals.find((p) => p.providerId === 'demo')!.loopbackPort!;
    const page = await browser.newPage();
    current.onOpenExternal = async (url) => {
      current.opened.push(url);
      await page.goto(url);
    };

    const started = current.record(await current.services.handlers.signIn('demo'));
    expect(started).toMatchObject({
      ok: true,
      value: {
        phase: 'waiting',
        wayBack: {
          route: 'loopback',
          reason: 'development',
          returnAddress: `http://127.0.0.1:${port}/oauth/callback/demo`,
          pasteHint: 'address-bar',
        },
      },
    });
    expect(redirectOf(current.opened[0])).toBe(`http://127.0.0.1:${port}/oauth/callback/demo`);
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'operator');
    await page.click('button[type=submit]');
    await page.click('button[name=decision][value=allow]');
    await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/callback/demo\\?`));
    await expect(page.textContent('body')).resolves.toContain('Netrex Connect is signed in.');
    await current.until('accounts-changed', ([a]) => a?.state === 'connected');
    // Checked at start and again before the sign-in.
    expect(appLink.checks).toBe(2);
    await page.close();
  });

  it('the app link registered: the same portal returns through the app link', async () => {
    const current = await rigWith(hostCheck('registered'));
    const started = current.record(await current.services.handlers.signIn('demo'));
    expect(started).toMatchObject({
      ok: true,
      value: {
        wayBack: { route: 'app-link', reason: 'app-link-works', pasteHint: 'none-shown' },
      },
    });
    expect(redirectOf(current.opened[0])).toBe('cz.netrex.connect:/oauth/callback/demo');
    await current.services.handleDeepLink(await current.playLastAuthorization());
    expect(current.services.accounts()).toMatchObject([{ state: 'connected' }]);
  });

  it('no host check (a browser): the app link, as before, and the state says it was not checked', async () => {
    const current = await rigWith(undefined);
    const status = await current.services.checkWayBack();
    expect(status.appLink).toMatchObject({ status: 'unknown', checkedAt: null });
    expect(status.portals.find((p) => p.providerId === 'demo')).toMatchObject({
      route: 'app-link',
      reason: 'unchecked',
    });
  });

  it('the state is plain data: the app link, each loopback port, the route of every portal', async () => {
    const current = await rigWith(hostCheck('claimed', { holder: 'D:\\Old\\Netrex Connect.exe' }));
    const status: WayBackStatus = await current.services.checkWayBack();
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
    const demoPort = status.portals.find((p) => p.providerId === 'demo')!.loopbackPort!;
    expect(status.appLink).toMatchObject({
      status: 'claimed',
      holder: 'D:\\Old\\Netrex Connect.exe',
    });
    expect(status.loopbackPorts).toEqual([{ port: demoPort, state: 'free' }]);
    expect(status.portals.map((p) => [p.providerId, p.route, p.reason, p.appLinkDoubtful])).toEqual(
      [
        // The built-ins register only the app link: it is used, and the window leads with the other ways.
        ['netrex', 'app-link', 'claimed', true],
        ['camstreamer-cloud', 'app-link', 'claimed', true],
        ['demo', 'loopback', 'claimed', false],
      ],
    );
    // Told to the window as it changed (at start, then this check found the same: once).
    const told = current.events.filter((e) => e.name === 'way-back-changed');
    expect(told).toHaveLength(1);
  });

  it('while a loopback sign-in waits its port is the app’s own; a port another program holds turns the route back to the app link', async () => {
    const current = await rigWith(hostCheck('not-registered'));
    const demoPort = current.services
      .wayBack()
      .portals.find((p) => p.providerId === 'demo')!.loopbackPort!;
    await current.services.handlers.signIn('demo');
    expect((await current.services.checkWayBack()).loopbackPorts).toEqual([
      { port: demoPort, state: 'in-use-by-app' },
    ]);
    await current.services.handlers.cancelSignIn('demo');
    // The listener closes as the sign-in ends.
    await expect.poll(() => isLoopbackPortFree(demoPort), { timeout: 10_000 }).toBe(true);

    const squatter = await listenOnLoopback((_req, res) => res.end('someone else'), demoPort);
    try {
      const status = await current.services.checkWayBack();
      expect(status.loopbackPorts).toEqual([{ port: demoPort, state: 'taken' }]);
      expect(status.portals.find((p) => p.providerId === 'demo')).toMatchObject({
        route: 'app-link',
        appLinkDoubtful: true,
        loopbackBusy: true,
      });
      const started = current.record(await current.services.handlers.signIn('demo'));
      expect(started).toMatchObject({ ok: true, value: { wayBack: { route: 'app-link' } } });
      expect(redirectOf(current.opened.at(-1))).toBe('cz.netrex.connect:/oauth/callback/demo');
    } finally {
      await squatter.close();
    }
  });

  it('"copy a fresh sign-in link": a new authorization whose link only the clipboard gets, the browser is not opened', async () => {
    const current = await rigWith(hostCheck('registered'));
    await current.services.handlers.signIn('demo');
    const first = current.opened[0]!;
    const copied = current.record(await current.services.handlers.copySignInLink('demo'));
    expect(copied).toMatchObject({ ok: true, value: { phase: 'waiting', providerId: 'demo' } });
    expect(current.opened).toHaveLength(1);
    expect(current.clipboard).toHaveLength(1);
    const link = current.clipboard[0]!;
    expect(new URL(link).searchParams.get('state')).not.toBe(
      new URL(first).searchParams.get('state'),
    );
    // The link (its state, its challenge) never crossed to the window.
    expect(current.transcript.join('\n')).not.toContain(new URL(link).searchParams.get('state')!);
    // The old tab is superseded; the copied link completes the sign-in.
    current.opened.push(link);
    await current.services.handleDeepLink(await current.playLastAuthorization());
    expect(current.services.accounts()).toMatchObject([{ state: 'connected' }]);
  });
});

/** What the address bar shows: the URL of the tab's current history entry (CDP). */
async function addressBar(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
    return entries[currentIndex]!.url;
  } finally {
    await cdp.detach();
  }
}

async function logInAndAllow(page: Page): Promise<void> {
  await page.fill('input[name=username]', 'operator');
  await page.fill('input[name=password]', 'operator');
  await page.click('button[type=submit]');
  await page.click('button[name=decision][value=allow]');
}

// What the paste hints say (main/common/way-back.ts PasteHint), checked in
// Chromium: a browser that cannot open the app link stays on the portal's
// page and shows the address nowhere; a loopback address nobody answers stays
// in the address bar of the can't-connect page. (Firefox ESR 140 was checked
// by hand the same way: docs/way-back.md.)
describe('what the browser shows when the way back is not answered (the paste hints’ claims)', () => {
  it('the app link that nothing opens: the tab stays on the portal’s page; the address appears nowhere', async () => {
    const current = await rigWith(hostCheck('registered'));
    const page = await browser.newPage();
    // Only watches: the link is not handed to anything, as on a system without a handler.
    const hops = await catchSchemeRedirects(page, 'cz.netrex.connect');
    current.onOpenExternal = async (url) => void (await page.goto(url));
    await current.services.handlers.signIn('demo');
    const portalPage = page.url();
    await logInAndAllow(page);
    const link = await hops.next();
    expect(link.startsWith('cz.netrex.connect:/oauth/callback/demo?code=')).toBe(true);
    expect(await addressBar(page)).toBe(new URL('/oauth2/auth/', portalPage).href);
    expect(await page.content()).not.toContain('cz.netrex.connect:');
    await hops.dispose();
    await page.close();
  });

  it('the loopback address with no app listening: the whole address stays in the address bar', async () => {
    const current = await rigWith(hostCheck('unavailable'));
    const port = current.services
      .wayBack()
      .portals.find((p) => p.providerId === 'demo')!.loopbackPort!;
    const page = await browser.newPage();
    current.onOpenExternal = async (url) => void (await page.goto(url));
    await current.services.handlers.signIn('demo');
    await current.services.handlers.cancelSignIn('demo');
    await expect.poll(() => isLoopbackPortFree(port), { timeout: 10_000 }).toBe(true);
    const refused = page.waitForEvent('requestfailed', (request) =>
      request.url().startsWith(`http://127.0.0.1:${port}/`),
    );
    // Chromium commits its error page for the refused address.
    const errorPage = page.waitForEvent(
      'framenavigated',
      (frame) => frame === page.mainFrame() && frame.url().startsWith('chrome-error://'),
    );
    await logInAndAllow(page);
    expect((await refused).failure()?.errorText).toBe('net::ERR_CONNECTION_REFUSED');
    await errorPage;
    // The error page may still be swapping in its process: a CDP session can find
    // no page attached for a moment (seen under load), so ask until it answers.
    await expect
      .poll(() => addressBar(page).catch(() => ''))
      .toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/callback/demo\\?code=`));
    await page.close();
  });
});
