// When to renew an access token: ahead of its expiry by a margin of 60 s or
// 10 % of its lifetime, whichever is larger, so a slow portal or a computer
// waking up still finds a valid token. The margin never exceeds half the
// lifetime: a token that lives 90 s is renewed at 45 s, not at once.

export const MIN_REFRESH_MARGIN_MS = 60_000;
export const REFRESH_MARGIN_SHARE = 0.1;

/** The lifetime-dependent margin before `expiresAt` at which the refresh is due. */
export function refreshMargin(lifetimeMs: number): number {
  const lifetime = Math.max(0, lifetimeMs);
  return Math.min(Math.max(MIN_REFRESH_MARGIN_MS, lifetime * REFRESH_MARGIN_SHARE), lifetime / 2);
}

/** Epoch ms at which a token that expires at `expiresAt` and lived `lifetimeMs` is renewed. */
export function refreshDueAt(expiresAt: number, lifetimeMs: number): number {
  return expiresAt - refreshMargin(lifetimeMs);
}

/**
 * The lifetime of a token loaded from the vault, which keeps only its expiry:
 * what is left of it when loaded (a lower bound of the real one, so the
 * margin is at most a little smaller than it was).
 */
export function lifetimeOfLoaded(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - now);
}
