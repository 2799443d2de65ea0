// The loopback redirect (RFC 8252 §7.3): a tiny HTTP server on 127.0.0.1,
// open only while an authorization that uses it is pending. It hands the
// callback URL to the engine (which checks it like any other redirect) and,
// once that has settled, answers the browser with a fixed page saying how it
// went: no external resources, no script, no referrer, never a redirect. It
// never echoes anything from the request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Disposable } from '../common/lifecycle';
import { loopbackPage } from './loopback-page';
import { CALLBACK_PATH_PREFIX } from './redirect-uri';

export interface LoopbackListener extends Disposable {
  readonly port: number;
}

/** How the sign-in a callback carried ended, as far as the page can tell. */
export type LoopbackOutcome = 'connected' | 'failed' | 'unknown';

/**
 * Opens a listener on 127.0.0.1:`port`; `onCallback` gets the full callback
 * URL and answers how the sign-in ended, which the browser's page then says:
 * `page` makes it (the operator's language), English by default.
 */
export type OpenLoopbackListener = (
  port: number,
  onCallback: (url: string) => Promise<LoopbackOutcome>,
  page?: LoopbackPages,
) => Promise<LoopbackListener>;

/** The page for an outcome, or for an address the listener does not serve. */
export type LoopbackPages = (outcome: LoopbackOutcome | 'notFound') => string;

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  connection: 'close',
} as const;

/** The page for each outcome, in English: static text, nothing from the request. */
export const CALLBACK_PAGES: Readonly<Record<LoopbackOutcome, string>> = {
  connected: loopbackPage('connected'),
  failed: loopbackPage('failed'),
  unknown: loopbackPage('unknown'),
};

export const openLoopbackListener: OpenLoopbackListener = async (
  port,
  onCallback,
  page = (outcome) => loopbackPage(outcome),
) => {
  let actualPort = port;
  /** Connections whose page waits for the sign-in's outcome: closing lets them finish. */
  const answering = new Set<Socket>();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) =>
    handle(request, response, actualPort, onCallback, answering, page),
  );
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      answering.delete(socket);
    });
  });
  // Browsers keep connections open; the listener must close promptly when the flow ends.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    port: actualPort,
    dispose() {
      // No new connection from now on; idle ones end at once, and a page
      // still waiting for its outcome is answered first (it ends its connection).
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) if (!answering.has(socket)) socket.destroy();
      });
      return closed;
    },
  };
};

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  port: number,
  onCallback: (url: string) => Promise<LoopbackOutcome>,
  answering: Set<Socket>,
  page: LoopbackPages,
): void {
  const answer = (status: number, body: string): void => {
    response.writeHead(status, { ...PAGE_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  // A page elsewhere could reach this port through DNS rebinding: only our own host name passes.
  if (request.headers.host !== `127.0.0.1:${port}`) return answer(400, page('notFound'));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return answer(405, page('notFound'));
  }
  const target = request.url ?? '/';
  if (!target.startsWith(CALLBACK_PATH_PREFIX) || request.method !== 'GET') {
    return answer(404, page('notFound'));
  }
  answering.add(request.socket);
  onCallback(`http://127.0.0.1:${port}${target}`)
    .catch((): LoopbackOutcome => 'unknown')
    .then((outcome) => {
      answering.delete(request.socket);
      answer(200, page(outcome));
    })
    .catch(() => undefined); // the browser went away: nobody to answer
}
