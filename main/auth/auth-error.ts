// Every way a sign-in, refresh or revocation can fail, as a typed code with a
// message an operator can act on. Messages are built from fixed text and the
// provider's configured name only: never from a URL, a server body, a token,
// a code, a verifier or a secret. The server's own words (error_description)
// go in `detail`, as plain text, capped, with any secret of the flow removed.
import { ExplainedError, messageParams, portalNames } from '../common/explained-error';
import type { MessageParams } from '../common/model';

export type AuthErrorCode =
  // RFC 6749 §4.1.2.1 and §5.2 error codes the server may answer with
  | 'access_denied'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'unauthorized_client'
  | 'unsupported_response_type'
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  // the redirect back to the app
  | 'unknown_redirect'
  | 'not_pending'
  | 'state_mismatch'
  | 'incomplete_redirect'
  | 'replayed'
  | 'timed_out'
  | 'superseded'
  | 'cancelled'
  | 'iss_mismatch'
  | 'missing_code'
  // talking to the server
  | 'portal_error'
  | 'network'
  | 'timeout'
  | 'invalid_token_response'
  | 'discovery_failed'
  | 'pkce_unsupported'
  | 'loopback_unavailable'
  // configuration and lifecycle
  | 'not_configured'
  | 'unknown_provider'
  | 'provider_changed'
  | 'no_refresh_token'
  | 'revocation_failed'
  | 'revocation_unsupported'
  | 'disposed';

export interface AuthErrorContext {
  /** The provider's display name, for the message. */
  readonly portal?: string;
  /** Untrusted server text; cleaned by `plainDetail` before it is kept. */
  readonly detail?: string;
  /** Why, for developers: fixed text only (a library's rule message, an HTTP status). */
  readonly reason?: string;
  /** Extra words for the message (e.g. the not-configured explanation). */
  readonly explanation?: string;
  readonly seconds?: number;
  readonly minutes?: number;
  readonly port?: number;
  /** Secrets of the flow that must not survive into `detail` even if the server echoes them. */
  readonly secrets?: readonly (string | undefined)[];
  /** How long a 503/429 answer asked to be left alone (Retry-After, retry-after.ts). */
  readonly retryAfterMs?: number;
  /** More of what the message names, for the window's words (e.g. not_configured's `variant`). */
  readonly params?: MessageParams;
}

/** What the window needs to say `code` itself: the names and numbers the message uses. */
function paramsOf(code: AuthErrorCode, context: AuthErrorContext): MessageParams | undefined {
  return messageParams({
    portal: context.portal || undefined,
    count:
      code === 'timed_out' ? context.minutes : code === 'timeout' ? context.seconds : undefined,
    port: code === 'loopback_unavailable' ? context.port : undefined,
    ...context.params,
  });
}

/** `portal` for mid-sentence, `Portal` for the start of one. */
type MessageOf = (
  c: AuthErrorContext & { portal: string; Portal: string; minutes: number; seconds: number },
) => string;

const MESSAGES: Record<AuthErrorCode, MessageOf> = {
  access_denied: ({ portal }) =>
    `You declined the request in ${portal}, so Netrex Connect was not signed in. To connect, sign in again and choose Allow.`,
  invalid_scope: ({ Portal }) =>
    `${Portal} refused the requested rights. Choose fewer rights in the portal settings, or ask your administrator which rights the application may request.`,
  server_error: ({ Portal }) =>
    `${Portal} reported an internal problem. If it lasts, contact the portal's administrator.`,
  temporarily_unavailable: ({ Portal }) =>
    `${Portal} is temporarily unavailable. It usually comes back within a few minutes.`,
  unauthorized_client: ({ Portal }) =>
    `${Portal} does not allow this application to sign in this way. Ask your administrator to check the OAuth application in the portal.`,
  unsupported_response_type: ({ Portal }) =>
    `${Portal} does not support the sign-in method Netrex Connect uses (authorization code). Ask your administrator to check the OAuth application.`,
  invalid_request: ({ Portal }) =>
    `${Portal} refused the sign-in request. Check that the client ID and the registered redirect address match the portal settings, then try again.`,
  invalid_client: ({ Portal }) =>
    `${Portal} did not accept the application's client ID or secret. Check them in the portal settings, or ask your administrator.`,
  invalid_grant: ({ Portal }) =>
    `${Portal} no longer accepts this sign-in: it expired, was used already or was revoked. Sign in again.`,
  unknown_redirect: () =>
    'This is not a Netrex Connect sign-in address. After approving in the browser, copy the whole address from the address bar and paste it again.',
  not_pending: ({ portal }) =>
    `No sign-in to ${portal} is waiting for an answer. Start the sign-in again from Netrex Connect.`,
  state_mismatch: () =>
    'This sign-in answer does not belong to the sign-in in progress, so it was ignored for your safety. Finish the sign-in in the browser tab Netrex Connect opened last, or start again.',
  incomplete_redirect: () =>
    "This address is incomplete: it ends before the part that ties it to your sign-in. Copy the whole address from the browser's address bar (it is long: select all of it) and paste it again.",
  replayed: () =>
    'This sign-in answer was used already and cannot be used twice. If you are not connected, start the sign-in again.',
  timed_out: ({ portal, minutes }) =>
    `The sign-in to ${portal} was not finished within ${minutes === 1 ? '1 minute' : `${minutes} minutes`}, so it timed out. Start it again.`,
  superseded: ({ portal }) =>
    `A newer sign-in to ${portal} was started, so this one was abandoned. Finish the newest one in the browser.`,
  cancelled: ({ portal }) => `The sign-in to ${portal} was cancelled.`,
  iss_mismatch: ({ portal }) =>
    `The sign-in answer says it comes from another server than ${portal}, so it was refused for your safety. Start again; if this keeps happening, tell your administrator.`,
  missing_code: ({ Portal }) =>
    `${Portal} sent the browser back without a sign-in code. Start the sign-in again.`,
  portal_error: ({ Portal }) =>
    `${Portal} answered with an error or an unexpected page instead of a sign-in answer. If this keeps happening, check the portal address.`,
  network: ({ portal }) =>
    `Netrex Connect could not reach ${portal}. Check your internet connection and proxy.`,
  timeout: ({ Portal, seconds }) =>
    `${Portal} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. If this keeps happening, check your connection.`,
  invalid_token_response: ({ Portal }) =>
    `${Portal} answered with a sign-in result Netrex Connect cannot use (no access token, or a token of an unsupported type). Tell your administrator.`,
  discovery_failed: (c) => discoveryFailure(c),
  pkce_unsupported: ({ Portal, params }) =>
    `${Portal} lists the PKCE methods it supports (${params?.listed ?? '[]'}) and S256 is not among them. Netrex Connect signs in only with S256 PKCE; ask the server's administrator to enable it.`,
  loopback_unavailable: ({ port }) =>
    `Netrex Connect could not listen on port ${port ?? '?'} of this computer for the browser's answer; another program may be using it. Close that program or choose another port in the portal settings.`,
  not_configured: ({ Portal, explanation }) =>
    explanation ?? `${Portal} is not set up for sign-in yet. Open its settings.`,
  unknown_provider: () =>
    'This portal is not in the list any more. Add it again or choose another one.',
  provider_changed: ({ portal }) =>
    `The portal listed as ${portal} is now at another address than the one this account signed in to, so Netrex Connect sends nothing of this sign-in there. Sign in again to use the portal at its new address.`,
  no_refresh_token: ({ Portal }) =>
    `${Portal} did not give Netrex Connect a way to renew the connection. Sign in again when it expires.`,
  revocation_failed: ({ Portal }) =>
    `${Portal} did not confirm that the sign-in was cancelled. You can revoke the application's access in the portal yourself.`,
  revocation_unsupported: ({ Portal }) =>
    `${Portal} offers no way to cancel a sign-in from an application. Revoke the access in the portal yourself if needed.`,
  disposed: () => 'Netrex Connect is closing; the sign-in was stopped.',
};

/**
 * Why discovery failed, by `params.variant` (main/auth/dialects/discovery.ts):
 * what the server answered, so an administrator can correct the address.
 */
function discoveryFailure({ portal, Portal, params = {} }: Parameters<MessageOf>[0]): string {
  const { status, host, claimed, configured, field } = params;
  const checkIssuer = "Set the issuer address to the server's own issuer.";
  switch (params.variant) {
    case 'redirect-elsewhere':
      return `${Portal} answered the request for its sign-in configuration with a redirect (HTTP ${status}) to ${host}. Netrex Connect follows a redirect only on the issuer's own server (or from http to https on the same host and port), so it stopped. ${checkIssuer}`;
    case 'redirect-again':
      return `${Portal} redirected the request for its sign-in configuration more than once (the second time HTTP ${status}, to ${host}). Netrex Connect follows one redirect only. ${checkIssuer}`;
    case 'redirect-no-location':
      return `${Portal} answered the request for its sign-in configuration with a redirect (HTTP ${status}) that does not say where to. Check the issuer address.`;
    case 'not-found':
      return `${Portal} has no sign-in configuration at this address: both /.well-known/openid-configuration and /.well-known/oauth-authorization-server under it answered 404 Not Found. Check the issuer address; it usually includes a tenant or realm path.`;
    case 'status':
      return `${Portal} answered the request for its sign-in configuration with HTTP ${status} instead of the configuration. Check the issuer address, and that the server lets anyone read its configuration.`;
    case 'not-json':
      return `${Portal} answered with a web page or other text instead of its sign-in configuration (JSON). The address is probably a website, not the server's issuer: check it.`;
    case 'no-issuer':
      return `${Portal} answered with a JSON document that is not a sign-in configuration (it names no issuer). Check the issuer address.`;
    case 'issuer-mismatch':
      return `The sign-in configuration at this address belongs to another issuer: the server says it is ${claimed}, but ${portal} is set up with ${configured}. The two must match exactly; if the server is the right one, set the issuer address to ${claimed}.`;
    case 'issuer-template':
      return `${Portal} publishes a placeholder instead of its issuer (${claimed}): this is a multi-tenant address. Set the issuer address to your own tenant's issuer, with the tenant ID in place of the placeholder.`;
    case 'endpoint-missing':
      return `The sign-in configuration of ${portal} has no ${field}, which Netrex Connect needs to sign in. Tell the server's administrator.`;
    case 'endpoint-not-https':
      return `The sign-in configuration of ${portal} gives an address for ${field} that is not https:// (plain http:// only for 127.0.0.1 and [::1]), so Netrex Connect does not use it. Tell the server's administrator.`;
    case 'field-invalid':
      return `The sign-in configuration of ${portal} has an invalid ${field}. Tell the server's administrator.`;
    default:
      return `Netrex Connect could not read the sign-in configuration of ${portal}. Check that the issuer address is exactly the server's issuer.`;
  }
}

/** Codes where trying again later may succeed, and tokens held so far stay valid. */
const RETRYABLE = new Set<AuthErrorCode>([
  'server_error',
  'temporarily_unavailable',
  'portal_error',
  'network',
  'timeout',
  'revocation_failed',
]);

export class AuthError extends ExplainedError {
  override readonly name = 'AuthError';
  declare readonly code: AuthErrorCode;
  readonly reason: string | undefined;
  /** Portal or network trouble: keep the tokens and try later. Never true for `invalid_grant`. */
  readonly retryable: boolean;
  /**
   * The portal's Retry-After, in ms, when it answered 503 or 429 with a usable
   * one: the accounts wait at least this long (up to their backoff ceiling).
   */
  readonly retryAfterMs: number | undefined;

  constructor(code: AuthErrorCode, given: AuthErrorContext = {}) {
    const context = { ...given, minutes: given.minutes ?? 10, seconds: given.seconds ?? 15 };
    super(
      code,
      MESSAGES[code]({ ...context, ...portalNames(context.portal) }),
      plainDetail(context.detail, context.secrets),
      paramsOf(code, context),
    );
    this.reason = context.reason;
    this.retryable = RETRYABLE.has(code);
    this.retryAfterMs = this.retryable ? context.retryAfterMs : undefined;
  }

  /** The grant behind the tokens is dead: sign in again. */
  get grantDead(): boolean {
    return this.code === 'invalid_grant' || this.code === 'no_refresh_token';
  }
}

export const MAX_DETAIL_LENGTH = 300;

/**
 * Untrusted text (error_description) made safe to show as plain text: no
 * control or bidirectional-override characters, whitespace collapsed, secrets
 * of the flow replaced, length capped. Markup stays literal text; the UI
 * renders it as text, never as HTML.
 */
export function plainDetail(
  text: unknown,
  secrets: readonly (string | undefined)[] = [],
): string | undefined {
  if (typeof text !== 'string') return undefined;
  // Secrets go first, on more text than is ever shown, so no cut can leave half of one.
  let clean = text.slice(0, 64 * 1024);
  for (const secret of secrets) {
    if (secret && secret.length >= 6) clean = clean.split(secret).join('[removed]');
  }
  clean = clean
    .slice(0, 4 * MAX_DETAIL_LENGTH)
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return undefined;
  return clean.length > MAX_DETAIL_LENGTH ? `${clean.slice(0, MAX_DETAIL_LENGTH - 1)}…` : clean;
}

/** RFC 6749 error codes (from the redirect or a token endpoint body) to ours. */
export function authErrorFromOAuthCode(error: string, context: AuthErrorContext): AuthError {
  switch (error) {
    case 'access_denied':
    case 'invalid_scope':
    case 'server_error':
    case 'temporarily_unavailable':
    case 'unauthorized_client':
    case 'unsupported_response_type':
    case 'invalid_request':
    case 'invalid_client':
    case 'invalid_grant':
      return new AuthError(error, context);
    case 'unsupported_grant_type':
      return new AuthError('unauthorized_client', context);
    default: {
      // An unknown code is shown as part of the detail, cleaned like any server text.
      const detail = context.detail ? `${error}: ${context.detail}` : error;
      return new AuthError('portal_error', { ...context, detail });
    }
  }
}
