// What a successful sign-in or refresh yields. Lives only in the main process:
// the vault encrypts it, nothing sends it to the renderer.
import { TOKEN_LIMITS } from '../common/token-limits';
import { AuthError } from './auth-error';

export interface IdTokenClaims {
  readonly sub: string;
  readonly iss?: string;
  readonly name?: string;
  readonly email?: string;
  readonly preferred_username?: string;
}

export interface TokenSet {
  /**
   * The address (base URL or issuer) of the provider that issued the tokens:
   * the engine sends them, and the client secret with them, nowhere else.
   */
  readonly providerUrl: string;
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
 * ms expiry, in whole milliseconds; undefined stays unknown (null), and so
 * does a lifetime beyond TOKEN_LIMITS.maxExpiresInSeconds (a server's way of
 * saying "never", not a date). Anything else is refused.
 */
export function expiryFrom(expiresIn: unknown, now: number): number | null | 'invalid' {
  if (expiresIn === undefined || expiresIn === null) return null;
  const seconds =
    typeof expiresIn === 'number'
      ? expiresIn
      : typeof expiresIn === 'string' && /^\d+(\.\d+)?$/.test(expiresIn.trim())
        ? Number(expiresIn)
        : NaN;
  if (Number.isNaN(seconds) || seconds < 0) return 'invalid';
  if (seconds > TOKEN_LIMITS.maxExpiresInSeconds) return null;
  return now + Math.round(seconds * 1000);
}

/**
 * Refuses an answer the vault could not keep (tokens, rights or identity
 * beyond TOKEN_LIMITS), so a sign-in never succeeds into tokens that are
 * lost on the next save. `reason` names the rule, never the value.
 */
export function storableTokens(tokens: TokenSet, portal: string): TokenSet {
  const refuse = (reason: string) => new AuthError('invalid_token_response', { portal, reason });
  const { maxTokenLength, maxRights, maxRightLength, maxSubjectLength } = TOKEN_LIMITS;
  if (tokens.accessToken.length > maxTokenLength)
    throw refuse(`access_token is longer than ${maxTokenLength} characters`);
  if ((tokens.refreshToken?.length ?? 0) > maxTokenLength)
    throw refuse(`refresh_token is longer than ${maxTokenLength} characters`);
  if (tokens.rights.length > maxRights) throw refuse(`more than ${maxRights} rights (scope)`);
  if (tokens.rights.some((right) => right.length > maxRightLength))
    throw refuse(`a right (scope) is longer than ${maxRightLength} characters`);
  const claims = tokens.idTokenClaims;
  if (
    claims &&
    (claims.sub.length > maxSubjectLength || (claims.iss?.length ?? 0) > maxSubjectLength)
  )
    throw refuse(`the ID token's sub or iss is longer than ${maxSubjectLength} characters`);
  return tokens;
}
