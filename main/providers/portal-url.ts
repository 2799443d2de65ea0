// The address rules for portals and issuers: https everywhere, plain http only
// to this computer's loopback addresses (the stand-in portal, development).
// Tokens and client secrets travel to these addresses, so nothing else passes.

/** Hosts where plain http is allowed: IPv4 and IPv6 loopback, never a name such as `localhost`. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** Which address rule was broken, for the window's own words. */
export type UrlProblem = 'not-a-url' | 'not-https' | 'has-credentials' | 'has-query-or-fragment';

export type UrlCheck =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly problem: UrlProblem; readonly reason: string };

export function isLoopbackHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Checks an address a request may be sent to (portal base, issuer, discovered
 * endpoint; only an endpoint may carry a query, RFC 6749 §3.1). `reason` is a
 * plain sentence fragment and never quotes the input.
 */
export function checkServerUrl(
  input: string,
  { allowQuery = false }: { allowQuery?: boolean } = {},
): UrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return {
      ok: false,
      problem: 'not-a-url',
      reason: 'it is not a web address (expected e.g. https://portal.example.com)',
    };
  }
  if (url.protocol !== 'https:' && !isLoopbackHttpUrl(url)) {
    return {
      ok: false,
      problem: 'not-https',
      reason:
        url.protocol === 'http:'
          ? 'it must start with https:// (plain http:// is allowed only for 127.0.0.1 and [::1])'
          : 'it must start with https://',
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      problem: 'has-credentials',
      reason: 'it must not contain a user name or password',
    };
  }
  // A bare trailing `?` or `#` parses to an empty search or hash, yet stays in the text kept.
  const text = input.trim();
  const bareQuery = text.endsWith('?') && !allowQuery;
  if ((url.search && !allowQuery) || url.hash || bareQuery || text.endsWith('#')) {
    return {
      ok: false,
      problem: 'has-query-or-fragment',
      reason: 'it must not contain a query (?…) or a fragment (#…)',
    };
  }
  return { ok: true, url };
}

export type NormalizedUrl =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: UrlProblem; readonly reason: string };

/**
 * The stored form of a provider address. Netrex dialect: the base URL without
 * a trailing slash, so `${base}/oauth2/token` is always well formed. Standard
 * dialect: the issuer as parsed; a trailing slash in a path is kept because the
 * issuer is compared exactly (RFC 8414 §3.3), only a bare origin's is dropped.
 */
export function normalizeProviderUrl(input: string, dialect: 'netrex' | 'oauth2'): NormalizedUrl {
  const check = checkServerUrl(input);
  if (!check.ok) return check;
  const { href, pathname } = check.url;
  if (dialect === 'netrex') return { ok: true, url: href.replace(/\/+$/, '') };
  return { ok: true, url: pathname === '/' ? href.slice(0, -1) : href };
}
