// What the accounts did, for the log, read from the snapshots they publish
// (AccountSnapshot: secret-free by construction) rather than from inside the
// state machine: an account added or removed, a refresh started and how it
// ended (with its duration), every status check (its outcome, latency and
// error code), every other change of state. A check that finds nothing new
// is a debug line; the first check of an account and anything that changed
// is info, a failure a warning.
import type { AccountSnapshot, AccountState } from '../common/model';
import type { Log } from '../common/log';

const TROUBLED: ReadonlySet<AccountState> = new Set(['offline', 'expired', 'error']);

export interface AccountJournal {
  /** The accounts loaded at start: one line each, with its state. */
  seed(accounts: readonly AccountSnapshot[]): void;
  /** The accounts as they are now (every accounts-changed list). */
  record(accounts: readonly AccountSnapshot[]): void;
}

export function createAccountJournal(log: Log, now: () => number): AccountJournal {
  let known = new Map<string, AccountSnapshot>();
  /** When each account's refresh started, for its duration. */
  const refreshStarted = new Map<string, number>();

  function changed(before: AccountSnapshot, after: AccountSnapshot): void {
    const accountId = after.id;
    const error = after.lastError?.code;
    if (after.state === 'refreshing' && before.state !== 'refreshing') {
      refreshStarted.set(accountId, now());
      log.info('account.refresh-started', { accountId, providerId: after.providerId });
      return;
    }
    if (before.state === 'refreshing' && after.state !== 'refreshing') {
      const started = refreshStarted.get(accountId);
      refreshStarted.delete(accountId);
      const ms = started === undefined ? undefined : now() - started;
      if (after.state === 'connected') {
        log.info('account.refreshed', {
          accountId,
          ms,
          expiresInS: secondsUntil(after.tokenExpiresAt, now()),
        });
      } else {
        log.warn('account.refresh-failed', { accountId, ms, status: after.state, error });
        refreshSettledInto(after);
      }
      if (after.lastCheckAt === before.lastCheckAt) return;
    }
    if (after.lastCheckAt !== before.lastCheckAt && after.state !== 'refreshing') {
      const ok = after.state === 'connected';
      // The first check of new tokens, or one that changed something, is news.
      const news =
        after.state !== before.state ||
        before.lastCheckAt === null ||
        after.cameras?.count !== before.cameras?.count;
      const level = !ok ? 'warn' : news ? 'info' : 'debug';
      log[level]('account.checked', {
        accountId,
        status: after.state,
        error: ok ? undefined : error,
        latencyMs: ok ? (after.latencyMs ?? undefined) : undefined,
        cameras: ok ? after.cameras?.count : undefined,
        nextRetryInS: secondsUntil(after.nextRetryAt, now()),
      });
      return;
    }
    if (after.state !== before.state) {
      const level = TROUBLED.has(after.state) ? 'warn' : 'info';
      log[level]('account.state', { accountId, from: before.state, to: after.state, error });
    }
  }

  /** A failed refresh moves the state at once; its new retry time is said with it. */
  function refreshSettledInto(after: AccountSnapshot): void {
    if (after.nextRetryAt !== null) {
      log.info('account.retry-planned', {
        accountId: after.id,
        inS: secondsUntil(after.nextRetryAt, now()),
      });
    }
  }

  return {
    seed(accounts) {
      for (const account of accounts) {
        log.info('account.loaded', {
          accountId: account.id,
          providerId: account.providerId,
          method: account.method,
          status: account.state,
          expiresInS: secondsUntil(account.tokenExpiresAt, now()),
          refreshable: account.canRefresh,
        });
      }
      known = new Map(accounts.map((account) => [account.id, account]));
    },
    record(accounts) {
      const next = new Map(accounts.map((account) => [account.id, account]));
      for (const account of accounts) {
        const before = known.get(account.id);
        if (!before) {
          log.info('account.added', {
            accountId: account.id,
            providerId: account.providerId,
            method: account.method,
            status: account.state,
            persisted: account.persisted,
          });
        } else if (before !== account) changed(before, account);
      }
      for (const id of known.keys()) {
        if (!next.has(id)) {
          refreshStarted.delete(id);
          log.info('account.removed', { accountId: id });
        }
      }
      known = next;
    },
  };
}

function secondsUntil(at: number | null, now: number): number | undefined {
  return at === null ? undefined : Math.round((at - now) / 1000);
}
