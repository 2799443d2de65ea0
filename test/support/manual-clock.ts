// A clock tests move by hand: deadlines fire when the test says, not after a sleep.
import { toDisposable } from '../../main/common/lifecycle';
import type { Clock } from '../../main/common/clock';

export class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; fire: () => void; seq: number }[] = [];
  #seq = 0;

  constructor(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fire: () => void) {
    const timer = { at: this.#now + ms, fire, seq: this.#seq++ };
    this.#timers.push(timer);
    return toDisposable(() => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    });
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = this.#timers
        .filter((t) => t.at <= until)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = due.at;
      due.fire();
    }
    this.#now = until;
  }

  /**
   * The wall clock jumps (the computer slept, or its time was set) without
   * any timer firing: like a system's monotonic timers, each pending timer
   * still waits what it had left, counted from the new time.
   */
  jump(ms: number): void {
    this.#now += ms;
    for (const timer of this.#timers) timer.at += ms;
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }
}
