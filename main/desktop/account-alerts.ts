// When to raise a system notification about an account: once when it becomes
// `expired` (the operator must sign in again), and once when it has stayed
// `offline` for more than five minutes (a short network blip is not worth an
// interruption). Pure and clock-free: the caller passes `now`, keeps the
// returned memory, and wakes up at `wakeAt` to ask again. The words are the
// app's language's (edge-words.ts), passed in like the clock.
import type { AccountSnapshot, AccountState } from '../ipc/contract';
import type { EdgeWords } from './edge-words';

export const OFFLINE_ALERT_AFTER_MS = 5 * 60 * 1000;

export interface AccountAlert {
  readonly accountId: string;
  readonly kind: 'expired' | 'offline';
  readonly title: string;
  readonly body: string;
}

interface Remembered {
  readonly state: AccountState;
  /** When the current offline streak began (offline, with refresh attempts in between). */
  readonly offlineSince: number | null;
  readonly offlineAlerted: boolean;
}

export type AlertMemory = ReadonlyMap<string, Remembered>;
export const EMPTY_ALERT_MEMORY: AlertMemory = new Map();

export interface AlertDecision {
  readonly alerts: readonly AccountAlert[];
  readonly memory: AlertMemory;
  /** When to call again so a pending offline alert fires on time; null when none is pending. */
  readonly wakeAt: number | null;
}

/** A retry while offline shows as `refreshing`; it does not end the streak. */
const OFFLINE_STREAK: ReadonlySet<AccountState> = new Set(['offline', 'refreshing']);

function describe(account: AccountSnapshot): string {
  return account.label === '' ? account.providerName : `${account.label} (${account.providerName})`;
}

/**
 * Compares the accounts now with what was remembered. An account seen for the
 * first time already `expired` is announced too: the operator has not been
 * told yet, and it needs them.
 */
export function decideAccountAlerts(
  memory: AlertMemory,
  accounts: readonly AccountSnapshot[],
  now: number,
  words: EdgeWords,
): AlertDecision {
  const alerts: AccountAlert[] = [];
  const next = new Map<string, Remembered>();
  let wakeAt: number | null = null;

  for (const account of accounts) {
    const before = memory.get(account.id);
    if (account.state === 'expired' && before?.state !== 'expired') {
      alerts.push({
        accountId: account.id,
        kind: 'expired',
        title: words.alerts.expiredTitle,
        body: words.alerts.expiredBody(describe(account)),
      });
    }

    let offlineSince: number | null = null;
    let offlineAlerted = false;
    if (
      account.state === 'offline' ||
      ((before?.offlineSince ?? null) !== null && OFFLINE_STREAK.has(account.state))
    ) {
      offlineSince = before?.offlineSince ?? now;
      offlineAlerted = before?.offlineAlerted ?? false;
      const due = offlineSince + OFFLINE_ALERT_AFTER_MS;
      if (!offlineAlerted && account.state === 'offline' && now > due) {
        offlineAlerted = true;
        alerts.push({
          accountId: account.id,
          kind: 'offline',
          title: words.alerts.offlineTitle,
          body: words.alerts.offlineBody(describe(account), OFFLINE_ALERT_AFTER_MS / 60_000),
        });
      } else if (!offlineAlerted && account.state === 'offline') {
        // "More than five minutes": the first moment strictly after `due`.
        // (While a retry shows `refreshing` no wake-up is needed: its end is
        // an accounts change, which asks again.)
        const wake = due + 1;
        wakeAt = wakeAt === null ? wake : Math.min(wakeAt, wake);
      }
    }
    next.set(account.id, { state: account.state, offlineSince, offlineAlerted });
  }
  return { alerts, memory: next, wakeAt };
}
