// Network failures sorted into the classes the report explains in plain
// words. Errors come from three stacks, each with its own vocabulary:
//
// - Node's dns, net and tls (`error.code`: ENOTFOUND, ECONNREFUSED,
//   DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID…,
//   or a TLS socket's `authorizationError`);
// - Node's fetch (undici): TypeError('fetch failed') with the same codes on
//   `error.cause`;
// - Electron's net.fetch, which rejects with `new Error(netErrorString)`,
//   Chromium's net error name (`net::ERR_CERT_AUTHORITY_INVALID`): Electron
//   main at 45 nightly, lib/common/api/net-client-request.ts (the url
//   loader's 'error' handler) and lib/browser/api/net-fetch.ts (rejects the
//   fetch with that error).

export type FailureClass =
  | 'name_not_found'
  | 'dns_failed'
  | 'refused'
  | 'timed_out'
  | 'reset'
  | 'unreachable'
  | 'cert_untrusted'
  | 'cert_expired'
  | 'cert_not_yet_valid'
  | 'cert_wrong_name'
  | 'tls_failed'
  | 'proxy_failed'
  | 'network_failed';

const BY_CODE: Readonly<Record<string, FailureClass>> = {
  // Node
  ENOTFOUND: 'name_not_found',
  EAI_NONAME: 'name_not_found',
  EAI_NODATA: 'name_not_found',
  EAI_AGAIN: 'dns_failed',
  ESERVFAIL: 'dns_failed',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timed_out',
  UND_ERR_CONNECT_TIMEOUT: 'timed_out',
  UND_ERR_HEADERS_TIMEOUT: 'timed_out',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'cert_untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'cert_untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'cert_untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'cert_untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'cert_untrusted',
  CERT_UNTRUSTED: 'cert_untrusted',
  CERT_SIGNATURE_FAILURE: 'cert_untrusted',
  CERT_REVOKED: 'cert_untrusted',
  CERT_HAS_EXPIRED: 'cert_expired',
  CERT_NOT_YET_VALID: 'cert_not_yet_valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'cert_wrong_name',
  HOSTNAME_MISMATCH: 'cert_wrong_name',
  EPROTO: 'tls_failed',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls_failed',
  // Chromium (Electron's net.fetch), without the `net::` prefix
  ERR_NAME_NOT_RESOLVED: 'name_not_found',
  ERR_NAME_RESOLUTION_FAILED: 'dns_failed',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_TIMED_OUT: 'timed_out',
  ERR_TIMED_OUT: 'timed_out',
  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_EMPTY_RESPONSE: 'reset',
  ERR_ADDRESS_UNREACHABLE: 'unreachable',
  ERR_INTERNET_DISCONNECTED: 'unreachable',
  ERR_NETWORK_CHANGED: 'network_failed',
  ERR_CERT_AUTHORITY_INVALID: 'cert_untrusted',
  ERR_CERT_DATE_INVALID: 'cert_expired',
  ERR_CERT_COMMON_NAME_INVALID: 'cert_wrong_name',
  ERR_SSL_PROTOCOL_ERROR: 'tls_failed',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: 'tls_failed',
  ERR_PROXY_CONNECTION_FAILED: 'proxy_failed',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy_failed',
  ERR_PROXY_AUTH_REQUESTED: 'proxy_failed',
};

/** The code an error carries in any of the three vocabularies, if one. */
export function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
    };
    if (typeof code === 'string' && code) return code;
    if (typeof message === 'string') {
      const chromium = /net::(ERR_[A-Z0-9_]+)/.exec(message);
      if (chromium) return chromium[1];
    }
    if (name === 'TimeoutError') return 'ETIMEDOUT';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The class of a failure; `network_failed` when nothing in it is known. */
export function classifyFailure(error: unknown): FailureClass {
  const code = errorCode(error);
  return (code && BY_CODE[code]) || 'network_failed';
}

/** The class of a TLS socket's `authorizationError` (a code such as CERT_HAS_EXPIRED). */
export function classifyAuthorizationError(code: string): FailureClass {
  return BY_CODE[code] ?? 'cert_untrusted';
}
