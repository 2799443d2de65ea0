// What each wire format must provide. The engine owns the flow (pending
// authorizations, state, deadlines); a dialect only speaks to its server.
import type { ServerFacts } from '../../common/model';
import type { ProviderConfig } from '../../providers/provider-config';
import type { Fetch } from '../http';
import type { TokenSet } from '../token-set';

export interface DialectContext {
  readonly provider: ProviderConfig;
  /** From the ClientSecrets port; undefined for a public client. */
  readonly clientSecret: string | undefined;
  /** Bounded fetch (timeout, body cap) that names this provider in its errors. */
  readonly fetch: Fetch;
  readonly now: () => number;
  /** Standard dialect: discovered metadata, kept between calls (see metadataCacheKey). */
  readonly metadataCache: Map<string, MetadataCacheEntry>;
}

export interface MetadataCacheEntry {
  /** Epoch ms of the discovery. */
  readonly at: number;
  readonly value: unknown;
  /** What the settings show about the server (e.g. that it does not advertise PKCE). */
  readonly facts?: ServerFacts;
}

/** A provider's entry in the metadata cache: a changed address is another server. */
export function metadataCacheKey(provider: Pick<ProviderConfig, 'id' | 'url'>): string {
  return `${provider.id} ${provider.url}`;
}

export interface AuthorizationRequestInput {
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
}

/** A callback whose state matched and whose error/iss/code checks passed. */
export interface ValidatedCallback {
  readonly code: string;
  /** What the dialect needs to redeem the code (oauth4webapi keeps its own branded copy). */
  readonly params: URLSearchParams;
}

export interface DialectSession {
  /** The URL the system browser opens. */
  authorizationUrl(input: AuthorizationRequestInput): string;
  /**
   * Checks a callback whose state already matched: `iss` (RFC 9207), an
   * `error` answer (RFC 6749 §4.1.2.1), the presence of `code`. Throws AuthError.
   */
  validateCallback(params: URLSearchParams, state: string): ValidatedCallback;
  exchangeCode(
    callback: ValidatedCallback,
    input: { readonly redirectUri: string; readonly codeVerifier: string },
  ): Promise<TokenSet>;
  /** RFC 6749 §6. A new refresh token replaces the old one, which is dead from then on. */
  refresh(tokens: TokenSet): Promise<TokenSet>;
  revoke(tokens: TokenSet): Promise<void>;
  /**
   * Asks the server whether it still accepts the access token (the standard
   * dialect's userinfo endpoint). Absent where the protocol offers no such
   * question; the Netrex portal is probed through its API instead.
   */
  checkAccess?(tokens: TokenSet): Promise<AccessCheck>;
}

/** `unsupported`: the server offers no way to ask (no userinfo endpoint). */
export type AccessCheck = 'valid' | 'rejected' | 'unsupported';

export type OpenDialect = (context: DialectContext) => Promise<DialectSession>;
