// A malicious variant of the portal stand-in: a small server in front of a
// real stand-in that forwards every request unchanged and lets a test
// rewrite what comes back from one endpoint (a redirect to another scheme, a
// token answer of the wrong type, 10 MB, markup in error_description, the
// `iss` of another provider). The stand-in behind it stays the honest one:
// codes and tokens are really issued and counted, and `issued()` still knows
// every secret. The variant is a ProviderStandIn whose url is the front
// server's, so every rig takes it where it takes the stand-in.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody, respond, type Endpoint, type Reply, type StandInRequest } from './http';
import { ROUTES, type ProviderStandIn } from './server';

/** Rewrites the honest stand-in's reply (or ignores it and answers something else). */
export type Tamper = (reply: Reply, request: StandInRequest) => Reply;

export interface MaliciousPortal extends ProviderStandIn {
  /** From now on, replies of `endpoint` go through `tamper`; undefined makes it honest again. */
  tamper(endpoint: Endpoint, tamper: Tamper | undefined): void;
  /** The honest stand-in behind the front server. */
  readonly honest: ProviderStandIn;
}

/** Response headers passed through; the rest (date, keep-alive, length) is the front's own. */
const FORWARDED_HEADERS = [
  'content-type',
  'location',
  'www-authenticate',
  'retry-after',
  'cache-control',
];

export async function startMaliciousPortal(honest: ProviderStandIn): Promise<MaliciousPortal> {
  const tampers = new Map<Endpoint, Tamper>();
  const sockets = new Set<Socket>();

  async function forward(request: StandInRequest, search: string): Promise<Reply> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'accept']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(`${honest.url}${request.path}${search}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      ...(request.body.length > 0 ? { body: new Uint8Array(request.body) } : {}),
    });
    const replyHeaders: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) replyHeaders[name] = value;
    }
    return { status: answer.status, headers: replyHeaders, body: await answer.text() };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: StandInRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: await readBody(req),
    };
    const reply = await forward(request, url.search);
    const endpoint = ROUTES[url.pathname];
    const tamper = endpoint && tampers.get(endpoint);
    respond(res, tamper ? tamper(reply, request) : reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) respond(res, { status: 502, body: 'The front server failed' });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
    await honest.close();
  };
  // Everything else (settings, faults, stats, issued, …) is the honest stand-in's.
  const variant = Object.create(honest, {
    url: { value: `http://127.0.0.1:${port}` },
    port: { value: port },
    honest: { value: honest },
    close: { value: close },
    dispose: { value: close },
    tamper: {
      value: (endpoint: Endpoint, tamper: Tamper | undefined) => {
        if (tamper) tampers.set(endpoint, tamper);
        else tampers.delete(endpoint);
      },
    },
  }) as MaliciousPortal;
  return variant;
}

/** A JSON reply's body rewritten by `change` (the status and headers kept). */
export function rewriteJson(change: (body: Record<string, unknown>) => unknown): Tamper {
  return (reply) => {
    const body = JSON.parse(reply.body ?? '{}') as Record<string, unknown>;
    return { ...reply, body: JSON.stringify(change(body)) };
  };
}
