// The adapter behind the services' fetch port (main/electron/portal-http.ts)
// under a typed double of Electron whose net follows
// lib/common/api/net-client-request.ts and lib/browser/api/net-fetch.ts
// (main at 45 nightly). Issue 12, defect 4: a portal's 3xx was reported as
// "the request could not be sent", because net.fetch rejects every redirect
// it is told to handle manually.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boundedFetch } from '../../../main/auth/http';
import { createPortalFetch } from '../../../main/electron/portal-http';
import { electronDouble } from '../../support/electron-double/mocked';
import { listenOnLoopback, type LoopbackServer } from '../../support/loopback-server';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

describe('the fetch port over Electron net (portal-http.ts)', () => {
  const double = electronDouble();
  let portal: LoopbackServer;

  beforeAll(async () => {
    portal = await listenOnLoopback((req, res) => {
      if (req.url === '/oauth2/token') {
        res.writeHead(302, { location: 'https://portal.example/login' }).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=1' });
        res.end('{"data":{"cameraList":[]}}');
      }
    });
  });

  afterAll(async () => {
    await portal?.close();
    rmSync(double.app.getPath('userData'), { recursive: true, force: true });
  });

  it('is made only after ready: sessions are not there before (electron_api_session.cc)', () => {
    expect(() => createPortalFetch()).toThrow('Session can only be received when app is ready');
    expect(double.rules.violations.map((v) => v.rule)).toEqual(['session-after-ready']);
    double.rules.violations.length = 0;
  });

  it('Electron fact: the session\'s own fetch rejects a manual redirect with "Redirect was cancelled"', async () => {
    double.app.emitReady();
    const session = double.electron.session.fromPartition('netrex-main-http');
    await expect(
      session.fetch(`${portal.url}/oauth2/token`, { method: 'POST', redirect: 'manual' }),
    ).rejects.toThrow('Redirect was cancelled');
  });

  it('answers a 3xx from the token endpoint with its status, as Node fetch does', async () => {
    const port = createPortalFetch();
    const answer = await port(`${portal.url}/oauth2/token`, { method: 'POST', redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('https://portal.example/login');
    // What the engine sees: an answer to judge, not a network failure.
    const bounded = boundedFetch(port, { timeoutMs: 5_000, maxBodyBytes: 1024 }, 'Portal');
    await expect(bounded(`${portal.url}/oauth2/token`, { method: 'POST' })).resolves.toMatchObject({
      status: 302,
    });
  });

  it('answers a 200 with its body; asks net for no cookies and no cache, in its own session', async () => {
    const port = createPortalFetch();
    const answer = await port(`${portal.url}/api/graphql.php`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { cameraList: [] } });
    const asked = double.requests.at(-1);
    expect(asked).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store' });
    expect((asked?.session as { partition?: string } | undefined)?.partition).toBe(
      'netrex-main-http',
    );
  });

  it('breaks no Electron rule doing so', () => {
    expect(double.rules.violations).toEqual([]);
  });
});
