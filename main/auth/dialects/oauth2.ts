// The standard dialect: any RFC 6749 server that publishes RFC 8414 or
// OpenID Connect discovery metadata. oauth4webapi does the protocol; this file
// chooses its options and turns its errors into AuthErrors.
import * as oauth from 'oauth4webapi';
import { checkServerUrl, isLoopbackHttpUrl } from '../../providers/portal-url';
import { AuthError, authErrorFromOAuthCode, type AuthErrorContext } from '../auth-error';
import { CODE_CHALLENGE_METHOD } from '../authorization-secrets';
import { retryAfterOf } from '../retry-after';
import {
  expiryFrom,
  splitRights,
  storableTokens,
  type IdTokenClaims,
  type TokenSet,
} from '../token-set';
import { metadataCacheKey, type DialectContext, type DialectSession } from './dialect';
import { discoverServer, serverFactsOf, type DiscoveryHttp } from './discovery';

/** Discovered metadata is re-read after an hour: servers rotate endpoints rarely. */
export const METADATA_MAX_AGE_MS = 60 * 60 * 1000;

type HttpOptions = DiscoveryHttp;

/** client_secret_basic or _post when a secret is set and the server allows it; none otherwise. */
export function clientAuthentication(
  as: oauth.AuthorizationServer,
  secret: string | undefined,
): oauth.ClientAuth {
  if (!secret) return oauth.None();
  // RFC 8414 §2: when the list is absent, client_secret_basic is the default.
  const methods = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (!methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
    return oauth.ClientSecretPost(secret);
  }
  return oauth.ClientSecretBasic(secret);
}

/** The HTTP answer behind an oauth4webapi error, when it kept one. */
function answerOf(error: unknown): Response | undefined {
  if (error instanceof oauth.ResponseBodyError) return error.response;
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response)
    return error.cause;
  return undefined;
}

/**
 * Maps oauth4webapi's errors; its messages are fixed text and kept only as
 * `reason`. `now` (epoch ms) measures a Retry-After date of a 503/429 answer.
 */
export function protocolError(
  error: unknown,
  { now, ...rest }: AuthErrorContext & { readonly now?: number },
  fallback: 'portal_error' | 'discovery_failed' = 'portal_error',
): AuthError {
  if (error instanceof AuthError) return error;
  const answer = answerOf(error);
  const retryAfterMs = answer && retryAfterOf(answer, now ?? Date.now());
  const context: AuthErrorContext = retryAfterMs === undefined ? rest : { ...rest, retryAfterMs };
  if (
    error instanceof oauth.AuthorizationResponseError ||
    error instanceof oauth.ResponseBodyError
  ) {
    return authErrorFromOAuthCode(error.error, { ...context, detail: error.error_description });
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new AuthError(error.status === 401 ? 'invalid_client' : 'portal_error', {
      ...context,
      reason: 'challenge',
    });
  }
  const reason = error instanceof Error ? error.message : 'unknown failure';
  if (error instanceof oauth.OperationProcessingError) {
    const status = answer?.status ?? 0;
    // 503 or 429 means "later", whatever the body looks like (empty, HTML, plain text).
    if (status === 503 || status === 429)
      return new AuthError('temporarily_unavailable', { ...context, reason });
    switch (error.code) {
      case oauth.RESPONSE_IS_NOT_CONFORM: {
        if (status >= 500) return new AuthError('portal_error', { ...context, reason });
        if (status === 401) return new AuthError('invalid_client', { ...context, reason });
        return new AuthError(fallback, { ...context, reason });
      }
      case oauth.RESPONSE_IS_NOT_JSON:
      case oauth.PARSE_ERROR:
        return new AuthError(fallback, { ...context, reason });
      case oauth.JSON_ATTRIBUTE_COMPARISON:
      case oauth.HTTP_REQUEST_FORBIDDEN:
      case oauth.MISSING_SERVER_METADATA:
      case oauth.INVALID_SERVER_METADATA:
        return new AuthError('discovery_failed', { ...context, reason });
      case oauth.INVALID_RESPONSE:
        if (/"iss"/.test(reason)) return new AuthError('iss_mismatch', { ...context, reason });
        if (/"state"/.test(reason)) return new AuthError('state_mismatch', { ...context, reason });
        return new AuthError(
          fallback === 'discovery_failed' ? fallback : 'invalid_token_response',
          { ...context, reason },
        );
      default:
        if (error.code?.startsWith('OAUTH_JWT'))
          return new AuthError('invalid_token_response', { ...context, reason });
        return new AuthError(fallback, { ...context, reason });
    }
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return new AuthError('invalid_token_response', { ...context, reason });
  }
  return new AuthError(fallback, { ...context, reason: 'unexpected failure' });
}

function tokenSetFrom(
  result: oauth.TokenEndpointResponse,
  now: number,
  fallbackRights: readonly string[],
  previousRefreshToken: string | undefined,
  provider: { readonly name: string; readonly url: string },
): TokenSet {
  const portal = provider.name;
  if (result.token_type !== 'bearer') {
    throw new AuthError('invalid_token_response', { portal, reason: 'token_type is not bearer' });
  }
  const expiresAt = expiryFrom(result.expires_in, now);
  if (expiresAt === 'invalid') {
    throw new AuthError('invalid_token_response', {
      portal,
      reason: 'expires_in is not a number of seconds',
    });
  }
  const granted = typeof result.scope === 'string' ? splitRights(result.scope) : [];
  const refreshToken = result.refresh_token ?? previousRefreshToken;
  const claims = oauth.getValidatedIdTokenClaims(result);
  return storableTokens(
    {
      providerUrl: provider.url,
      accessToken: result.access_token,
      ...(refreshToken ? { refreshToken } : {}),
      tokenType: 'bearer',
      expiresAt,
      rights: granted.length ? granted : [...fallbackRights],
      rightsReported: granted.length > 0,
      obtainedAt: now,
      ...(claims ? { idTokenClaims: identityClaims(claims) } : {}),
    },
    portal,
  );
}

function identityClaims(claims: oauth.IDToken): IdTokenClaims {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : undefined);
  const out: { -readonly [K in keyof IdTokenClaims]: IdTokenClaims[K] } = {
    sub: claims.sub,
    iss: claims.iss,
  };
  const name = text(claims.name);
  const email = text(claims.email);
  const username = text(claims.preferred_username);
  if (name) out.name = name;
  if (email) out.email = email;
  if (username) out.preferred_username = username;
  return out;
}

export async function openOAuth2Session(context: DialectContext): Promise<DialectSession> {
  const { provider, clientSecret, now, metadataCache } = context;
  const portal = provider.name;
  const http: HttpOptions = {
    [oauth.customFetch]: context.fetch,
    // oauth4webapi refuses http:// by default; the stand-ins on 127.0.0.1 / [::1] are the one exception.
    ...(isLoopbackHttpUrl(new URL(provider.url)) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
  const cacheKey = metadataCacheKey(provider);
  const cached = metadataCache.get(cacheKey);
  let as: oauth.AuthorizationServer;
  if (cached && now() - cached.at < METADATA_MAX_AGE_MS) {
    as = cached.value as oauth.AuthorizationServer;
  } else {
    as = await discoverServer(provider.url, http, portal, (error) =>
      protocolError(error, { portal, now: now() }, 'discovery_failed'),
    );
    metadataCache.set(cacheKey, { at: now(), value: as, facts: serverFactsOf(as) });
  }
  const client: oauth.Client = { client_id: provider.clientId };
  const auth = clientAuthentication(as, clientSecret);
  const branded = new WeakMap<URLSearchParams, URLSearchParams>();

  return {
    authorizationUrl(input) {
      const url = new URL(as.authorization_endpoint as string);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', provider.clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('scope', provider.rights.join(' '));
      url.searchParams.set('state', input.state);
      url.searchParams.set('code_challenge', input.codeChallenge);
      url.searchParams.set('code_challenge_method', CODE_CHALLENGE_METHOD);
      // OpenID Connect Core §11: a refresh token for offline_access needs explicit consent.
      if (provider.rights.includes('offline_access')) url.searchParams.set('prompt', 'consent');
      return url.href;
    },

    validateCallback(params, state) {
      const code = params.get('code') ?? undefined;
      let validated: URLSearchParams;
      try {
        // Checks iss (RFC 9207, also when the metadata advertises it), state, then error.
        validated = oauth.validateAuthResponse(as, client, params, state);
      } catch (error) {
        throw protocolError(error, { portal, secrets: [code, clientSecret] });
      }
      if (!code) throw new AuthError('missing_code', { portal });
      branded.set(params, validated);
      return { code, params };
    },

    async exchangeCode(callback, { redirectUri, codeVerifier }) {
      const secrets = [callback.code, codeVerifier, clientSecret];
      try {
        const validated = branded.get(callback.params);
        if (!validated)
          throw new AuthError('missing_code', { portal, reason: 'callback not validated' });
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          auth,
          validated,
          redirectUri,
          codeVerifier,
          http,
        );
        const result = await oauth.processAuthorizationCodeResponse(as, client, response);
        return tokenSetFrom(result, now(), provider.rights, undefined, provider);
      } catch (error) {
        throw protocolError(error, { portal, now: now(), secrets });
      }
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new AuthError('no_refresh_token', { portal });
      const secrets = [tokens.accessToken, tokens.refreshToken, clientSecret];
      try {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          auth,
          tokens.refreshToken,
          http,
        );
        const result = await oauth.processRefreshTokenResponse(as, client, response);
        return tokenSetFrom(result, now(), tokens.rights, tokens.refreshToken, provider);
      } catch (error) {
        throw protocolError(error, { portal, now: now(), secrets });
      }
    },

    async checkAccess(tokens) {
      const endpoint = as.userinfo_endpoint;
      // Only an endpoint the address rules allow gets the token (like the others checkMetadata checks).
      if (typeof endpoint !== 'string' || !checkServerUrl(endpoint, { allowQuery: true }).ok)
        return 'unsupported';
      try {
        const response = await oauth.userInfoRequest(as, client, tokens.accessToken, http);
        if (response.status === 401) return 'rejected';
        await oauth.processUserInfoResponse(as, client, oauth.skipSubjectCheck, response);
        return 'valid';
      } catch (error) {
        throw protocolError(error, { portal, now: now(), secrets: [tokens.accessToken] });
      }
    },

    async revoke(tokens) {
      if (typeof as.revocation_endpoint !== 'string')
        throw new AuthError('revocation_unsupported', { portal });
      const secrets = [tokens.accessToken, tokens.refreshToken, clientSecret];
      // RFC 7009 §2.1: revoking the refresh token first ends the whole grant on most servers.
      const order: [string, 'refresh_token' | 'access_token'][] = [];
      if (tokens.refreshToken) order.push([tokens.refreshToken, 'refresh_token']);
      order.push([tokens.accessToken, 'access_token']);
      for (const [token, hint] of order) {
        try {
          const response = await oauth.revocationRequest(as, client, auth, token, {
            ...http,
            additionalParameters: { token_type_hint: hint },
          });
          await oauth.processRevocationResponse(response);
        } catch (error) {
          const mapped = protocolError(error, { portal, now: now(), secrets });
          // A server may refuse to revoke access tokens (RFC 7009 §2.2.1); the refresh token is what matters.
          if (hint === 'access_token' && tokens.refreshToken && mapped.code === 'portal_error')
            continue;
          throw mapped.code === 'portal_error'
            ? new AuthError('revocation_failed', {
                portal,
                reason: mapped.reason,
                detail: mapped.detail,
                secrets,
              })
            : mapped;
        }
      }
    },
  };
}
