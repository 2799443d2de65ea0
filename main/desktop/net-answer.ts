// The app's HTTP port over Electron's net.request, answering a redirect the
// way Node's fetch does with `redirect: 'manual'`: as a 3xx Response with its
// status and headers. Pure (the request comes from a factory the adapter
// passes in), so it is tested in Node over real loopback servers.
//
// Why not net.fetch: Electron's net.fetch passes `redirect: 'manual'` to its
// ClientRequest and listens only for 'response' and 'error'
// (lib/browser/api/net-fetch.ts, main at 45 nightly). ClientRequest, told
// 'manual', emits 'redirect' and, unless followRedirect() is called in that
// same tick, dies with "Redirect was cancelled"
// (lib/common/api/net-client-request.ts). So every 3xx became a rejected
// promise, and the engine said "the request could not be sent". Here the
// 'redirect' event itself is the answer: its status and headers (Chromium
// hands them over lower-cased, every value in an array:
// shell/common/gin_converters/net_converter.cc), then the request is aborted,
// which ClientRequest takes as "not cancelled by mistake" (it checks
// `_aborted` before dying).
import { Readable } from 'node:stream';

/** What a request for one fetch asks net.request for (a subset of ClientRequestConstructorOptions). */
export interface NetRequestOptions {
  readonly method: string;
  readonly url: string;
  readonly redirect: 'follow' | 'error' | 'manual';
  /** Never cookies: a portal's cookie has no business in a token request. */
  readonly credentials: 'omit';
  /** Never a cached answer to a token request or a status probe. */
  readonly cache: 'no-store';
}

/**
 * Electron's IncomingMessage, as far as its type says: the status line and
 * headers. At run time it is a Node Readable (lib/common/api/net-client-request.ts:
 * `class IncomingMessage extends Readable`), which is how it is read here,
 * as Electron's own net-fetch.ts reads it.
 */
export interface NetIncomingMessage {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly headers: Record<string, string | string[]>;
}

/** Electron's ClientRequest, as far as it is used here (its own d.ts signatures). */
export interface NetClientRequest {
  setHeader(name: string, value: string): void;
  on(event: 'response', listener: (response: NetIncomingMessage) => void): this;
  on(
    event: 'redirect',
    listener: (
      statusCode: number,
      method: string,
      redirectUrl: string,
      responseHeaders: Record<string, string[]>,
    ) => void,
  ): this;
  on(event: 'error', listener: (error: Error) => void): this;
  followRedirect(): void;
  abort(): void;
  end(chunk?: Buffer): void;
}

export type OpenNetRequest = (options: NetRequestOptions) => NetClientRequest;

/** Statuses whose Response may not carry a body (the Fetch standard's null body status). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * A redirect as an answer: its status and every header Chromium reported (the
 * Location among them), no body. Throws a RangeError for a status that is not
 * a 3xx: only a redirect may be answered this way.
 */
export function redirectAnswer(
  statusCode: number,
  responseHeaders: Readonly<Record<string, readonly string[]>>,
): Response {
  if (!Number.isInteger(statusCode) || statusCode < 300 || statusCode > 399) {
    throw new RangeError(`A redirect answer needs a 3xx status, not ${String(statusCode)}.`);
  }
  const headers = new Headers();
  for (const [name, values] of Object.entries(responseHeaders)) {
    for (const value of values) {
      try {
        headers.append(name, value);
      } catch {
        // A header the Fetch standard cannot hold is left out, not the answer.
      }
    }
  }
  return new Response(null, { status: statusCode, headers });
}

function headersOf(message: NetIncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, one);
      } catch {
        // As above.
      }
    }
  }
  return headers;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * fetch() over one net.request: the method, headers and body of the Request,
 * the answer as a Response whose body streams. `redirect: 'manual'` answers a
 * 3xx with its status (as Node's fetch does); 'follow' lets Electron follow;
 * 'error' is Electron's own refusal. The signal aborts the request and the
 * body still being read.
 */
export async function fetchOverNetRequest(
  open: OpenNetRequest,
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const request = new Request(input, init);
  const signal = request.signal;
  if (signal.aborted) throw abortReason(signal);
  const body = request.body === null ? null : Buffer.from(await request.arrayBuffer());
  if (signal.aborted) throw abortReason(signal);

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    let message: NetIncomingMessage | undefined;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const net = open({
      method: request.method,
      url: request.url,
      redirect: request.redirect,
      credentials: 'omit',
      cache: 'no-store',
    });
    for (const [name, value] of request.headers) net.setHeader(name, value);
    const onAbort = (): void => {
      const reason = abortReason(signal);
      settle(() => reject(reason));
      (message as unknown as Readable | undefined)?.destroy(
        reason instanceof Error ? reason : new Error(String(reason)),
      );
      net.abort();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    net.on('response', (response) => {
      message = response;
      const nullBody = NULL_BODY_STATUS.has(response.statusCode) || request.method === 'HEAD';
      settle(() =>
        resolve(
          new Response(
            nullBody ? null : (Readable.toWeb(response as unknown as Readable) as ReadableStream),
            {
              status: response.statusCode,
              statusText: response.statusMessage,
              headers: headersOf(response),
            },
          ),
        ),
      );
      (response as unknown as Readable).once('close', () =>
        signal.removeEventListener('abort', onAbort),
      );
    });
    net.on('redirect', (statusCode, _method, _url, responseHeaders) => {
      if (request.redirect !== 'manual') return; // 'follow': Electron follows by itself
      signal.removeEventListener('abort', onAbort);
      try {
        const answer = redirectAnswer(statusCode, responseHeaders);
        settle(() => resolve(answer));
      } catch (error) {
        settle(() => reject(error));
      }
      // Aborting here, inside the event, is what keeps ClientRequest from dying
      // with "Redirect was cancelled": nothing more is read from this request.
      net.abort();
    });
    net.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      settle(() => reject(error));
    });
    net.end(body ?? undefined);
  });
}
