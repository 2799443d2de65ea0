// PKCE as deployed servers publish it, against oidc-provider (a certified
// OpenID server) whose discovery document is rewritten on its way out: with
// no code_challenge_methods_supported the app signs in with S256 (the server
// requires and checks it), through Chromium; with only `plain` listed it is
// refused before anything reaches the browser, and says why.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine } from '../../../main/auth/engine';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { OIDC_PAGES, startOidcServer, type OidcServer } from '../../support/oidc-server';

const CLIENT = {
  client_id: 'netrex-connect',
  redirect_uris: ['cz.netrex.connect:/oauth/callback/oidc'],
};

function providerOf(server: OidcServer): ProviderConfig {
  return {
    id: 'oidc',
    name: 'Corp SSO',
    dialect: 'oauth2',
    origin: 'custom',
    url: server.issuer,
    clientId: CLIENT.client_id,
    rights: ['openid', 'profile'],
    redirectKind: 'custom-scheme',
    loopbackPort: 28813,
    locked: false,
  };
}

async function discoveryOf(server: OidcServer): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.issuer}/.well-known/openid-configuration`);
  return (await response.json()) as Record<string, unknown>;
}

describe('oidc-provider publishing no PKCE methods', () => {
  let browser: Browser;
  let server: OidcServer;
  beforeAll(async () => {
    server = await startOidcServer({ clients: [CLIENT], codeChallengeMethods: 'omitted' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with S256, which the server requires and checks', async () => {
    const document = await discoveryOf(server);
    expect(document.issuer).toBe(server.issuer);
    expect(document).not.toHaveProperty('code_challenge_methods_supported');

    const provider = providerOf(server);
    const engine = createSignInEngine({
      providers: { get: (id) => (id === provider.id ? provider : undefined) },
      secrets: { get: () => undefined },
      fetch,
    });
    const context = await browser.newContext();
    try {
      const { authorizationUrl } = await engine.startAuthorization('oidc');
      const asked = new URL(authorizationUrl).searchParams;
      expect(asked.get('code_challenge_method')).toBe('S256');
      expect(engine.serverFacts('oidc')).toEqual({ pkce: 'not-advertised' });

      // The server refuses an authorization without PKCE (pkce.required in oidc-server.ts).
      const bare = new URL(authorizationUrl);
      bare.searchParams.delete('code_challenge');
      bare.searchParams.delete('code_challenge_method');
      const refusal = await fetch(bare, { redirect: 'manual' });
      expect(refusal.headers.get('location') ?? '').toMatch(
        /error=invalid_request&error_description=Authorization\+Server\+policy\+requires\+PKCE/,
      );

      const page = await context.newPage();
      const redirects = await catchSchemeRedirects(page, APP_SCHEME);
      const next = redirects.next();
      await page.goto(authorizationUrl);
      await page.fill(OIDC_PAGES.login, 'alice');
      await page.fill(OIDC_PAGES.password, 'any-password');
      await page.click(OIDC_PAGES.submit);
      await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
      await page.click(OIDC_PAGES.submit);
      const callback = await next;
      await redirects.dispose();
      const { tokens } = await engine.completeAuthorization(callback);
      expect(tokens.idTokenClaims).toMatchObject({ sub: 'alice', iss: server.issuer });
      const me = await fetch(`${server.issuer}/me`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      expect(me.status).toBe(200);
    } finally {
      await context.close();
      await engine.dispose();
    }
  });
});

describe('oidc-provider listing only plain', () => {
  let server: OidcServer;
  beforeAll(async () => {
    server = await startOidcServer({ clients: [CLIENT], codeChallengeMethods: ['plain'] });
  });
  afterAll(() => server?.close());

  it('is refused before the browser opens, naming what it lists', async () => {
    expect((await discoveryOf(server)).code_challenge_methods_supported).toEqual(['plain']);
    const provider = providerOf(server);
    const opened: string[] = [];
    const engine = createSignInEngine({
      providers: { get: (id) => (id === provider.id ? provider : undefined) },
      secrets: { get: () => undefined },
      fetch,
    });
    try {
      const error = await engine.startAuthorization('oidc').then(
        (started) => opened.push(started.authorizationUrl),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).toUserFacing()).toEqual({
        code: 'pkce_unsupported',
        message:
          "Corp SSO lists the PKCE methods it supports (plain) and S256 is not among them. Netrex Connect signs in only with S256 PKCE; ask the server's administrator to enable it.",
        params: { portal: 'Corp SSO', listed: 'plain' },
      });
      expect(opened).toEqual([]);
      expect(engine.pendingAuthorizationUrl('oidc')).toBeUndefined();
    } finally {
      await engine.dispose();
    }
  });
});
