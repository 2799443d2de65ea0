// Accounts on a standard OpenID server (oidc-provider), signed in through
// Chromium: the person is the ID token's iss + sub (the same login updates
// its account, another login is a second account), and the status check asks
// the userinfo endpoint (no camera list on such a server).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts, type Accounts } from '../../../main/accounts';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import type { TokenVault } from '../../../main/vault/types';
import { AesGcmCipher } from '../../support/aes-cipher';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { OIDC_PAGES, startOidcServer, type OidcServer } from '../../support/oidc-server';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { openVaultIn } from '../../support/vault-fixtures';

let browser: Browser;
let server: OidcServer;
let dir: TempDir;
let vault: TokenVault;
let engine: SignInEngine;
let accounts: Accounts;
let provider: ProviderConfig;

beforeAll(async () => {
  server = await startOidcServer({
    clients: [
      { client_id: 'netrex-connect', redirect_uris: ['cz.netrex.connect:/oauth/callback/oidc'] },
    ],
  });
  browser = await launchChromium();
  dir = makeTempDir('netrex-oidc-accounts-');
  vault = await openVaultIn(dir.path, AesGcmCipher.random({ backend: 'gnome_libsecret' }));
  provider = {
    id: 'oidc',
    name: 'Corp SSO',
    dialect: 'oauth2',
    origin: 'custom',
    url: server.issuer,
    clientId: 'netrex-connect',
    rights: ['openid', 'offline_access'],
    redirectKind: 'custom-scheme',
    loopbackPort: 28813,
    locked: false,
  };
  const providers = { get: (id: string) => (id === provider.id ? provider : undefined) };
  engine = createSignInEngine({ providers, secrets: { get: () => undefined }, fetch });
  accounts = createAccounts({ vault, engine, providers, fetch });
});

afterAll(async () => {
  await accounts?.dispose();
  await engine?.dispose();
  await vault?.dispose();
  await browser?.close();
  await server?.close();
  await dir?.dispose();
});

async function signInAs(login: string): Promise<string> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const redirects = await catchSchemeRedirects(page, APP_SCHEME);
  const { authorizationUrl } = await engine.startAuthorization('oidc');
  const next = redirects.next();
  await page.goto(authorizationUrl);
  await page.fill(OIDC_PAGES.login, login);
  await page.fill(OIDC_PAGES.password, 'any-password');
  await page.click(OIDC_PAGES.submit);
  await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
  await page.click(OIDC_PAGES.submit);
  const result = await engine.completeAuthorization(await next);
  const account = await accounts.acceptAuthorization(result, { endReplacedGrant: false });
  await redirects.dispose();
  await context.close();
  return account.id;
}

describe('accounts on a standard OpenID server', () => {
  it('iss + sub: the same person updates the account, another person is a second one', async () => {
    const alice = await signInAs('alice');
    const stored = vault.getAccount(alice)!;
    expect(stored.subject).toEqual({ issuer: server.issuer, sub: 'alice' });
    expect(stored.label).toBe('Corp SSO');
    expect(await signInAs('alice')).toBe(alice);
    expect(vault.getAccount(alice)!.tokens.accessToken).not.toBe(stored.tokens.accessToken);
    const bob = await signInAs('bob');
    expect(bob).not.toBe(alice);
    expect(
      accounts
        .list()
        .map((a) => a.id)
        .sort(),
    ).toEqual([alice, bob].sort());
  });

  it('the check asks userinfo; revoked at the server, the account is expired', async () => {
    const [account] = accounts.list();
    const checked = await accounts.checkNow(account!.id);
    expect(checked).toMatchObject({ state: 'connected', cameras: null, lastError: null });
    expect(checked.latencyMs).toBeGreaterThanOrEqual(0);
    const stored = vault.getAccount(account!.id)!;
    await engine.revoke('oidc', {
      providerUrl: stored.providerUrl,
      accessToken: stored.tokens.accessToken,
      ...(stored.tokens.refreshToken ? { refreshToken: stored.tokens.refreshToken } : {}),
      tokenType: 'bearer',
      expiresAt: stored.expiresAt,
      rights: stored.rights,
      rightsReported: true,
      obtainedAt: Date.now(),
    });
    // A 401 at userinfo earns one refresh, which the server refuses: the grant is dead.
    const expired = await accounts.checkNow(account!.id);
    expect(expired).toMatchObject({ state: 'expired', lastError: { code: 'invalid_grant' } });
    expect(vault.getAccount(account!.id)).toBeUndefined();
  });
});
