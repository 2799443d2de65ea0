// Conversions between what the engine speaks (TokenSet) and what the vault
// keeps (StoredAccount).
import type { TokenSet } from '../auth/token-set';
import type { StoredAccount } from '../vault/types';

/** The vault keeps no `obtainedAt`; it is derived from the expiry and the known lifetime. */
export function tokenSetOf(
  account: StoredAccount,
  lifetimeMs: number | null,
  now: number,
): TokenSet {
  return {
    providerUrl: account.providerUrl,
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
export function apiTokenSet(token: string, providerUrl: string, now: number): TokenSet {
  return {
    providerUrl,
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
