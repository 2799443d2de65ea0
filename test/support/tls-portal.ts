// Real TLS servers on loopback with real certificates made in the test (the
// `selfsigned` package: X.509 through WebCrypto, no openssl binary): a test
// certificate authority, and server certificates that are self-signed,
// expired, for another name, or good. Each server answers like a portal
// that wants credentials (401, JSON, a Date header), so only its certificate
// differs; a `date` option sets the Date it sends (a portal whose clock is off).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { generate } from 'selfsigned';
import type { Disposable } from '../../main/common/lifecycle';

export interface Pem {
  readonly key: string;
  readonly cert: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** A certificate authority the test may tell the checks to trust. */
export async function makeTestCa(name = 'Netrex Test Root CA'): Promise<Pem> {
  const made = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        cRLSign: true,
        digitalSignature: true,
        critical: true,
      },
    ],
  });
  return { key: made.private, cert: made.cert };
}

export interface ServerCertOptions {
  /** DNS names and IP addresses the certificate is for (default: 127.0.0.1). */
  readonly names?: readonly string[];
  /** Signed by this CA; self-signed when absent. */
  readonly ca?: Pem;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly commonName?: string;
}

export async function makeServerCert(options: ServerCertOptions = {}): Promise<Pem> {
  const names = options.names ?? ['127.0.0.1'];
  const made = await generate([{ name: 'commonName', value: options.commonName ?? names[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - DAY),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 30 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) =>
          /^[\d.]+$|:/.test(name) ? { type: 7, ip: name } : { type: 2, value: name },
        ),
      },
    ],
    ...(options.ca ? { ca: options.ca } : {}),
  });
  return { key: made.private, cert: made.cert };
}

export interface TlsPortal extends Disposable {
  /** `https://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startTlsPortal(
  pem: Pem,
  options: { readonly date?: () => Date } = {},
): Promise<TlsPortal> {
  let requests = 0;
  const sockets = new Set<Duplex>();
  const server: Server = createServer({ key: pem.key, cert: pem.cert }, (req, res) => {
    requests++;
    req.resume();
    res.sendDate = options.date === undefined;
    res.writeHead(401, {
      'content-type': 'application/json',
      ...(options.date ? { date: options.date().toUTCString() } : {}),
    });
    res.end('{"error":"invalid_token"}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that gives up on an untrusted certificate is not the server's error.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    close,
    dispose: close,
  };
}

/**
 * Node's fetch cannot be told to trust one more root; this is the app's fetch
 * port over node:https with `ca`, for the servers whose certificate the test
 * authority signed (only the status and headers are read, as the checks do).
 */
export function fetchTrusting(ca: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const { request } = await import('node:https');
    const url = new URL(input instanceof Request ? input.url : input);
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        url,
        { method: init?.method ?? 'GET', ca, signal: init?.signal ?? undefined },
        (res) => {
          res.resume();
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve(new Response(null, { status: res.statusCode ?? 0, headers }));
        },
      );
      req.once('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      req.end();
    });
  }) as typeof fetch;
}
