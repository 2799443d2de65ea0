import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { boundedFetch } from '../../../main/auth/http';
import { freePort, listenOnLoopback } from '../../support/loopback-server';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

const policy = { timeoutMs: 300, maxBodyBytes: 1024 * 1024 };

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

/** Everything an error could carry into a log, a dialog or an IPC message. */
function everythingSaid(error: AuthError): string {
  const cause: unknown = (error as { cause?: unknown }).cause;
  return [
    error.message,
    error.reason,
    error.stack ?? '',
    String(error),
    JSON.stringify(error),
    JSON.stringify(error.toUserFacing()),
    cause instanceof Error ? `${cause.message} ${cause.stack ?? ''}` : String(cause ?? ''),
  ].join('\n');
}

describe('boundedFetch', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());
  const http = () => boundedFetch(fetch, policy, 'ACME');

  it('answers with the body read into memory', async () => {
    server.on('/ok', { json: { a: 1 } });
    const response = await http()(`${server.url}/ok`, { method: 'GET' });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ a: 1 });
  });

  // The contract the fetch port keeps (Node's fetch does, undici lib/web/fetch/index.js with
  // redirect 'manual'): a 3xx is an answer, and only discovery decides whether to follow it.
  it('hands a redirect back as an answer with its status and Location, following nothing', async () => {
    server.on('/moved', { status: 308, headers: { location: '/elsewhere' } });
    const response = await http()(`${server.url}/moved`, { method: 'GET' });
    expect([response.status, response.headers.get('location')]).toEqual([308, '/elsewhere']);
    expect(server.requests.some((r) => r.url.pathname === '/elsewhere')).toBe(false);
  });

  it('gives up on a server that never answers, as a timeout naming the portal', async () => {
    server.on('/hang', 'hang');
    const error = await failure(
      http()(`${server.url}/hang?client_secret=s3cr3t`, { method: 'POST' }),
    );
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^ACME did not answer within 1 second\./);
    expect(JSON.stringify(error.toUserFacing())).not.toContain('s3cr3t');
  });

  it('times out a body that stops halfway', async () => {
    const trickle = await listenOnLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":"');
    });
    try {
      expect((await failure(http()(trickle.url, { method: 'GET' }))).code).toBe('timeout');
    } finally {
      await trickle.close();
    }
  });

  it('refuses a 10 MB answer cleanly, declared or streamed', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    server.on('/big', { body: big });
    expect(await failure(http()(`${server.url}/big`, { method: 'GET' }))).toMatchObject({
      code: 'portal_error',
      reason: expect.stringMatching(/larger than/),
    });
    const chunked = await listenOnLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x62);
      for (let i = 0; i < 160; i++) res.write(chunk);
      res.end();
    });
    try {
      expect((await failure(http()(chunked.url, { method: 'GET' }))).code).toBe('portal_error');
    } finally {
      await chunked.close();
    }
  });

  it('reports a refused connection as network trouble', async () => {
    const error = await failure(
      http()(`http://127.0.0.1:${await freePort()}/x`, { method: 'GET' }),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/could not reach ACME/);
  });

  // The Netrex token request carries the client secret in its query: a failure
  // may name the portal, never the request's address, path or query.
  it('says nothing of the request address when the network, the clock or the body fails', async () => {
    const query = '?client_secret=q-s3cr3t-71&refresh_token=nxs_rt_q-99';
    const gone = `http://127.0.0.1:${await freePort()}`;
    server.on('/hang-secret', 'hang');
    const trickle = await listenOnLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":"');
    });
    try {
      const failures = [
        await failure(http()(`${gone}/oauth2/token${query}`, { method: 'POST' })),
        await failure(http()(`${server.url}/hang-secret${query}`, { method: 'POST' })),
        await failure(http()(`${trickle.url}/oauth2/token${query}`, { method: 'POST' })),
      ];
      expect(failures.map((f) => f.code)).toEqual(['network', 'timeout', 'timeout']);
      for (const error of failures) {
        const said = everythingSaid(error);
        expect(said).toContain('ACME');
        for (const part of [
          'q-s3cr3t-71',
          'nxs_rt_q-99',
          'client_secret',
          '/oauth2/token',
          '/hang-secret',
          '127.0.0.1',
        ]) {
          expect(said).not.toContain(part);
        }
      }
    } finally {
      await trickle.close();
    }
  });

  it('never follows a redirect', async () => {
    server.on('/moved', { status: 302, headers: { location: '/ok' } });
    const before = server.requests.length;
    const response = await http()(`${server.url}/moved`, { method: 'GET' });
    expect(response.status).toBe(302);
    expect(server.requests.length).toBe(before + 1);
  });
});
