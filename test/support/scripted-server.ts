// A loopback HTTP server whose answers a test scripts per path, and which
// records every request (method, path with query, headers, body). Real HTTP,
// for the refusals a well-behaved server never produces: 500s, garbage,
// 10 MB bodies, no answer at all.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly target: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type ScriptedAnswer =
  | { status?: number; json?: unknown; body?: string | Buffer; headers?: Record<string, string> }
  /** Never answers: the socket stays open until the server closes. */
  | 'hang';

export type Script = (request: RecordedRequest) => ScriptedAnswer;

export interface ScriptedServer extends LoopbackServer {
  readonly requests: RecordedRequest[];
  /** Sets the answer for a path (exact pathname); the latest call wins. */
  on(pathname: string, script: Script | ScriptedAnswer): void;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, Script>();
  let base = '';
  const server = await listenOnLoopback((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        url: new URL(req.url ?? '/', base),
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
  });
  base = server.url;
  return {
    ...server,
    requests,
    on(pathname, script) {
      scripts.set(pathname, typeof script === 'function' ? script : () => script);
    },
  };
}
