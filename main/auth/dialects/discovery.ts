// Reading a standard server's metadata (RFC 8414 / OpenID Connect Discovery
// 1.0) as servers really publish it: one redirect of the well-known address is
// followed when it stays on the issuer's own server, the issuer is then
// checked exactly (RFC 8414 §3.3), and every failure says what it was (a
// redirect elsewhere, a 404, a web page, another issuer's metadata) so an
// administrator can fix the address without a packet capture.
import * as oauth from 'oauth4webapi';
import type { MessageParams, ServerFacts } from '../../common/model';
import { checkServerUrl } from '../../providers/portal-url';
import { AuthError, plainDetail } from '../auth-error';
import { CODE_CHALLENGE_METHOD } from '../authorization-secrets';
import type { Fetch } from '../http';

export type DiscoveryHttp = {
  [oauth.customFetch]: Fetch;
  [oauth.allowInsecureRequests]?: boolean;
};

/** The statuses whose `Location` a client may follow (RFC 9110 §15.4). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type RedirectVerdict =
  | { readonly follow: true; readonly url: URL }
  | { readonly follow: false; readonly why: 'elsewhere' | 'no-location'; readonly host?: string };

/**
 * Whether a redirect of the well-known address `from` may be followed. Two
 * kinds are: one that stays on the same origin (scheme, host and port; e.g. a
 * framework adding a trailing slash), and one from http to https on the same
 * host whose port stays the same (a front end answering plain http on its TLS
 * port) or goes from http's default (80) to https's default (443). Anything
 * else — another host, another port, https to http — is refused, since
 * what it points to is not the server the administrator named.
 */
export function discoveryRedirect(from: URL, location: string | null): RedirectVerdict {
  let url: URL;
  try {
    if (!location) throw new Error('no location');
    url = new URL(location, from);
  } catch {
    return { follow: false, why: 'no-location' };
  }
  url.hash = '';
  const sameOrigin = url.origin === from.origin;
  // URL leaves the port empty when it is the scheme's default: '' → '' is 80 → 443.
  const upgrade =
    from.protocol === 'http:' &&
    url.protocol === 'https:' &&
    url.hostname === from.hostname &&
    url.port === from.port;
  if ((sameOrigin || upgrade) && checkServerUrl(url.href, { allowQuery: true }).ok) {
    return { follow: true, url };
  }
  return { follow: false, why: 'elsewhere', host: url.host };
}

/** What a failed discovery was, for the sentence that names it (auth-error.ts). */
export type DiscoveryFailure =
  | 'redirect-elsewhere'
  | 'redirect-again'
  | 'redirect-no-location'
  | 'not-found'
  | 'status'
  | 'not-json'
  | 'no-issuer'
  | 'issuer-mismatch'
  | 'issuer-template'
  | 'endpoint-missing'
  | 'endpoint-not-https'
  | 'field-invalid';

type DiscoveryFailureParams = { readonly variant: DiscoveryFailure } & Readonly<
  Record<string, string | number | undefined>
>;

/** A failure of discovery, named for what it was, with the values its sentence names. */
export function discoveryError(
  portal: string,
  params: DiscoveryFailureParams,
  reason: string = params.variant,
): AuthError {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) kept[key] = value;
  return new AuthError('discovery_failed', { portal, reason, params: kept as MessageParams });
}

/**
 * GETs one well-known document, following at most one redirect by the rule of
 * `discoveryRedirect`. A second redirect, or one that is refused, is an error
 * naming its status and the host it pointed to (never the path or query).
 */
async function getDocument(
  issuer: URL,
  algorithm: 'oidc' | 'oauth2',
  http: DiscoveryHttp,
  portal: string,
): Promise<Response> {
  const fetch = http[oauth.customFetch];
  // The address oauth4webapi asks for: the Response a custom fetch builds may not carry it.
  let asked = '';
  const first = await oauth.discoveryRequest(issuer, {
    ...http,
    algorithm,
    [oauth.customFetch]: (url: string, init: RequestInit) => fetch((asked = url), init),
  });
  if (!REDIRECT_STATUSES.has(first.status)) return first;
  const verdict = discoveryRedirect(new URL(asked), first.headers.get('location'));
  if (!verdict.follow) {
    const status = first.status;
    throw verdict.why === 'no-location'
      ? discoveryError(portal, { variant: 'redirect-no-location', status })
      : discoveryError(portal, { variant: 'redirect-elsewhere', status, host: verdict.host });
  }
  const second = await fetch(verdict.url.href, {
    method: 'GET',
    headers: { accept: 'application/json' },
    redirect: 'manual',
  });
  if (REDIRECT_STATUSES.has(second.status)) {
    const again = discoveryRedirect(verdict.url, second.headers.get('location'));
    const host = again.follow ? again.url.host : (again.host ?? verdict.url.host);
    throw discoveryError(portal, { variant: 'redirect-again', status: second.status, host });
  }
  return second;
}

/**
 * RFC 8414 / OpenID discovery with an exact issuer match. OpenID's
 * `/.well-known/openid-configuration` first, then RFC 8414's
 * `/.well-known/oauth-authorization-server` when the first is not there.
 * `mapError` turns what oauth4webapi throws into an AuthError.
 */
export async function discoverServer(
  issuer: string,
  http: DiscoveryHttp,
  portal: string,
  mapError: (error: unknown) => AuthError,
): Promise<oauth.AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  let response: Response | undefined;
  for (const algorithm of ['oidc', 'oauth2'] as const) {
    response = await getDocument(issuerUrl, algorithm, http, portal);
    if (response.status !== 404) break;
  }
  return readMetadata(issuerUrl, response!, portal, mapError);
}

/**
 * The metadata in a discovery answer, or the reason it cannot be used: its
 * status, not JSON, no issuer, another issuer, then oauth4webapi's own checks
 * and the app's (`checkMetadata`). The one check every document goes through,
 * fetched or (docs/standard-servers.md) written from a provider's documentation.
 */
export async function readMetadata(
  issuer: URL,
  response: Response,
  portal: string,
  mapError: (error: unknown) => AuthError,
): Promise<oauth.AuthorizationServer> {
  const status = response.status;
  if (status === 404) throw discoveryError(portal, { variant: 'not-found', status });
  // 5xx, 503 and 429 are the server's trouble, retried later: oauth4webapi's mapping keeps them.
  if (status !== 200 && status < 500 && status !== 429)
    throw discoveryError(portal, { variant: 'status', status });
  if (status === 200) {
    let body: unknown;
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      body = undefined;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw discoveryError(portal, { variant: 'not-json' });
    const claimed = (body as { issuer?: unknown }).issuer;
    if (typeof claimed !== 'string') throw discoveryError(portal, { variant: 'no-issuer' });
    if (!sameIssuer(claimed, issuer)) {
      const names = { claimed: shownIssuer(claimed), configured: issuer.href };
      // Multi-tenant documents publish a template instead, e.g. …/{tenantid}/v2.0.
      throw /\{[^}]*\}/.test(names.claimed)
        ? discoveryError(portal, { variant: 'issuer-template', ...names })
        : discoveryError(portal, { variant: 'issuer-mismatch', ...names });
    }
  }
  const as = await oauth.processDiscoveryResponse(issuer, response).catch((error: unknown) => {
    throw mapError(error);
  });
  return checkMetadata(as, portal);
}

/** RFC 8414 §3.3, compared as oauth4webapi does: as parsed URLs (a bare origin's `/` aside). */
function sameIssuer(claimed: string, configured: URL): boolean {
  try {
    return new URL(claimed).href === configured.href;
  } catch {
    return false;
  }
}

/** A claimed issuer as an administrator may see it: no query or fragment, plain, capped. */
function shownIssuer(claimed: string): string {
  return plainDetail(claimed.split(/[?#]/, 1)[0]) ?? '';
}

/** Only method names that look like method names are repeated to the administrator. */
function listedMethods(methods: readonly unknown[]): string {
  const names = methods
    .filter((m): m is string => typeof m === 'string' && /^[A-Za-z0-9._-]{1,32}$/.test(m))
    .slice(0, 5);
  return names.length ? names.join(', ') : '[]';
}

/**
 * What the app requires of metadata: S256 PKCE when the server lists its
 * methods; an authorization and a token endpoint; every endpoint that gets a
 * code or a token on https (or loopback http). RFC 8414 §2 reads an absent
 * `code_challenge_methods_supported` as "no PKCE", but Microsoft Entra ID,
 * Azure AD B2C and OpenAM support S256 without listing it: S256 is sent anyway
 * and the answers checked as always (serverFactsOf tells the settings).
 */
export function checkMetadata(
  as: oauth.AuthorizationServer,
  portal: string,
): oauth.AuthorizationServer {
  const methods = as.code_challenge_methods_supported;
  if (methods !== undefined) {
    if (!Array.isArray(methods))
      throw discoveryError(portal, {
        variant: 'field-invalid',
        field: 'code_challenge_methods_supported',
      });
    if (!methods.includes(CODE_CHALLENGE_METHOD)) {
      throw new AuthError('pkce_unsupported', {
        portal,
        reason: 'S256 not in code_challenge_methods_supported',
        params: { listed: listedMethods(methods) },
      });
    }
  }
  for (const field of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof as[field] !== 'string')
      throw discoveryError(portal, { variant: 'endpoint-missing', field }, `${field} missing`);
  }
  for (const field of [
    'authorization_endpoint',
    'token_endpoint',
    'revocation_endpoint',
  ] as const) {
    const value = as[field];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !checkServerUrl(value, { allowQuery: true }).ok)
    ) {
      throw discoveryError(
        portal,
        { variant: 'endpoint-not-https', field },
        `${field} is not https`,
      );
    }
  }
  return as;
}

/** What the settings show about a server, from metadata `checkMetadata` accepted. */
export function serverFactsOf(as: oauth.AuthorizationServer): ServerFacts {
  return {
    pkce: as.code_challenge_methods_supported === undefined ? 'not-advertised' : 'advertised',
  };
}
