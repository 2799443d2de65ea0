// Every request of the sign-in engine goes through here: the injected fetch
// (Electron's net.fetch in the app, Node's in tests) with a timeout, no
// redirects followed, and a cap on the body read, so a server that never
// answers or answers 10 MB is refused cleanly.
//
// A 3xx is an answer like any other, with its status and Location: Node's
// fetch does so with redirect 'manual' (undici lib/web/fetch/index.js), and
// the app's fetch port is held to the same contract. Only discovery follows
// one, by its own rule (dialects/discovery.ts); token, userinfo and
// revocation requests treat it as an unexpected answer.
//
// Request URLs are never logged or put in an error: the Netrex token request
// carries the client secret in its query string (the portal's own design).
import { checkServerUrl } from '../providers/portal-url';
import type { ProviderConfig } from '../providers/provider-config';
import { AuthError } from './auth-error';

/**
 * The registry validates addresses; this check, before anything is sent,
 * keeps a token or a secret off plain http whatever the caller passes.
 * Throws `not_configured` saying which rule the address breaks.
 */
export function assertAllowedAddress(provider: Pick<ProviderConfig, 'url' | 'name'>): void {
  const address = checkServerUrl(provider.url);
  if (address.ok) return;
  const explanation = `The address of ${provider.name} is not allowed: ${address.reason}. Correct it in the settings.`;
  throw new AuthError('not_configured', {
    portal: provider.name,
    explanation,
    params: { variant: `address-${address.problem}` },
  });
}

/** The fetch the engine needs; `typeof fetch` and Electron's `net.fetch` both fit. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpPolicy {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** A token or metadata answer is a few KB; 1 MB is far beyond any honest one. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Statuses whose Response may not carry a body. */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * Wraps `fetch`: each call gets its own timeout (covering the body too), and
 * answers with the body already read into memory. Failures become AuthErrors
 * (`timeout`, `network`, `portal_error` for an oversized body) that name the
 * portal and nothing else.
 */
export function boundedFetch(fetch: Fetch, policy: HttpPolicy, portal: string): Fetch {
  return async (url, init) => {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const seconds = Math.max(1, Math.round(policy.timeoutMs / 1000));
    const failed = (): AuthError =>
      timeout.aborted
        ? new AuthError('timeout', { portal, seconds, reason: 'no answer in time' })
        : new AuthError('network', { portal, reason: 'the request could not be sent' });
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'manual', signal });
    } catch {
      throw failed();
    }
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readCapped(response, policy.maxBodyBytes);
    } catch (error) {
      if (error instanceof AuthError)
        throw new AuthError(error.code, { portal, reason: error.reason });
      throw failed();
    }
    return new Response(NULL_BODY_STATUS.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

async function readCapped(response: Response, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new AuthError('portal_error', { reason: `the answer is larger than ${max} bytes` });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A JSON object from a buffered answer, or undefined when the body is not one. */
export async function readJsonObject(
  response: Response,
): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await response.text());
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
