// A portal's checks against real servers on loopback: the portal stand-in
// (healthy, then every fault of its matrix on the token endpoint and on the
// API), TLS servers with a self-signed certificate, an expired one and one
// for another name, a portal whose clock is an hour ahead, a port with
// nothing behind it, a port another program holds, a portal that never
// answers (bounded on a manual clock), and a name that does not resolve.
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/common/clock';
import {
  createNodeProbes,
  type NodeProbeOptions,
} from '../../../main/support/diagnosis/node-probes';
import type { DiagnosisCheck, DiagnosisSection } from '../../../main/support/diagnosis/model';
import { checkPortal, type PortalTarget } from '../../../main/support/diagnosis/portal-checks';
import { reportWords } from '../../../main/support/diagnosis/words';
import { freePort, listenOnLoopback } from '../../support/loopback-server';
import { ManualClock } from '../../support/manual-clock';
import { FAULT_KINDS, type FaultKind } from '../../support/provider/faults';
import { startProvider, type ProviderStandIn } from '../../support/provider';
import {
  fetchTrusting,
  makeServerCert,
  makeTestCa,
  startTlsPortal,
  type Pem,
  type TlsPortal,
} from '../../support/tls-portal';

const DAY = 24 * 60 * 60 * 1000;
const words = reportWords('en');

function portal(url: string, id = 'p'): PortalTarget {
  return { id, name: `Portal ${id}`, url, dialect: 'netrex', redirectKind: 'custom-scheme' };
}

async function check(
  target: PortalTarget,
  probes: Partial<NodeProbeOptions> = {},
  timeoutMs = 5000,
): Promise<Record<string, DiagnosisCheck>> {
  const section = await checkPortal(target, {
    probes: createNodeProbes({ fetch, ...probes }),
    bounds: { clock: systemClock, elapsed: () => performance.now() },
    timeoutMs,
    words,
    now: () => Date.now(),
  });
  return byPart(section);
}

/** Checks by the last part of their id: `dns`, `tls`, `http.api`, … */
function byPart(section: DiagnosisSection): Record<string, DiagnosisCheck> {
  return Object.fromEntries(section.checks.map((c) => [c.id.slice(`${section.id}.`.length), c]));
}

const statusAndCode = (c: DiagnosisCheck | undefined) => [c?.status, c?.code];

let standIn: ProviderStandIn;
let ca: Pem;
const servers: TlsPortal[] = [];
beforeAll(async () => {
  standIn = await startProvider({});
  ca = await makeTestCa();
});
afterAll(async () => {
  await standIn.close();
  for (const server of servers) await server.close();
});
async function tlsPortal(pem: Pem, options?: Parameters<typeof startTlsPortal>[1]) {
  const server = await startTlsPortal(pem, options);
  servers.push(server);
  return server;
}

describe("a portal's checks", () => {
  it('finds the stand-in reachable at every layer, with its clock in agreement', async () => {
    const checks = await check(portal(standIn.url));
    expect(Object.keys(checks)).toEqual([
      'address',
      'dns',
      'tcp',
      'tls',
      'http.token',
      'http.api',
      'proxy',
      'clock',
    ]);
    expect(checks.dns).toMatchObject({ status: 'ok', facts: { addresses: '127.0.0.1' } });
    expect(checks.tcp!.status).toBe('ok');
    expect(checks.tls).toMatchObject({ status: 'skip', detail: words.portal.tlsPlain });
    // No credential is sent: both say 401 (no client, no token).
    expect(checks['http.token']).toMatchObject({ status: 'ok', facts: { status: 401 } });
    expect(checks['http.api']).toMatchObject({ status: 'ok', facts: { status: 401 } });
    expect(checks.clock!.status).toBe('ok');
    expect(checks.proxy).toMatchObject({ status: 'info', detail: words.portal.proxyUnknown });
  });

  const EXPECTED: Record<FaultKind, [string, string | undefined]> = {
    '500': ['fail', 'http_status'],
    '503': ['fail', 'http_status'],
    html: ['fail', 'http_status'], // a gateway's 502 page
    'malformed-json': ['ok', undefined], // it answers: the body is never read
    reset: ['fail', 'reset'],
    'no-answer': ['fail', 'timed_out'],
  };
  describe.each(['token', 'graphql'] as const)('with each fault on %s', (endpoint) => {
    const role = endpoint === 'token' ? 'http.token' : 'http.api';
    const other = endpoint === 'token' ? 'http.api' : 'http.token';
    it.each(FAULT_KINDS)('%s', async (kind) => {
      standIn.faults.clear();
      standIn.faults.inject(endpoint, { kind });
      const clock = new ManualClock(Date.now());
      let settled = 0;
      let allButOne: () => void = () => undefined;
      const fewLeft = new Promise<void>((resolve) => (allButOne = resolve));
      const running = checkPortal(portal(standIn.url), {
        probes: createNodeProbes({ fetch }),
        bounds: {
          clock,
          elapsed: () => performance.now(),
          settled: () => ++settled === 3 && allButOne(),
        },
        timeoutMs: 4000,
        words,
        now: () => Date.now(),
      });
      if (kind === 'no-answer') {
        // Every check but the silent one has settled: only then does time pass.
        await fewLeft;
        clock.advance(4000);
      }
      const checks = byPart(await running);
      expect(statusAndCode(checks[role]), `${endpoint} ${kind}`).toEqual(EXPECTED[kind]);
      expect(checks[other]!.status).toBe('ok');
      expect(checks.tcp!.status).toBe('ok');
      if (kind === '503') expect(checks[role]!.facts).toMatchObject({ status: 503 });
      if (kind === 'html') expect(checks[role]!.facts).toMatchObject({ status: 502 });
      if (kind === 'no-answer') {
        expect(checks[role]!.detail).toBe(
          words.portal.failure('timed_out', { host: '127.0.0.1', port: standIn.port, seconds: 4 }),
        );
      }
    });
  });

  it('says a self-signed certificate is not trusted, names its issuer, and suspects a proxy', async () => {
    const server = await tlsPortal(
      await makeServerCert({ commonName: 'Corporate Inspection Proxy' }),
    );
    const checks = await check(portal(server.url), { extraCa: [ca.cert] });
    expect(statusAndCode(checks.tls)).toEqual(['fail', 'cert_untrusted']);
    expect(checks.tls!.detail).toContain('issued by Corporate Inspection Proxy');
    expect(checks.tls!.detail).toContain(
      'A proxy or security product may be replacing the portal\u2019s certificate',
    );
    expect(checks.tls!.facts).toMatchObject({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    // The app's fetch refuses it too, and says why.
    expect(statusAndCode(checks['http.token'])).toEqual(['fail', 'cert_untrusted']);
    expect(checks.tcp!.status).toBe('ok');
  });

  it('says when a certificate expired, with the date', async () => {
    const notAfter = new Date(Date.now() - 2 * DAY);
    const server = await tlsPortal(
      await makeServerCert({ ca, notBefore: new Date(Date.now() - 30 * DAY), notAfter }),
    );
    const checks = await check(portal(server.url), {
      extraCa: [ca.cert],
      fetch: fetchTrusting(ca.cert),
    });
    expect(statusAndCode(checks.tls)).toEqual(['fail', 'cert_expired']);
    expect(checks.tls!.detail).toContain(`expired on ${notAfter.toISOString().slice(0, 10)}`);
    expect(statusAndCode(checks['http.api'])).toEqual(['fail', 'cert_expired']);
  });

  it('says when a certificate is for another name, and names the names', async () => {
    const server = await tlsPortal(await makeServerCert({ ca, names: ['portal.example'] }));
    const checks = await check(portal(server.url), {
      extraCa: [ca.cert],
      fetch: fetchTrusting(ca.cert),
    });
    expect(statusAndCode(checks.tls)).toEqual(['fail', 'cert_wrong_name']);
    expect(checks.tls!.detail).toContain('for another name (portal.example), not 127.0.0.1');
    expect(statusAndCode(checks['http.token'])).toEqual(['fail', 'cert_wrong_name']);
  });

  it('passes a good certificate from a trusted authority and describes it', async () => {
    const server = await tlsPortal(await makeServerCert({ ca }));
    const checks = await check(portal(server.url), {
      extraCa: [ca.cert],
      fetch: fetchTrusting(ca.cert),
    });
    expect(checks.tls).toMatchObject({
      status: 'ok',
      facts: { subject: '127.0.0.1', issuer: 'Netrex Test Root CA', names: '127.0.0.1' },
    });
    expect(checks.tls!.detail).toMatch(
      /^TLSv1\.3; certificate for 127\.0\.0\.1, issued by Netrex Test Root CA/,
    );
    expect(checks['http.api']).toMatchObject({ status: 'ok', facts: { status: 401 } });
  });

  it("warns when the portal's clock is an hour ahead, and says by how much", async () => {
    const server = await tlsPortal(await makeServerCert({ ca }), {
      date: () => new Date(Date.now() + 60 * 60 * 1000),
    });
    const checks = await check(portal(server.url), {
      extraCa: [ca.cert],
      fetch: fetchTrusting(ca.cert),
    });
    expect(statusAndCode(checks.clock)).toEqual(['warn', 'clock_skew']);
    const offset = checks.clock!.facts!.offsetMs as number;
    expect(Math.abs(offset - 3_600_000)).toBeLessThanOrEqual(1000);
    expect(checks.clock!.detail).toMatch(
      /^The portal’s clock is 1 h 0 min ahead of this computer’s\./,
    );
  });

  it('says a port with nothing behind it refused the connection', async () => {
    const port = await freePort();
    const checks = await check(portal(`http://127.0.0.1:${port}`));
    expect(statusAndCode(checks.tcp)).toEqual(['fail', 'refused']);
    expect(checks.tcp!.detail).toMatch(/^127\.0\.0\.1:\d+ refused the connection/);
    expect(statusAndCode(checks['http.token'])).toEqual(['fail', 'refused']);
  });

  it('tells a port another program holds from the portal: no TLS there, nothing at the paths', async () => {
    const other = await listenOnLoopback((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not the portal</h1>');
    });
    try {
      const asHttps = await check(portal(`https://127.0.0.1:${other.port}`));
      expect(statusAndCode(asHttps.tcp)).toEqual(['ok', undefined]);
      expect(statusAndCode(asHttps.tls)).toEqual(['fail', 'tls_failed']);
      const asHttp = await check(portal(other.url));
      expect(statusAndCode(asHttp['http.api'])).toEqual(['warn', 'http_status']);
      expect(asHttp['http.api']!.detail).toContain('HTTP 404: nothing is at this address');
    } finally {
      await other.close();
    }
  });

  it('bounds a portal that takes the connection and never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createTcpServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    const clock = new ManualClock(Date.now());
    let settled = 0;
    let fastDone: () => void = () => undefined;
    const fast = new Promise<void>((resolve) => (fastDone = resolve));
    try {
      const running = checkPortal(portal(`https://127.0.0.1:${port}`), {
        probes: createNodeProbes({ fetch }),
        bounds: {
          clock,
          elapsed: () => performance.now(),
          settled: () => ++settled === 2 && fastDone(), // the name and the connection
        },
        timeoutMs: 4000,
        words,
        now: () => Date.now(),
      });
      await fast;
      expect(clock.pendingTimers).toBe(3); // TLS and both requests are still waiting
      clock.advance(4000);
      const checks = byPart(await running);
      expect(checks.tcp!.status).toBe('ok');
      for (const part of ['tls', 'http.token', 'http.api']) {
        expect(statusAndCode(checks[part]), part).toEqual(['fail', 'timed_out']);
        expect(checks[part]!.detail).toContain('within 4 s');
      }
      expect(clock.pendingTimers).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('says a name was not found (resolved through a name table: no DNS query leaves the machine)', async () => {
    const table: Record<string, string> = { 'portal.local.test': '127.0.0.1' };
    const resolve = async (host: string) => {
      const address = table[host];
      if (!address)
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [address];
    };
    // The app's fetch resolves through the same table.
    const viaTable: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      try {
        url.hostname = (await resolve(url.hostname))[0]!;
      } catch (cause) {
        throw new TypeError('fetch failed', { cause });
      }
      return fetch(url, init);
    };
    const checks = await check(portal('https://portal.invalid'), { resolve, fetch: viaTable });
    for (const part of ['dns', 'tcp', 'tls', 'http.token', 'http.api']) {
      expect(statusAndCode(checks[part]), part).toEqual(['fail', 'name_not_found']);
    }
    expect(checks.dns!.detail).toBe(
      'The name portal.invalid was not found. Check the portal\u2019s address, or this computer\u2019s network and DNS settings.',
    );
  });
});
