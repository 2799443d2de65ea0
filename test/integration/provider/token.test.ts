// The stand-in's token endpoint, authorization_code grant: refusals first
// (client authentication, request form, grant rules), then the answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import {
  DEFAULT_CONFIG,
  DEMO_LOOPBACK_PORT,
  startProvider,
  type ProviderStandIn,
} from '../../support/provider';
import {
  cameraList,
  CLIENT_ID,
  CLIENT_SECRET,
  codeGrant,
  obtainCode,
  redirectParams,
  refresh,
  REDIRECT_URI,
  signIn,
  authorizeParams,
  tokenRequest,
} from '../../support/portal-client';

let portal: ProviderStandIn;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-01-01T10:00:00Z');
  portal = await startProvider(
    {
      clients: [
        ...DEFAULT_CONFIG.clients,
        {
          client_id: 'second-app',
          client_secret: 'second-secret',
          name: 'Second app',
          redirect_uris: [REDIRECT_URI],
        },
      ],
    },
    { clock: () => now },
  );
});
afterEach(async () => {
  await portal.close();
});

function exchange(
  code: string,
  verifier: string | undefined,
  overrides: Record<string, string | undefined> = {},
): Promise<{ status: number; body: Record<string, unknown>; response: Response }> {
  const params: Record<string, string | undefined> = { ...codeGrant(code, verifier), ...overrides };
  return tokenRequest(
    portal,
    Object.fromEntries(
      Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
  );
}

function expectError(
  result: { status: number; body: Record<string, unknown>; response: Response },
  error: string,
  status = 400,
): void {
  expect(result.body.error).toBe(error);
  expect(result.status).toBe(status);
  expect(result.body.access_token).toBeUndefined();
  expect(result.response.headers.get('cache-control')).toBe('no-store');
}

describe('client authentication refusals (invalid_client, 401)', () => {
  it('refuses a request without client credentials', async () => {
    const { code, pkce } = await obtainCode(portal);
    const result = await exchange(code, pkce.verifier, { client_secret: undefined });
    expectError(result, 'invalid_client', 401);
    expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expectError(
      await exchange(code, pkce.verifier, { client_id: undefined }),
      'invalid_client',
      401,
    );
  });

  it('refuses an unknown client and a wrong secret', async () => {
    const { code, pkce } = await obtainCode(portal);
    expectError(
      await exchange(code, pkce.verifier, { client_id: 'nobody' }),
      'invalid_client',
      401,
    );
    expectError(
      await exchange(code, pkce.verifier, { client_secret: `${CLIENT_SECRET}x` }),
      'invalid_client',
      401,
    );
    expectError(await exchange(code, pkce.verifier, { client_secret: '' }), 'invalid_client', 401);
    // The refusals did not use up the code.
    expect((await exchange(code, pkce.verifier)).status).toBe(200);
  });

  it('refuses HTTP Basic unless basicClientAuth is on (the documentation shows parameters only)', async () => {
    const { code, pkce } = await obtainCode(portal);
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    const grant = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    const refused = await tokenRequest(
      portal,
      { ...grant, code_verifier: pkce.verifier },
      { headers: { authorization: basic } },
    );
    expectError(refused, 'invalid_client', 401);
    expect(refused.body.error_description).toMatch(/client_id and client_secret parameters/);
    portal.settings.basicClientAuth = true;
    const taken = await tokenRequest(
      portal,
      { ...grant, code_verifier: pkce.verifier },
      { headers: { authorization: basic } },
    );
    expect(taken.status).toBe(200);
  });

  it('with basicClientAuth, refuses Basic together with client_secret, a mismatched client_id, and other schemes', async () => {
    portal.settings.basicClientAuth = true;
    const { code, pkce } = await obtainCode(portal);
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    const both = await tokenRequest(
      portal,
      {
        grant_type: 'authorization_code',
        client_secret: CLIENT_SECRET,
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: pkce.verifier,
      },
      { headers: { authorization: basic } },
    );
    expectError(both, 'invalid_request');
    const mismatch = await tokenRequest(
      portal,
      {
        grant_type: 'authorization_code',
        client_id: 'second-app',
        code,
        redirect_uri: REDIRECT_URI,
      },
      { headers: { authorization: basic } },
    );
    expectError(mismatch, 'invalid_client', 401);
    const bearer = await tokenRequest(
      portal,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      { headers: { authorization: `Bearer ${CLIENT_SECRET}` } },
    );
    expectError(bearer, 'invalid_client', 401);
  });
});

describe('request form refusals', () => {
  it('takes POST only', async () => {
    const response = await fetch(`${portal.url}/oauth2/token?grant_type=authorization_code`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a parameter sent twice, in the query and the body', async () => {
    const { code, pkce } = await obtainCode(portal);
    const url = new URL('/oauth2/token', portal.url);
    url.searchParams.set('code', code);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(codeGrant(code, pkce.verifier)),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a body that is not a form', async () => {
    const response = await fetch(`${portal.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers invalid_request without grant_type and unsupported_grant_type for others', async () => {
    const { code, pkce } = await obtainCode(portal);
    expectError(await exchange(code, pkce.verifier, { grant_type: undefined }), 'invalid_request');
    for (const grantType of ['password', 'client_credentials', 'implicit', 'AUTHORIZATION_CODE']) {
      expectError(
        await exchange(code, pkce.verifier, { grant_type: grantType }),
        'unsupported_grant_type',
      );
    }
    expect(portal.stats.token.other_grant).toBe(5);
  });

  it('answers invalid_request without code or redirect_uri, or with a malformed verifier', async () => {
    const { code, pkce } = await obtainCode(portal);
    expectError(await exchange(code, pkce.verifier, { code: undefined }), 'invalid_request');
    expectError(
      await exchange(code, pkce.verifier, { redirect_uri: undefined }),
      'invalid_request',
    );
    expectError(await exchange(code, 'short'), 'invalid_request');
  });
});

describe('authorization_code grant refusals (invalid_grant)', () => {
  it('refuses an unknown code', async () => {
    expectError(await exchange('nxs_code_forged', undefined), 'invalid_grant');
  });

  it('refuses a code after codeLifetimeSec (60 s), accepts it just before', async () => {
    const late = await obtainCode(portal);
    now += 60_000;
    expectError(await exchange(late.code, late.pkce.verifier), 'invalid_grant');
    const inTime = await obtainCode(portal);
    now += 59_999;
    expect((await exchange(inTime.code, inTime.pkce.verifier)).status).toBe(200);
  });

  it('follows codeLifetimeSec', async () => {
    portal.settings.codeLifetimeSec = 5;
    const { code, pkce } = await obtainCode(portal);
    now += 5_000;
    expectError(await exchange(code, pkce.verifier), 'invalid_grant');
  });

  it('refuses a code issued to another client', async () => {
    const { code, pkce } = await obtainCode(portal);
    const result = await exchange(code, pkce.verifier, {
      client_id: 'second-app',
      client_secret: 'second-secret',
    });
    expectError(result, 'invalid_grant');
    expect(result.body.error_description).toMatch(/another client/);
  });

  it('refuses a redirect_uri other than the one in the authorization request', async () => {
    const { code, pkce } = await obtainCode(portal);
    expectError(
      await exchange(code, pkce.verifier, {
        redirect_uri: `http://127.0.0.1:${DEMO_LOOPBACK_PORT}/oauth/callback/demo`,
      }),
      'invalid_grant',
    );
  });

  it('refuses a missing or wrong code_verifier when a challenge was bound', async () => {
    const { code, pkce } = await obtainCode(portal);
    expectError(await exchange(code, undefined), 'invalid_grant');
    expectError(await exchange(code, `${pkce.verifier.slice(1)}A`), 'invalid_grant');
    // Neither attempt used the code up.
    expect((await exchange(code, pkce.verifier)).status).toBe(200);
  });

  it('refuses a code_verifier when no challenge was bound (PKCE downgrade)', async () => {
    const code = redirectParams(await signIn(portal)).get('code')!;
    const result = await exchange(code, 'x'.repeat(43));
    expectError(result, 'invalid_grant');
    expect((await exchange(code, undefined)).status).toBe(200);
  });

  it('refuses a replayed code and revokes the tokens issued for it (RFC 6749 §4.1.2)', async () => {
    const { code, pkce } = await obtainCode(portal);
    const first = await exchange(code, pkce.verifier);
    expect(first.status).toBe(200);
    const accessToken = first.body.access_token as string;
    expect((await cameraList(portal, accessToken)).status).toBe(200);
    expectError(await exchange(code, pkce.verifier), 'invalid_grant');
    const api = await cameraList(portal, accessToken);
    expect(api.status).toBe(401);
    expect((await refresh(portal, first.body.refresh_token as string)).body.error).toBe(
      'invalid_grant',
    );
  });
});

describe('the token answer', () => {
  it('answers the documented query-string request with every field', async () => {
    const { code, pkce } = await obtainCode(portal);
    const { status, body, response } = await exchange(code, pkce.verifier);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({
      access_token: expect.stringMatching(/^nxs_at_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^nxs_rt_[A-Za-z0-9_-]{43}$/),
      scope: 'read,liveview',
    });
    const issued = portal.issued();
    for (const secret of [
      body.access_token,
      body.refresh_token,
      code,
      pkce.verifier,
      CLIENT_SECRET,
      'operator',
    ]) {
      expect(issued).toContain(secret);
    }
    expect(portal.stats.token).toMatchObject({
      requests: 1,
      authorization_code: 1,
      refresh_token: 0,
    });
  });

  it('accepts a form body too', async () => {
    const { code, pkce } = await obtainCode(portal);
    const response = await fetch(`${portal.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(codeGrant(code, pkce.verifier)),
    });
    expect(response.status).toBe(200);
  });

  it('works with oauth4webapi (HTTP Basic client authentication, form body)', async () => {
    portal.settings.basicClientAuth = true;
    const { code, pkce } = await obtainCode(portal);
    const as: oauth.AuthorizationServer = {
      issuer: portal.url,
      token_endpoint: `${portal.url}/oauth2/token`,
    };
    const client: oauth.Client = { client_id: CLIENT_ID };
    const params = oauth.validateAuthResponse(
      as,
      client,
      new URLSearchParams({ code, state: 'st4te-123' }),
      'st4te-123',
    );
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(CLIENT_SECRET),
      params,
      REDIRECT_URI,
      pkce.verifier,
      { [oauth.allowInsecureRequests]: true },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('read,liveview');
    expect((await cameraList(portal, tokens.access_token)).status).toBe(200);
  });

  it('sends only the fields tokenResponseFields names', async () => {
    portal.settings.tokenResponseFields = [];
    const bare = await obtainCode(portal);
    expect((await exchange(bare.code, bare.pkce.verifier)).body).toEqual({
      access_token: expect.any(String),
    });
    portal.settings.tokenResponseFields = ['expires_in', 'scope'];
    const some = await obtainCode(portal);
    expect(Object.keys((await exchange(some.code, some.pkce.verifier)).body).sort()).toEqual([
      'access_token',
      'expires_in',
      'scope',
    ]);
  });

  it('issues no refresh token when refresh tokens are off, and follows accessTokenLifetimeSec', async () => {
    portal.settings.refreshTokens = false;
    portal.settings.accessTokenLifetimeSec = 120;
    const { code, pkce } = await obtainCode(portal);
    const { body } = await exchange(code, pkce.verifier);
    expect(body.refresh_token).toBeUndefined();
    expect(body.expires_in).toBe(120);
  });

  it('grants the rights as requested, comma-separated, without duplicates', async () => {
    const { code, pkce } = await obtainCode(
      portal,
      authorizeParams({ scope: 'events,read,events' }),
    );
    expect((await exchange(code, pkce.verifier)).body.scope).toBe('events,read');
  });

  it('accepts a code without PKCE when PKCE is optional', async () => {
    const code = redirectParams(await signIn(portal)).get('code')!;
    expect((await exchange(code, undefined)).status).toBe(200);
  });
});

describe('leaks', () => {
  it('no refusal quotes a secret the portal issued or received', async () => {
    const first = await obtainCode(portal);
    const tokens = await exchange(first.code, first.pkce.verifier);
    const { code, pkce } = await obtainCode(portal);
    const answers = [
      await exchange(first.code, first.pkce.verifier),
      await exchange(code, `${pkce.verifier.slice(1)}A`),
      await exchange(code, pkce.verifier, { client_secret: 'second-secret' }),
      await exchange(code, pkce.verifier, {
        client_id: 'second-app',
        client_secret: 'second-secret',
      }),
      await refresh(portal, `${tokens.body.refresh_token as string}x`),
      await refresh(portal, tokens.body.access_token as string),
    ];
    const bodies = answers.map((answer) => JSON.stringify(answer.body)).join('\n');
    expect(answers.every((answer) => answer.status >= 400)).toBe(true);
    for (const secret of portal.issued()) expect(bodies).not.toContain(secret);
    const api = await cameraList(portal, `${tokens.body.access_token as string}x`);
    expect(JSON.stringify(api.body)).not.toContain(tokens.body.access_token);
  });
});
