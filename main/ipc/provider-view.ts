// A provider as the settings (and the tray) show it: plain data for the
// bridge, with whether a client secret is set (never the secret) and the exact
// redirect address to register in the portal.
import { redirectUriOf } from '../auth/redirect-uri';
import {
  NETREX_RIGHTS,
  type ClientSecrets,
  type ProviderConfig,
} from '../providers/provider-config';
import { providerReadiness } from '../providers/readiness';
import type { ProviderView, ServerFacts } from './contract';

export function toProviderView(
  config: ProviderConfig,
  { clientSecretSet, server }: { clientSecretSet: boolean; server?: ServerFacts | undefined },
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
    loopbackFallback: config.loopbackFallback === true,
    redirectUri: redirectUriOf(config),
    ready: readiness.ready,
    ...(readiness.ready ? {} : { notReadyReason: readiness.reason }),
    ...(server ? { server: { ...server } } : {}),
  };
}

/** What the last discovery found about a provider's server (SignInEngine.serverFacts). */
export type ServerFactsOf = (providerId: string) => ServerFacts | undefined;

/** The view of `config`, asking the secrets store only whether one is set. */
export function providerView(
  config: ProviderConfig,
  secrets: ClientSecrets,
  serverFacts?: ServerFactsOf,
): ProviderView {
  return toProviderView(config, {
    clientSecretSet: Boolean(secrets.get(config)),
    server: serverFacts?.(config.id),
  });
}
