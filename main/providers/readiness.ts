// Whether "Sign in" can start for a provider, and the view the settings show.
import type { ProviderView, UserFacingError } from '../ipc/contract';
import { customSchemeRedirectUri, loopbackRedirectUri } from '../auth/redirect-uri';
import { NETREX_RIGHTS, type ProviderConfig } from './provider-config';

export type Readiness =
  { readonly ready: true } | { readonly ready: false; readonly reason: UserFacingError };

/** The exact redirect URI to register in the portal for this provider. */
export function redirectUriOf(config: ProviderConfig): string {
  return config.redirectKind === 'loopback'
    ? loopbackRedirectUri(config.id, config.loopbackPort)
    : customSchemeRedirectUri(config.id);
}

/**
 * A Netrex-dialect portal needs a client ID and secret (the documented token
 * request carries both); a standard server needs a client ID, and a secret
 * only if it registered the client as confidential.
 */
export function providerReadiness(config: ProviderConfig, clientSecretSet: boolean): Readiness {
  const where =
    config.dialect === 'netrex'
      ? 'Create an OAuth2 application in the portal (user icon → </> API → OAuth2 Application) with the redirect address shown in the settings'
      : 'Register Netrex Connect as a native client on the server with the redirect address shown in the settings';
  const ask = config.locked
    ? 'Ask your administrator to set it in the managed configuration.'
    : 'or ask your administrator.';
  if (!config.clientId) {
    const message = config.locked
      ? `${config.name} has no client ID yet. ${ask}`
      : `${config.name} has no client ID yet. ${where}, then enter its client ID here, ${ask}`;
    return { ready: false, reason: { code: 'not_configured', message } };
  }
  if (config.dialect === 'netrex' && !clientSecretSet) {
    const message = config.locked
      ? `${config.name} has no client secret yet. ${ask}`
      : `${config.name} has no client secret yet. Enter the client secret of the portal's OAuth2 application here, ${ask}`;
    return { ready: false, reason: { code: 'not_configured', message } };
  }
  return { ready: true };
}

export function toProviderView(
  config: ProviderConfig,
  { clientSecretSet }: { clientSecretSet: boolean },
): ProviderView {
  const readiness = providerReadiness(config, clientSecretSet);
  return {
    id: config.id,
    name: config.name,
    dialect: config.dialect,
    origin: config.origin,
    locked: config.locked,
    url: config.url,
    clientId: config.clientId,
    clientSecretSet,
    rights: [...config.rights],
    availableRights: config.dialect === 'netrex' ? [...NETREX_RIGHTS] : [...config.rights],
    redirectKind: config.redirectKind,
    loopbackPort: config.loopbackPort,
    redirectUri: redirectUriOf(config),
    ready: readiness.ready,
    ...(readiness.ready ? {} : { notReadyReason: readiness.reason }),
  };
}
