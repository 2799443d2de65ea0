// The loopback ports the engine listens on (RFC 8252 §7.3): one listener per
// port, shared by every provider's pending loopback authorization, opened by
// the first that needs it and closed when the last one lets go.
import { toDisposable, type Disposable } from '../common/lifecycle';
import { AuthError } from './auth-error';
import type {
  LoopbackListener,
  LoopbackOutcome,
  LoopbackPages,
  OpenLoopbackListener,
} from './loopback-listener';

interface HeldPort {
  readonly listener: Promise<LoopbackListener>;
  users: number;
}

export class LoopbackPorts implements Disposable {
  readonly #open: OpenLoopbackListener;
  readonly #onCallback: (url: string) => Promise<LoopbackOutcome>;
  readonly #page: LoopbackPages | undefined;
  readonly #held = new Map<number, HeldPort>();

  /**
   * `onCallback` gets every callback on any port and says how its sign-in
   * ended; `page` makes the browser's page for it (the listener's own when absent).
   */
  constructor(
    open: OpenLoopbackListener,
    onCallback: (url: string) => Promise<LoopbackOutcome>,
    page?: LoopbackPages,
  ) {
    this.#open = open;
    this.#onCallback = onCallback;
    this.#page = page;
  }

  /**
   * Listens on `port` (or joins the listener already there) until the
   * returned disposable is released. Throws `loopback_unavailable` when the
   * port cannot be had.
   */
  async hold(port: number, portal: string): Promise<Disposable> {
    let entry = this.#held.get(port);
    if (!entry) {
      const listener = this.#open(port, this.#onCallback, this.#page);
      const created: HeldPort = { listener, users: 0 };
      entry = created;
      this.#held.set(port, created);
      listener.catch(() => {
        if (this.#held.get(port) === created) this.#held.delete(port);
      });
    }
    entry.users++;
    const held = entry;
    try {
      await held.listener;
    } catch {
      held.users--;
      throw new AuthError('loopback_unavailable', { portal, port });
    }
    return toDisposable(async () => {
      if (--held.users > 0) return;
      if (this.#held.get(port) === held) this.#held.delete(port);
      await (await held.listener).dispose();
    });
  }

  /** Closes every listener, held or not. */
  async dispose(): Promise<void> {
    await Promise.all(
      [...this.#held.values()].map(async (e) =>
        (await e.listener.catch(() => undefined))?.dispose(),
      ),
    );
    this.#held.clear();
  }
}
