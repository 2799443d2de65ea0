// The providers module: what the rest of the main process may use.
export { BUILT_IN_PROVIDERS } from './built-in';
export {
  managedConfigErrorToUserFacing,
  managedConfigPath,
  MANAGED_CONFIG_ENV,
  MAX_MANAGED_CONFIG_BYTES,
  type ManagedConfig,
  type ManagedConfigError,
} from './managed-config';
export { checkServerUrl, isLoopbackHttpUrl, normalizeProviderUrl } from './portal-url';
export {
  DEFAULT_LOOPBACK_PORT,
  DEFAULT_NETREX_RIGHTS,
  DEFAULT_OAUTH2_SCOPES,
  NETREX_RIGHTS,
  PROVIDER_ID_PATTERN,
  type ClientSecrets,
  type Dialect,
  type ProviderConfig,
  type ProviderId,
  type ProviderOrigin,
  type RedirectKind,
} from './provider-config';
export { ProviderError, type ProviderErrorCode } from './provider-error';
export { providerReadiness, type Readiness } from './readiness';
export {
  createProviderRegistry,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './registry';
