// The network probes over Node's dns, net and tls, and the app's fetch for
// HTTP. The TLS handshake does not refuse an untrusted certificate itself: it
// completes, reads the certificate, and reports the verdict Node reached
// (`authorized`, `authorizationError`, which includes the host-name check),
// so the report can name the issuer of a certificate a proxy put in place.
// The roots are Node's default ones plus the OS's (tls.getCACertificates):
// Electron's own network stack trusts the OS store, and a company root
// installed there must not show as "untrusted" here.
import { promises as dns } from 'node:dns';
import { connect as tcpConnect, isIP } from 'node:net';
import {
  connect as tlsConnect,
  getCACertificates,
  type PeerCertificate,
  type TLSSocket,
} from 'node:tls';
import { classifyAuthorizationError } from './failure-class';
import type { CertificateFacts, HttpAnswer, NetworkProbes, TlsOutcome } from './probes';

export interface NodeProbeOptions {
  /** The app's fetch (Electron's net.fetch in the app). */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** More trusted roots (PEM), for tests that run their own certificate authority. */
  readonly extraCa?: readonly string[];
  readonly resolveProxy?: (url: string) => Promise<string>;
  /**
   * Name resolution (default: the OS's, dns.lookup). The TCP and TLS checks
   * connect to the first address it gives, so all three agree on the name.
   */
  readonly resolve?: (host: string) => Promise<readonly string[]>;
}

export function createNodeProbes(options: NodeProbeOptions): NetworkProbes {
  const ca = [...trustedRoots(), ...(options.extraCa ?? [])];
  const resolveName =
    options.resolve ??
    (async (host: string) =>
      (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address));
  const addressOf = async (host: string, signal: AbortSignal): Promise<string> => {
    if (isIP(host)) return host;
    const [first] = await abortable(resolveName(host), signal);
    if (!first) throw Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' });
    return first;
  };
  return {
    lookup: (host, signal) => abortable(resolveName(host), signal),

    async connect(host, port, signal) {
      const address = await addressOf(host, signal);
      return new Promise((resolve, reject) => {
        const socket = tcpConnect({ host: address, port });
        const stop = () => {
          socket.destroy();
          reject(signal.reason);
        };
        signal.addEventListener('abort', stop, { once: true });
        socket.once('connect', () => {
          signal.removeEventListener('abort', stop);
          socket.destroy();
          resolve();
        });
        socket.once('error', (error) => {
          signal.removeEventListener('abort', stop);
          reject(error);
        });
      });
    },

    async handshake(host, port, signal) {
      const address = await addressOf(host, signal);
      return new Promise<TlsOutcome>((resolve, reject) => {
        const socket: TLSSocket = tlsConnect({
          host: address,
          port,
          ...(isIP(host) ? {} : { servername: host }),
          ca,
          rejectUnauthorized: false,
        });
        const stop = () => {
          socket.destroy();
          reject(signal.reason);
        };
        signal.addEventListener('abort', stop, { once: true });
        socket.once('secureConnect', () => {
          signal.removeEventListener('abort', stop);
          const peer = socket.getPeerCertificate();
          const certificate = peer && Object.keys(peer).length > 0 ? factsOf(peer) : undefined;
          const protocol = socket.getProtocol() ?? 'TLS';
          const error = socket.authorizationError;
          socket.destroy();
          if (socket.authorized && certificate) {
            resolve({ trusted: true, certificate, protocol });
            return;
          }
          const reason = typeof error === 'string' ? error : (error?.message ?? 'UNKNOWN');
          resolve({
            trusted: false,
            failure: classifyAuthorizationError(reason),
            reason,
            ...(certificate ? { certificate } : {}),
          });
        });
        socket.once('error', (error) => {
          signal.removeEventListener('abort', stop);
          reject(error);
        });
      });
    },

    async request(url, method, signal): Promise<HttpAnswer> {
      const response = await options.fetch(url, {
        method,
        redirect: 'manual',
        signal,
        headers: { accept: 'application/json' },
        ...(method === 'POST' ? { body: '' } : {}),
      });
      // Only the status line and headers matter; the body is never read.
      await response.body?.cancel().catch(() => undefined);
      return {
        status: response.status,
        date: response.headers.get('date'),
        contentType: response.headers.get('content-type'),
      };
    },

    ...(options.resolveProxy ? { resolveProxy: options.resolveProxy } : {}),
  };
}

/** Node's default roots and the OS's, where this Node can read them. */
function trustedRoots(): string[] {
  const roots = new Set<string>();
  for (const kind of ['default', 'system'] as const) {
    try {
      for (const pem of getCACertificates(kind)) roots.add(pem);
    } catch {
      // An OS store Node cannot read: the default roots stay.
    }
  }
  return [...roots];
}

function factsOf(peer: PeerCertificate): CertificateFacts {
  const name = (entity: PeerCertificate['subject'] | undefined) =>
    [entity?.CN, entity?.O].flat().filter(Boolean).join(', ') || 'unnamed';
  const names = (peer.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  return {
    subject: name(peer.subject),
    issuer: name(peer.issuer),
    validFrom: Date.parse(peer.valid_from),
    validTo: Date.parse(peer.valid_to),
    names,
  };
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}
