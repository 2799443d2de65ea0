// What each account's state machine is in, as plain data, and the pure
// transitions between states. The machine (account-connection.ts) decides
// when to move; these functions say what each state carries:
//
//   connected   tokens held, the last check (or sign-in, or refresh) succeeded
//   refreshing  a token refresh is running (the tokens held stay valid until it lands)
//   offline     the portal could not be reached: tokens kept, retry at nextRetryAt
//               (exponential backoff with jitter, capped; at least a 503/429's
//               Retry-After, up to the same cap)
//   expired     the grant is dead (invalid_grant, an API 401 after one renewal,
//               a rejected API token): tokens removed from the vault, "sign in again"
//   error       the portal answered but refused something that is not the grant
//               (client secret, rights, a removed portal): tokens kept, retried
//               at the probe interval and whenever the portal settings change
//   authorizing shown instead of expired/error while a new browser sign-in to
//               the account's portal is waiting
//   signed-out  the terminal state: the account is removed and leaves the list
import type {
  AccountSnapshot,
  AccountState,
  CameraSummary,
  UserFacingError,
} from '../common/model';
import type { ProviderConfig } from '../providers/provider-config';
import type { StoredAccount } from '../vault/types';

/** Everything about an account but its tokens. */
export type AccountProfile = Omit<StoredAccount, 'tokens'>;

export interface AccountStatus {
  readonly state: Exclude<AccountState, 'authorizing' | 'signed-out'>;
  readonly cameras: CameraSummary | null;
  readonly lastCheckAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly latencyMs: number | null;
  readonly nextRetryAt: number | null;
  readonly lastError: UserFacingError | null;
  /** Consecutive failed attempts while offline: the backoff's exponent. */
  readonly failures: number;
  /** The portal's clock against ours at the last check that said it (ms, positive: ahead). */
  readonly portalClockOffsetMs?: number;
}

export const FRESH_STATUS: AccountStatus = {
  state: 'connected',
  cameras: null,
  lastCheckAt: null,
  lastSuccessAt: null,
  latencyMs: null,
  nextRetryAt: null,
  lastError: null,
  failures: 0,
};

/** Tokens were just issued (sign-in) or renewed: the portal answered. */
export function tokensIssued(status: AccountStatus, at: number): AccountStatus {
  return {
    ...status,
    state: 'connected',
    lastSuccessAt: at,
    nextRetryAt: null,
    lastError: null,
    failures: 0,
  };
}

export function refreshing(status: AccountStatus): AccountStatus {
  return { ...status, state: 'refreshing' };
}

export function probeSucceeded(
  status: AccountStatus,
  at: number,
  cameras: CameraSummary | null,
  latencyMs: number | null,
  portalClockOffsetMs?: number,
): AccountStatus {
  return {
    ...status,
    // A check that could not tell keeps what an earlier one measured.
    ...(portalClockOffsetMs === undefined ? {} : { portalClockOffsetMs }),
    state: 'connected',
    // A check that made no request (no userinfo) keeps what an earlier one measured.
    cameras: cameras ?? status.cameras,
    latencyMs: latencyMs ?? status.latencyMs,
    lastCheckAt: at,
    lastSuccessAt: at,
    nextRetryAt: null,
    lastError: null,
    failures: 0,
  };
}

export function wentOffline(
  status: AccountStatus,
  at: number,
  error: UserFacingError,
  retryInMs: number,
): AccountStatus {
  return {
    ...status,
    state: 'offline',
    lastCheckAt: at,
    nextRetryAt: at + retryInMs,
    lastError: error,
    failures: status.failures + 1,
  };
}

export function expired(status: AccountStatus, at: number, error: UserFacingError): AccountStatus {
  return { ...status, state: 'expired', lastCheckAt: at, nextRetryAt: null, lastError: error };
}

export function failed(
  status: AccountStatus,
  at: number,
  error: UserFacingError,
  retryInMs: number,
): AccountStatus {
  return {
    ...status,
    state: 'error',
    lastCheckAt: at,
    nextRetryAt: at + retryInMs,
    lastError: error,
    failures: 0,
  };
}

export interface SnapshotInput {
  readonly id: string;
  /** When expired, the last one known (its tokens are gone from the vault). */
  readonly profile: AccountProfile;
  readonly tokensHeld: boolean;
  readonly canRefresh: boolean;
  readonly status: AccountStatus;
  readonly authorizing: boolean;
  readonly provider: ProviderConfig | undefined;
  readonly persisted: boolean;
}

/** What the UI may know. Built field by field: no token can slip in through a spread. */
export function toSnapshot(input: SnapshotInput): AccountSnapshot {
  const { profile: account, status, provider } = input;
  const troubled = status.state === 'expired' || status.state === 'error';
  return {
    id: input.id,
    providerId: account.providerId,
    providerName: provider?.name ?? account.providerId,
    providerUrl: provider?.url ?? '',
    label: account.label,
    method: account.method,
    state: input.authorizing && troubled ? 'authorizing' : status.state,
    rights: [...account.rights],
    tokenExpiresAt: account.expiresAt,
    canRefresh: input.tokensHeld && input.canRefresh,
    cameras: status.cameras && { count: status.cameras.count, names: [...status.cameras.names] },
    lastCheckAt: status.lastCheckAt,
    lastSuccessAt: status.lastSuccessAt,
    latencyMs: status.latencyMs,
    nextRetryAt: status.state === 'offline' ? status.nextRetryAt : null,
    lastError: status.lastError && { ...status.lastError },
    // Without tokens (expired) nothing of the account waits in memory for a
    // disk: the storage line would send the operator to investigate for nothing.
    persisted: !input.tokensHeld || input.persisted,
    ...(status.portalClockOffsetMs === undefined
      ? {}
      : { portalClockOffsetMs: status.portalClockOffsetMs }),
  };
}
