// Asking the key store again while the saved sign-ins wait for it (a keyring
// not yet unlocked at login): on a schedule that starts quick and settles at
// every five minutes, and at once when the computer wakes up (the operator
// has usually just unlocked the session, and the keyring with it). When it
// opens, `opened` runs (the accounts take the sign-ins back). Clock injected:
// tested with a manual clock.
import type { Clock } from '../common/clock';
import type { Disposable } from '../common/lifecycle';
import type { StorageStatus } from '../common/model';

/** Seconds after the first miss, then the last one again and again. */
export const KEY_STORE_RETRY_DELAYS_MS: readonly number[] = [
  5_000, 15_000, 30_000, 60_000, 120_000, 300_000,
];

/** The wait before try number `attempt` (0 is the first retry). */
export function keyStoreRetryDelay(attempt: number): number {
  const at = Math.min(Math.max(0, Math.floor(attempt)), KEY_STORE_RETRY_DELAYS_MS.length - 1);
  return KEY_STORE_RETRY_DELAYS_MS[at] as number;
}

export interface KeyStoreRetryOptions {
  readonly vault: {
    storageStatus(): StorageStatus;
    retryKeyStore(): Promise<StorageStatus>;
  };
  readonly clock: Clock;
  /** The key store opened the saved sign-ins. */
  opened(): void;
}

export interface KeyStoreRetry extends Disposable {
  /** Asks now (the computer woke up), then goes on with the schedule if still waiting. */
  retryNow(): Promise<void>;
}

export function watchKeyStore(options: KeyStoreRetryOptions): KeyStoreRetry {
  let attempt = 0;
  let timer: Disposable | undefined;
  let disposed = false;
  let running: Promise<void> | undefined;
  const waiting = () => Boolean(options.vault.storageStatus().keyStoreWaiting);

  const schedule = (): void => {
    void timer?.dispose();
    timer = undefined;
    if (disposed || !waiting()) return;
    timer = options.clock.setTimer(keyStoreRetryDelay(attempt), () => void retry());
    attempt += 1;
  };

  const retry = (): Promise<void> => {
    // One question at a time: a wake-up during a retry waits for its answer.
    running ??= (async () => {
      try {
        const status = await options.vault.retryKeyStore();
        if (!disposed && !status.keyStoreWaiting) options.opened();
      } finally {
        running = undefined;
        schedule();
      }
    })();
    return running;
  };

  schedule();
  return {
    retryNow: () => (disposed || !waiting() ? Promise.resolve() : retry()),
    dispose: () => {
      disposed = true;
      return timer?.dispose();
    },
  };
}
