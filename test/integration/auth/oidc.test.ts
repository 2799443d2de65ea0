// The standard dialect end to end against oidc-provider (a certified OpenID
// server) with Chromium: discovery, a native public client with PKCE, the
// custom-scheme and the loopback redirect, iss (RFC 9207), refresh-token
// rotation and RFC 7009 revocation, checked at the server's userinfo endpoint.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import {
  createSignInEngine,
  type AuthorizationResult,
  type SignInEngine,
} from '../../../main/auth/engine';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { freePort } from '../../support/loopback-server';
import { OIDC_PAGES, startOidcServer, type OidcServer } from '../../support/oidc-server';

async function userinfo(server: OidcServer, accessToken: string) {
  const response = await fetch(`${server.issuer}/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return {
    status: response.status,
    body: response.ok ? ((await response.json()) as unknown) : null,
  };
}

/** The consent page (the login page has a submit button of the same class). */
async function consent(page: Page, decision: 'continue' | 'cancel') {
  await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
  await page.click(decision === 'continue' ? OIDC_PAGES.submit : OIDC_PAGES.cancel);
}

/** The development login (any name, any password) and consent pages. */
async function logInAndConsent(page: Page, url: string, decision: 'continue' | 'cancel') {
  await page.goto(url);
  await page.fill(OIDC_PAGES.login, 'alice');
  await page.fill(OIDC_PAGES.password, 'any-password');
  await page.click(OIDC_PAGES.submit);
  await consent(page, decision);
}

/**
 * A tab of its own for every authorization, as the operator's browser opens
 * one per address the app hands it: a tab that has handed a link to the app
 * takes no more input (see catchSchemeRedirects).
 */
async function inNewTab<T>(context: BrowserContext, act: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await act(page);
  } finally {
    await page.close();
  }
}

describe('standard dialect against oidc-provider, in Chromium', () => {
  let browser: Browser;
  /** The operator's browser session for one test (cookies shared by its tabs). */
  let context: BrowserContext;
  let server: OidcServer;
  let engine: SignInEngine;
  let loopbackPort: number;
  const providers = new Map<string, ProviderConfig>();
  const said: string[] = [];
  const secrets = new Set<string>();
  const collect = (error: unknown) => {
    if (error instanceof AuthError) said.push(JSON.stringify(error.toUserFacing()), error.message);
    return error;
  };
  const keep = (tokens: AuthorizationResult['tokens']) => {
    secrets.add(tokens.accessToken);
    if (tokens.refreshToken) secrets.add(tokens.refreshToken);
    return tokens;
  };

  beforeAll(async () => {
    loopbackPort = await freePort();
    server = await startOidcServer({
      clients: [
        {
          client_id: 'netrex-connect',
          redirect_uris: [
            'cz.netrex.connect:/oauth/callback/oidc',
            `http://127.0.0.1:${loopbackPort}/oauth/callback/oidc-loopback`,
          ],
        },
      ],
    });
    browser = await launchChromium();
    const base: ProviderConfig = {
      id: 'oidc',
      name: 'Corp SSO',
      dialect: 'oauth2',
      origin: 'custom',
      url: server.issuer,
      clientId: 'netrex-connect',
      rights: ['openid', 'offline_access', 'profile'],
      redirectKind: 'custom-scheme',
      loopbackPort,
      locked: false,
    };
    providers.set('oidc', base);
    providers.set('oidc-loopback', { ...base, id: 'oidc-loopback', redirectKind: 'loopback' });
  });

  beforeEach(async () => {
    context = await browser.newContext();
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => undefined },
      fetch,
    });
    engine.onDidChange((view) => said.push(JSON.stringify(view)));
  });
  afterEach(async () => {
    await engine.dispose();
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(secrets.size).toBeGreaterThan(3);
    for (const text of said) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  /** One authorization through the login and consent pages, in a new tab. */
  function signIn(id: 'oidc' | 'oidc-loopback'): Promise<AuthorizationResult> {
    return inNewTab(context, (page) => signInOn(id, page));
  }

  async function signInOn(id: 'oidc' | 'oidc-loopback', page: Page): Promise<AuthorizationResult> {
    const { authorizationUrl } = await engine.startAuthorization(id);
    if (id === 'oidc-loopback') {
      const done = new Promise<AuthorizationResult>((resolve, reject) =>
        engine.onLoopbackRedirect((url) => engine.completeAuthorization(url).then(resolve, reject)),
      );
      await logInAndConsent(page, authorizationUrl, 'continue');
      await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\/oidc-loopback\?/);
      await expect(page.textContent('body')).resolves.toContain('You can close this tab');
      return done;
    }
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const next = redirects.next();
    await logInAndConsent(page, authorizationUrl, 'continue');
    const callback = await next;
    secrets.add(new URL(callback).searchParams.get('code')!);
    await redirects.dispose();
    return engine.completeAuthorization(callback);
  }

  it('custom scheme: PKCE sign-in, identity, rotation, and revocation of the whole grant', async () => {
    const result = await signIn('oidc');
    const tokens = keep(result.tokens);
    expect(tokens).toMatchObject({
      tokenType: 'bearer',
      refreshToken: expect.any(String),
      idTokenClaims: { sub: 'alice', iss: server.issuer },
      rights: expect.arrayContaining(['openid', 'offline_access', 'profile']),
    });
    expect(await userinfo(server, tokens.accessToken)).toMatchObject({
      status: 200,
      body: { sub: 'alice', name: 'Operator alice' },
    });

    const rotated = keep(await engine.refresh('oidc', tokens));
    expect(rotated.refreshToken).toBeDefined();
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    expect((await userinfo(server, rotated.accessToken)).status).toBe(200);

    await engine.revoke('oidc', rotated);
    expect((await userinfo(server, rotated.accessToken)).status).toBe(401);
    const dead = collect(await engine.refresh('oidc', rotated).catch((e: unknown) => e));
    expect(dead).toMatchObject({ code: 'invalid_grant', grantDead: true });
  });

  it('a rotated-away refresh token is dead (and its reuse ends the grant)', async () => {
    const tokens = keep((await signIn('oidc')).tokens);
    const rotated = keep(await engine.refresh('oidc', tokens));
    const reuse = collect(await engine.refresh('oidc', tokens).catch((e: unknown) => e));
    expect(reuse).toMatchObject({ code: 'invalid_grant', retryable: false });
    // RFC 9700 §4.14.2: the server treats reuse as theft and revokes the rotated grant too.
    expect((await userinfo(server, rotated.accessToken)).status).toBe(401);
  });

  it('loopback: the listener receives the redirect and the sign-in completes', async () => {
    const result = await signIn('oidc-loopback');
    const tokens = keep(result.tokens);
    expect((await userinfo(server, tokens.accessToken)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${loopbackPort}/`)).rejects.toThrow();
    await engine.revoke('oidc-loopback', tokens);
    expect((await userinfo(server, tokens.accessToken)).status).toBe(401);
  });

  it('cancel at the consent page is access_denied; a forged iss is refused', async () => {
    const first = await engine.startAuthorization('oidc');
    const denied = await inNewTab(context, async (page) => {
      const redirects = await catchSchemeRedirects(page, APP_SCHEME);
      const next = redirects.next();
      await logInAndConsent(page, first.authorizationUrl, 'cancel');
      const link = await next;
      await redirects.dispose();
      return link;
    });
    const error = collect(await engine.completeAuthorization(denied).catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'access_denied' });

    const second = await engine.startAuthorization('oidc');
    const genuine = await inNewTab(context, async (page) => {
      const redirects = await catchSchemeRedirects(page, APP_SCHEME);
      const next = redirects.next();
      await page.goto(second.authorizationUrl);
      await consent(page, 'continue'); // the session (same context) remembers the login
      const link = new URL(await next);
      await redirects.dispose();
      return link;
    });
    expect(genuine.searchParams.get('iss')).toBe(server.issuer);
    secrets.add(genuine.searchParams.get('code')!);
    genuine.searchParams.set('iss', 'https://attacker.example');
    const mixUp = collect(
      await engine.completeAuthorization(genuine.href).catch((e: unknown) => e),
    );
    expect(mixUp).toMatchObject({ code: 'iss_mismatch' });
  });
});
