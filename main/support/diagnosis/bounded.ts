// Every check of the report is bounded in time: it gets an abort signal and
// a deadline on the injected clock, and whatever happens first settles it. A
// check that never answers is `timed_out` at its deadline; the work it left
// running is aborted (a socket destroyed) or, where it cannot be (a system
// name lookup), simply no longer waited for.
import type { Clock } from '../../common/clock';

export type Settled<T> =
  | { readonly kind: 'done'; readonly value: T; readonly ms: number }
  | { readonly kind: 'failed'; readonly error: unknown; readonly ms: number }
  | { readonly kind: 'timed_out'; readonly ms: number };

export interface Bounds {
  readonly clock: Clock;
  /** Monotonic ms, for the durations shown (performance.now). */
  readonly elapsed: () => number;
  /** Called once for every check that settles (for a progress count, and tests). */
  readonly settled?: () => void;
}

export class CheckTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export async function bounded<T>(
  bounds: Bounds,
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<Settled<T>> {
  const started = bounds.elapsed();
  const took = () => Math.max(0, Math.round(bounds.elapsed() - started));
  const controller = new AbortController();
  let timer: { dispose(): unknown } | undefined;
  const deadline = new Promise<'timed_out'>((resolve) => {
    timer = bounds.clock.setTimer(timeoutMs, () => {
      controller.abort(new CheckTimeoutError(`no answer within ${timeoutMs} ms`));
      resolve('timed_out');
    });
  });
  try {
    const outcome = await Promise.race([run(controller.signal), deadline]);
    if (outcome === 'timed_out' && controller.signal.aborted) {
      return { kind: 'timed_out', ms: Math.max(took(), timeoutMs) };
    }
    return { kind: 'done', value: outcome as T, ms: took() };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timed_out', ms: Math.max(took(), timeoutMs) };
    return { kind: 'failed', error, ms: took() };
  } finally {
    void timer?.dispose();
    bounds.settled?.();
  }
}
