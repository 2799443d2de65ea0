// The standard dialect against a scripted RFC 8414 / OpenID server: discovery
// rules, the authorization URL, iss (RFC 9207), client authentication, and the
// refusals a certified server never produces.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import type { TokenSet } from '../../../main/auth/token-set';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

describe('sign-in engine, standard dialect', () => {
  let server: ScriptedServer;
  let engine: SignInEngine;
  let secret: string | undefined;
  let metadata: Record<string, unknown>;
  let provider: ProviderConfig;

  const makeEngine = () =>
    createSignInEngine({
      providers: { get: (id) => (id === provider.id ? provider : undefined) },
      secrets: { get: () => secret },
      fetch,
      clock: new ManualClock(),
      timeoutMs: 500,
    });

  beforeEach(async () => {
    server = await startScriptedServer();
    const issuer = server.url;
    metadata = {
      issuer,
      authorization_endpoint: `${issuer}/authorize?tenant=a`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/revoke`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    };
    server.on('/.well-known/openid-configuration', () => ({ json: metadata }));
    server.on('/token', {
      json: {
        access_token: 'at-1234567890',
        refresh_token: 'rt-1234567890',
        token_type: 'Bearer',
        expires_in: 600,
        scope: 'openid offline_access',
      },
    });
    server.on('/revoke', { status: 200, body: '' });
    secret = undefined;
    provider = {
      id: 'corp',
      name: 'Corp SSO',
      dialect: 'oauth2',
      origin: 'custom',
      url: issuer,
      clientId: 'native-app',
      rights: ['openid', 'offline_access'],
      redirectKind: 'custom-scheme',
      loopbackPort: 28813,
      locked: false,
    };
    engine = makeEngine();
  });
  afterEach(async () => {
    await engine.dispose();
    await server.close();
  });

  const startAndCallback = async (extra = 'code=code-1234567890') => {
    const { authorizationUrl } = await engine.startAuthorization('corp');
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    return {
      authorizationUrl,
      url: `cz.netrex.connect:/oauth/callback/corp?${extra}&state=${state}`,
    };
  };

  it('discovers the server and builds the URL on its endpoint with space-separated scopes', async () => {
    const { authorizationUrl } = await startAndCallback();
    const url = new URL(authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/authorize`);
    expect(url.searchParams.get('tenant')).toBe('a');
    expect(url.searchParams.get('scope')).toBe('openid offline_access');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe('cz.netrex.connect:/oauth/callback/corp');
  });

  it('exchanges the code as a public client (client_id in the body, no secret)', async () => {
    const { url } = await startAndCallback();
    const { tokens } = await engine.completeAuthorization(url);
    const request = server.requests.find((r) => r.url.pathname === '/token')!;
    const body = new URLSearchParams(request.body);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('client_id')).toBe('native-app');
    expect(body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.headers.authorization).toBeUndefined();
    expect(tokens).toMatchObject({
      accessToken: 'at-1234567890',
      refreshToken: 'rt-1234567890',
      tokenType: 'bearer',
      rights: ['openid', 'offline_access'],
    });
  });

  it('authenticates with client_secret_basic when a secret is set, _post when only that is offered', async () => {
    secret = 'sh:h secret';
    const first = await startAndCallback();
    await engine.completeAuthorization(first.url);
    const basic = server.requests.filter((r) => r.url.pathname === '/token').at(-1)!;
    // RFC 6749 §2.3.1: both halves form-encoded before base64.
    const [scheme, encoded] = String(basic.headers.authorization).split(' ');
    const [user, password] = Buffer.from(encoded!, 'base64').toString().split(':');
    const formDecode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
    expect([scheme, formDecode(user!), formDecode(password!)]).toEqual([
      'Basic',
      'native-app',
      'sh:h secret',
    ]);
    metadata.token_endpoint_auth_methods_supported = ['client_secret_post'];
    await engine.dispose();
    engine = makeEngine();
    const second = await startAndCallback();
    await engine.completeAuthorization(second.url);
    const post = server.requests.filter((r) => r.url.pathname === '/token').at(-1)!;
    expect(post.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(post.body).get('client_secret')).toBe('sh:h secret');
  });

  it.each([
    [
      'an issuer that differs',
      { issuer: 'https://other.example/tenant?x=secret-query' },
      'discovery_failed',
      'issuer-mismatch',
    ],
    ['no S256', { code_challenge_methods_supported: ['plain'] }, 'pkce_unsupported', undefined],
    ['an empty PKCE list', { code_challenge_methods_supported: [] }, 'pkce_unsupported', undefined],
    [
      'a plain-http endpoint elsewhere',
      { token_endpoint: 'http://evil.example/token' },
      'discovery_failed',
      'endpoint-not-https',
    ],
    ['no token endpoint', { token_endpoint: undefined }, 'discovery_failed', 'endpoint-missing'],
  ])('refuses metadata with %s, saying which', async (_what, patch, code, variant) => {
    Object.assign(metadata, patch);
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.code).toBe(code);
    expect(error.params?.variant).toBe(variant);
    expect(JSON.stringify(error.toUserFacing())).not.toContain('secret-query');
  });

  it('names what it refused: the listed PKCE methods, the claimed issuer beside the configured one', async () => {
    metadata.code_challenge_methods_supported = ['plain'];
    const pkce = await failure(engine.startAuthorization('corp'));
    expect(pkce.params).toEqual({ portal: 'Corp SSO', listed: 'plain' });
    expect(pkce.message).toBe(
      "Corp SSO lists the PKCE methods it supports (plain) and S256 is not among them. Netrex Connect signs in only with S256 PKCE; ask the server's administrator to enable it.",
    );
    metadata.code_challenge_methods_supported = ['S256'];
    metadata.issuer = 'https://other.example/tenant?x=secret-query#f';
    await engine.dispose();
    engine = makeEngine();
    const other = await failure(engine.startAuthorization('corp'));
    expect(other.params).toEqual({
      portal: 'Corp SSO',
      variant: 'issuer-mismatch',
      claimed: 'https://other.example/tenant',
      configured: `${server.url}/`,
    });
    expect(other.message).toContain(
      `the server says it is https://other.example/tenant, but Corp SSO is set up with ${server.url}/.`,
    );
  });

  it('sends S256 when the metadata does not list PKCE methods, and says the server does not advertise it', async () => {
    delete metadata.code_challenge_methods_supported;
    expect(engine.serverFacts('corp')).toBeUndefined();
    const { authorizationUrl, url } = await startAndCallback();
    const challenge = new URL(authorizationUrl).searchParams;
    expect(challenge.get('code_challenge_method')).toBe('S256');
    expect(challenge.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(engine.serverFacts('corp')).toEqual({ pkce: 'not-advertised' });
    await engine.completeAuthorization(url);
    const token = server.requests.find((r) => r.url.pathname === '/token')!;
    const verifier = new URLSearchParams(token.body).get('code_verifier')!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      challenge.get('code_challenge'),
    );
    // The answer is checked as always: a token answer without access_token is still refused.
    server.on('/token', { json: { token_type: 'bearer' } });
    const next = await startAndCallback();
    expect((await failure(engine.completeAuthorization(next.url))).code).toBe(
      'invalid_token_response',
    );
  });

  it('says the server advertises PKCE when it lists S256; a Netrex portal has no such facts', async () => {
    await startAndCallback();
    expect(engine.serverFacts('corp')).toEqual({ pkce: 'advertised' });
    expect(engine.serverFacts('nobody')).toBeUndefined();
  });

  it('falls back to RFC 8414 metadata when there is no OpenID configuration', async () => {
    server.on('/.well-known/openid-configuration', { status: 404, body: 'nope' });
    server.on('/.well-known/oauth-authorization-server', () => ({ json: metadata }));
    await expect(engine.startAuthorization('corp')).resolves.toBeTruthy();
  });

  it.each([
    ['a 500', { status: 500, body: 'oops' }, 'portal_error', undefined],
    ['a 403', { status: 403, body: 'forbidden' }, 'discovery_failed', 'status'],
    ['a 401', { status: 401, json: { error: 'invalid_client' } }, 'discovery_failed', 'status'],
    ['an HTML page', { body: '<html></html>' }, 'discovery_failed', 'not-json'],
    ['a JSON array', { json: [{ issuer: 'https://x.example' }] }, 'discovery_failed', 'not-json'],
    ['JSON with no issuer', { json: { hello: 'world' } }, 'discovery_failed', 'no-issuer'],
    ['nothing', 'hang' as const, 'timeout', undefined],
  ])('reports discovery answering %s', async (_what, answer, code, variant) => {
    server.on('/.well-known/openid-configuration', answer);
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.code).toBe(code);
    expect(error.params?.variant).toBe(variant);
  });

  it('reports a 404 at both well-known addresses as no configuration there', async () => {
    server.on('/.well-known/openid-configuration', { status: 404, body: 'nope' });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toEqual({ portal: 'Corp SSO', variant: 'not-found', status: 404 });
    expect(server.requests.map((r) => r.url.pathname)).toEqual([
      '/.well-known/openid-configuration',
      '/.well-known/oauth-authorization-server',
    ]);
    expect(error.message).toMatch(/answered 404 Not Found\. Check the issuer address/);
  });

  it('checks iss (RFC 9207): wrong, or missing although advertised', async () => {
    const wrong = await startAndCallback(
      `code=c-123456&iss=${encodeURIComponent('https://evil.example')}`,
    );
    expect((await failure(engine.completeAuthorization(wrong.url))).code).toBe('iss_mismatch');
    metadata.authorization_response_iss_parameter_supported = true;
    await engine.dispose();
    engine = makeEngine();
    const missing = await startAndCallback();
    expect((await failure(engine.completeAuthorization(missing.url))).code).toBe('iss_mismatch');
    const right = await startAndCallback(`code=c-123456&iss=${encodeURIComponent(server.url)}`);
    await expect(engine.completeAuthorization(right.url)).resolves.toBeTruthy();
  });

  it('maps an error redirect and a missing code', async () => {
    const denied = await startAndCallback('error=access_denied&error_description=User+said+no');
    const error = await failure(engine.completeAuthorization(denied.url));
    expect(error).toMatchObject({ code: 'access_denied', detail: 'User said no' });
    const noCode = await startAndCallback('x=1');
    expect((await failure(engine.completeAuthorization(noCode.url))).code).toBe('missing_code');
  });

  it.each([
    ['400 invalid_grant', { status: 400, json: { error: 'invalid_grant' } }, 'invalid_grant'],
    ['401 invalid_client', { status: 401, json: { error: 'invalid_client' } }, 'invalid_client'],
    ['500', { status: 500, body: 'x' }, 'portal_error'],
    [
      'garbage',
      { body: 'garbage', headers: { 'content-type': 'application/json' } },
      'portal_error',
    ],
    ['no access_token', { json: { token_type: 'bearer' } }, 'invalid_token_response'],
    [
      'token_type mac',
      { json: { access_token: 'a', token_type: 'mac' } },
      'invalid_token_response',
    ],
  ])('token endpoint answering %s', async (_what, answer, code) => {
    server.on('/token', answer);
    const { url } = await startAndCallback();
    expect((await failure(engine.completeAuthorization(url))).code).toBe(code);
  });

  describe('refresh and revoke', () => {
    const held: Omit<TokenSet, 'providerUrl'> = {
      accessToken: 'at-old-123456',
      refreshToken: 'rt-old-123456',
      tokenType: 'bearer',
      expiresAt: null,
      rights: ['openid'],
      rightsReported: true,
      obtainedAt: 0,
    };
    const tokens = (): TokenSet => ({ ...held, providerUrl: server.url });

    it('refreshes (RFC 6749 §6), keeping the old refresh token when none comes back', async () => {
      server.on('/token', { json: { access_token: 'at-new-123456', token_type: 'bearer' } });
      const next = await engine.refresh('corp', tokens());
      const body = new URLSearchParams(server.requests.at(-1)!.body);
      expect(body.get('grant_type')).toBe('refresh_token');
      expect(body.get('refresh_token')).toBe('rt-old-123456');
      expect(next).toMatchObject({ accessToken: 'at-new-123456', refreshToken: 'rt-old-123456' });
      server.on('/token', { status: 400, json: { error: 'invalid_grant' } });
      expect(await failure(engine.refresh('corp', tokens()))).toMatchObject({
        code: 'invalid_grant',
        grantDead: true,
      });
    });

    it("carries a 503's Retry-After, with or without an OAuth error body", async () => {
      server.on('/token', { status: 503, headers: { 'retry-after': '30' }, body: 'busy' });
      expect(await failure(engine.refresh('corp', tokens()))).toMatchObject({
        code: 'temporarily_unavailable',
        retryable: true,
        retryAfterMs: 30_000,
      });
      server.on('/token', {
        status: 503,
        headers: { 'retry-after': '60' },
        json: { error: 'temporarily_unavailable' },
      });
      expect(await failure(engine.refresh('corp', tokens()))).toMatchObject({
        code: 'temporarily_unavailable',
        retryAfterMs: 60_000,
      });
      server.on('/token', { status: 429, headers: { 'retry-after': '5' }, body: '' });
      expect(await failure(engine.refresh('corp', tokens()))).toMatchObject({
        code: 'temporarily_unavailable',
        retryAfterMs: 5_000,
      });
    });

    it('revokes the refresh token first, then the access token (RFC 7009)', async () => {
      await engine.revoke('corp', tokens());
      const sent = server.requests
        .filter((r) => r.url.pathname === '/revoke')
        .map((r) => Object.fromEntries(new URLSearchParams(r.body)));
      expect(sent).toEqual([
        { token: 'rt-old-123456', token_type_hint: 'refresh_token', client_id: 'native-app' },
        { token: 'at-old-123456', token_type_hint: 'access_token', client_id: 'native-app' },
      ]);
    });

    it('follows no redirect from the token, userinfo or revocation endpoint', async () => {
      metadata.userinfo_endpoint = `${server.url}/me`;
      const moved = (to: string) => ({ status: 307, headers: { location: `${server.url}${to}` } });
      server.on('/token', moved('/token-elsewhere'));
      server.on('/me', moved('/me-elsewhere'));
      server.on('/revoke', moved('/revoke-elsewhere'));
      const { url } = await startAndCallback();
      expect((await failure(engine.completeAuthorization(url))).code).toBe('portal_error');
      expect((await failure(engine.refresh('corp', tokens()))).code).toBe('portal_error');
      expect((await failure(engine.checkAccess('corp', tokens()))).code).toBe('portal_error');
      expect((await failure(engine.revoke('corp', tokens()))).code).toBe('revocation_failed');
      const paths = server.requests.map((r) => r.url.pathname);
      expect(paths.filter((p) => p.endsWith('-elsewhere'))).toEqual([]);
      expect(paths.filter((p) => p === '/token')).toHaveLength(2);
    });

    it('says so when the server has no revocation endpoint', async () => {
      metadata.revocation_endpoint = undefined;
      expect((await failure(engine.revoke('corp', tokens()))).code).toBe('revocation_unsupported');
    });
  });
});
