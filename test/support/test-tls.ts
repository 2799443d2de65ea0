// TLS on loopback for tests: a certificate for 127.0.0.1 made fresh for each
// run (trusted by nothing but the fetch a test builds with it), that fetch,
// and one port that speaks both plain HTTP and TLS, as a front end that
// answers http:// on its https port with a redirect does.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import forge from 'node-forge';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetch } from '../../main/auth/http';
import type { Disposable } from '../../main/common/lifecycle';

export interface TestCertificate {
  /** PEM: the certificate, its own issuer (self-signed), for 127.0.0.1 (subjectAltName IP). */
  readonly cert: string;
  /** PEM, PKCS#8. */
  readonly key: string;
}

/** A self-signed certificate for the IP address `ip`, valid from an hour ago for a day. */
export function makeTestCertificate(ip = '127.0.0.1'): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + 24 * 60 * 60 * 1000);
  const name = [{ name: 'commonName', value: `Netrex Connect test ${ip}` }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key };
}

export interface TrustingFetch extends Disposable {
  /** undici's fetch through an Agent that trusts `ca` only (not the system store). */
  readonly fetch: Fetch;
}

export function trustingFetch(ca: string): TrustingFetch {
  const agent = new Agent({ connect: { ca } });
  const fetch: Fetch = async (url, init) =>
    (await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as Response;
  return { fetch, dispose: () => agent.close() };
}

export interface SharedPort extends Disposable {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * One loopback port for plain HTTP and TLS: the first byte of a connection
 * decides (22 opens a TLS handshake record), and the connection is piped to
 * an HTTP or an HTTPS server behind, each on a port of its own.
 */
export async function listenHttpAndHttps(
  handler: RequestListener,
  certificate: TestCertificate,
): Promise<SharedPort> {
  const plain = createHttpServer(handler);
  const secure = createHttpsServer({ cert: certificate.cert, key: certificate.key }, handler);
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      const behind = first[0] === 22 ? secure : plain;
      const upstream = connect((behind.address() as AddressInfo).port, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.write(first);
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end);
      upstream.on('error', end);
    });
  });
  const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown }) =>
    new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await Promise.all([listen(plain), listen(secure), listen(front)]);
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    plain.closeAllConnections();
    secure.closeAllConnections();
    await Promise.all(
      [front, plain, secure].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
    );
  };
  return { port: (front.address() as AddressInfo).port, close, dispose: close };
}
