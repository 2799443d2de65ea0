// The sign-in engine: what the rest of the main process may use.
export {
  AuthError,
  MAX_DETAIL_LENGTH,
  plainDetail,
  type AuthErrorCode,
  type AuthErrorContext,
} from './auth-error';
export {
  CODE_CHALLENGE_METHOD,
  newAuthorizationSecrets,
  type AuthorizationSecrets,
} from './authorization-secrets';
export { MAX_CALLBACK_URL_LENGTH, parseCallbackUrl, type CallbackUrl } from './callback-url';
export { systemClock, type Clock } from '../common/clock';
export {
  createSignInEngine,
  DEFAULT_DEADLINE_MS,
  type AuthorizationPhase,
  type AuthorizationResult,
  type AuthorizationView,
  type SignInEngine,
  type SignInEngineOptions,
  type StartedAuthorization,
  type StartOptions,
} from './engine';
export type { AccessCheck } from './dialects/dialect';
export {
  boundedFetch,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  readJsonObject,
  type Fetch,
  type HttpPolicy,
} from './http';
export {
  CALLBACK_PAGES,
  openLoopbackListener,
  type LoopbackListener,
  type LoopbackOutcome,
  type OpenLoopbackListener,
} from './loopback-listener';
export {
  APP_SCHEME,
  CALLBACK_PATH_PREFIX,
  customSchemeRedirectUri,
  loopbackRedirectUri,
  redirectUriOf,
} from './redirect-uri';
export type { IdTokenClaims, TokenSet } from './token-set';
