// Work that must land before its owner closes (a write that must reach the
// disk before the store closes, say). Each piece is tracked until it
// settles; `settled` waits for all of it, including pieces tracked while it
// waits, since finishing one piece may start the next.

export class PendingWork {
  readonly #work = new Set<Promise<unknown>>();

  /** Remembers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#work.add(work);
    const done = (): void => void this.#work.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing tracked is still running (failures are the callers' to hear). */
  async settled(): Promise<void> {
    while (this.#work.size > 0) {
      await Promise.allSettled([...this.#work]);
    }
  }
}
