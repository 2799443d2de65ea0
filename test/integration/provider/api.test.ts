// Revocation and the GraphQL API: refusals first, then what works, for OAuth
// access tokens and personal API tokens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startProvider, type ProviderStandIn } from '../../support/provider';
import { cameraList, obtainTokens, refresh, revoke } from '../../support/portal-client';

let portal: ProviderStandIn;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-01-01T10:00:00Z');
  portal = await startProvider(
    {
      users: [
        ...DEFAULT_CONFIG.users,
        {
          username: 'guest',
          password: 'guest-pass',
          cameras: ['Lobby'],
          apiTokens: [
            'guest-plain-token',
            {
              token: 'guest-expiring-token',
              rights: ['read', 'events'],
              expiresAt: '2026-01-02T00:00:00Z',
            },
          ],
        },
      ],
    },
    { clock: () => now },
  );
});
afterEach(async () => {
  await portal.close();
});

const OPERATOR_CAMERAS = {
  data: { cameraList: [{ name: 'Entrance' }, { name: 'Parking lot' }, { name: 'Warehouse' }] },
};

describe('revocation refusals', () => {
  it('takes POST only', async () => {
    const response = await fetch(`${portal.url}/oauth2/revoke?access_token=x`);
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ success: false });
  });

  it('answers 400 {"success":false} without access_token', async () => {
    const response = await fetch(`${portal.url}/oauth2/revoke`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ success: false, message: expect.any(String) });
  });

  it('for an unknown token, answers success by default and an error when revokeUnknownToken is error', async () => {
    expect(await revoke(portal, 'nxs_at_unknown')).toEqual({
      status: 200,
      body: { success: true, message: expect.any(String) },
    });
    portal.settings.revokeUnknownToken = 'error';
    expect(await revoke(portal, 'nxs_at_unknown')).toEqual({
      status: 400,
      body: { success: false, message: expect.stringMatching(/unknown/) },
    });
  });

  it('does not revoke through a refresh token or a personal API token passed as access_token', async () => {
    portal.settings.revokeUnknownToken = 'error';
    const tokens = await obtainTokens(portal);
    expect((await revoke(portal, tokens.refresh_token)).status).toBe(400);
    expect((await revoke(portal, 'demo-operator-api-token')).status).toBe(400);
    expect((await refresh(portal, tokens.refresh_token)).status).toBe(200);
    expect((await cameraList(portal, 'demo-operator-api-token')).status).toBe(200);
  });
});

describe('revocation', () => {
  it('answers {"success":true,"message":…} and kills the access token and its refresh token', async () => {
    const tokens = await obtainTokens(portal);
    const answer = await revoke(portal, tokens.access_token);
    expect(answer).toEqual({ status: 200, body: { success: true, message: expect.any(String) } });
    const api = await cameraList(portal, tokens.access_token);
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ error_description: expect.stringMatching(/revoked/) });
    expect((await refresh(portal, tokens.refresh_token)).body.error).toBe('invalid_grant');
    expect(portal.stats.revoke.requests).toBe(1);
  });

  it('after a rotation, revoking the new access token kills the new refresh token too', async () => {
    const first = await obtainTokens(portal);
    const second = (await refresh(portal, first.refresh_token)).body;
    await revoke(portal, second.access_token as string);
    expect((await refresh(portal, second.refresh_token as string)).body.error).toBe(
      'invalid_grant',
    );
  });

  it('leaves other sign-ins alone', async () => {
    const one = await obtainTokens(portal);
    const two = await obtainTokens(portal);
    await revoke(portal, one.access_token);
    expect((await cameraList(portal, two.access_token)).status).toBe(200);
    expect((await refresh(portal, two.refresh_token)).status).toBe(200);
  });

  it('accepts the parameter in a form body too', async () => {
    const tokens = await obtainTokens(portal);
    const response = await fetch(`${portal.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: tokens.access_token }),
    });
    expect(await response.json()).toMatchObject({ success: true });
    expect((await cameraList(portal, tokens.access_token)).status).toBe(401);
  });
});

describe('GraphQL refusals', () => {
  it('answers 401 with a JSON error and a Bearer challenge without a token', async () => {
    const { status, body, response } = await cameraList(portal, undefined);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'unauthorized' });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers 401 for another scheme, an empty token and an unknown token', async () => {
    for (const authorization of [
      'Basic b3BlcmF0b3I6b3BlcmF0b3I=',
      'Bearer ',
      'Bearer nxs_at_forged',
      'demo-operator-api-token',
    ]) {
      const response = await fetch(`${portal.url}/api/graphql.php`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{cameraList{name}}' }),
      });
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toHaveProperty('error');
      expect(text).not.toContain('forged');
    }
  });

  it('answers 401 for an expired and for a revoked personal API token', async () => {
    expect((await cameraList(portal, 'guest-expiring-token')).status).toBe(200);
    now = Date.parse('2026-01-02T00:00:00Z');
    const expired = await cameraList(portal, 'guest-expiring-token');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error_description: expect.stringMatching(/expired/) });
    expect(portal.revokeApiToken('guest-plain-token')).toBe(true);
    expect(portal.revokeApiToken('guest-plain-token')).toBe(false);
    expect((await cameraList(portal, 'guest-plain-token')).status).toBe(401);
  });

  it('takes POST with a JSON body only', async () => {
    const get = await fetch(`${portal.url}/api/graphql.php?query={cameraList{name}}`, {
      headers: { authorization: 'Bearer demo-operator-api-token' },
    });
    expect(get.status).toBe(405);
    const form = await fetch(`${portal.url}/api/graphql.php`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-operator-api-token', 'content-type': 'text/plain' },
      body: '{"query":"{cameraList{name}}"}',
    });
    expect(form.status).toBe(400);
    for (const body of ['{"query":', '[]', '{"query":42}']) {
      const response = await fetch(`${portal.url}/api/graphql.php`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer demo-operator-api-token',
          'content-type': 'application/json',
        },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ message: expect.any(String) }] });
    }
  });

  it.each([
    '{cameraList{name id}}',
    '{cameraList}',
    '{userList{name}}',
    'mutation { deleteCamera(id: 1) }',
    '{cameraList{name}} {cameraList{name}}',
    '',
  ])('answers a GraphQL error for %j (only cameraList is implemented)', async (query) => {
    const { status, body } = await cameraList(portal, 'demo-operator-api-token', query);
    expect(status).toBe(200);
    expect(body).toEqual({ errors: [{ message: expect.stringMatching(/cameraList/) }] });
  });
});

describe('GraphQL cameraList', () => {
  it("answers the OAuth token's user's cameras", async () => {
    const tokens = await obtainTokens(portal);
    const { status, body } = await cameraList(portal, tokens.access_token);
    expect(status).toBe(200);
    expect(body).toEqual(OPERATOR_CAMERAS);
    expect(portal.stats.graphql.requests).toBe(1);
  });

  it.each([
    'query { cameraList { name } }',
    'query Cameras {\n  cameraList {\n    name\n  }\n}',
    '{ cameraList { name, } } # comment',
  ])('accepts the query written as %j', async (query) => {
    expect((await cameraList(portal, 'demo-operator-api-token', query)).body).toEqual(
      OPERATOR_CAMERAS,
    );
  });

  it('accepts personal API tokens: configured, and added at run time', async () => {
    expect((await cameraList(portal, 'guest-plain-token')).body).toEqual({
      data: { cameraList: [{ name: 'Lobby' }] },
    });
    portal.addApiToken('operator', 'added-at-run-time', ['read']);
    expect((await cameraList(portal, 'added-at-run-time')).body).toEqual(OPERATOR_CAMERAS);
    expect(portal.issued()).toEqual(
      expect.arrayContaining(['guest-plain-token', 'guest-expiring-token', 'added-at-run-time']),
    );
    expect(() => portal.addApiToken('nobody', 'x')).toThrow(/no user "nobody"/);
    expect(() => portal.addApiToken('guest', 'added-at-run-time')).toThrow(/already exists/);
  });

  it('honours an expiry given to addApiToken', async () => {
    portal.addApiToken('operator', 'short-lived', ['read'], new Date(now + 1000));
    expect((await cameraList(portal, 'short-lived')).status).toBe(200);
    now += 1000;
    expect((await cameraList(portal, 'short-lived')).status).toBe(401);
  });
});
