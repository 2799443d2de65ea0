// The fetch port's rule over Electron's ClientRequest (net-answer.ts), run in
// Node against real loopback servers through the double's ClientRequest,
// which follows lib/common/api/net-client-request.ts (main at 45 nightly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedFetch } from '../../../main/auth/http';
import { fetchOverNetRequest, redirectAnswer } from '../../../main/desktop/net-answer';
import { ClientRequestDouble, netFetchDouble } from '../../support/electron-double/net';
import { listenOnLoopback, type LoopbackServer } from '../../support/loopback-server';

const open = (options: Electron.ClientRequestConstructorOptions) =>
  new ClientRequestDouble(options);
const viaNet = (input: string | URL | Request, init?: RequestInit) =>
  fetchOverNetRequest(open, input, init);

describe('redirectAnswer', () => {
  it('is a 3xx Response with every header Chromium reported and no body', async () => {
    const answer = redirectAnswer(302, {
      location: ['https://portal.example/login'],
      'set-cookie': ['a=1', 'b=2'],
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('https://portal.example/login');
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await answer.text()).toBe('');
  });

  it.each([200, 299, 400, 3.5, Number.NaN])(
    'refuses status %s: only a redirect is answered so',
    (status) => {
      expect(() => redirectAnswer(status, {})).toThrow(/needs a 3xx status/);
    },
  );

  it('leaves out a header value the Fetch standard cannot hold, not the answer', () => {
    const answer = redirectAnswer(301, { location: ['/next'], bad: ['line\nbreak'] });
    expect(answer.headers.get('location')).toBe('/next');
    expect(answer.headers.has('bad')).toBe(false);
  });
});

describe('fetchOverNetRequest (over the double of ClientRequest and a loopback server)', () => {
  let server: LoopbackServer;
  const seen: { method: string; url: string; body: string; headers: Record<string, unknown> }[] =
    [];

  beforeAll(async () => {
    server = await listenOnLoopback((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
        if (req.url?.startsWith('/moved')) {
          res.writeHead(302, { location: '/landing', 'x-portal': 'login' }).end('moved');
        } else if (req.url === '/no-location') {
          res.writeHead(304).end();
        } else if (req.url === '/slow') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first part');
          // The rest never comes: the reader's signal must end it.
        } else {
          res
            .writeHead(200, { 'content-type': 'application/json', 'x-echo': req.method ?? '' })
            .end(JSON.stringify({ method: req.method, body }));
        }
      });
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('Electron fact: net.fetch asked for redirect "manual" rejects a 3xx with "Redirect was cancelled" (lib/browser/api/net-fetch.ts)', async () => {
    await expect(
      netFetchDouble(open, `${server.url}/moved`, { redirect: 'manual' }),
    ).rejects.toThrow('Redirect was cancelled');
  });

  it('answers a 3xx asked for with redirect "manual" with its status and Location, as Node fetch does', async () => {
    const answer = await viaNet(`${server.url}/moved`, {
      redirect: 'manual',
      method: 'POST',
      body: 'x',
    });
    const node = await fetch(`${server.url}/moved`, {
      redirect: 'manual',
      method: 'POST',
      body: 'x',
    });
    expect(answer.status).toBe(node.status);
    expect(answer.headers.get('location')).toBe(node.headers.get('location'));
    expect(answer.headers.get('x-portal')).toBe('login');
    // The redirect was not followed.
    expect(seen.filter((r) => r.url === '/landing')).toEqual([]);
  });

  it('through the engine\'s boundedFetch a 3xx is an answer with its status, not "could not be sent"', async () => {
    const bounded = boundedFetch(viaNet, { timeoutMs: 5_000, maxBodyBytes: 1024 }, 'Portal');
    const answer = await bounded(`${server.url}/moved?again`, { method: 'GET' });
    expect(answer.status).toBe(302);
  });

  it('follows when asked to follow (Electron follows by itself)', async () => {
    const answer = await viaNet(`${server.url}/moved-follow`, { redirect: 'follow' });
    expect(answer.status).toBe(200);
    expect(seen.at(-1)?.url).toBe('/landing');
  });

  it('a 3xx without a Location is an ordinary answer', async () => {
    const answer = await viaNet(`${server.url}/no-location`, { redirect: 'manual' });
    expect(answer.status).toBe(304);
  });

  it('sends the method, headers and body, and streams the answer', async () => {
    const answer = await viaNet(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0k3n' },
      body: JSON.stringify({ query: '{cameraList{name}}' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-echo')).toBe('POST');
    expect(await answer.json()).toEqual({
      method: 'POST',
      body: JSON.stringify({ query: '{cameraList{name}}' }),
    });
    expect(seen.at(-1)?.headers).toMatchObject({ authorization: 'Bearer t0k3n' });
  });

  it('the signal ends a body that never finishes: the engine reports a timeout', async () => {
    const bounded = boundedFetch(viaNet, { timeoutMs: 300, maxBodyBytes: 1024 }, 'Portal');
    await expect(bounded(`${server.url}/slow`, { method: 'GET' })).rejects.toMatchObject({
      code: 'timeout',
    });
  });

  it('a signal already aborted sends nothing', async () => {
    const before = seen.length;
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(viaNet(`${server.url}/echo`, { signal: controller.signal })).rejects.toThrow(
      'stop',
    );
    expect(seen.length).toBe(before);
  });

  it('a refused connection rejects (the engine says the request could not be sent)', async () => {
    const closed = await listenOnLoopback((_req, res) => res.end());
    const url = closed.url;
    await closed.close();
    const bounded = boundedFetch(viaNet, { timeoutMs: 5_000, maxBodyBytes: 1024 }, 'Portal');
    await expect(bounded(`${url}/x`, { method: 'GET' })).rejects.toMatchObject({ code: 'network' });
  });
});
