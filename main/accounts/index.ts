// The accounts module: what the rest of the main process may use.
export { AccountError, type AccountErrorCode } from './account-error';
export type { AccountStatus } from './account-status';
export {
  createAccounts,
  DEFAULT_PROBE_INTERVAL_MS,
  WALL_CLOCK_CHECK_MS,
  WALL_CLOCK_TOLERANCE_MS,
  type Accounts,
  type AccountsOptions,
} from './accounts';
export { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
export { DEFAULT_API_TOKEN_LABEL } from './identity';
export { MIN_REFRESH_MARGIN_MS, refreshDueAt, refreshMargin } from './refresh-schedule';
export { CAMERA_LIST_QUERY, type ProbeOutcome } from './status-probe';
