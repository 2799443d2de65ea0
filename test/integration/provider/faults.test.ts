// Fault injection (from tests and over HTTP), latency, and stopping and
// starting the portal with its state kept.
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FAULT_ENDPOINTS,
  FAULTS_PATH,
  startProvider,
  type ProviderStandIn,
} from '../../support/provider';
import {
  authorizeParams,
  authorizeUrl,
  cameraList,
  codeGrant,
  obtainCode,
  obtainTokens,
  revoke,
  tokenRequest,
} from '../../support/portal-client';

let portal: ProviderStandIn;

beforeEach(async () => {
  portal = await startProvider();
});
afterEach(async () => {
  await portal.close();
});

const API_TOKEN = 'demo-operator-api-token';

/** One request to an endpoint, the way the app would make it. */
function hit(endpoint: (typeof FAULT_ENDPOINTS)[number]): Promise<Response> {
  switch (endpoint) {
    case 'authorize':
      return fetch(authorizeUrl(portal, authorizeParams()), { redirect: 'manual' });
    case 'token':
      return fetch(`${portal.url}/oauth2/token?grant_type=refresh_token&refresh_token=x`, {
        method: 'POST',
      });
    case 'revoke':
      return fetch(`${portal.url}/oauth2/revoke?access_token=x`, { method: 'POST' });
    case 'graphql':
      return fetch(`${portal.url}/api/graphql.php`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
        body: '{"query":"{cameraList{name}}"}',
      });
  }
}

/** A raw request whose outcome (an answer or a socket error) can be awaited later. */
function heldRequest(path: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(`${portal.url}${path}`, { method: 'POST' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end();
  });
}

async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise, Promise.resolve(marker)])) === marker;
}

describe('injected faults, per endpoint', () => {
  it.each(FAULT_ENDPOINTS)(
    '%s: 500, then 503 with Retry-After, then normal again',
    async (endpoint) => {
      portal.faults.inject(endpoint, { kind: '500' });
      portal.faults.inject(endpoint, { kind: '503', retryAfterSec: 7 });
      const first = await hit(endpoint);
      expect(first.status).toBe(500);
      const second = await hit(endpoint);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('7');
      const third = await hit(endpoint);
      expect([200, 400, 401]).toContain(third.status);
      expect(portal.stats[endpoint]).toMatchObject({ requests: 3, faulted: 2 });
    },
  );

  it.each(FAULT_ENDPOINTS)('%s: malformed JSON announced as JSON', async (endpoint) => {
    portal.faults.inject(endpoint, { kind: 'malformed-json' });
    const response = await hit(endpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it.each(FAULT_ENDPOINTS)(
    '%s: an HTML error page (502 by default, or the given status)',
    async (endpoint) => {
      portal.faults.inject(endpoint, { kind: 'html' });
      portal.faults.inject(endpoint, { kind: 'html', status: 200 });
      const proxy = await hit(endpoint);
      expect(proxy.status).toBe(502);
      expect(proxy.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await proxy.text()).toMatch(/<html>/);
      expect((await hit(endpoint)).status).toBe(200);
    },
  );

  it.each(FAULT_ENDPOINTS)('%s: reset destroys the connection', async (endpoint) => {
    portal.faults.inject(endpoint, { kind: 'reset' });
    await expect(hit(endpoint)).rejects.toThrow();
    expect((await hit(endpoint)).status).not.toBe(500);
  });

  it('a fault with count fails that many requests, then stops; other endpoints are untouched', async () => {
    portal.faults.inject('graphql', { kind: '500', count: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await cameraList(portal, API_TOKEN).catch(() => ({ status: 0 }))).status);
    expect(statuses).toEqual([0, 0, 0, 200]); // a 500 text body is not JSON: cameraList() throws
    expect((await revoke(portal, 'x')).status).toBe(200);
  });

  it('clear() removes queued faults and latency', async () => {
    portal.faults.inject('graphql', { kind: '500', count: 5 });
    portal.faults.latency('graphql', 60_000);
    portal.faults.clear();
    expect((await hit('graphql')).status).toBe(200);
  });

  it('refuses an unknown fault kind', () => {
    expect(() => portal.faults.inject('token', { kind: 'teapot' as '500' })).toThrow();
  });

  it('counts the grant_type of a faulted token request, and leaves the code unused', async () => {
    const { code, pkce } = await obtainCode(portal);
    const params = codeGrant(code, pkce.verifier);
    portal.faults.inject('token', { kind: '503' });
    const url = new URL('/oauth2/token', portal.url);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    expect((await fetch(url, { method: 'POST' })).status).toBe(503);
    expect((await tokenRequest(portal, params)).status).toBe(200);
    expect(portal.stats.token).toMatchObject({ requests: 2, faulted: 1, authorization_code: 2 });
  });

  it('no-answer holds the request open; close() still ends at once', async () => {
    portal.faults.inject('graphql', { kind: 'no-answer' });
    const held = heldRequest('/api/graphql.php');
    await vi.waitFor(() => expect(portal.stats.graphql.faulted).toBe(1));
    expect((await hit('graphql')).status).toBe(200);
    expect(await isPending(held)).toBe(true);
    const started = performance.now();
    await portal.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await held).toEqual({ error: expect.stringMatching(/ECONNRESET|socket hang up/) });
  });

  it('latency delays every request to that endpoint', async () => {
    portal.faults.latency('graphql', 200);
    const started = performance.now();
    expect((await hit('graphql')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('faults over HTTP (/__stand-in/faults)', () => {
  async function command(
    method: string,
    body?: string,
    contentType = 'application/json',
  ): Promise<Response> {
    return fetch(`${portal.url}${FAULTS_PATH}`, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'content-type': contentType } }),
    });
  }

  it('refuses a bad command, naming the field', async () => {
    const badKind = await command(
      'POST',
      JSON.stringify({ endpoint: 'token', fault: { kind: 'teapot' } }),
    );
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { error: string }).error).toMatch(/^fault\.kind:/);
    const badEndpoint = await command(
      'POST',
      JSON.stringify({ endpoint: 'nowhere', fault: { kind: '500' } }),
    );
    expect(((await badEndpoint.json()) as { error: string }).error).toMatch(/^endpoint:/);
    const neither = await command('POST', JSON.stringify({ endpoint: 'token' }));
    expect(neither.status).toBe(400);
    expect((await command('POST', '{', 'application/json')).status).toBe(400);
    expect((await command('POST', '{}', 'text/plain')).status).toBe(415);
    expect((await command('PUT', '{}')).status).toBe(405);
  });

  it('injects a fault and a latency, lists them, and clears them', async () => {
    expect(
      (
        await command(
          'POST',
          JSON.stringify({ endpoint: 'token', fault: { kind: '503', count: 2 } }),
        )
      ).status,
    ).toBe(204);
    expect(
      (await command('POST', JSON.stringify({ endpoint: 'graphql', latencyMs: 5 }))).status,
    ).toBe(204);
    const listed = await (await command('GET')).json();
    expect(listed).toEqual({
      faults: { token: [{ kind: '503', count: 2, remaining: 2 }] },
      latencyMs: { graphql: 5 },
    });
    expect((await hit('token')).status).toBe(503);
    expect((await command('DELETE')).status).toBe(204);
    expect((await hit('token')).status).toBe(401);
    expect(await (await command('GET')).json()).toEqual({ faults: {}, latencyMs: {} });
  });

  it('is absent when faultsOverHttp is false', async () => {
    const quiet = await startProvider({}, { faultsOverHttp: false });
    try {
      expect((await fetch(`${quiet.url}${FAULTS_PATH}`)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});

describe('stop and start', () => {
  it('stops listening and listens again on the same port, with its state kept', async () => {
    const tokens = await obtainTokens(portal);
    const url = portal.url;
    await portal.stop();
    await expect(fetch(`${url}/api/graphql.php`, { method: 'POST' })).rejects.toThrow();
    await portal.start();
    expect(portal.url).toBe(url);
    expect((await cameraList(portal, tokens.access_token)).status).toBe(200);
    expect(portal.stats.token.authorization_code).toBe(1);
  });

  it('stop() ends at once with a request held by no-answer', async () => {
    portal.faults.inject('token', { kind: 'no-answer' });
    const held = heldRequest('/oauth2/token');
    await vi.waitFor(() => expect(portal.stats.token.faulted).toBe(1));
    const started = performance.now();
    await portal.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await held).error).toBeDefined();
    await portal.start();
    expect((await hit('graphql')).status).toBe(200);
  });

  it('cannot start again after close()', async () => {
    await portal.close();
    await expect(portal.start()).rejects.toThrow(/closed/);
  });

  it('listens on 127.0.0.1 on the port asked for', async () => {
    const first = await startProvider();
    const port = first.port;
    await first.close();
    const fixed = await startProvider({}, { port });
    try {
      expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
      await expect(startProvider({}, { port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await fixed.close();
    }
  });
});
