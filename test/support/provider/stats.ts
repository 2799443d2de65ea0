// Request counters: per endpoint, and per grant_type for the token endpoint,
// so tests can say "exactly one refresh request".

export interface EndpointStats {
  requests: number;
  /** Requests answered by an injected fault instead of the endpoint. */
  faulted: number;
}

export interface TokenStats extends EndpointStats {
  authorization_code: number;
  refresh_token: number;
  /** Requests with a missing or unsupported grant_type. */
  other_grant: number;
}

export interface ProviderStats {
  authorize: EndpointStats;
  token: TokenStats;
  revoke: EndpointStats;
  graphql: EndpointStats;
}

export function emptyStats(): ProviderStats {
  return {
    authorize: { requests: 0, faulted: 0 },
    token: { requests: 0, faulted: 0, authorization_code: 0, refresh_token: 0, other_grant: 0 },
    revoke: { requests: 0, faulted: 0 },
    graphql: { requests: 0, faulted: 0 },
  };
}
