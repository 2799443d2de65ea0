// Holds deep links that arrive before the services can take them. A cold start
// by the link itself (the URL in process.argv, or macOS `open-url` before
// `ready`) happens long before the vault is open; those links wait here, in
// order, and are delivered once the services attach. Pure: tested in Node,
// and the browser harness routes its links through the same two steps.
import type { ArgvRefusal, ArgvRoute } from './argv-routing';

/** Links held at most; a flood of them beyond this is not a sign-in. */
export const MAX_QUEUED_LINKS = 16;

export type LinkHandler = (url: string) => Promise<void>;

export interface DeepLinkInbox {
  /** Delivers now when a handler is attached, else queues (oldest dropped beyond the cap). */
  push(url: string): void;
  /** Attaches the handler and delivers everything queued, in arrival order. */
  attach(handler: LinkHandler): Promise<void>;
  /** Links still waiting (for tests and diagnostics). */
  readonly pending: number;
}

/**
 * `onError` gets what a handler throws. The services' `handleDeepLink` never
 * throws (it turns refusals into notices), so this is for programming errors:
 * reported, never swallowed.
 */
export function createDeepLinkInbox(onError: (error: unknown) => void): DeepLinkInbox {
  const queue: string[] = [];
  let handler: LinkHandler | undefined;

  const deliver = async (target: LinkHandler, url: string): Promise<void> => {
    try {
      await target(url);
    } catch (error) {
      onError(error);
    }
  };

  return {
    push(url) {
      if (handler) {
        void deliver(handler, url);
        return;
      }
      queue.push(url);
      if (queue.length > MAX_QUEUED_LINKS) queue.shift();
    },
    async attach(target) {
      // One at a time, in order: a link pushed while the queue drains joins
      // the queue, so a second callback never races the first one's exchange.
      while (queue.length > 0) await deliver(target, queue.shift() as string);
      handler = target;
    },
    get pending() {
      return queue.length;
    },
  };
}

/**
 * What the shell does with a routed command line (or macOS URL): a link goes
 * into the inbox, a refusal is told to the operator, nothing else happens.
 */
export function takeRoute(
  route: ArgvRoute,
  inbox: Pick<DeepLinkInbox, 'push'>,
  refused: (refusal: ArgvRefusal) => void,
): void {
  if (route.kind === 'link') inbox.push(route.url);
  else if (route.kind === 'refused') refused(route);
}
