// Refresh and revocation in the Netrex dialect, against a scripted portal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import type { TokenSet } from '../../../main/auth/token-set';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

const SECRET = 'client-secret-0123456789';

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

describe('Netrex dialect: refresh and revoke', () => {
  let portal: ScriptedServer;
  let clock: ManualClock;
  let engine: SignInEngine;
  let tokens: TokenSet;

  beforeEach(async () => {
    portal = await startScriptedServer();
    clock = new ManualClock();
    engine = createSignInEngine({
      providers: {
        get: (id) =>
          id === 'demo'
            ? {
                id,
                name: 'Demo Portal',
                dialect: 'netrex',
                origin: 'demo',
                url: `${portal.url}/base`,
                clientId: 'client-1',
                rights: ['read'],
                redirectKind: 'custom-scheme',
                loopbackPort: 28813,
                locked: false,
              }
            : undefined,
      },
      secrets: { get: () => SECRET },
      fetch,
      clock,
      timeoutMs: 500,
    });
    tokens = {
      providerUrl: `${portal.url}/base`,
      accessToken: 'access-old-123456',
      refreshToken: 'refresh-old-123456',
      tokenType: 'bearer',
      expiresAt: clock.now() + 60_000,
      rights: ['read', 'events'],
      rightsReported: true,
      obtainedAt: clock.now(),
    };
  });
  afterEach(async () => {
    await engine.dispose();
    await portal.close();
  });

  it('refreshes through the query string; a new refresh token replaces the old one', async () => {
    portal.on('/base/oauth2/token', {
      json: {
        access_token: 'access-new-123456',
        refresh_token: 'refresh-new-123456',
        expires_in: 3600,
      },
    });
    const next = await engine.refresh('demo', tokens);
    const request = portal.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      client_id: 'client-1',
      client_secret: SECRET,
      grant_type: 'refresh_token',
      refresh_token: 'refresh-old-123456',
    });
    expect(next).toMatchObject({
      accessToken: 'access-new-123456',
      refreshToken: 'refresh-new-123456',
      expiresAt: clock.now() + 3_600_000,
      rights: ['read', 'events'],
      rightsReported: false,
    });
  });

  it('sends nothing when the provider id now names another address than the one that issued the tokens', async () => {
    const elsewhere = { ...tokens, providerUrl: 'https://old-portal.example' };
    for (const call of [
      () => engine.refresh('demo', elsewhere),
      () => engine.revoke('demo', elsewhere),
      () => engine.checkAccess('demo', elsewhere),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: 'AuthError', code: 'provider_changed' });
    }
    expect(portal.requests).toEqual([]);
  });

  it('keeps the refresh token when the answer has none', async () => {
    portal.on('/base/oauth2/token', { json: { access_token: 'access-new-123456' } });
    expect((await engine.refresh('demo', tokens)).refreshToken).toBe('refresh-old-123456');
  });

  it('says the grant is dead on invalid_grant, and to keep the tokens on portal trouble', async () => {
    portal.on('/base/oauth2/token', { status: 400, json: { error: 'invalid_grant' } });
    const dead = await failure(engine.refresh('demo', tokens));
    expect(dead).toMatchObject({ code: 'invalid_grant', retryable: false, grantDead: true });
    portal.on('/base/oauth2/token', { status: 502, body: '<html>Bad gateway</html>' });
    const trouble = await failure(engine.refresh('demo', tokens));
    expect(trouble).toMatchObject({ code: 'portal_error', retryable: true, grantDead: false });
    expect(
      await failure(engine.refresh('demo', { ...tokens, refreshToken: undefined })),
    ).toMatchObject({
      code: 'no_refresh_token',
      grantDead: true,
    });
  });

  it("carries a 503's or 429's Retry-After (seconds or a date by the portal's clock), ignores garbage", async () => {
    portal.on('/base/oauth2/token', {
      status: 503,
      headers: { 'retry-after': '30' },
      body: 'busy',
    });
    expect(await failure(engine.refresh('demo', tokens))).toMatchObject({
      code: 'temporarily_unavailable',
      retryable: true,
      retryAfterMs: 30_000,
    });
    // An OAuth error body on a 503 keeps the header's wish too.
    portal.on('/base/oauth2/token', {
      status: 503,
      headers: { 'retry-after': '45' },
      json: { error: 'temporarily_unavailable' },
    });
    expect(await failure(engine.refresh('demo', tokens))).toMatchObject({
      code: 'temporarily_unavailable',
      retryAfterMs: 45_000,
    });
    // 429: too many requests, the same "later"; a date is measured by the answer's Date.
    portal.on('/base/oauth2/token', {
      status: 429,
      headers: {
        date: 'Sun, 06 Nov 1994 08:49:37 GMT',
        'retry-after': 'Sun, 06 Nov 1994 08:51:37 GMT',
      },
      body: 'slow down',
    });
    expect(await failure(engine.refresh('demo', tokens))).toMatchObject({
      code: 'temporarily_unavailable',
      retryAfterMs: 120_000,
    });
    portal.on('/base/oauth2/token', { status: 503, headers: { 'retry-after': 'soon' }, body: '' });
    expect((await failure(engine.refresh('demo', tokens))).retryAfterMs).toBeUndefined();
    // Not on other statuses: 502 has no such meaning.
    portal.on('/base/oauth2/token', { status: 502, headers: { 'retry-after': '30' }, body: '' });
    expect(await failure(engine.refresh('demo', tokens))).toMatchObject({
      code: 'portal_error',
      retryAfterMs: undefined,
    });
  });

  it('revokes with the access token in the query string and expects {"success":true}', async () => {
    portal.on('/base/oauth2/revoke', { json: { success: true, message: 'Token revoked' } });
    await engine.revoke('demo', tokens);
    const request = portal.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.target).toBe('/base/oauth2/revoke?access_token=access-old-123456');
  });

  it('reports a refused revocation with the portal message as detail, tokens removed', async () => {
    portal.on('/base/oauth2/revoke', {
      status: 400,
      json: { success: false, message: 'Unknown token access-old-123456' },
    });
    const error = await failure(engine.revoke('demo', tokens));
    expect(error.code).toBe('revocation_failed');
    expect(error.detail).toBe('Unknown token [removed]');
    portal.on('/base/oauth2/revoke', { body: '<html>ok</html>' });
    expect((await failure(engine.revoke('demo', tokens))).code).toBe('portal_error');
  });

  it('renews an expired access token before revoking with it', async () => {
    portal.on('/base/oauth2/token', { json: { access_token: 'access-fresh-123456' } });
    portal.on('/base/oauth2/revoke', { json: { success: true } });
    clock.advance(120_000);
    await engine.revoke('demo', tokens);
    expect(portal.requests.map((r) => r.url.pathname)).toEqual([
      '/base/oauth2/token',
      '/base/oauth2/revoke',
    ]);
    expect(portal.requests[1]!.url.searchParams.get('access_token')).toBe('access-fresh-123456');
  });

  it('treats an expired access token with a dead refresh token as already revoked', async () => {
    portal.on('/base/oauth2/token', { status: 400, json: { error: 'invalid_grant' } });
    clock.advance(120_000);
    await engine.revoke('demo', tokens);
    expect(portal.requests.map((r) => r.url.pathname)).toEqual(['/base/oauth2/token']);
  });
});
