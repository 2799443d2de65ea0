// The services' events for the window: accounts-changed, sign-in-changed and
// notices. Notices raised while no page can hear them (managed configuration
// errors at start, a refused link that started the app, anything while the
// window is closed or reloading) are held until the host says its window's
// page is ready: the page subscribes before it asks for anything, so its
// first bridge call is that moment. Only the host knows which calls are the
// page's (the tray calls the services too), so it is the host that says so.
import { randomUUID } from 'node:crypto';
import type { AppEvents } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { BridgeEventName, BridgeEvents, Notice, UserFacingError } from '../ipc/contract';

/** Held at most until a page can hear them; the oldest go first beyond this. */
export const MAX_HELD_NOTICES = 20;

export interface BridgeEventHub extends AppEvents, Disposable {
  emit<E extends BridgeEventName>(name: E, payload: BridgeEvents[E]): void;
  /**
   * Tells the operator something; portal text (`detail`) is quoted after the
   * message. `providerId`: the sign-in it is about.
   */
  notice(level: Notice['level'], error: UserFacingError, providerId?: string): void;
}

export function createBridgeEventHub(now: () => number): BridgeEventHub {
  const listeners = new Map<BridgeEventName, Set<(payload: never) => void>>();
  const held: Notice[] = [];
  let ready = false;

  const emit = <E extends BridgeEventName>(name: E, payload: BridgeEvents[E]): void => {
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        (listener as (p: BridgeEvents[E]) => void)(payload);
      } catch (error) {
        // One listener's bug must not stop the others; it still surfaces.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  return {
    emit,
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return toDisposable(() => void set.delete(entry));
    },
    notice(level, error, providerId) {
      const message = error.detail
        ? `${error.message} The portal said: “${error.detail}”`
        : error.message;
      const notice: Notice = {
        id: randomUUID(),
        level,
        code: error.code,
        message,
        ...(error.detail === undefined ? {} : { detail: error.detail }),
        ...(error.params === undefined ? {} : { params: error.params }),
        ...(providerId === undefined ? {} : { providerId }),
        at: now(),
      };
      if (ready) return emit('notice', notice);
      held.push(notice);
      if (held.length > MAX_HELD_NOTICES) held.shift();
    },
    windowReady() {
      if (ready) return;
      ready = true;
      for (const notice of held.splice(0)) emit('notice', notice);
    },
    windowGone() {
      ready = false;
    },
    dispose() {
      listeners.clear();
      held.length = 0;
    },
  };
}
