// Time, injectable: tests drive deadlines and schedules with a manual clock
// instead of sleeping. Shared by the sign-in engine and the accounts.
import { toDisposable, type Disposable } from './lifecycle';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fire` once after `ms`; disposing cancels it. */
  setTimer(ms: number, fire: () => void): Disposable;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fire) {
    const timer = setTimeout(fire, ms);
    // A pending sign-in must not keep the process alive on its own.
    timer.unref?.();
    return toDisposable(() => clearTimeout(timer));
  },
};
