// The status probe: does the portal still serve this account, and what does
// the account see? Netrex portals are asked their documented API question,
//
//   POST {base}/api/graphql.php   Authorization: Bearer …
//   {"query":"{cameraList{name}}"}
//
// which proves the token works and tells how many cameras there are. A
// standard OAuth server has no camera list: it is asked its userinfo endpoint
// when it advertises one (the engine's checkAccess), else only the token's
// own validity counts (no request is made).
import { AuthError, plainDetail } from '../auth/auth-error';
import {
  assertAllowedAddress,
  boundedFetch,
  readJsonObject,
  type Fetch,
  type HttpPolicy,
} from '../auth/http';
import type { SignInEngine } from '../auth/engine';
import { parseHttpDate, retryAfterOf } from '../auth/retry-after';
import type { TokenSet } from '../auth/token-set';
import type { CameraSummary, UserFacingError } from '../common/model';
import type { ProviderConfig } from '../providers/provider-config';
import { AccountError } from './account-error';

export const CAMERA_LIST_QUERY = '{cameraList{name}}';
/** Names kept for the UI; the count covers them all. */
export const MAX_CAMERA_NAMES = 500;
export const MAX_CAMERA_NAME_LENGTH = 200;
/** A camera list of thousands of cameras is a few hundred KB. */
export const PROBE_MAX_BODY_BYTES = 4 * 1024 * 1024;

export type ProbeOutcome =
  /** The portal served the account. `latencyMs` is null when no request was made. */
  | {
      readonly kind: 'ok';
      readonly cameras: CameraSummary | null;
      readonly latencyMs: number | null;
      /**
       * How far the portal's clock (its Date header) is from ours when the
       * answer arrived, in ms (positive: the portal is ahead); absent when it
       * did not say. Shown to the operator; never used to count lifetimes.
       */
      readonly portalClockOffsetMs?: number;
    }
  /** 401: the portal no longer accepts the token. */
  | { readonly kind: 'rejected' }
  /**
   * Network, timeout, 5xx, a garbled answer: try again later, keep the tokens.
   * `retryAfterMs`: what a 503/429 answer's Retry-After asked.
   */
  | {
      readonly kind: 'unreachable';
      readonly error: UserFacingError;
      readonly retryAfterMs?: number;
    }
  /** The portal answered and refused (403, a GraphQL error): not a connection problem. */
  | { readonly kind: 'refused'; readonly error: UserFacingError };

export interface ProbeOptions {
  readonly fetch: Fetch;
  readonly engine: Pick<SignInEngine, 'checkAccess'>;
  readonly policy: HttpPolicy;
  /** Monotonic milliseconds, for the latency (performance.now). */
  readonly elapsed?: () => number;
  /** Epoch milliseconds, for a Retry-After date (the accounts' clock). */
  readonly now?: () => number;
}

export type StatusProbe = (provider: ProviderConfig, tokens: TokenSet) => Promise<ProbeOutcome>;

export function createStatusProbe(options: ProbeOptions): StatusProbe {
  const elapsed = options.elapsed ?? (() => performance.now());
  const now = options.now ?? Date.now;
  return async (provider, tokens) => {
    const started = elapsed();
    const took = () => Math.max(0, Math.round(elapsed() - started));
    // The token goes only to the address that issued it, and only to an allowed one.
    if (tokens.providerUrl !== provider.url) {
      return refused(new AccountError('provider_missing', { portal: provider.name }));
    }
    if (provider.dialect === 'netrex') {
      try {
        assertAllowedAddress(provider);
      } catch (error) {
        return failureOutcome(error, provider.name);
      }
      const fetch = boundedFetch(options.fetch, options.policy, provider.name);
      return probeCameraList(fetch, provider, tokens.accessToken, took, now);
    }
    try {
      const access = await options.engine.checkAccess(provider.id, tokens);
      if (access === 'rejected') return { kind: 'rejected' };
      return { kind: 'ok', cameras: null, latencyMs: access === 'valid' ? took() : null };
    } catch (error) {
      return failureOutcome(error, provider.name);
    }
  };
}

/** The Netrex API question, through an already bounded fetch. */
export async function probeCameraList(
  fetch: Fetch,
  provider: Pick<ProviderConfig, 'url' | 'name'>,
  accessToken: string,
  took: () => number,
  now: () => number = Date.now,
): Promise<ProbeOutcome> {
  const portal = provider.name;
  let response: Response;
  try {
    response = await fetch(`${provider.url}/api/graphql.php`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ query: CAMERA_LIST_QUERY }),
    });
  } catch (error) {
    return failureOutcome(error, portal);
  }
  const latencyMs = took();
  const arrivedAt = now();
  const { status } = response;
  if (status === 401) return { kind: 'rejected' };
  if (status === 403) return refused(new AccountError('api_forbidden', { portal, status }));
  if (status === 408 || status === 429 || status >= 500) {
    const error = new AccountError('api_unavailable', { portal, status });
    return unreachable(error, retryAfterOf(response, now()));
  }
  const json = await readJsonObject(response);
  if (status !== 200 || !json) {
    return unreachable(new AccountError('api_unexpected', { portal, status }));
  }
  const errors = json.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first: unknown = errors[0];
    const message =
      first && typeof first === 'object' && 'message' in first ? first.message : undefined;
    const detail = plainDetail(message, [accessToken]);
    return refused(new AccountError('api_query_failed', { portal }, detail));
  }
  const cameras = cameraSummary(json.data, accessToken);
  if (!cameras) return unreachable(new AccountError('api_unexpected', { portal, status }));
  const offset = clockOffsetOf(response, arrivedAt);
  return {
    kind: 'ok',
    cameras,
    latencyMs,
    ...(offset === undefined ? {} : { portalClockOffsetMs: offset }),
  };
}

/**
 * The portal's Date header against the moment its answer arrived. The header
 * has whole seconds, so less than a second apart counts as the same time.
 */
export function clockOffsetOf(
  response: Pick<Response, 'headers'>,
  arrivedAt: number,
): number | undefined {
  const date = response.headers.get('date');
  const portalTime = date === null ? undefined : parseHttpDate(date.trim(), arrivedAt);
  if (portalTime === undefined) return undefined;
  const offset = portalTime - arrivedAt;
  return Math.abs(offset) < 1000 ? 0 : offset;
}

/** `{"cameraList":[{"name":"…"}]}` to a count and cleaned names; undefined when not that shape. */
export function cameraSummary(data: unknown, accessToken: string): CameraSummary | undefined {
  if (!data || typeof data !== 'object' || !('cameraList' in data)) return undefined;
  const list = data.cameraList;
  if (!Array.isArray(list)) return undefined;
  const names: string[] = [];
  for (const camera of list.slice(0, MAX_CAMERA_NAMES)) {
    const name = camera && typeof camera === 'object' && 'name' in camera ? camera.name : undefined;
    const clean = plainDetail(name, [accessToken]);
    if (clean) names.push(clean.slice(0, MAX_CAMERA_NAME_LENGTH));
  }
  return { count: list.length, names };
}

function failureOutcome(error: unknown, portal: string): ProbeOutcome {
  if (error instanceof AuthError) {
    return error.retryable ? unreachable(error, error.retryAfterMs) : refused(error);
  }
  // Unexpected errors are not passed on: their text may quote anything.
  return unreachable(new AuthError('network', { portal }));
}

const unreachable = (error: AccountError | AuthError, retryAfterMs?: number): ProbeOutcome => ({
  kind: 'unreachable',
  error: error.toUserFacing(),
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});
const refused = (error: AccountError | AuthError): ProbeOutcome => ({
  kind: 'refused',
  error: error.toUserFacing(),
});
