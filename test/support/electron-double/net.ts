// Electron's net, in the double: ClientRequest over Node's http (real
// requests to loopback servers) with the event rules of
// lib/common/api/net-client-request.ts (main at 45 nightly), and net.fetch as
// lib/browser/api/net-fetch.ts builds it on top. What these encode:
// - A 3xx with a Location is a redirect, not a response (Chromium's
//   URLLoader). The redirect policy decides: 'error' dies with "Attempted to
//   redirect, but redirect policy was 'error'"; 'follow' emits 'redirect' and
//   follows; 'manual' emits 'redirect' and, unless followRedirect() was called
//   during that emit, dies with "Redirect was cancelled" — except after
//   abort() (`_aborted` is checked first).
// - The redirect event's headers are lower-cased names with every value in an
//   array (shell/common/gin_converters/net_converter.cc).
// - The response is an IncomingMessage: a Readable with statusCode,
//   statusMessage and Node-shaped headers.
// - net.fetch listens to 'response' and 'error' only: with `redirect:
//   'manual'` every 3xx rejects.
import { request as httpRequest, type IncomingMessage as NodeIncoming } from 'node:http';
import { Readable, Writable } from 'node:stream';
import type { ClientRequestConstructorOptions } from 'electron';

type RedirectPolicy = 'follow' | 'error' | 'manual';

/** The IncomingMessage the double hands out: Node's answer re-read as Electron's. */
export class IncomingMessageDouble extends Readable {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly headers: Record<string, string | string[]>;

  constructor(readonly source: NodeIncoming) {
    super({ read: () => source.resume() });
    this.statusCode = source.statusCode ?? 0;
    this.statusMessage = source.statusMessage ?? '';
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(source.headers)) {
      if (value !== undefined) headers[name] = value;
    }
    this.headers = headers;
    source.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) source.pause();
    });
    source.on('end', () => this.push(null));
    source.on('error', (error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source.destroy();
    callback(error);
  }
}

/** A redirect answer's headers as Chromium hands them to JS: lower-case names, arrays of values. */
function redirectHeaders(source: NodeIncoming): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (let i = 0; i < source.rawHeaders.length; i += 2) {
    const name = (source.rawHeaders[i] ?? '').toLowerCase();
    (grouped[name] ??= []).push(source.rawHeaders[i + 1] ?? '');
  }
  return grouped;
}

/** The method after a redirect (Chromium's RedirectInfo: 303 and a POST on 301/302 become GET). */
function methodAfter(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

export class ClientRequestDouble extends Writable {
  readonly #policy: RedirectPolicy;
  readonly #method: string;
  #url: string;
  readonly #headers = new Map<string, string>();
  readonly #chunks: Buffer[] = [];
  #started = false;
  #aborted = false;
  #followRedirectCb: (() => void) | undefined;
  #live: ReturnType<typeof httpRequest> | undefined;

  constructor(options: ClientRequestConstructorOptions) {
    super({ autoDestroy: true });
    const policy = options.redirect ?? 'follow';
    if (!['follow', 'error', 'manual'].includes(policy)) {
      throw new Error('redirect mode should be one of follow, error or manual');
    }
    this.#policy = policy;
    this.#method = (options.method ?? 'GET').toUpperCase();
    this.#url = options.url ?? '';
    const protocol = new URL(this.#url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error('ClientRequest only supports http: and https: protocols');
    }
  }

  setHeader(name: string, value: string): void {
    if (this.#started) throw new Error("Can't set headers after they are sent");
    this.#headers.set(name.toLowerCase(), value);
  }

  getHeader(name: string): string | undefined {
    return this.#headers.get(name.toLowerCase());
  }

  followRedirect(): void {
    if (!this.#followRedirectCb) {
      throw new Error('followRedirect() called, but was not waiting for a redirect');
    }
    this.#followRedirectCb();
  }

  abort(): void {
    if (!this.#aborted) process.nextTick(() => this.emit('abort'));
    this.#aborted = true;
    this.#die();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#chunks.push(Buffer.from(chunk));
    callback();
  }

  override _final(callback: () => void): void {
    this.#started = true;
    this.#send(this.#method, Buffer.concat(this.#chunks));
    callback();
  }

  #send(method: string, body: Buffer): void {
    const headers = Object.fromEntries(this.#headers);
    if (body.length > 0) headers['content-length'] = String(body.length);
    const live = httpRequest(this.#url, { method, headers });
    this.#live = live;
    live.on('response', (source) => this.#answered(source, method, body));
    live.on('error', (error) => {
      if (!this.#aborted) this.#die(error);
    });
    live.end(body.length > 0 ? body : undefined);
  }

  #answered(source: NodeIncoming, method: string, body: Buffer): void {
    if (this.#aborted) return void source.destroy();
    const status = source.statusCode ?? 0;
    const location = source.headers.location;
    if (status >= 300 && status < 400 && location) {
      source.resume();
      const newUrl = new URL(location, this.#url).href;
      const newMethod = methodAfter(status, method);
      if (this.#policy === 'error') {
        return this.#die(new Error("Attempted to redirect, but redirect policy was 'error'"));
      }
      let follow = this.#policy === 'follow';
      this.#followRedirectCb = () => {
        follow = true;
      };
      try {
        this.emit('redirect', status, newMethod, newUrl, redirectHeaders(source));
      } finally {
        this.#followRedirectCb = undefined;
      }
      if (this.#aborted) return;
      if (!follow) return this.#die(new Error('Redirect was cancelled'));
      this.#url = newUrl;
      return this.#send(newMethod, newMethod === method ? body : Buffer.alloc(0));
    }
    this.emit('response', new IncomingMessageDouble(source));
  }

  #die(error?: Error): void {
    if (this.destroyed && error) this.emit('error', error);
    this.destroy(error);
    this.#live?.destroy();
  }
}

/**
 * net.fetch as lib/browser/api/net-fetch.ts builds it: a Request, one
 * ClientRequest with the Request's redirect mode, a Response on 'response',
 * a rejection on 'error' — and no 'redirect' listener.
 */
export async function netFetchDouble(
  open: (options: ClientRequestConstructorOptions) => ClientRequestDouble,
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const req = new Request(input, init);
  const body = req.body === null ? null : Buffer.from(await req.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = open({ method: req.method, url: req.url, redirect: req.redirect });
    for (const [name, value] of req.headers) r.setHeader(name, value);
    r.on('response', (resp: IncomingMessageDouble) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(resp.headers)) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const nullBody = [101, 204, 205, 304].includes(resp.statusCode) || req.method === 'HEAD';
      resolve(
        new Response(nullBody ? null : (Readable.toWeb(resp) as ReadableStream<Uint8Array>), {
          headers,
          status: resp.statusCode,
          statusText: resp.statusMessage,
        }),
      );
    });
    r.on('error', reject);
    r.end(body ?? undefined);
  });
}
