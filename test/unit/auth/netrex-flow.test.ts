// The sign-in engine against a scripted Netrex-dialect portal on loopback:
// the authorization URL, the query-string token request, and every refusal.
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import {
  createSignInEngine,
  type AuthorizationView,
  type SignInEngine,
} from '../../../main/auth/engine';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

const SECRET = 'client-secret-0123456789';
const CODE = 'auth-code-abcdefghijklmnop';
const ACCESS = 'access-token-abcdefghijklmnop';
const REFRESH = 'refresh-token-abcdefghijklmnop';

function provider(url: string, patch: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    id: 'demo',
    name: 'Demo Portal',
    dialect: 'netrex',
    origin: 'demo',
    url,
    clientId: 'client-1',
    rights: ['read', 'liveview'],
    redirectKind: 'custom-scheme',
    loopbackPort: 28813,
    locked: false,
    ...patch,
  };
}

export async function failure(promise: Promise<unknown> | (() => unknown)): Promise<AuthError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

describe('sign-in engine, Netrex dialect', () => {
  let portal: ScriptedServer;
  let clock: ManualClock;
  let engine: SignInEngine;
  let providers: Map<string, ProviderConfig>;
  let views: AuthorizationView[];
  /** Every error the engine produced, for the leak check at the end of each test. */
  let errors: AuthError[];
  let secrets: Set<string>;

  const fail = async (promise: Promise<unknown>) => {
    const error = await failure(promise);
    errors.push(error);
    return error;
  };
  const start = async (id = 'demo') => {
    const started = await engine.startAuthorization(id);
    const url = new URL(started.authorizationUrl);
    const state = url.searchParams.get('state')!;
    secrets.add(state);
    return { ...started, url, state };
  };
  const callback = (state: string | null, extra = `code=${CODE}`, id = 'demo') =>
    `cz.netrex.connect:/oauth/callback/${id}?${extra}${state === null ? '' : `&state=${state}`}`;

  beforeEach(async () => {
    portal = await startScriptedServer();
    clock = new ManualClock();
    providers = new Map([
      ['demo', provider(portal.url)],
      ['other', provider(portal.url, { id: 'other', name: 'Other Portal' })],
    ]);
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => SECRET },
      fetch,
      clock,
      timeoutMs: 300,
    });
    views = [];
    errors = [];
    secrets = new Set([SECRET, CODE, ACCESS, REFRESH]);
    engine.onDidChange((view) => views.push(view));
    portal.on('/oauth2/token', (request) => {
      const verifier = request.url.searchParams.get('code_verifier');
      if (verifier) secrets.add(verifier);
      return {
        json: {
          access_token: ACCESS,
          refresh_token: REFRESH,
          token_type: 'Bearer',
          expires_in: 3600,
          scope: 'read,liveview',
        },
      };
    });
  });

  afterEach(async () => {
    await engine.dispose();
    await portal.close();
    // No token, code, verifier or secret in anything an error says.
    for (const error of errors) {
      const said = JSON.stringify({ m: error.message, u: error.toUserFacing(), r: error.reason });
      for (const secret of secrets) expect(said).not.toContain(secret);
    }
  });

  it('builds the documented authorization URL with S256 PKCE and a per-provider redirect', async () => {
    const { url, state, pending } = await start();
    expect(`${url.origin}${url.pathname}`).toBe(`${portal.url}/oauth2/auth/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'cz.netrex.connect:/oauth/callback/demo',
      scope: 'read,liveview',
      state,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(pending).toEqual({
      providerId: 'demo',
      phase: 'waiting',
      startedAt: clock.now(),
      deadline: clock.now() + 600_000,
      redirectKind: 'custom-scheme',
    });
    expect(engine.pending('demo')).toEqual(pending);
    expect(engine.pendingAuthorizationUrl('demo')).toBe(url.href);
  });

  it('exchanges the code with every parameter in the query string and validates the answer', async () => {
    const { url, state } = await start();
    const result = await engine.completeAuthorization(callback(state));
    const request = portal.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe('/oauth2/token');
    expect(request.body).toBe('');
    const query = Object.fromEntries(request.url.searchParams);
    expect(query).toEqual({
      client_id: 'client-1',
      client_secret: SECRET,
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: 'cz.netrex.connect:/oauth/callback/demo',
      code_verifier: expect.any(String),
    });
    expect(await calculatePKCECodeChallenge(query.code_verifier!)).toBe(
      url.searchParams.get('code_challenge'),
    );
    expect(result).toEqual({
      providerId: 'demo',
      requestedRights: ['read', 'liveview'],
      tokens: {
        providerUrl: portal.url,
        accessToken: ACCESS,
        refreshToken: REFRESH,
        tokenType: 'bearer',
        expiresAt: clock.now() + 3_600_000,
        rights: ['read', 'liveview'],
        rightsReported: true,
        obtainedAt: clock.now(),
      },
    });
    expect(views.map((v) => v.phase)).toEqual(['waiting', 'exchanging', 'connected']);
    expect(engine.pending('demo')).toBeUndefined();
  });

  it('accepts a minimal answer: unknown expiry, no refresh token, requested rights recorded', async () => {
    portal.on('/oauth2/token', { json: { access_token: ACCESS } });
    const { state } = await start();
    const { tokens } = await engine.completeAuthorization(`  ${callback(state)}\n`);
    expect(tokens).toMatchObject({
      expiresAt: null,
      rights: ['read', 'liveview'],
      rightsReported: false,
    });
    expect(tokens.refreshToken).toBeUndefined();
  });

  it('accepts expires_in as a numeric string and a narrower comma-separated scope', async () => {
    portal.on('/oauth2/token', {
      json: { access_token: ACCESS, token_type: 'bearer', expires_in: '60', scope: 'read' },
    });
    const { state } = await start();
    const { tokens } = await engine.completeAuthorization(callback(state));
    expect(tokens).toMatchObject({ expiresAt: clock.now() + 60_000, rights: ['read'] });
  });

  describe('refuses a redirect that is not the pending one, and keeps waiting', () => {
    it.each([
      ['a wrong state', (s: string) => callback(`${s}x`), 'state_mismatch'],
      ['no state (an address cut short)', () => callback(null), 'incomplete_redirect'],
      ['a state cut short', (s: string) => callback(s.slice(0, 20)), 'incomplete_redirect'],
      [
        'a state of the right length, not this one',
        (s: string) => callback(`${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`),
        'state_mismatch',
      ],
      [
        'another provider’s path',
        (s: string) => callback(s, `code=${CODE}`, 'other'),
        'not_pending',
      ],
      [
        'a wrong scheme',
        (s: string) => callback(s).replace('cz.netrex.connect', 'cz.netrex.evil'),
        'unknown_redirect',
      ],
      [
        'a wrong path',
        (s: string) => callback(s).replace('/oauth/callback/', '/oauth/cb/'),
        'unknown_redirect',
      ],
      [
        'the loopback form of the redirect',
        (s: string) => `http://127.0.0.1:28813/oauth/callback/demo?code=c&state=${s}`,
        'unknown_redirect',
      ],
    ])('%s', async (_what, make, code) => {
      const { state } = await start();
      const error = await fail(engine.completeAuthorization(make(state)));
      expect(error.code).toBe(code);
      expect(portal.requests.filter((r) => r.url.pathname === '/oauth2/token')).toHaveLength(0);
      // The genuine redirect still works afterwards.
      await expect(engine.completeAuthorization(callback(state))).resolves.toMatchObject({
        providerId: 'demo',
      });
    });
  });

  it('Cancel during the token exchange ends the request: "cancelled", nothing connects', async () => {
    portal.on('/oauth2/token', 'hang');
    const views: string[] = [];
    engine.onDidChange((v) => views.push(v.phase));
    const { state } = await start();
    const exchange = engine.completeAuthorization(callback(state));
    await expect
      .poll(() => portal.requests.filter((r) => r.url.pathname === '/oauth2/token').length)
      .toBe(1);
    expect(engine.cancelAuthorization('demo')).toBe(true);
    const error = await failure(exchange);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(views).toEqual(['waiting', 'exchanging', 'cancelled']);
    // Nothing left to cancel, and the used address cannot be tried again.
    expect(engine.cancelAuthorization('demo')).toBe(false);
    expect((await failure(engine.completeAuthorization(callback(state)))).code).toBe('replayed');
  });

  it('uses a redirect once: the same URL again is "replayed"', async () => {
    const { state } = await start();
    await engine.completeAuthorization(callback(state));
    const error = await fail(engine.completeAuthorization(callback(state)));
    expect(error.code).toBe('replayed');
    expect(error.message).toMatch(/used already/);
  });

  it('uses a redirect once even when two arrive together', async () => {
    const { state } = await start();
    const outcomes = await Promise.allSettled([
      engine.completeAuthorization(callback(state)),
      engine.completeAuthorization(callback(state)),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(portal.requests.filter((r) => r.url.pathname === '/oauth2/token')).toHaveLength(1);
  });

  it('fails on a missing code, consuming the authorization', async () => {
    const { state } = await start();
    const error = await fail(engine.completeAuthorization(callback(state, 'x=1')));
    expect(error.code).toBe('missing_code');
    expect(views.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'missing_code' } });
  });

  it('maps error=access_denied to a typed error with the description as capped plain text', async () => {
    const { state } = await start();
    const hostile = `<b onmouseover=alert(1)>Denied</b>\u202e${'x'.repeat(10 * 1024)}`;
    const url = callback(
      state,
      `error=access_denied&error_description=${encodeURIComponent(hostile)}`,
    );
    const error = await fail(engine.completeAuthorization(url));
    expect(error.code).toBe('access_denied');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/You declined the request in Demo Portal/);
    expect(error.detail!.length).toBeLessThanOrEqual(300);
    expect(error.detail!.startsWith('<b onmouseover=alert(1)>Denied</b> xxx')).toBe(true);
    expect(views.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'access_denied' } });
  });

  it.each([
    ['invalid_scope', 'invalid_scope'],
    ['server_error', 'server_error'],
    ['temporarily_unavailable', 'temporarily_unavailable'],
    ['unauthorized_client', 'unauthorized_client'],
    ['unsupported_response_type', 'unsupported_response_type'],
    ['invalid_request', 'invalid_request'],
    ['something_new', 'portal_error'],
  ])('maps error=%s', async (sent, code) => {
    const { state } = await start();
    expect((await fail(engine.completeAuthorization(callback(state, `error=${sent}`)))).code).toBe(
      code,
    );
  });

  it('refuses an iss that is not the portal (RFC 9207 mix-up defence)', async () => {
    const { state } = await start();
    const url = callback(state, `code=${CODE}&iss=${encodeURIComponent('https://evil.example')}`);
    expect((await fail(engine.completeAuthorization(url))).code).toBe('iss_mismatch');
    const again = await start();
    const good = callback(again.state, `code=${CODE}&iss=${encodeURIComponent(portal.url)}`);
    await expect(engine.completeAuthorization(good)).resolves.toBeTruthy();
  });

  it('times out at the deadline: the UI hears it, a late redirect is "timed_out"', async () => {
    const { state } = await start();
    clock.advance(600_000);
    expect(views.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'timed_out' } });
    expect(engine.pending('demo')).toBeUndefined();
    const error = await fail(engine.completeAuthorization(callback(state)));
    expect(error.code).toBe('timed_out');
    expect(error.message).toMatch(/within 10 minutes/);
  });

  it('is superseded by a newer sign-in to the same provider', async () => {
    const first = await start();
    const second = await start();
    expect(views.map((v) => [v.phase, v.error?.code])).toEqual([
      ['waiting', undefined],
      ['failed', 'superseded'],
      ['waiting', undefined],
    ]);
    expect((await fail(engine.completeAuthorization(callback(first.state)))).code).toBe(
      'superseded',
    );
    await expect(engine.completeAuthorization(callback(second.state))).resolves.toBeTruthy();
  });

  it('can be cancelled', async () => {
    const { state } = await start();
    expect(engine.cancelAuthorization('demo')).toBe(true);
    expect(engine.cancelAuthorization('demo')).toBe(false);
    expect(views.at(-1)).toMatchObject({ phase: 'cancelled', error: { code: 'cancelled' } });
    expect((await fail(engine.completeAuthorization(callback(state)))).code).toBe('cancelled');
    expect(clock.pendingTimers).toBe(0);
  });

  it.each([
    [
      '400 invalid_grant',
      { status: 400, json: { error: 'invalid_grant', error_description: `code ${CODE} is used` } },
      'invalid_grant',
      false,
    ],
    ['400 without a body', { status: 400, body: '' }, 'invalid_request', false],
    ['401', { status: 401, body: 'Unauthorized' }, 'invalid_client', false],
    [
      '401 invalid_client JSON',
      { status: 401, json: { error: 'invalid_client' } },
      'invalid_client',
      false,
    ],
    ['500', { status: 500, body: '<h1>Internal Server Error</h1>' }, 'portal_error', true],
    ['503', { status: 503, body: '' }, 'temporarily_unavailable', true],
    ['200 with HTML', { body: '<html><body>Login</body></html>' }, 'portal_error', true],
    [
      '200 with garbage JSON',
      { body: '{"access_token":', headers: { 'content-type': 'application/json' } },
      'portal_error',
      true,
    ],
    ['200 with a JSON array', { json: [ACCESS] }, 'portal_error', true],
    [
      '200 without access_token',
      { json: { token_type: 'bearer' } },
      'invalid_token_response',
      false,
    ],
    [
      'an access_token that is not a string',
      { json: { access_token: 42 } },
      'invalid_token_response',
      false,
    ],
    [
      'token_type mac',
      { json: { access_token: ACCESS, token_type: 'mac' } },
      'invalid_token_response',
      false,
    ],
    [
      'a negative expires_in',
      { json: { access_token: ACCESS, expires_in: -5 } },
      'invalid_token_response',
      false,
    ],
    [
      'a 302',
      { status: 302, headers: { location: 'https://elsewhere.example/' } },
      'portal_error',
      true,
    ],
  ] as const)('token endpoint answering %s', async (_what, answer, code, retryable) => {
    portal.on('/oauth2/token', answer as never);
    const { state } = await start();
    const error = await fail(engine.completeAuthorization(callback(state)));
    expect(error).toMatchObject({ code, retryable });
    expect(views.at(-1)).toMatchObject({ phase: 'failed', error: { code } });
    if (code === 'invalid_grant') expect(error.detail).toBe('code [removed] is used');
  });

  it('token endpoint answering nothing: a timeout', async () => {
    portal.on('/oauth2/token', 'hang');
    const { state } = await start();
    const error = await fail(engine.completeAuthorization(callback(state)));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('refuses to start without a client ID or secret, or for an unknown provider', async () => {
    providers.set('demo', provider(portal.url, { clientId: '' }));
    expect((await fail(engine.startAuthorization('demo'))).code).toBe('not_configured');
    expect((await fail(engine.startAuthorization('nope'))).code).toBe('unknown_provider');
    const noSecret = createSignInEngine({
      providers: { get: () => provider(portal.url) },
      secrets: { get: () => undefined },
      fetch,
    });
    const error = await fail(noSecret.startAuthorization('demo'));
    expect(error.message).toMatch(/client secret/);
    await noSecret.dispose();
  });

  it('never sends the secret to a plain-http address outside loopback, whatever the caller passes', async () => {
    providers.set('demo', provider('http://portal.example.test'));
    const error = await fail(engine.startAuthorization('demo'));
    expect(error.code).toBe('not_configured');
    expect(error.message).toMatch(
      /^The address of Demo Portal is not allowed: it must start with https:\/\//,
    );
    await expect(
      engine.refresh('demo', {
        providerUrl: providers.get('demo')!.url,
        accessToken: ACCESS,
        refreshToken: REFRESH,
        tokenType: 'bearer',
        expiresAt: null,
        rights: [],
        rightsReported: false,
        obtainedAt: 0,
      }),
    ).rejects.toMatchObject({ code: 'not_configured' });
  });

  it('says "not_pending" for a well-formed redirect nobody asked for', async () => {
    const error = await fail(engine.completeAuthorization(callback('s'.repeat(43))));
    expect(error.code).toBe('not_pending');
    expect(error.message).toMatch(/No sign-in to Demo Portal/);
    const unknown = await fail(engine.completeAuthorization(callback('s', 'code=x', 'gone')));
    expect(unknown.message).toBe(
      'No sign-in to the portal is waiting for an answer. Start the sign-in again from Netrex Connect.',
    );
  });
});
