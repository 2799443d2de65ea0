import { describe, expect, it } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_METHODS, channelOf } from '../../../main/ipc/contract';
import { buildBridge } from '../../../main/preload/bridge';

function fakeIpc() {
  const invoked: Array<[string, unknown[]]> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    invoked,
    listeners,
    invoke: async (channel: string, args: unknown[]) => {
      invoked.push([channel, args]);
      return { ok: true, value: channel };
    },
    subscribe: (channel: string, onPayload: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(onPayload);
      listeners.set(channel, set);
      return () => set.delete(onPayload);
    },
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  };
}

describe('the preload bridge', () => {
  it('has exactly the contract members: its methods and its on… subscriptions', () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc.invoke, ipc.subscribe);
    expect(Object.keys(bridge).sort()).toEqual(
      [...BRIDGE_METHODS, ...Object.keys(BRIDGE_EVENTS)].sort(),
    );
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each method on its own channel with the arguments as given', async () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc.invoke, ipc.subscribe);
    await expect(bridge.signIn('netrex')).resolves.toEqual({ ok: true, value: 'netrex:signIn' });
    await bridge.updateProvider('netrex', { clientId: 'abc' });
    await bridge.getAppInfo();
    expect(ipc.invoked).toEqual([
      [channelOf('signIn'), ['netrex']],
      [channelOf('updateProvider'), ['netrex', { clientId: 'abc' }]],
      [channelOf('getAppInfo'), []],
    ]);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc.invoke, ipc.subscribe);
    const seen: unknown[][] = [];
    const off = bridge.onNotice((...args: unknown[]) => void seen.push(args));
    ipc.emit(channelOf('notice'), { id: 'n1' });
    expect(seen).toEqual([[{ id: 'n1' }]]);
    off();
    ipc.emit(channelOf('notice'), { id: 'n2' });
    expect(seen).toHaveLength(1);
    expect(ipc.listeners.get(channelOf('notice'))?.size).toBe(0);
  });

  it('subscribes each on… member to its event channel', () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc.invoke, ipc.subscribe);
    bridge.onAccountsChanged(() => {});
    bridge.onSignInChanged(() => {});
    expect([...ipc.listeners.keys()].sort()).toEqual(
      [channelOf('accounts-changed'), channelOf('sign-in-changed')].sort(),
    );
  });

  it('refuses a listener that is not a function', () => {
    const bridge = buildBridge(fakeIpc().invoke, fakeIpc().subscribe);
    expect(() => (bridge.onNotice as (x: unknown) => void)('nope')).toThrow(TypeError);
  });
});
