// The rule for what may be opened in the operator's system browser. Pure: the
// one call of shell.openExternal (external-links.ts) asks this first.
//
// Electron's security checklist (#14): never hand untrusted text to
// openExternal. Two gates: this file's fixed baseline (https, or plain http to
// this computer's loopback for the portal stand-in — the same rule as portal
// addresses; never credentials, never other schemes), and the services' rule
// (exactly the authorization URL of a sign-in in progress).
import { isLoopbackHttpUrl } from '../providers/portal-url';
import { ExternalUrlRefusedError } from '../services/external-urls';

export { ExternalUrlRefusedError };

/** An authorization URL carries state and a PKCE challenge: well under this. */
export const MAX_EXTERNAL_URL_LENGTH = 8 * 1024;

export type ExternalUrlVerdict =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const no = (reason: string): ExternalUrlVerdict => ({ ok: false, reason });

/**
 * Checks `url` against the baseline and then `isAllowedByServices`
 * (`services.isAllowedExternalUrl`). On success answers with the URL as parsed
 * and serialised, so what is opened is exactly what was checked.
 */
export function checkExternalUrl(
  url: string,
  isAllowedByServices: (url: string) => boolean,
): ExternalUrlVerdict {
  if (typeof url !== 'string' || url.length === 0) return no('empty address');
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return no('address too long');
  if (/[\s\p{Cc}]/u.test(url)) return no('whitespace or control character in the address');
  if (!URL.canParse(url)) return no('not an absolute URL');
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') return no('credentials in the address');
  if (parsed.protocol !== 'https:' && !isLoopbackHttpUrl(parsed)) {
    return no(
      `scheme ${parsed.protocol} is not opened (only https, or http to 127.0.0.1 and [::1])`,
    );
  }
  const href = parsed.href;
  if (!isAllowedByServices(href)) return no('not the address of a sign-in in progress');
  return { ok: true, url: href };
}
