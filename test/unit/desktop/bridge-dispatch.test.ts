import { describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../../main/app-services';
import type { AccountSnapshot } from '../../../main/ipc/contract';
import { INTERNAL_ERROR } from '../../../main/common/explained-error';
import {
  createBridgeDispatch,
  FORBIDDEN_SENDER_ERROR,
} from '../../../main/desktop/bridge-dispatch';
import { createBridgeHandlers } from '../../../main/ipc/handlers';

const app = { url: 'app://renderer/index.html', parent: null };
const account = { id: 'acc-1', state: 'connected' } as AccountSnapshot;

function harness(overrides: Partial<BridgeHandlers> = {}) {
  const calls: Array<[string, unknown[]]> = [];
  const handlers = new Proxy({} as BridgeHandlers, {
    get: (_target, name: string) =>
      overrides[name as keyof BridgeHandlers] ??
      (async (...args: unknown[]) => {
        calls.push([name, args]);
        return { ok: true, value: account };
      }),
  });
  const warnings: string[] = [];
  const pageCalls: string[] = [];
  const dispatch = createBridgeDispatch(handlers, { warn: (m) => warnings.push(m) }, () =>
    pageCalls.push(`page call ${calls.length + 1}`),
  );
  return { dispatch, calls, warnings, pageCalls };
}

describe('bridge dispatch', () => {
  it('calls the handler with validated arguments from the app page', async () => {
    const { dispatch, calls } = harness();
    await expect(dispatch('checkNow', app, ['acc-1'])).resolves.toEqual({
      ok: true,
      value: account,
    });
    expect(calls).toEqual([['checkNow', ['acc-1']]]);
  });

  it('refuses a foreign sender before validating or calling anything', async () => {
    const { dispatch, calls, warnings } = harness();
    const portal = { url: 'https://evil.example/path?code=secret', parent: null };
    await expect(dispatch('signOut', portal, ['acc-1'])).resolves.toEqual({
      ok: false,
      error: FORBIDDEN_SENDER_ERROR,
    });
    await expect(dispatch('signOut', null, ['acc-1'])).resolves.toMatchObject({ ok: false });
    await expect(
      dispatch('signOut', { url: app.url, parent: app }, ['acc-1']),
    ).resolves.toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    // Logged by origin only: no path, no query.
    expect(warnings[0]).toBe('bridge: refused signOut from https://evil.example');
    expect(warnings.join('\n')).not.toContain('secret');
    expect(warnings[2]).toMatch(/sub-frame of app:\/\/renderer/);
  });

  it('validates in one place: raw arguments go to the handler table, whose own check refuses them', async () => {
    const { dispatch, calls } = harness();
    await dispatch('checkNow', app, [{ not: 'an id' }]);
    expect(calls).toEqual([['checkNow', [{ not: 'an id' }]]]);
    // The real handler table answers invalid_input, through the dispatch too.
    const real = createBridgeDispatch(
      createBridgeHandlers({
        registry: {} as never,
        vault: {} as never,
        secrets: { get: () => undefined },
        accounts: { checkNow: () => Promise.reject(new Error('not reached')) } as never,
        signIns: {} as never,
        settings: {} as never,
        setAside: {} as never,
        appInfo: { name: 'n', version: 'v', platform: 'linux', languages: [], demo: false },
        policy: () => ({}),
        policyView: () => ({}),
        updates: {} as never,
        diagnosis: {} as never,
        openLogFolder: async () => undefined,
        wayBack: {} as never,
      }),
      { warn: () => undefined },
    );
    await expect(real('checkNow', app, [{ not: 'an id' }])).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/checkNow: accountId/) },
    });
  });

  it('turns a throwing handler into a generic error and logs only its name', async () => {
    const { dispatch, warnings } = harness({
      signIn: async () => {
        throw new RangeError('token=SECRET-abc leaked into a message');
      },
    });
    await expect(dispatch('signIn', app, ['netrex'])).resolves.toEqual({
      ok: false,
      error: INTERNAL_ERROR,
    });
    expect(warnings).toEqual(['bridge: signIn threw RangeError']);
  });

  it('passes a handler’s own refusal through unchanged', async () => {
    const refusal = {
      ok: false as const,
      error: { code: 'unknown_provider', message: 'No such portal.' },
    };
    const { dispatch } = harness({ signIn: async () => refusal });
    await expect(dispatch('signIn', app, ['nope'])).resolves.toBe(refusal);
  });

  it('tells the services the page can hear events on each app call, before its handler runs', async () => {
    const { dispatch, pageCalls } = harness();
    await dispatch('signOut', { url: 'https://evil.example/', parent: null }, ['acc-1']);
    await dispatch('signOut', { url: app.url, parent: app }, ['acc-1']);
    expect(pageCalls).toEqual([]);
    await dispatch('listAccounts', app, []);
    await dispatch('checkNow', app, ['acc-1']);
    expect(pageCalls).toEqual(['page call 1', 'page call 2']);
  });
});
