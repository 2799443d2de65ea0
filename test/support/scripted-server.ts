// A loopback HTTP server whose answers a test scripts per path, and which
// records every request (method, path with query, headers, body). Real HTTP,
// for the refusals a well-behaved server never produces: 500s, garbage,
// 10 MB bodies, no answer at all.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';
import { listenHttpAndHttps, type TestCertificate } from './test-tls';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly target: string;
  readonly url: URL;
  /** Whether it came over TLS (only a server started with `tls` speaks it). */
  readonly secure: boolean;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type ScriptedAnswer =
  | { status?: number; json?: unknown; body?: string | Buffer; headers?: Record<string, string> }
  /** Never answers: the socket stays open until the server closes. */
  | 'hang';

export type Script = (request: RecordedRequest) => ScriptedAnswer;

export interface ScriptedServer extends Omit<LoopbackServer, 'server'> {
  /** With `tls`: the same port over TLS, `https://127.0.0.1:PORT`. */
  readonly secureUrl?: string;
  readonly requests: RecordedRequest[];
  /** Sets the answer for a path (exact pathname); the latest call wins. */
  on(pathname: string, script: Script | ScriptedAnswer): void;
}

export interface ScriptedServerOptions {
  /** The port also speaks TLS with this certificate (test-tls.ts): http:// and https:// on one port. */
  readonly tls?: TestCertificate;
}

export async function startScriptedServer(
  options: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, Script>();
  let port = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const secure = (req.socket as Partial<TLSSocket>).encrypted === true;
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        url: new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://127.0.0.1:${port}`),
        secure,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const script = scripts.get(recorded.url.pathname);
      const answer: ScriptedAnswer = script ? script(recorded) : { status: 404, body: 'not found' };
      if (answer === 'hang') return;
      const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? '');
      res.writeHead(answer.status ?? 200, {
        'content-type': answer.json !== undefined ? 'application/json' : 'text/html',
        ...answer.headers,
      });
      res.end(body);
    });
  };
  const server = options.tls
    ? await listenHttpAndHttps(handler, options.tls)
    : await listenOnLoopback(handler);
  port = server.port;
  return {
    url: `http://127.0.0.1:${port}`,
    ...(options.tls ? { secureUrl: `https://127.0.0.1:${port}` } : {}),
    port,
    close: () => server.close(),
    dispose: () => server.close(),
    requests,
    on(pathname, script) {
      scripts.set(pathname, typeof script === 'function' ? script : () => script);
    },
  };
}
