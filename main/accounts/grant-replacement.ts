// What a new browser sign-in does to the grant the app already holds for the
// same identity (identity.ts: one per Netrex portal). The new tokens replace
// the held ones in the account; the held grant is ended at the portal only
// when the operator confirmed it after the new tokens arrived, and never when
// the two share a token: a portal that answers a second authorization with
// the grant it already issued would otherwise have the app revoke the sign-in
// it has just stored. Pure: the accounts collection applies it.
import type { TokenSet } from '../auth/token-set';
import type { VaultTokens } from '../vault/types';

/** The account a sign-in would replace, as the operator is asked about it. */
export interface ReplacedGrant {
  readonly accountId: string;
  /** The account's name in the window (for a Netrex portal, the portal's). */
  readonly account: string;
  readonly portal: string;
}

/** What the operator decided once the new tokens were in. */
export interface ReplacementDecision {
  /** End the replaced grant at the portal (only ever after the operator confirmed it). */
  readonly endReplacedGrant: boolean;
}

type Tokens = Pick<VaultTokens, 'accessToken' | 'refreshToken'>;

/** Whether any token of one set is a token of the other: then they are (part of) one grant. */
export function sharesToken(held: Tokens, next: Tokens | TokenSet): boolean {
  const ours = [held.accessToken, held.refreshToken].filter((t): t is string => !!t);
  const theirs = [next.accessToken, next.refreshToken].filter((t): t is string => !!t);
  return ours.some((token) => theirs.includes(token));
}
