// The refresh_token grant: refusals first, then rotation, the grace period,
// rotation off, refresh tokens off, dead refresh tokens, and access-token
// expiry, all on an injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startProvider, type ProviderStandIn } from '../../support/provider';
import {
  cameraList,
  CLIENT_ID,
  CLIENT_SECRET,
  obtainTokens,
  refresh,
  REDIRECT_URI,
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
          name: 'Second',
          redirect_uris: [REDIRECT_URI],
        },
      ],
      users: [
        ...DEFAULT_CONFIG.users,
        { username: 'guest', password: 'guest-pass', cameras: ['Lobby'] },
      ],
    },
    { clock: () => now },
  );
});
afterEach(async () => {
  await portal.close();
});

describe('refusals', () => {
  it('answers invalid_request without refresh_token', async () => {
    const { status, body } = await tokenRequest(portal, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
  });

  it('answers invalid_grant for an unknown refresh token', async () => {
    expect((await refresh(portal, 'nxs_rt_forged')).body.error).toBe('invalid_grant');
  });

  it('answers invalid_client for a wrong secret, before looking at the token', async () => {
    const tokens = await obtainTokens(portal);
    const { status, body } = await tokenRequest(portal, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: 'wrong',
      refresh_token: tokens.refresh_token,
    });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('answers invalid_grant for a refresh token of another client', async () => {
    const tokens = await obtainTokens(portal);
    const { body } = await tokenRequest(portal, {
      grant_type: 'refresh_token',
      client_id: 'second-app',
      client_secret: 'second-secret',
      refresh_token: tokens.refresh_token,
    });
    expect(body.error).toBe('invalid_grant');
    expect((await refresh(portal, tokens.refresh_token)).status).toBe(200);
  });

  it('answers invalid_scope for rights beyond the grant or unknown ones', async () => {
    const tokens = await obtainTokens(portal);
    for (const scope of ['read,write', 'read admin', 'bogus']) {
      const { status, body } = await tokenRequest(portal, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        refresh_token: tokens.refresh_token,
        scope,
      });
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_scope');
    }
  });

  it('answers invalid_grant after invalidateRefreshTokens, for that user only', async () => {
    const operator = await obtainTokens(portal);
    portal.invalidateRefreshTokens('guest');
    expect((await refresh(portal, operator.refresh_token)).status).toBe(200);
    const again = await obtainTokens(portal);
    portal.invalidateRefreshTokens('operator');
    expect((await refresh(portal, again.refresh_token)).body.error).toBe('invalid_grant');
    // The access token itself stays valid until it expires.
    expect((await cameraList(portal, again.access_token)).status).toBe(200);
  });

  it('answers unsupported_grant_type when the portal has refresh tokens off', async () => {
    const tokens = await obtainTokens(portal);
    portal.settings.refreshTokens = false;
    expect((await refresh(portal, tokens.refresh_token)).body.error).toBe('unsupported_grant_type');
  });
});

describe('rotation', () => {
  it('answers new tokens and kills the old refresh token at once (grace 0)', async () => {
    const first = await obtainTokens(portal);
    const second = await refresh(portal, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      access_token: expect.stringMatching(/^nxs_at_/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^nxs_rt_/),
      scope: 'read,liveview',
    });
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const replay = await refresh(portal, first.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect((await refresh(portal, second.body.refresh_token as string)).status).toBe(200);
    expect(portal.stats.token).toMatchObject({ authorization_code: 1, refresh_token: 3 });
    expect(portal.issued()).toContain(second.body.refresh_token);
  });

  it('accepts a replaced refresh token during rotationGraceSec, not after', async () => {
    portal.settings.rotationGraceSec = 30;
    const first = await obtainTokens(portal);
    const second = await refresh(portal, first.refresh_token);
    now += 29_999;
    const withinGrace = await refresh(portal, first.refresh_token);
    expect(withinGrace.status).toBe(200);
    expect(withinGrace.body.refresh_token).toMatch(/^nxs_rt_/);
    now += 1;
    // The grace period counts from the first replacement, not the last use.
    expect((await refresh(portal, first.refresh_token)).body.error).toBe('invalid_grant');
    expect((await refresh(portal, second.body.refresh_token as string)).status).toBe(200);
  });

  it('with rotation off, answers no refresh_token and the old one keeps working', async () => {
    portal.settings.rotateRefreshTokens = false;
    const first = await obtainTokens(portal);
    for (let i = 0; i < 3; i++) {
      const next = await refresh(portal, first.refresh_token);
      expect(next.status).toBe(200);
      expect(next.body.refresh_token).toBeUndefined();
      expect(next.body.access_token).toMatch(/^nxs_at_/);
    }
  });

  it('narrows the rights when scope asks for fewer', async () => {
    const first = await obtainTokens(portal);
    const { body } = await tokenRequest(portal, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      refresh_token: first.refresh_token,
      scope: 'read',
    });
    expect(body.scope).toBe('read');
  });
});

describe('access-token expiry (injected clock)', () => {
  it('works until expires_in has passed, then answers 401; a refresh brings a fresh one', async () => {
    portal.settings.accessTokenLifetimeSec = 300;
    const tokens = await obtainTokens(portal);
    now += 299_999;
    expect((await cameraList(portal, tokens.access_token)).status).toBe(200);
    now += 1;
    const expired = await cameraList(portal, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      error: 'invalid_token',
      error_description: expect.stringMatching(/expired/),
    });
    const fresh = await refresh(portal, tokens.refresh_token);
    expect((await cameraList(portal, fresh.body.access_token as string)).status).toBe(200);
  });

  it('keeps an earlier access token valid after a refresh, until it expires', async () => {
    const tokens = await obtainTokens(portal);
    await refresh(portal, tokens.refresh_token);
    expect((await cameraList(portal, tokens.access_token)).status).toBe(200);
  });
});
