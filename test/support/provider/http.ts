// The HTTP seam: endpoints are functions from a read request to a Reply, and
// `respond` is the one place a Reply is written. A variant portal (a later
// malicious one, say) wraps endpoints or replies without touching the server.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface StandInRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type Endpoint = 'authorize' | 'token' | 'revoke' | 'graphql';

/** An endpoint: answers one request from the portal's state. */
export type Handler = (request: StandInRequest) => Reply;

/** Requests larger than this are refused unread: every real one is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function respond(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
    body: JSON.stringify(body),
  };
}

export function htmlReply(status: number, html: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...NO_STORE,
      // No form-action here: Chromium would apply it to the redirect after the
      // consent form, and that redirect goes to the app's custom scheme.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    },
    body: html,
  };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location, ...NO_STORE, 'referrer-policy': 'no-referrer' } };
}

/** The media type of a request body, lower-case, without parameters. */
export function mediaType(request: StandInRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export type ParamsResult =
  | { readonly ok: true; readonly params: Map<string, string> }
  | { readonly ok: false; readonly reason: string };

/**
 * Parameters from the query string and, for a form body, the body. A name
 * given twice (in one place or both) is refused: RFC 6749 §3.1 and §3.2 say
 * request parameters MUST NOT be included more than once.
 */
export function readParams(request: StandInRequest): ParamsResult {
  const params = new Map<string, string>();
  const sources: URLSearchParams[] = [request.query];
  if (request.body.length > 0) {
    if (mediaType(request) !== 'application/x-www-form-urlencoded') {
      return { ok: false, reason: 'The request body must be application/x-www-form-urlencoded.' };
    }
    sources.push(new URLSearchParams(request.body.toString('utf8')));
  }
  for (const source of sources) {
    for (const [name, value] of source) {
      if (params.has(name))
        return { ok: false, reason: `Parameter ${name} was sent more than once.` };
      params.set(name, value);
    }
  }
  return { ok: true, params };
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
