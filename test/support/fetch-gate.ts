// A fetch that a test can hold shut for chosen requests, so an in-between
// state (an account "Refreshing" while its token request is on its way) stays
// on screen until the test has seen it, then is let go. No sleeps: the request
// simply waits for `release()`.

export interface HeldRequests {
  /** Requests waiting at the gate right now. */
  readonly waiting: number;
  /** Resolves once a matching request is waiting at the gate. */
  arrived(): Promise<void>;
  /** Lets every waiting and later matching request through; the hold ends. */
  release(): void;
}

export interface FetchGate {
  readonly fetch: typeof fetch;
  /** Holds every request whose URL matches, until `release()`. */
  hold(match: (url: URL) => boolean): HeldRequests;
  /** Releases every hold (for cleanup). */
  releaseAll(): void;
}

interface Hold {
  readonly match: (url: URL) => boolean;
  readonly queue: Array<() => void>;
  readonly arrivals: Array<() => void>;
}

export function createFetchGate(inner: typeof fetch = fetch): FetchGate {
  const holds = new Set<Hold>();
  const end = (hold: Hold): void => {
    holds.delete(hold);
    for (const go of hold.queue.splice(0)) go();
  };

  const gated: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    for (const hold of holds) {
      if (!hold.match(url)) continue;
      await new Promise<void>((go) => {
        hold.queue.push(go);
        for (const arrived of hold.arrivals.splice(0)) arrived();
      });
    }
    return inner(input, init);
  };

  return {
    fetch: gated,
    hold(match) {
      const hold: Hold = { match, queue: [], arrivals: [] };
      holds.add(hold);
      return {
        get waiting() {
          return hold.queue.length;
        },
        arrived: () =>
          hold.queue.length > 0
            ? Promise.resolve()
            : new Promise<void>((resolve) => hold.arrivals.push(resolve)),
        release: () => end(hold),
      };
    },
    releaseAll() {
      for (const hold of [...holds]) end(hold);
    },
  };
}
