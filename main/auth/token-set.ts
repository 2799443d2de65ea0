// What a successful sign-in or refresh yields. Lives only in the main process:
// the vault encrypts it, nothing sends it to the renderer.

export interface IdTokenClaims {
  readonly sub: string;
  readonly iss?: string;
  readonly name?: string;
  readonly email?: string;
  readonly preferred_username?: string;
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Lower case; `bearer` for every dialect today. */
  readonly tokenType: string;
  /** Epoch ms; null when the server did not say (unknown expiry is a state of its own). */
  readonly expiresAt: number | null;
  /** Rights the server granted or, when it did not say, the ones requested. */
  readonly rights: readonly string[];
  /** Whether `rights` came from the server (`scope` in the answer) or from the request. */
  readonly rightsReported: boolean;
  /** Epoch ms at which the answer arrived. */
  readonly obtainedAt: number;
  /** Standard dialect with `openid`: the validated ID token's identity claims. */
  readonly idTokenClaims?: IdTokenClaims;
}

/** Splits a `scope` answer: Netrex uses commas, RFC 6749 spaces; both are accepted. */
export function splitRights(scope: string): string[] {
  return [...new Set(scope.split(/[\s,]+/).filter(Boolean))];
}

/**
 * `expires_in` (seconds; PHP portals often send it as a string) to an epoch
 * ms expiry; undefined stays unknown (null). Anything else is refused.
 */
export function expiryFrom(expiresIn: unknown, now: number): number | null | 'invalid' {
  if (expiresIn === undefined || expiresIn === null) return null;
  const seconds =
    typeof expiresIn === 'number'
      ? expiresIn
      : typeof expiresIn === 'string' && /^\d+(\.\d+)?$/.test(expiresIn.trim())
        ? Number(expiresIn)
        : NaN;
  if (!Number.isFinite(seconds) || seconds < 0) return 'invalid';
  return now + Math.round(seconds * 1000);
}
