// The portal stand-in: a local server that behaves as PROVIDER_PROTOCOL.md
// describes. Used by the integration and browser tests and by the demo mode;
// it imports nothing test-only and no DOM.
export { startProvider } from './server';
export type { Faults, ProviderStandIn, StartProviderOptions } from './server';
export {
  ConfigError,
  DEFAULT_CONFIG,
  DEMO_LOOPBACK_PORT,
  RIGHTS,
  TOKEN_RESPONSE_FIELDS,
  parseConfig,
} from './config';
export type {
  ApiTokenConfig,
  ClientConfig,
  EffectiveConfig,
  ProviderSettings,
  ProviderStandInConfig,
  Right,
  TokenResponseField,
  UserConfig,
} from './config';
export { FAULT_ENDPOINTS, FAULT_KINDS } from './faults';
export type { Fault, FaultKind } from './faults';
export type { Endpoint, Reply, StandInRequest } from './http';
export type { Clock } from './state';
export type { EndpointStats, ProviderStats, TokenStats } from './stats';
export { FAULTS_PATH } from './endpoints/stand-in-faults';
