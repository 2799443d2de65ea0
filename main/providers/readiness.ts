// Whether "Sign in" can start for a provider, and what is missing when not.
import type { UserFacingError } from '../common/model';
import type { ProviderConfig } from './provider-config';

export type Readiness =
  { readonly ready: true } | { readonly ready: false; readonly reason: UserFacingError };

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
  const missing = (message: string, variant: string): Readiness => ({
    ready: false,
    reason: { code: 'not_configured', message, params: { portal: config.name, variant } },
  });
  // Everything missing is named at once: asking for the secret only after the ID was saved
  // sent the operator (or the administrator) back a second time.
  if (!config.clientId && config.dialect === 'netrex' && !clientSecretSet) {
    return config.locked
      ? missing(
          `${config.name} has no client ID and no client secret yet. ${ask}`,
          'client-id-and-secret-managed',
        )
      : missing(
          `${config.name} has no client ID and no client secret yet. ${where}, then enter its client ID and client secret here, ${ask}`,
          'client-id-and-secret-netrex',
        );
  }
  if (!config.clientId) {
    return config.locked
      ? missing(`${config.name} has no client ID yet. ${ask}`, 'client-id-managed')
      : missing(
          `${config.name} has no client ID yet. ${where}, then enter its client ID here, ${ask}`,
          `client-id-${config.dialect}`,
        );
  }
  if (config.dialect === 'netrex' && !clientSecretSet) {
    return config.locked
      ? missing(`${config.name} has no client secret yet. ${ask}`, 'client-secret-managed')
      : missing(
          `${config.name} has no client secret yet. Enter the client secret of the portal's OAuth2 application here, ${ask}`,
          'client-secret',
        );
  }
  return { ready: true };
}
