// POST /oauth2/token: the authorization_code and refresh_token grants
// (RFC 6749 §4.1.3, §6). Parameters come in the query string (the documented
// form) or a form body; the client authenticates with client_id and
// client_secret parameters, or with HTTP Basic (RFC 6749 §2.3.1) when the
// basicClientAuth switch allows it, never both.
import { isRight, type ProviderSettings, type Right } from '../config';
import { jsonReply, readParams, type Handler, type Reply, type StandInRequest } from '../http';
import type { IssuedTokens, ProviderState } from '../state';

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

type TokenError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_grant_type';

function tokenError(error: TokenError, description: string): Reply {
  if (error === 'invalid_client') {
    // RFC 6749 §5.2: 401 with a challenge for the scheme the client may use.
    return jsonReply(
      401,
      { error, error_description: description },
      { 'www-authenticate': 'Basic realm="oauth2", charset="UTF-8"' },
    );
  }
  return jsonReply(400, { error, error_description: description });
}

export function tokenEndpoint(state: ProviderState): Handler {
  return (request: StandInRequest): Reply => {
    if (request.method !== 'POST') {
      const reply = tokenError('invalid_request', 'The token endpoint takes POST only.');
      return { ...reply, status: 405, headers: { ...reply.headers, allow: 'POST' } };
    }
    const read = readParams(request);
    if (!read.ok) return tokenError('invalid_request', read.reason);
    const params = read.params;

    const credentials = clientCredentials(request, params, state.settings);
    if (!credentials.ok) return tokenError(credentials.error, credentials.description);
    const client = state.authenticateClient(credentials.clientId, credentials.clientSecret);
    if (!client) return tokenError('invalid_client', 'Client authentication failed.');

    const grantType = params.get('grant_type');
    if (!grantType) return tokenError('invalid_request', 'grant_type is missing.');

    if (grantType === 'authorization_code') {
      const code = params.get('code');
      if (!code) return tokenError('invalid_request', 'code is missing.');
      const redirectUri = params.get('redirect_uri');
      if (!redirectUri) return tokenError('invalid_request', 'redirect_uri is missing.');
      const codeVerifier = params.get('code_verifier');
      if (codeVerifier !== undefined) {
        state.noteSecret(codeVerifier);
        if (!CODE_VERIFIER.test(codeVerifier)) {
          return tokenError(
            'invalid_request',
            'code_verifier must be 43 to 128 unreserved characters.',
          );
        }
      }
      const outcome = state.redeemCode({ code, client, redirectUri, codeVerifier });
      if (!outcome.ok) return tokenError(outcome.error, outcome.description);
      return tokenSuccess(outcome, state.settings);
    }

    if (grantType === 'refresh_token') {
      if (!state.settings.refreshTokens) {
        return tokenError('unsupported_grant_type', 'This portal does not issue refresh tokens.');
      }
      const refreshToken = params.get('refresh_token');
      if (!refreshToken) return tokenError('invalid_request', 'refresh_token is missing.');
      let rights: Right[] | undefined;
      const scope = params.get('scope');
      if (scope !== undefined) {
        rights = [];
        for (const item of scope.split(',')) {
          if (!isRight(item)) return tokenError('invalid_scope', `Unknown right "${item}".`);
          if (!rights.includes(item)) rights.push(item);
        }
      }
      const outcome = state.refresh({ refreshToken, client, rights });
      if (!outcome.ok) return tokenError(outcome.error, outcome.description);
      return tokenSuccess(outcome, state.settings);
    }

    return tokenError(
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token.',
    );
  };
}

/** The grant_type a token request names, for the per-grant counters (before any fault). */
export function peekGrantType(request: StandInRequest): string | undefined {
  const read = readParams(request);
  return read.ok ? read.params.get('grant_type') : undefined;
}

function tokenSuccess(tokens: IssuedTokens, settings: ProviderSettings): Reply {
  const fields = settings.tokenResponseFields;
  const body: Record<string, string | number> = { access_token: tokens.accessToken };
  if (fields.includes('token_type')) body.token_type = 'Bearer';
  if (fields.includes('expires_in')) body.expires_in = tokens.expiresIn;
  if (tokens.refreshToken !== undefined) body.refresh_token = tokens.refreshToken;
  if (fields.includes('scope')) body.scope = tokens.rights.join(',');
  return jsonReply(200, body);
}

type Credentials =
  | { readonly ok: true; readonly clientId: string; readonly clientSecret: string }
  | {
      readonly ok: false;
      readonly error: 'invalid_request' | 'invalid_client';
      readonly description: string;
    };

function clientCredentials(
  request: StandInRequest,
  params: Map<string, string>,
  settings: ProviderSettings,
): Credentials {
  const header = request.headers.authorization;
  const paramId = params.get('client_id');
  const paramSecret = params.get('client_secret');
  if (header !== undefined && !settings.basicClientAuth) {
    return {
      ok: false,
      error: 'invalid_client',
      description:
        'This portal takes the client credentials as client_id and client_secret parameters, not in an Authorization header.',
    };
  }
  if (header !== undefined) {
    const basic = parseBasic(header);
    if (!basic) {
      return {
        ok: false,
        error: 'invalid_client',
        description: 'The Authorization header must use the Basic scheme.',
      };
    }
    if (paramSecret !== undefined) {
      return {
        ok: false,
        error: 'invalid_request',
        description: 'Use one client authentication method: HTTP Basic or client_secret, not both.',
      };
    }
    if (paramId !== undefined && paramId !== basic.clientId) {
      return {
        ok: false,
        error: 'invalid_client',
        description: 'client_id differs from the one in the Authorization header.',
      };
    }
    return { ok: true, ...basic };
  }
  if (!paramId || paramSecret === undefined) {
    return {
      ok: false,
      error: 'invalid_client',
      description: 'Client authentication is missing: send client_id and client_secret.',
    };
  }
  return { ok: true, clientId: paramId, clientSecret: paramSecret };
}

/** RFC 6749 §2.3.1: Basic credentials, each part form-urlencoded. */
function parseBasic(header: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header.trim());
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    const unform = (part: string): string => decodeURIComponent(part.replaceAll('+', ' '));
    return {
      clientId: unform(decoded.slice(0, colon)),
      clientSecret: unform(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}
