// Builds `window.netrex` from the contract's own lists, so the page gets
// exactly the contract's members: each method one `invoke` on its channel,
// each `on…` a subscription that hands the listener the payload only (the
// Electron event, with its `sender`, never reaches the page). Pure: the
// preload passes ipcRenderer-backed functions in, tests pass fakes.
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  channelOf,
  type BridgeEventName,
  type NetrexBridge,
} from '../ipc/contract';

/** Sends one call and resolves with the main process's answer. */
export type Invoke = (channel: string, args: unknown[]) => Promise<unknown>;
/** Listens on a channel; the callback gets the payload only. Returns the unsubscribe. */
export type Subscribe = (channel: string, onPayload: (payload: unknown) => void) => () => void;

export function buildBridge(invoke: Invoke, subscribe: Subscribe): NetrexBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of BRIDGE_METHODS) {
    const channel = channelOf(method);
    bridge[method] = (...args: unknown[]) => invoke(channel, args);
  }
  for (const [member, event] of Object.entries(BRIDGE_EVENTS) as [string, BridgeEventName][]) {
    const channel = channelOf(event);
    bridge[member] = (listener: unknown) => {
      if (typeof listener !== 'function') {
        throw new TypeError(`netrex.${member} takes a function.`);
      }
      return subscribe(channel, (payload) => (listener as (payload: unknown) => void)(payload));
    };
  }
  // Frozen: the page cannot swap a member for something else.
  return Object.freeze(bridge) as unknown as NetrexBridge;
}
