// The sizes the token vault keeps, shared with the parsers of token answers:
// an answer the sign-in engine accepts is one the vault can store, so a
// sign-in never "succeeds" into tokens that cannot be saved. Generous bounds
// on honest answers (a JWT access token is a few KB), not business rules.
export const TOKEN_LIMITS = {
  /** Access and refresh tokens (and client secrets), in characters. */
  maxTokenLength: 16_384,
  maxTokenTypeLength: 100,
  /** How many rights (scopes) an account records. */
  maxRights: 200,
  maxRightLength: 200,
  /** ID-token `sub` and `iss`. */
  maxSubjectLength: 2_000,
  /**
   * Ten years. A longer `expires_in` is not a real lifetime (some servers send
   * a huge number for "never"): it is treated as an unknown expiry, which the
   * status checks cover, rather than a date past any calendar.
   */
  maxExpiresInSeconds: 10 * 365 * 24 * 60 * 60,
} as const;
