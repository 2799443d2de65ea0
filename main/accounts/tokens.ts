// Conversions between what the engine speaks (TokenSet) and what the vault
// keeps (StoredAccount), and the one rule for turning a failure into words:
// known errors keep theirs, anything else gets a fixed text (its own message
// may quote a URL or a token).
import { AuthError } from '../auth/auth-error';
import type { TokenSet } from '../auth/token-set';
import type { UserFacingError } from '../common/model';
import { VaultError } from '../vault/errors';
import type { StoredAccount } from '../vault/types';
import { AccountError, UserFacingFailure } from './account-error';

/** The vault keeps no `obtainedAt`; it is derived from the expiry and the known lifetime. */
export function tokenSetOf(
  account: StoredAccount,
  lifetimeMs: number | null,
  now: number,
): TokenSet {
  return {
    accessToken: account.tokens.accessToken,
    ...(account.tokens.refreshToken ? { refreshToken: account.tokens.refreshToken } : {}),
    tokenType: account.tokens.tokenType.toLowerCase(),
    expiresAt: account.expiresAt,
    rights: account.rights,
    rightsReported: true,
    obtainedAt: account.expiresAt === null ? now : account.expiresAt - (lifetimeMs ?? 0),
  };
}

export function vaultTokensOf(tokens: TokenSet): StoredAccount['tokens'] {
  return {
    accessToken: tokens.accessToken,
    tokenType: tokens.tokenType,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
  };
}

/** A personal API token as the probe takes it: no refresh, no known expiry or rights. */
export function apiTokenSet(token: string, now: number): TokenSet {
  return {
    accessToken: token,
    tokenType: 'bearer',
    expiresAt: null,
    rights: [],
    rightsReported: false,
    obtainedAt: now,
  };
}

export function lifetimeOf(tokens: TokenSet): number | null {
  return tokens.expiresAt === null ? null : tokens.expiresAt - tokens.obtainedAt;
}

export const UNEXPECTED_ERROR: UserFacingError = {
  code: 'internal_error',
  message:
    'Something went wrong inside Netrex Connect while keeping this account connected. It tries again by itself; if this keeps happening, restart the app.',
};

/** A known error's own words; anything else gets `fallback`. */
export function userFacing(
  error: unknown,
  fallback: UserFacingError = UNEXPECTED_ERROR,
): UserFacingError {
  if (
    error instanceof AuthError ||
    error instanceof AccountError ||
    error instanceof VaultError ||
    error instanceof UserFacingFailure
  ) {
    return error.toUserFacing();
  }
  return fallback;
}
