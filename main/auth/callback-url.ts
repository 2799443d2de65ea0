// Reading the URL the OS (or the loopback listener, or a paste) hands the app:
// which provider it is for and its parameters. Only the exact shapes of our
// redirect URIs pass; the engine then compares with the pending authorization.
import { AuthError } from './auth-error';
import {
  APP_SCHEME,
  CALLBACK_PATH_PREFIX,
  customSchemeRedirectUri,
  loopbackRedirectUri,
} from './redirect-uri';
import { PROVIDER_ID_PATTERN } from '../providers/provider-config';

/** Far beyond any real redirect; a pasted novel is refused unread. */
export const MAX_CALLBACK_URL_LENGTH = 16 * 1024;

export interface CallbackUrl {
  readonly providerId: string;
  /** The redirect URI this callback was sent to (no query): compared exactly. */
  readonly redirectUri: string;
  readonly params: URLSearchParams;
}

/** The response parameters that may appear at most once (RFC 6749 §3.1). */
const SINGLE_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss'];

/**
 * Parses `cz.netrex.connect:/oauth/callback/<id>?…` or
 * `http://127.0.0.1:<port>/oauth/callback/<id>?…`. Surrounding whitespace is
 * tolerated (pasted addresses); the fragment is ignored (browsers may keep
 * one from an earlier page; response parameters are in the query).
 */
export function parseCallbackUrl(input: string): CallbackUrl {
  const refuse = (reason: string) => new AuthError('unknown_redirect', { reason });
  const text = input.trim();
  if (text.length > MAX_CALLBACK_URL_LENGTH) throw refuse('too long');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('not a URL');
  }
  const withoutQuery = url.href.replace(/[?#].*$/s, '');
  if (!url.pathname.startsWith(CALLBACK_PATH_PREFIX)) throw refuse('not the callback path');
  const providerId = url.pathname.slice(CALLBACK_PATH_PREFIX.length);
  if (!PROVIDER_ID_PATTERN.test(providerId)) throw refuse('not a provider id');

  let redirectUri: string;
  if (url.protocol === `${APP_SCHEME}:`) {
    redirectUri = customSchemeRedirectUri(providerId);
  } else if (url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port) {
    redirectUri = loopbackRedirectUri(providerId, Number(url.port));
  } else {
    throw refuse('not our scheme or loopback address');
  }
  if (withoutQuery !== redirectUri) throw refuse('not the exact redirect URI');

  for (const name of SINGLE_PARAMS) {
    if (url.searchParams.getAll(name).length > 1) throw refuse(`"${name}" repeated`);
  }
  return { providerId, redirectUri, params: url.searchParams };
}
