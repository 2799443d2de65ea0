// The portals the app knows out of the box. Neither has a client ID: each
// organisation registers its own OAuth application in the portal, and IT
// (managed configuration) or the user enters it before the first sign-in.
import {
  DEFAULT_LOOPBACK_PORT,
  DEFAULT_NETREX_RIGHTS,
  type ProviderConfig,
} from './provider-config';

function builtIn(id: string, name: string, url: string): ProviderConfig {
  return {
    id,
    name,
    dialect: 'netrex',
    origin: 'built-in',
    url,
    clientId: '',
    rights: DEFAULT_NETREX_RIGHTS,
    redirectKind: 'custom-scheme',
    loopbackPort: DEFAULT_LOOPBACK_PORT,
    locked: false,
  };
}

export const BUILT_IN_PROVIDERS: readonly ProviderConfig[] = [
  builtIn('netrex', 'Netrex', 'https://system2.netrex.cz'),
  builtIn('camstreamer-cloud', 'CamStreamer Cloud', 'https://cloud.camstreamer.com'),
];
