// The sign-in engine end to end against the portal stand-in, with Chromium as
// the operator's browser: login, consent, the redirect back (custom scheme
// caught through CDP, or the loopback listener), the token exchange, refresh,
// revocation, and the portal's API before and after.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import {
  createSignInEngine,
  type AuthorizationResult,
  type AuthorizationView,
  type SignInEngine,
} from '../../../main/auth/engine';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { freePort } from '../../support/loopback-server';
import { ManualClock } from '../../support/manual-clock';
import { playAuthorization } from '../../support/portal-client';
import { DEFAULT_CONFIG, startProvider, type ProviderStandIn } from '../../support/provider';

const CLIENT = DEFAULT_CONFIG.clients[0]!;

async function cameraList(portal: ProviderStandIn, accessToken: string) {
  const response = await fetch(`${portal.url}/api/graphql.php`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{cameraList{name}}' }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** What the operator does in the portal's pages. */
async function signInAndDecide(page: Page, url: string, decision: 'allow' | 'deny') {
  await page.goto(url);
  await page.fill('input[name=username]', 'operator');
  await page.fill('input[name=password]', 'operator');
  await page.click('button[type=submit]');
  await page.waitForSelector(`button[name=decision][value=${decision}]`);
  await page.click(`button[name=decision][value=${decision}]`);
}

describe('sign-in engine against the portal stand-in, in Chromium', () => {
  let browser: Browser;
  let portal: ProviderStandIn;
  let engine: SignInEngine;
  let loopbackPort: number;
  const providers = new Map<string, ProviderConfig>();
  const said: string[] = [];
  const collect = (error: unknown) => {
    if (error instanceof AuthError) said.push(JSON.stringify(error.toUserFacing()), error.message);
    return error;
  };

  beforeAll(async () => {
    loopbackPort = await freePort();
    portal = await startProvider({
      clients: [
        {
          ...CLIENT,
          redirect_uris: [
            'cz.netrex.connect:/oauth/callback/demo',
            `http://127.0.0.1:${loopbackPort}/oauth/callback/demo-loopback`,
          ],
        },
      ],
    });
    browser = await launchChromium();
    const base: ProviderConfig = {
      id: 'demo',
      name: 'Demo portal',
      dialect: 'netrex',
      origin: 'demo',
      url: portal.url,
      clientId: CLIENT.client_id,
      rights: ['read', 'liveview'],
      redirectKind: 'custom-scheme',
      loopbackPort,
      locked: false,
    };
    providers.set('demo', base);
    providers.set('demo-loopback', { ...base, id: 'demo-loopback', redirectKind: 'loopback' });
  });

  beforeEach(() => {
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => CLIENT.client_secret },
      fetch,
    });
    engine.onDidChange((view: AuthorizationView) => said.push(JSON.stringify(view)));
  });
  afterEach(() => engine.dispose());

  afterAll(async () => {
    await browser?.close();
    // Nothing the engine said (errors, views) carries a secret the portal issued or holds.
    const issued = portal.issued().filter((s) => s.length >= 8);
    expect(issued.length).toBeGreaterThan(5);
    for (const text of said) for (const secret of issued) expect(text).not.toContain(secret);
    await portal?.close();
  });

  it('custom scheme: login, allow, tokens; the API answers; refresh rotates; revoke ends it', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const next = redirects.next();
    await signInAndDecide(page, authorizationUrl, 'allow');
    const callbackUrl = await next;

    const result: AuthorizationResult = await engine.completeAuthorization(callbackUrl);
    expect(result.tokens).toMatchObject({
      tokenType: 'bearer',
      rights: ['read', 'liveview'],
      rightsReported: true,
      refreshToken: expect.any(String),
    });
    expect(result.tokens.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(await cameraList(portal, result.tokens.accessToken)).toEqual({
      status: 200,
      body: {
        data: {
          cameraList: [{ name: 'Entrance' }, { name: 'Parking lot' }, { name: 'Warehouse' }],
        },
      },
    });
    // The same redirect again (the OS may deliver it twice): refused, nothing sent.
    const replay = collect(
      await engine.completeAuthorization(callbackUrl).catch((e: unknown) => e),
    );
    expect(replay).toMatchObject({ code: 'replayed' });

    const refreshed = await engine.refresh('demo', result.tokens);
    expect(refreshed.accessToken).not.toBe(result.tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(result.tokens.refreshToken);
    expect((await cameraList(portal, refreshed.accessToken)).status).toBe(200);
    // Rotation: the old refresh token is dead now.
    const dead = collect(await engine.refresh('demo', result.tokens).catch((e: unknown) => e));
    expect(dead).toMatchObject({ code: 'invalid_grant', grantDead: true, retryable: false });

    await engine.revoke('demo', refreshed);
    expect((await cameraList(portal, refreshed.accessToken)).status).toBe(401);
    const afterRevoke = collect(await engine.refresh('demo', refreshed).catch((e: unknown) => e));
    expect(afterRevoke).toMatchObject({ code: 'invalid_grant' });
    await redirects.dispose();
    await page.close();
  });

  it('deny: the redirect becomes access_denied, in words', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const next = redirects.next();
    await signInAndDecide(page, authorizationUrl, 'deny');
    const error = collect(await engine.completeAuthorization(await next).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'access_denied' });
    expect((error as AuthError).message).toMatch(/You declined the request in Demo portal/);
    await redirects.dispose();
    await page.close();
  });

  it('loopback: the browser lands on the listener page, the URL completes the sign-in, the port closes', async () => {
    const page = await browser.newPage();
    const completions: Promise<AuthorizationResult>[] = [];
    engine.onLoopbackRedirect((url) => completions.push(engine.completeAuthorization(url)));
    const { authorizationUrl } = await engine.startAuthorization('demo-loopback');
    expect(new URL(authorizationUrl).searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${loopbackPort}/oauth/callback/demo-loopback`,
    );
    await signInAndDecide(page, authorizationUrl, 'allow');
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\/demo-loopback\?/);
    await expect(page.textContent('body')).resolves.toContain(
      'You can close this tab and return to Netrex Connect.',
    );
    expect(completions).toHaveLength(1);
    const result = await completions[0]!;
    expect((await cameraList(portal, result.tokens.accessToken)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${loopbackPort}/`)).rejects.toThrow();
    await engine.revoke('demo-loopback', result.tokens);
    expect((await cameraList(portal, result.tokens.accessToken)).status).toBe(401);
    await page.close();
  });

  it('a pasted address goes through the same checks', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const next = redirects.next();
    await signInAndDecide(page, authorizationUrl, 'allow');
    const pasted = `\n  ${await next}  \n`;
    const tampered = pasted.replace(/state=([^&\s]+)/, 'state=$1x');
    expect(
      collect(await engine.completeAuthorization(tampered).catch((e: unknown) => e)),
    ).toMatchObject({
      code: 'state_mismatch',
    });
    const result = await engine.completeAuthorization(pasted);
    expect((await cameraList(portal, result.tokens.accessToken)).status).toBe(200);
    await redirects.dispose();
    await page.close();
  });

  it('a redirect after the deadline is timed_out even when no timer fired (the computer slept): no token request', async () => {
    const clock = new ManualClock();
    const sleepy = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => CLIENT.client_secret },
      fetch,
      clock,
      deadlineMs: 60_000,
    });
    const views: AuthorizationView[] = [];
    sleepy.onDidChange((view) => views.push(view));
    try {
      const { authorizationUrl } = await sleepy.startAuthorization('demo');
      // A real code for this authorization: the portal would exchange it.
      const redirect = await playAuthorization(portal, authorizationUrl);
      expect(new URL(redirect).searchParams.get('code')).toBeTruthy();
      portal.resetStats();
      // Asleep past the deadline: the wall clock moved, the deadline timer never fired.
      clock.jump(60_001);
      expect(clock.pendingTimers).toBe(1);
      expect(views.map((v) => v.phase)).toEqual(['waiting']);

      const error = collect(await sleepy.completeAuthorization(redirect).catch((e: unknown) => e));
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ code: 'timed_out' });
      expect(views.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'timed_out' } });
      expect(sleepy.pending('demo')).toBeUndefined();
      expect(clock.pendingTimers).toBe(0);
      // Refused before anything was sent: the code was never offered to the portal.
      expect(portal.stats.token.requests).toBe(0);
    } finally {
      await sleepy.dispose();
    }
  });

  it('portal trouble at the token endpoint is retryable and names the portal', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const next = redirects.next();
    await signInAndDecide(page, authorizationUrl, 'allow');
    portal.faults.inject('token', { kind: 'html', count: 1 });
    const error = collect(await engine.completeAuthorization(await next).catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'portal_error', retryable: true });
    expect((error as AuthError).message).toMatch(/^Demo portal answered/);
    await redirects.dispose();
    await page.close();
  });
});
