// Fault injection: per endpoint, the next N requests fail in a chosen way
// (an error status, a broken body, silence, a reset), and every request can
// be slowed down. Driven from tests (`portal.faults`) and over HTTP.
import { z } from 'zod';
import { jsonReply, type Endpoint, type Reply } from './http';

export const FAULT_ENDPOINTS = [
  'authorize',
  'token',
  'revoke',
  'graphql',
] as const satisfies readonly Endpoint[];

export const FAULT_KINDS = ['500', '503', 'malformed-json', 'html', 'no-answer', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** How many of the next requests fail this way (default 1). */
  count: z.number().int().positive().optional(),
  /** `503` only: the Retry-After header, in seconds (default 30). */
  retryAfterSec: z.number().int().nonnegative().optional(),
  /** `html` only: the status of the HTML error page (default 502, a proxy's error). */
  status: z.number().int().min(200).max(599).optional(),
});
export type Fault = z.input<typeof faultSchema>;

/** The body of POST /__stand-in/faults: a fault or a latency for one endpoint. */
export const faultCommandSchema = z
  .strictObject({
    endpoint: z.enum(FAULT_ENDPOINTS),
    fault: faultSchema.optional(),
    latencyMs: z.number().int().nonnegative().optional(),
  })
  .refine((command) => (command.fault === undefined) !== (command.latencyMs === undefined), {
    message: 'send exactly one of fault or latencyMs',
    path: ['fault'],
  });

/** What the server does instead of calling the endpoint. */
export type FaultAction =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'reset' };

interface QueuedFault {
  readonly fault: Fault;
  remaining: number;
}

/** A body cut off mid-way, shaped like the endpoint's real answer (no real secret in it). */
const TRUNCATED: Record<Endpoint, string> = {
  authorize: '{"error":',
  token: '{"access_token":"nxs_at_',
  revoke: '{"success":tr',
  graphql: '{"data":{"cameraList":[{"name":',
};

export class FaultInjector {
  readonly #queues = new Map<Endpoint, QueuedFault[]>();
  readonly #latency = new Map<Endpoint, number>();

  /** The next `fault.count` (default 1) requests to `endpoint` fail this way, after faults already queued. */
  inject(endpoint: Endpoint, fault: Fault): void {
    const checked = faultSchema.parse(fault);
    if (!(FAULT_ENDPOINTS as readonly string[]).includes(endpoint)) {
      throw new Error(`Unknown endpoint "${endpoint}" for fault injection.`);
    }
    const queue = this.#queues.get(endpoint) ?? [];
    queue.push({ fault: checked, remaining: checked.count ?? 1 });
    this.#queues.set(endpoint, queue);
  }

  /** Delays every request to `endpoint` by `ms` (0 removes the delay). */
  latency(endpoint: Endpoint, ms: number): void {
    if (!Number.isInteger(ms) || ms < 0)
      throw new Error('latency must be a whole number of ms ≥ 0.');
    if (ms === 0) this.#latency.delete(endpoint);
    else this.#latency.set(endpoint, ms);
  }

  clear(): void {
    this.#queues.clear();
    this.#latency.clear();
  }

  delayOf(endpoint: Endpoint): number {
    return this.#latency.get(endpoint) ?? 0;
  }

  /** Takes the next queued fault for `endpoint`, if any, and says what to do. */
  take(endpoint: Endpoint): FaultAction | undefined {
    const queue = this.#queues.get(endpoint);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return actionFor(endpoint, next.fault);
  }

  /** What is queued, for GET /__stand-in/faults. */
  snapshot(): {
    faults: Partial<Record<Endpoint, Array<Fault & { remaining: number }>>>;
    latencyMs: Partial<Record<Endpoint, number>>;
  } {
    const faults: Partial<Record<Endpoint, Array<Fault & { remaining: number }>>> = {};
    for (const [endpoint, queue] of this.#queues) {
      if (queue.length > 0) {
        faults[endpoint] = queue.map((item) => ({ ...item.fault, remaining: item.remaining }));
      }
    }
    return { faults, latencyMs: Object.fromEntries(this.#latency) };
  }
}

function actionFor(endpoint: Endpoint, fault: Fault): FaultAction {
  const text = (
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): FaultAction => ({
    kind: 'reply',
    reply: { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body },
  });
  switch (fault.kind) {
    case '500':
      return text(500, 'Internal Server Error');
    case '503':
      return text(503, 'Service Unavailable', { 'retry-after': String(fault.retryAfterSec ?? 30) });
    case 'malformed-json': {
      const reply = jsonReply(200, null);
      return { kind: 'reply', reply: { ...reply, body: TRUNCATED[endpoint] } };
    }
    case 'html': {
      const status = fault.status ?? 502;
      return {
        kind: 'reply',
        reply: {
          status,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The server could not handle the request.</p></body></html>`,
        },
      };
    }
    case 'no-answer':
      return { kind: 'no-answer' };
    case 'reset':
      return { kind: 'reset' };
  }
}
