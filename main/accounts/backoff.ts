// How long an offline account waits before it tries again: exponential
// backoff with "equal jitter" (half the delay fixed, half random), capped.
// The fixed half keeps retries from bunching at zero; the random half keeps
// many desktops that lost the same portal from retrying in step when it
// comes back. The random source is injectable so tests see exact delays.

export interface BackoffPolicy {
  /** The ceiling of the first retry's delay. */
  readonly initialMs: number;
  /** No delay is ever longer than this. */
  readonly maxMs: number;
}

/** 10 s, 20 s, 40 s, … up to 5 min (each ceiling halved and jittered). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 10_000, maxMs: 5 * 60_000 };

/**
 * The delay before retry number `attempt` (0 for the first retry after the
 * first failure): between half and all of min(maxMs, initialMs · 2^attempt).
 *
 * `retryAfterMs` is what the portal asked (Retry-After on a 503 or 429): the
 * delay is at least that, but never more than `maxMs`, so a portal that asks
 * for days (or a hostile one) still gets a retry within the ceiling.
 */
export function retryDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs?: number,
): number {
  const steps = Math.min(Math.max(0, Math.floor(attempt)), 40);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** steps);
  const share = Math.min(1, Math.max(0, random()));
  const backoff = Math.round(ceiling / 2 + (share * ceiling) / 2);
  const asked = Number.isFinite(retryAfterMs) ? Math.max(0, retryAfterMs!) : 0;
  return Math.max(backoff, Math.round(Math.min(asked, policy.maxMs)));
}
