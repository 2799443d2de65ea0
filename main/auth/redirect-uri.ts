import type { ProviderConfig } from '../providers/provider-config';

// The app's private-use URI scheme (RFC 8252 §7.1: reverse domain name of a
// domain we control). The one place the scheme is spelled; electron-builder.yml
// and package.json repeat it for the installers, and a test checks they agree.
export const APP_SCHEME = 'cz.netrex.connect';

/** Path under which every provider gets its own callback (RFC 8252 §8.10). */
export const CALLBACK_PATH_PREFIX = '/oauth/callback/';

/** `cz.netrex.connect:/oauth/callback/<provider-id>` */
export function customSchemeRedirectUri(providerId: string): string {
  return `${APP_SCHEME}:${CALLBACK_PATH_PREFIX}${encodeURIComponent(providerId)}`;
}

/** `http://127.0.0.1:<port>/oauth/callback/<provider-id>` (RFC 8252 §7.3). */
export function loopbackRedirectUri(providerId: string, port: number): string {
  return `http://127.0.0.1:${port}${CALLBACK_PATH_PREFIX}${encodeURIComponent(providerId)}`;
}

/** The exact redirect URI to register in the portal for this provider. */
export function redirectUriOf(
  config: Pick<ProviderConfig, 'id' | 'redirectKind' | 'loopbackPort'>,
): string {
  return config.redirectKind === 'loopback'
    ? loopbackRedirectUri(config.id, config.loopbackPort)
    : customSchemeRedirectUri(config.id);
}
