// The one-click sign-in end to end in Node and Chromium: signIn through the
// handler table, openExternal opens the portal stand-in's page in Chromium,
// the operator logs in and allows, the browser hops to the app's scheme (or
// the loopback listener), the URL goes to services.handleDeepLink, and
// accounts-changed shows the account connected with its three cameras.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { freePort } from '../../support/loopback-server';
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
    // Nothing that crossed to the window holds a secret the portal issued.
    const secrets = rig.portal.issued().filter((s) => s.length >= 12);
    const everything = rig.transcript.join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    await rig.close();
  }
  rig = undefined;
});

/** What the operator does in the portal's pages. */
async function logInAndAllow(page: Page): Promise<void> {
  await page.fill('input[name=username]', 'operator');
  await page.fill('input[name=password]', 'operator');
  await page.click('button[type=submit]');
  await page.click('button[name=decision][value=allow]');
}

describe('one-click sign-in in Chromium', () => {
  it('custom scheme: handlers.signIn → the portal in the browser → deep link → connected, 3 cameras', async () => {
    const current = await startServicesRig();
    rig = current;
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(
      page,
      APP_SCHEME,
      (url) => void current.services.handleDeepLink(url),
    );
    current.onOpenExternal = async (url) => {
      current.opened.push(url);
      await page.goto(url);
    };

    const started = current.record(await current.services.handlers.signIn('demo'));
    expect(started).toMatchObject({ ok: true, value: { phase: 'waiting' } });
    expect(page.url().startsWith(`${current.portal.url}/oauth2/auth/`)).toBe(true);
    await logInAndAllow(page);

    const [account] = await current.until(
      'accounts-changed',
      ([a]) => a?.state === 'connected' && a.cameras?.count === 3,
    );
    expect(account).toMatchObject({
      providerId: 'demo',
      label: 'Demo portal',
      method: 'oauth',
      canRefresh: true,
      rights: ['read'],
      cameras: { count: 3, names: ['Entrance', 'Parking lot', 'Warehouse'] },
    });
    expect(redirects.seen).toHaveLength(1);
    expect(current.signInViews().map((v) => v.phase)).toEqual([
      'waiting',
      'exchanging',
      'connected',
    ]);
    expect(current.signInViews().at(-1)!.accountId).toBe(account!.id);
    await redirects.dispose();
    await page.close();
  });

  it('loopback: the browser lands on the listener page and the account connects', async () => {
    const current = await startServicesRig();
    rig = current;
    const port = await freePort();
    current.portal.settings.loopbackAnyPort = true;
    await current.services.handlers.updateProvider('demo', {
      redirectKind: 'loopback',
      loopbackPort: port,
    });
    const page = await browser.newPage();
    current.onOpenExternal = async (url) => {
      current.opened.push(url);
      await page.goto(url);
    };
    await current.services.handlers.signIn('demo');
    await logInAndAllow(page);
    await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/callback/demo\\?`));
    await expect(page.textContent('body')).resolves.toContain('Netrex Connect is signed in.');
    await current.until(
      'accounts-changed',
      ([a]) => a?.state === 'connected' && a.cameras?.count === 3,
    );
    await page.close();
  });
});
