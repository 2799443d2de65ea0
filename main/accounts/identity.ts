// Which stored account a sign-in belongs to, so that signing in again
// updates it instead of adding a second one, and what the account is called.
//
// - Standard dialect with an ID token: the person is `iss` + `sub` (OpenID
//   Connect Core §2: the pair is unique and never reassigned).
// - Netrex dialect: the documented protocol names no user (the token answer
//   has no identity and there is no userinfo), so there is ONE OAuth account
//   per portal: a new OAuth sign-in to the same portal replaces its tokens,
//   even when another person signs in. (A standard server without `openid`
//   is treated the same way.)
// - Personal API tokens: provider + label; a second token pasted under the
//   same label replaces the first.
import { plainDetail } from '../auth/auth-error';
import type { TokenSet } from '../auth/token-set';
import type { ProviderConfig } from '../providers/provider-config';
import type { StoredAccount } from '../vault/types';

export const MAX_LABEL_LENGTH = 120;
export const DEFAULT_API_TOKEN_LABEL = 'API token';

export interface OAuthIdentity {
  readonly key: string;
  readonly label: string;
  readonly subject?: StoredAccount['subject'];
}

export function oauthIdentity(provider: ProviderConfig, tokens: TokenSet): OAuthIdentity {
  const claims = tokens.idTokenClaims;
  if (provider.dialect === 'oauth2' && claims?.sub) {
    const subject = { issuer: claims.iss ?? provider.url, sub: claims.sub };
    const label =
      cleanLabel(claims.preferred_username) ??
      cleanLabel(claims.email) ??
      cleanLabel(claims.name) ??
      provider.name;
    return { key: subjectKey(provider.id, subject), label, subject };
  }
  return { key: portalKey(provider.id), label: provider.name };
}

export function apiTokenKey(providerId: string, label: string): string {
  return JSON.stringify(['api-token', providerId, label]);
}

/** The identity key of an account already stored. */
export function keyOf(
  account: Pick<StoredAccount, 'method' | 'providerId' | 'label' | 'subject'>,
): string {
  if (account.method === 'api-token') return apiTokenKey(account.providerId, account.label);
  if (account.subject) return subjectKey(account.providerId, account.subject);
  return portalKey(account.providerId);
}

/** A label typed or claimed: plain text, trimmed, capped; undefined when nothing is left. */
export function cleanLabel(text: unknown): string | undefined {
  const clean = plainDetail(text);
  if (!clean) return undefined;
  return clean.length > MAX_LABEL_LENGTH ? `${clean.slice(0, MAX_LABEL_LENGTH - 1)}…` : clean;
}

function portalKey(providerId: string): string {
  return JSON.stringify(['oauth', providerId]);
}

function subjectKey(providerId: string, subject: NonNullable<StoredAccount['subject']>): string {
  return JSON.stringify(['oidc', providerId, subject.issuer, subject.sub]);
}
