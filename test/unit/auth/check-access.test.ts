// checkAccess: the standard dialect asks the server's userinfo endpoint
// whether it still accepts an access token; the Netrex dialect has no such
// question (its accounts are probed through the portal's API).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import type { TokenSet } from '../../../main/auth/token-set';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

const TOKENS: Omit<TokenSet, 'providerUrl'> = {
  accessToken: 'at-userinfo-1234567890',
  tokenType: 'bearer',
  expiresAt: null,
  rights: ['openid'],
  rightsReported: true,
  obtainedAt: 0,
};

describe('checkAccess', () => {
  let server: ScriptedServer;
  let engine: SignInEngine;
  let metadata: Record<string, unknown>;
  const providers = new Map<string, ProviderConfig>();

  beforeEach(async () => {
    server = await startScriptedServer();
    metadata = {
      issuer: server.url,
      authorization_endpoint: `${server.url}/authorize`,
      token_endpoint: `${server.url}/token`,
      userinfo_endpoint: `${server.url}/me`,
      code_challenge_methods_supported: ['S256'],
    };
    server.on('/.well-known/openid-configuration', () => ({ json: metadata }));
    const base: ProviderConfig = {
      id: 'corp',
      name: 'Corp SSO',
      dialect: 'oauth2',
      origin: 'custom',
      url: server.url,
      clientId: 'native-app',
      rights: ['openid'],
      redirectKind: 'custom-scheme',
      loopbackPort: 28813,
      locked: false,
    };
    providers.set('corp', base);
    providers.set('portal', { ...base, id: 'portal', dialect: 'netrex', name: 'Portal' });
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => undefined },
      fetch,
      clock: new ManualClock(),
      timeoutMs: 500,
    });
  });
  afterEach(async () => {
    await engine.dispose();
    await server.close();
  });

  it('valid: the userinfo endpoint answers with the Bearer token', async () => {
    server.on('/me', { json: { sub: 'operator' } });
    await expect(engine.checkAccess('corp', { ...TOKENS, providerUrl: server.url })).resolves.toBe(
      'valid',
    );
    const asked = server.requests.find((r) => r.url.pathname === '/me');
    expect(asked?.headers.authorization).toBe(`Bearer ${TOKENS.accessToken}`);
  });

  it('rejected: a 401 from the userinfo endpoint', async () => {
    server.on('/me', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      json: { error: 'invalid_token' },
    });
    await expect(engine.checkAccess('corp', { ...TOKENS, providerUrl: server.url })).resolves.toBe(
      'rejected',
    );
  });

  it('unsupported: no userinfo endpoint, or one the address rules refuse (the token is not sent)', async () => {
    delete metadata.userinfo_endpoint;
    await expect(engine.checkAccess('corp', { ...TOKENS, providerUrl: server.url })).resolves.toBe(
      'unsupported',
    );
    await engine.dispose();
    metadata.userinfo_endpoint = 'http://elsewhere.example/me';
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => undefined },
      fetch,
    });
    await expect(engine.checkAccess('corp', { ...TOKENS, providerUrl: server.url })).resolves.toBe(
      'unsupported',
    );
    expect(server.requests.some((r) => r.url.pathname === '/me')).toBe(false);
  });

  it('a server error is a retryable AuthError that quotes no token', async () => {
    server.on('/me', { status: 503, body: `down ${TOKENS.accessToken}` });
    const error = await engine
      .checkAccess('corp', { ...TOKENS, providerUrl: server.url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).retryable).toBe(true);
    expect(JSON.stringify((error as AuthError).toUserFacing())).not.toContain(TOKENS.accessToken);
  });

  it("a 503's Retry-After rides on the error (oauth4webapi's answer is read for it)", async () => {
    server.on('/me', { status: 503, headers: { 'retry-after': '20' }, body: 'down' });
    const error = await engine
      .checkAccess('corp', { ...TOKENS, providerUrl: server.url })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'temporarily_unavailable', retryAfterMs: 20_000 });
  });

  it('the Netrex dialect has no such question', async () => {
    await expect(
      engine.checkAccess('portal', { ...TOKENS, providerUrl: server.url }),
    ).resolves.toBe('unsupported');
    expect(server.requests).toHaveLength(0);
  });
});
