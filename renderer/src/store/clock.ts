// One shared ticking clock for countdowns and relative times. It runs only
// while some view is subscribed, and ticks on whole seconds.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  current = Date.now();
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time (epoch ms), re-rendering the caller every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
