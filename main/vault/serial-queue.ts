// Runs async tasks one at a time, in the order they were given: the vault's
// writes (and policy switches) never interleave.
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task given before it has settled. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // The queue goes on after a failed task; the failure belongs to its caller.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
