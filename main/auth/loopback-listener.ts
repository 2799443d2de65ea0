// The loopback redirect (RFC 8252 §7.3): a tiny HTTP server on 127.0.0.1,
// open only while an authorization that uses it is pending. It hands the
// callback URL to the engine (which checks it like any other redirect) and
// answers the browser with a fixed page: no external resources, no script,
// no referrer, never a redirect. It never echoes anything from the request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Disposable } from '../common/lifecycle';
import { CALLBACK_PATH_PREFIX } from './redirect-uri';

export interface LoopbackListener extends Disposable {
  readonly port: number;
}

/** Opens a listener on 127.0.0.1:`port`; `onCallback` gets the full callback URL. */
export type OpenLoopbackListener = (
  port: number,
  onCallback: (url: string) => void,
) => Promise<LoopbackListener>;

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

function page(title: string, text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

export const CALLBACK_PAGE = page(
  'Netrex Connect',
  'You can close this tab and return to Netrex Connect.',
);
const NOT_FOUND_PAGE = page('Not found', 'This address is not used by Netrex Connect.');

export const openLoopbackListener: OpenLoopbackListener = async (port, onCallback) => {
  let actualPort = port;
  const server = createServer((request, response) =>
    handle(request, response, actualPort, onCallback),
  );
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
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
};

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  port: number,
  onCallback: (url: string) => void,
): void {
  const answer = (status: number, body: string): void => {
    response.writeHead(status, { ...PAGE_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  // A page elsewhere could reach this port through DNS rebinding: only our own host name passes.
  if (request.headers.host !== `127.0.0.1:${port}`) return answer(400, NOT_FOUND_PAGE);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return answer(405, NOT_FOUND_PAGE);
  }
  const target = request.url ?? '/';
  if (!target.startsWith(CALLBACK_PATH_PREFIX) || request.method !== 'GET') {
    return answer(404, NOT_FOUND_PAGE);
  }
  answer(200, CALLBACK_PAGE);
  onCallback(`http://127.0.0.1:${port}${target}`);
}
