// The stand-in's authorization endpoint: refusals first (error page when the
// redirect cannot be trusted, error redirects otherwise), then login, consent
// and the redirect back with a code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOOPBACK_PORT as APP_DEMO_PORT } from '../../../main/services';
import {
  DEFAULT_CONFIG,
  DEMO_LOOPBACK_PORT,
  startProvider,
  type ProviderStandIn,
} from '../../support/provider';
import {
  authorizeParams,
  authorizeUrl,
  get,
  makePkce,
  pendingId,
  postForm,
  redirectParams,
  signIn,
  CLIENT_ID,
  REDIRECT_URI,
} from '../../support/portal-client';

let portal: ProviderStandIn;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-01-01T10:00:00Z');
  portal = await startProvider({}, { clock: () => now });
});
afterEach(async () => {
  await portal.close();
});

async function expectErrorPage(response: Response, text: RegExp): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toMatch(text);
  expect(html).not.toContain('name="password"');
}

async function expectRedirectError(
  params: Record<string, string | undefined>,
  error: string,
): Promise<URLSearchParams> {
  const response = await get(authorizeUrl(portal, params));
  const query = redirectParams(response);
  expect(response.headers.get('location')!.startsWith(`${REDIRECT_URI}?`)).toBe(true);
  expect(query.get('error')).toBe(error);
  expect(query.get('code')).toBeNull();
  return query;
}

describe('refusals shown as an error page, never a redirect', () => {
  it('refuses an unknown client_id', async () => {
    const response = await get(authorizeUrl(portal, authorizeParams({ client_id: 'nobody' })));
    await expectErrorPage(response, /Unknown application/);
  });

  it('refuses a request without client_id or redirect_uri', async () => {
    await expectErrorPage(
      await get(authorizeUrl(portal, authorizeParams({ client_id: undefined }))),
      /no client_id/,
    );
    await expectErrorPage(
      await get(authorizeUrl(portal, authorizeParams({ redirect_uri: undefined }))),
      /no redirect_uri/,
    );
  });

  it("registers the loopback port the app's demo provider uses", () => {
    expect(APP_DEMO_PORT).toBe(DEMO_LOOPBACK_PORT);
  });

  it.each([
    ['another scheme', 'evil.app:/oauth/callback/demo'],
    ['a trailing slash', `${REDIRECT_URI}/`],
    ['another case', 'CZ.NETREX.CONNECT:/oauth/callback/demo'],
    ['an extra query', `${REDIRECT_URI}?x=1`],
    ['a longer path', `${REDIRECT_URI}/../evil`],
    ['a prefix', 'cz.netrex.connect:/oauth/callback/dem'],
    ['a fragment', `${REDIRECT_URI}#x`],
    ['another loopback port', `http://127.0.0.1:${DEMO_LOOPBACK_PORT + 1}/oauth/callback/demo`],
    ['localhost for 127.0.0.1', `http://localhost:${DEMO_LOOPBACK_PORT}/oauth/callback/demo`],
  ])('refuses a redirect_uri with %s (exact match only)', async (_, redirectUri) => {
    const response = await get(
      authorizeUrl(portal, authorizeParams({ redirect_uri: redirectUri })),
    );
    await expectErrorPage(response, /not one of the redirect URLs registered for Netrex Connect/);
  });

  it('refuses a redirect_uri registered for another client', async () => {
    await portal.close();
    portal = await startProvider({
      clients: [
        ...DEFAULT_CONFIG.clients,
        { client_id: 'other', client_secret: 's', name: 'Other', redirect_uris: ['other.app:/cb'] },
      ],
    });
    const response = await get(
      authorizeUrl(portal, authorizeParams({ redirect_uri: 'other.app:/cb' })),
    );
    await expectErrorPage(response, /not one of the redirect URLs/);
  });

  it('refuses a parameter sent twice (RFC 6749 §3.1)', async () => {
    const url = `${authorizeUrl(portal, authorizeParams())}&client_id=${CLIENT_ID}`;
    await expectErrorPage(await get(url), /client_id was sent more than once/);
  });

  it('refuses methods other than GET and POST', async () => {
    const response = await fetch(authorizeUrl(portal, authorizeParams()), { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('with loopbackAnyPort, accepts another port of a registered loopback URL, nothing else', async () => {
    portal.settings.loopbackAnyPort = true;
    const ok = await get(
      authorizeUrl(
        portal,
        authorizeParams({ redirect_uri: 'http://127.0.0.1:5555/oauth/callback/demo' }),
      ),
    );
    expect(ok.status).toBe(200);
    await expectErrorPage(
      await get(
        authorizeUrl(
          portal,
          authorizeParams({ redirect_uri: 'http://127.0.0.1:5555/oauth/callback/other' }),
        ),
      ),
      /not one of the redirect URLs/,
    );
    await expectErrorPage(
      await get(
        authorizeUrl(
          portal,
          authorizeParams({ redirect_uri: 'http://localhost:5555/oauth/callback/demo' }),
        ),
      ),
      /not one of the redirect URLs/,
    );
  });
});

describe('refusals redirected back to the client, with state', () => {
  it('answers unsupported_response_type for response_type other than code', async () => {
    const query = await expectRedirectError(
      authorizeParams({ response_type: 'token' }),
      'unsupported_response_type',
    );
    expect(query.get('state')).toBe('st4te-123');
  });

  it('answers invalid_request when response_type is missing', async () => {
    await expectRedirectError(authorizeParams({ response_type: undefined }), 'invalid_request');
  });

  it.each([
    ['an unknown right', 'read,admin'],
    ['space-separated rights', 'read liveview'],
    ['an empty item', 'read,'],
    ['a right in another case', 'READ'],
  ])('answers invalid_scope for %s', async (_, scope) => {
    const query = await expectRedirectError(authorizeParams({ scope }), 'invalid_scope');
    expect(query.get('state')).toBe('st4te-123');
  });

  it('answers invalid_scope when scope is missing', async () => {
    await expectRedirectError(authorizeParams({ scope: undefined }), 'invalid_scope');
  });

  it.each([
    ['plain', { code_challenge_method: 'plain' }],
    ['no method (RFC 7636 defaults to plain)', { code_challenge_method: undefined }],
    ['an unknown method', { code_challenge_method: 'S512' }],
    ['a malformed challenge', { code_challenge: 'too-short' }],
  ])('answers invalid_request for a code_challenge with %s', async (_, overrides) => {
    const pkce = makePkce();
    await expectRedirectError(
      authorizeParams({
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        ...overrides,
      }),
      'invalid_request',
    );
  });

  it('answers invalid_request for code_challenge_method without code_challenge', async () => {
    await expectRedirectError(
      authorizeParams({ code_challenge_method: 'S256' }),
      'invalid_request',
    );
  });

  it('answers invalid_request without code_challenge when PKCE is required', async () => {
    portal.settings.pkce = 'required';
    const query = await expectRedirectError(authorizeParams(), 'invalid_request');
    expect(query.get('error_description')).toMatch(/code_challenge/);
    const pkce = makePkce();
    const ok = await get(
      authorizeUrl(
        portal,
        authorizeParams({ code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
      ),
    );
    expect(ok.status).toBe(200);
  });

  it('returns state unchanged, and none when none was sent', async () => {
    const odd = 'a b&c=d/é?';
    const query = await expectRedirectError(
      authorizeParams({ response_type: 'token', state: odd }),
      'unsupported_response_type',
    );
    expect(query.get('state')).toBe(odd);
    const without = await expectRedirectError(
      authorizeParams({ response_type: 'token', state: undefined }),
      'unsupported_response_type',
    );
    expect(without.has('state')).toBe(false);
  });
});

describe('login, consent and the redirect back', () => {
  it.each(['/oauth2/auth/', '/oauth2/auth'])('GET %s shows the login form', async (path) => {
    const response = await get(authorizeUrl(portal, authorizeParams(), path));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toMatch(/<form method="post"/);
    expect(html).toMatch(/<input[^>]+name="username"/);
    expect(html).toMatch(
      /<input[^>]+name="password"[^>]*type="password"|type="password"[^>]+name="password"/,
    );
    expect(html).toContain('Netrex Connect (demo)');
  });

  it('accepts the authorization request as a POST with a form body (the documented label)', async () => {
    const fields = Object.fromEntries(
      Object.entries(authorizeParams()).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const response = await postForm(`${portal.url}/oauth2/auth`, fields);
    expect(response.status).toBe(200);
    expect(pendingId(await response.text())).toMatch(/^nxs_pending_/);
  });

  it('shows the form again with a message after wrong credentials, and then accepts the right ones', async () => {
    const first = await get(authorizeUrl(portal, authorizeParams()));
    const pending = pendingId(await first.text());
    const action = `${portal.url}/oauth2/auth/`;
    for (const [username, password] of [
      ['operator', 'wrong'],
      ['nobody', 'operator'],
      ['operator', ''],
    ]) {
      const again = await postForm(action, { pending, username: username!, password: password! });
      expect(again.status).toBe(200);
      const html = await again.text();
      expect(html).toMatch(/Wrong username or password/);
      expect(html).toContain('name="password"');
      expect(html).not.toContain('name="decision"');
    }
    const consent = await postForm(action, { pending, username: 'operator', password: 'operator' });
    expect(await consent.text()).toContain('name="decision"');
  });

  it('the consent page names the client and each requested right, with allow and deny', async () => {
    const first = await get(
      authorizeUrl(portal, authorizeParams({ scope: 'read,recordings_delete,events' })),
    );
    const pending = pendingId(await first.text());
    const consent = await postForm(`${portal.url}/oauth2/auth/`, {
      pending,
      username: 'operator',
      password: 'operator',
    });
    const html = await consent.text();
    expect(html).toContain('Netrex Connect (demo)');
    for (const right of ['read', 'recordings_delete', 'events']) {
      expect(html).toContain(`data-right="${right}"`);
    }
    expect(html).not.toContain('data-right="liveview"');
    expect(html).toMatch(/<button[^>]+name="decision" value="allow"/);
    expect(html).toMatch(/<button[^>]+name="decision" value="deny"/);
  });

  it('deny redirects with error=access_denied and state', async () => {
    const query = redirectParams(await signIn(portal, authorizeParams(), { decision: 'deny' }));
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('state')).toBe('st4te-123');
    expect(query.get('code')).toBeNull();
  });

  it('allow redirects to the exact redirect URI with code and state', async () => {
    const response = await signIn(portal);
    const location = response.headers.get('location')!;
    expect(location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    const query = redirectParams(response);
    expect(query.get('code')).toMatch(/^nxs_code_[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')).toBe('st4te-123');
    expect(portal.issued()).toContain(query.get('code'));
  });

  it('refuses a decision for an unknown, finished or expired sign-in (error page)', async () => {
    const action = `${portal.url}/oauth2/auth/`;
    await expectErrorPage(
      await postForm(action, { pending: 'nxs_pending_forged', decision: 'allow' }),
      /expired/,
    );

    const first = await get(authorizeUrl(portal, authorizeParams()));
    const pending = pendingId(await first.text());
    await postForm(action, { pending, username: 'operator', password: 'operator' });
    expect((await postForm(action, { pending, decision: 'allow' })).status).toBe(302);
    await expectErrorPage(await postForm(action, { pending, decision: 'allow' }), /already used/);

    const second = await get(authorizeUrl(portal, authorizeParams()));
    const stale = pendingId(await second.text());
    now += 10 * 60 * 1000 + 1;
    await expectErrorPage(
      await postForm(action, { pending: stale, username: 'operator', password: 'operator' }),
      /expired/,
    );
  });

  it('asks to sign in first when a decision comes before the login, and refuses an odd decision', async () => {
    const action = `${portal.url}/oauth2/auth/`;
    const first = await get(authorizeUrl(portal, authorizeParams()));
    const pending = pendingId(await first.text());
    const early = await postForm(action, { pending, decision: 'allow' });
    expect(early.status).toBe(200);
    expect(await early.text()).toMatch(/Sign in first/);
    await postForm(action, { pending, username: 'operator', password: 'operator' });
    await expectErrorPage(await postForm(action, { pending, decision: 'maybe' }), /allow or deny/);
  });

  it('escapes what it shows (client name, typed username)', async () => {
    await portal.close();
    portal = await startProvider({
      clients: [{ ...DEFAULT_CONFIG.clients[0]!, name: '<script>alert(1)</script>' }],
    });
    const first = await get(authorizeUrl(portal, authorizeParams()));
    const html = await first.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const again = await postForm(`${portal.url}/oauth2/auth/`, {
      pending: pendingId(html),
      username: '"><img src=x>',
      password: 'x',
    });
    expect(await again.text()).not.toContain('<img');
  });
});
