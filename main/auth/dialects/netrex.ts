// The Netrex / CamStreamer Cloud wire format (PROVIDER_PROTOCOL.md), by hand
// because it is not RFC 6749: the token request carries its parameters in the
// query string of a POST, rights are comma-separated, and revocation answers
// `{"success":true}`.
//
// The client secret therefore travels in a request URL, by the portal's own
// design. That is why no request URL is ever logged or put in an error.
import { AuthError, authErrorFromOAuthCode } from '../auth-error';
import { CODE_CHALLENGE_METHOD } from '../authorization-secrets';
import { readJsonObject } from '../http';
import { retryAfterOf } from '../retry-after';
import { expiryFrom, splitRights, storableTokens, type TokenSet } from '../token-set';
import type {
  AuthorizationRequestInput,
  DialectContext,
  DialectSession,
  ValidatedCallback,
} from './dialect';

/** `{base}/oauth2/auth/?response_type=code&…&scope=read,write&state=…` plus PKCE. */
export function buildAuthorizationUrl(
  base: string,
  clientId: string,
  rights: readonly string[],
  input: AuthorizationRequestInput,
): string {
  const url = new URL(`${base}/oauth2/auth/`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: input.redirectUri,
    scope: rights.join(','),
    state: input.state,
    // Not in the portal's documentation; a server that does not know PKCE ignores these.
    code_challenge: input.codeChallenge,
    code_challenge_method: CODE_CHALLENGE_METHOD,
  }).toString();
  return url.href;
}

/** `POST {base}/oauth2/token?…` with every parameter in the query string, as documented. */
export function tokenRequestUrl(base: string, parameters: Record<string, string>): string {
  const url = new URL(`${base}/oauth2/token`);
  url.search = new URLSearchParams(parameters).toString();
  return url.href;
}

/** The Netrex portal has no metadata; an `iss` it sends must name its own base URL. */
export function issMatches(iss: string, base: string): boolean {
  return iss === base || iss === `${base}/`;
}

interface AnswerContext {
  readonly portal: string;
  /** The portal's address, recorded in the tokens (TokenSet.providerUrl). */
  readonly providerUrl: string;
  readonly now: number;
  /** Rights to record when the answer has no `scope`. */
  readonly fallbackRights: readonly string[];
  readonly previousRefreshToken?: string;
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Validates a token endpoint answer: `access_token` (a non-empty string) is
 * required; `token_type` missing or `bearer` in any case; `expires_in`
 * optional (absent: unknown expiry); `scope` comma- (or space-) separated.
 */
export async function parseTokenAnswer(
  response: Response,
  context: AnswerContext,
): Promise<TokenSet> {
  const { portal, secrets } = context;
  const retryAfterMs = retryAfterOf(response, context.now);
  const json = await readJsonObject(response);
  const oauthError = typeof json?.error === 'string' && json.error ? json.error : undefined;
  const description =
    typeof json?.error_description === 'string' ? json.error_description : undefined;
  if (oauthError && (response.status >= 400 || json?.access_token === undefined)) {
    throw authErrorFromOAuthCode(oauthError, {
      portal,
      detail: description,
      secrets,
      reason: `HTTP ${response.status}`,
      retryAfterMs,
    });
  }
  if (response.status !== 200) throw statusError(response.status, portal, retryAfterMs);
  if (!json)
    throw new AuthError('portal_error', { portal, reason: 'the answer is not a JSON object' });

  const refuse = (reason: string) => new AuthError('invalid_token_response', { portal, reason });
  const { access_token, refresh_token, token_type, expires_in, scope } = json;
  if (typeof access_token !== 'string' || !access_token) throw refuse('no access_token string');
  if (
    token_type !== undefined &&
    (typeof token_type !== 'string' || token_type.toLowerCase() !== 'bearer')
  ) {
    throw refuse('token_type is not bearer');
  }
  if (
    refresh_token !== undefined &&
    refresh_token !== null &&
    (typeof refresh_token !== 'string' || !refresh_token)
  ) {
    throw refuse('refresh_token is not a string');
  }
  const expiresAt = expiryFrom(expires_in, context.now);
  if (expiresAt === 'invalid') throw refuse('expires_in is not a number of seconds');
  if (scope !== undefined && scope !== null && typeof scope !== 'string')
    throw refuse('scope is not a string');
  const granted = typeof scope === 'string' ? splitRights(scope) : [];
  const refreshToken =
    typeof refresh_token === 'string' ? refresh_token : context.previousRefreshToken;
  return storableTokens(
    {
      providerUrl: context.providerUrl,
      accessToken: access_token,
      ...(refreshToken ? { refreshToken } : {}),
      tokenType: 'bearer',
      expiresAt,
      rights: granted.length ? granted : [...context.fallbackRights],
      rightsReported: granted.length > 0,
      obtainedAt: context.now,
    },
    portal,
  );
}

/**
 * An answer that is neither a token nor an OAuth error body. 503 and 429
 * (too many requests) both mean "later": `retryAfterMs` is what the answer's
 * Retry-After asked (retryAfterOf).
 */
export function statusError(status: number, portal: string, retryAfterMs?: number): AuthError {
  const reason = `HTTP ${status}`;
  if (status === 401) return new AuthError('invalid_client', { portal, reason });
  if (status === 400) return new AuthError('invalid_request', { portal, reason });
  if (status === 503 || status === 429)
    return new AuthError('temporarily_unavailable', { portal, reason, retryAfterMs });
  return new AuthError('portal_error', { portal, reason });
}

export function openNetrexSession(context: DialectContext): Promise<DialectSession> {
  const { provider, clientSecret, fetch, now } = context;
  const base = provider.url;
  const portal = provider.name;
  const client = {
    client_id: provider.clientId,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
  };
  const post = (url: string) =>
    fetch(url, { method: 'POST', headers: { accept: 'application/json' } });

  const session: DialectSession = {
    authorizationUrl: (input) =>
      buildAuthorizationUrl(base, provider.clientId, provider.rights, input),

    // The engine matched `state` already; the portal's answer has nothing else tied to it.
    validateCallback(params): ValidatedCallback {
      const code = params.get('code') ?? '';
      const secrets = [code, clientSecret];
      const iss = params.get('iss');
      if (iss !== null && !issMatches(iss, base)) {
        throw new AuthError('iss_mismatch', { portal, reason: 'iss is not the portal base URL' });
      }
      const error = params.get('error');
      if (error) {
        throw authErrorFromOAuthCode(error, {
          portal,
          detail: params.get('error_description') ?? undefined,
          secrets,
        });
      }
      if (!code) throw new AuthError('missing_code', { portal });
      return { code, params };
    },

    async exchangeCode(callback, { redirectUri, codeVerifier }) {
      const url = tokenRequestUrl(base, {
        ...client,
        grant_type: 'authorization_code',
        code: callback.code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      const response = await post(url);
      return parseTokenAnswer(response, {
        portal,
        providerUrl: base,
        now: now(),
        fallbackRights: provider.rights,
        secrets: [callback.code, codeVerifier, clientSecret],
      });
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new AuthError('no_refresh_token', { portal });
      const url = tokenRequestUrl(base, {
        ...client,
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      const response = await post(url);
      return parseTokenAnswer(response, {
        portal,
        providerUrl: base,
        now: now(),
        fallbackRights: tokens.rights,
        // The documentation: a refresh may or may not return a new refresh token.
        previousRefreshToken: tokens.refreshToken,
        secrets: [tokens.accessToken, tokens.refreshToken, clientSecret],
      });
    },

    async revoke(tokens) {
      let current = tokens;
      // Revocation goes through the access token and cancels its refresh token
      // too; an expired access token may no longer be accepted, so renew first.
      if (current.expiresAt !== null && current.expiresAt <= now() && current.refreshToken) {
        try {
          current = await session.refresh(current);
        } catch (error) {
          if (error instanceof AuthError && error.grantDead) return; // nothing left alive
          throw error;
        }
      }
      const url = new URL(`${base}/oauth2/revoke`);
      url.search = new URLSearchParams({ access_token: current.accessToken }).toString();
      const response = await post(url.href);
      const json = await readJsonObject(response);
      if (response.status === 200 && json?.success === true) return;
      if (response.status >= 500 || (response.status === 200 && !json))
        throw statusError(response.status, portal, retryAfterOf(response, now()));
      throw new AuthError('revocation_failed', {
        portal,
        reason: `HTTP ${response.status}`,
        detail: typeof json?.message === 'string' ? json.message : undefined,
        secrets: [
          current.accessToken,
          current.refreshToken,
          tokens.accessToken,
          tokens.refreshToken,
          clientSecret,
        ],
      });
    },
  };
  return Promise.resolve(session);
}
