// One portal's section of the report: its address, then every layer of the
// way to it at once (name, connection, secure channel, the sign-in server's
// and the API's answers, the proxy the OS chose), each bounded in time, and
// how far the portal's clock is from ours (its Date header against the
// moment the answer arrived). Requests carry no credential and no query: the
// token endpoint is asked with an empty POST, the API without a token.
import type { Dialect, RedirectKind } from '../../common/model';
import { checkServerUrl } from '../../providers/portal-url';
import { parseHttpDate } from '../../auth/retry-after';
import { bounded, type Bounds, type Settled } from './bounded';
import { classifyFailure, errorCode, type FailureClass } from './failure-class';
import type { DiagnosisCheck, DiagnosisSection, FactValue } from './model';
import type { HttpAnswer, NetworkProbes, TlsOutcome } from './probes';
import type { HttpRole, NetworkFailureContext, ReportWords } from './words';

/** A portal clock further than this from ours is worth a warning (issue 13: five minutes). */
export const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

export interface PortalTarget {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly dialect: Dialect;
  readonly redirectKind: RedirectKind;
}

export interface PortalCheckContext {
  readonly probes: NetworkProbes;
  readonly bounds: Bounds;
  readonly timeoutMs: number;
  readonly words: ReportWords;
  /** Epoch ms, for the clock comparison. */
  readonly now: () => number;
}

interface Endpoint {
  readonly role: HttpRole;
  readonly url: string;
  readonly method: 'GET' | 'POST';
}

/** What the app talks to: the Netrex token endpoint and API, or a standard server's metadata. */
function endpointsOf(portal: PortalTarget, base: string): Endpoint[] {
  if (portal.dialect === 'netrex') {
    return [
      { role: 'token', url: `${base}/oauth2/token`, method: 'POST' },
      { role: 'api', url: `${base}/api/graphql.php`, method: 'POST' },
    ];
  }
  return [{ role: 'discovery', url: `${base}/.well-known/openid-configuration`, method: 'GET' }];
}

export async function checkPortal(
  portal: PortalTarget,
  context: PortalCheckContext,
): Promise<DiagnosisSection> {
  const { words } = context;
  const id = (part: string) => `portal.${portal.id}.${part}`;
  const section = (checks: DiagnosisCheck[]): DiagnosisSection => ({
    id: `portal.${portal.id}`,
    title: words.sections.portal(portal.name),
    checks,
  });
  if (!portal.url) {
    return section([
      {
        id: id('address'),
        status: 'skip',
        title: words.portal.address,
        detail: words.portal.notConfigured,
      },
    ]);
  }
  const address = checkServerUrl(portal.url);
  if (!address.ok) {
    return section([
      {
        id: id('address'),
        status: 'fail',
        title: words.portal.address,
        detail: words.portal.badAddress,
        code: `address_${address.problem}`,
      },
    ]);
  }
  const url = address.url;
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  const port = Number(url.port || (https ? 443 : 80));
  const seconds = Math.max(1, Math.round(context.timeoutMs / 1000));
  const limit = <T>(run: (signal: AbortSignal) => Promise<T>) =>
    bounded(context.bounds, context.timeoutMs, run);
  const failed = (settled: Exclude<Settled<unknown>, { kind: 'done' }>, facts = {}) =>
    failureCheck(settled, { host, port, seconds }, words, facts);

  const endpoints = endpointsOf(portal, base);
  const [dns, tcp, tls, proxy, ...answers] = await Promise.all([
    limit((signal) => context.probes.lookup(host, signal)),
    limit((signal) => context.probes.connect(host, port, signal)),
    https ? limit((signal) => context.probes.handshake(host, port, signal)) : undefined,
    context.probes.resolveProxy ? limit(() => context.probes.resolveProxy!(url.href)) : undefined,
    ...endpoints.map((endpoint) =>
      limit(async (signal) => {
        const answer = await context.probes.request(endpoint.url, endpoint.method, signal);
        return { answer, arrivedAt: context.now() };
      }),
    ),
  ]);

  const checks: DiagnosisCheck[] = [
    {
      id: id('address'),
      status: 'info',
      title: words.portal.address,
      detail: words.portal.addressDetail(base, portal.dialect, portal.redirectKind),
      facts: { url: base, dialect: portal.dialect, redirect: portal.redirectKind },
    },
    {
      id: id('dns'),
      title: words.portal.dns(host),
      ...(dns.kind === 'done'
        ? {
            status: 'ok',
            detail: words.portal.dnsOk(dns.value, dns.ms),
            ms: dns.ms,
            facts: { host, addresses: dns.value.join(' ') },
          }
        : failed(dns, { host })),
    },
    {
      id: id('tcp'),
      title: words.portal.tcp(host, port),
      ...(tcp.kind === 'done'
        ? { status: 'ok', detail: words.portal.tcpOk(tcp.ms), ms: tcp.ms, facts: { host, port } }
        : failed(tcp, { host, port })),
    },
    tlsCheck(id('tls'), tls, { host, port, seconds }, words),
    ...endpoints.map((endpoint, n) =>
      httpCheck(id(`http.${endpoint.role}`), endpoint, answers[n]!, { host, port, seconds }, words),
    ),
    proxyCheck(id('proxy'), proxy, words),
    clockCheck(id('clock'), answers, words),
  ];
  return section(checks);
}

type CheckBody = Omit<DiagnosisCheck, 'id' | 'title'>;

function failureCheck(
  settled: Exclude<Settled<unknown>, { kind: 'done' }>,
  place: Pick<NetworkFailureContext, 'host' | 'port' | 'seconds'>,
  words: ReportWords,
  facts: Record<string, FactValue> = {},
): CheckBody {
  const kind: FailureClass =
    settled.kind === 'timed_out' ? 'timed_out' : classifyFailure(settled.error);
  const reason = settled.kind === 'failed' ? errorCode(settled.error) : undefined;
  return {
    status: 'fail',
    code: kind,
    detail: words.portal.failure(kind, { ...place, ...(reason ? { reason } : {}) }),
    ms: settled.ms,
    facts: { ...facts, ...(reason ? { error: reason } : {}) },
  };
}

function tlsCheck(
  id: string,
  settled: Settled<TlsOutcome> | undefined,
  place: Pick<NetworkFailureContext, 'host' | 'port' | 'seconds'>,
  words: ReportWords,
): DiagnosisCheck {
  const title = words.portal.tls(place.host, place.port);
  if (!settled) return { id, title, status: 'skip', detail: words.portal.tlsPlain };
  if (settled.kind !== 'done') return { id, title, ...failureCheck(settled, place, words) };
  const outcome = settled.value;
  const cert = outcome.certificate;
  const facts: Record<string, FactValue> = cert
    ? {
        subject: cert.subject,
        issuer: cert.issuer,
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
        names: cert.names.join(' '),
      }
    : {};
  if (outcome.trusted) {
    return {
      id,
      title,
      status: 'ok',
      ms: settled.ms,
      detail: words.portal.tlsOk(
        outcome.certificate.subject,
        outcome.certificate.issuer,
        outcome.certificate.validTo,
        outcome.protocol,
      ),
      facts: { ...facts, protocol: outcome.protocol },
    };
  }
  const date =
    outcome.failure === 'cert_expired'
      ? cert?.validTo
      : outcome.failure === 'cert_not_yet_valid'
        ? cert?.validFrom
        : undefined;
  return {
    id,
    title,
    status: 'fail',
    code: outcome.failure,
    ms: settled.ms,
    detail: words.portal.failure(outcome.failure, {
      ...place,
      reason: outcome.reason,
      ...(cert ? { issuer: cert.issuer, names: cert.names } : {}),
      ...(date !== undefined ? { date } : {}),
    }),
    facts: { ...facts, error: outcome.reason },
  };
}

type Answer = Settled<{ answer: HttpAnswer; arrivedAt: number }>;

function httpCheck(
  id: string,
  endpoint: Endpoint,
  settled: Answer,
  place: Pick<NetworkFailureContext, 'host' | 'port' | 'seconds'>,
  words: ReportWords,
): DiagnosisCheck {
  const title = words.portal.http(endpoint.role);
  const path = new URL(endpoint.url).pathname;
  if (settled.kind !== 'done')
    return { id, title, ...failureCheck(settled, place, words, { path }) };
  const { status } = settled.value.answer;
  const facts = { path, status };
  // No credential was sent: 400, 401, 403 and 405 are the server answering as it should.
  const fine = (status >= 200 && status < 300) || [400, 401, 403, 405].includes(status);
  if (fine)
    return {
      id,
      title,
      status: 'ok',
      detail: words.portal.httpOk(status, settled.ms),
      ms: settled.ms,
      facts,
    };
  return {
    id,
    title,
    status: status >= 500 ? 'fail' : 'warn',
    code: 'http_status',
    detail: words.portal.httpStatus(status),
    ms: settled.ms,
    facts,
  };
}

function proxyCheck(
  id: string,
  settled: Settled<string> | undefined,
  words: ReportWords,
): DiagnosisCheck {
  const title = words.portal.proxy;
  if (!settled) return { id, title, status: 'info', detail: words.portal.proxyUnknown };
  if (settled.kind !== 'done')
    return { id, title, status: 'warn', code: 'proxy_unknown', detail: words.portal.proxyUnknown };
  // A PAC answer names proxies (host:port), never credentials.
  return {
    id,
    title,
    status: 'info',
    detail: words.portal.proxyDetail(settled.value),
    facts: { proxy: settled.value },
  };
}

/** The portal's clock against ours, from the first answer that said its time. */
function clockCheck(id: string, answers: readonly Answer[], words: ReportWords): DiagnosisCheck {
  const title = words.portal.clock;
  for (const settled of answers) {
    if (settled.kind !== 'done' || !settled.value.answer.date) continue;
    const { answer, arrivedAt } = settled.value;
    const portalTime = parseHttpDate(answer.date!.trim(), arrivedAt);
    if (portalTime === undefined) continue;
    // The Date header has whole seconds: less than a second apart is the same time.
    const raw = portalTime - arrivedAt;
    const offsetMs = Math.abs(raw) < 1000 ? 0 : raw;
    const skewed = Math.abs(offsetMs) > CLOCK_SKEW_WARNING_MS;
    return {
      id,
      title,
      status: skewed ? 'warn' : 'ok',
      ...(skewed ? { code: 'clock_skew' } : {}),
      // Whole seconds on the wire: a skew of minutes is said in whole minutes.
      detail: skewed
        ? words.portal.clockSkew(Math.round(offsetMs / 60_000) * 60_000)
        : words.portal.clockOk(offsetMs),
      facts: { offsetMs },
    };
  }
  return { id, title, status: 'skip', detail: words.portal.clockUnknown };
}
