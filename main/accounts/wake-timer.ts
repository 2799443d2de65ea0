// The one timer of an account: it wakes the machine when the next thing is
// due. Planning again replaces the previous timer. Something already due runs
// on the next microtask rather than through the clock, and wake-ups closer
// together than MIN_WAKE_GAP_MS are spaced out, so a portal that misbehaves
// (a token that expires as soon as it is issued) cannot make a hot loop.
import type { Clock } from '../common/clock';
import type { Disposable } from '../common/lifecycle';

export const MIN_WAKE_GAP_MS = 5_000;
/** Timers stay within any platform's timer range; waking early just plans again. */
export const MAX_TIMER_MS = 60 * 60 * 1000;

export class WakeTimer implements Disposable {
  readonly #clock: Clock;
  readonly #wake: () => void;
  #timer: Disposable | undefined;
  #lastWakeAt = -Infinity;

  constructor(clock: Clock, wake: () => void) {
    this.#clock = clock;
    this.#wake = wake;
  }

  /** Wakes at `due` (epoch ms); null plans nothing. */
  plan(due: number | null): void {
    this.dispose();
    if (due === null) return;
    const now = this.#clock.now();
    const gap = this.#lastWakeAt + MIN_WAKE_GAP_MS - now;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, due - now, gap));
    if (wait > 0) {
      this.#timer = this.#clock.setTimer(wait, () => this.#fire());
      return;
    }
    let cancelled = false;
    this.#timer = { dispose: () => void (cancelled = true) };
    queueMicrotask(() => {
      if (!cancelled) this.#fire();
    });
  }

  /** Notes that work started now (the gap counts from here). */
  woke(): void {
    this.#lastWakeAt = this.#clock.now();
  }

  /** Forgets the gap: after sleep or a clock change, what is due runs at once. */
  resetGap(): void {
    this.#lastWakeAt = -Infinity;
  }

  dispose(): void {
    this.#timer?.dispose();
    this.#timer = undefined;
  }

  #fire(): void {
    this.#timer = undefined;
    this.#wake();
  }
}
