import { describe, expect, it } from 'vitest';
import type { BridgeEvents, NetrexBridge } from '../../../main/ipc/contract';
import { AppStore } from '../../../renderer/src/store/app-store';
import {
  afterAccounts,
  afterSignIn,
  isFaded,
  MAX_NOTICES,
  NOTICE_FADE_MS,
  noticesShownAt,
  withNotice,
} from '../../../renderer/src/store/notices';
import { actionKey, type AppNotice } from '../../../renderer/src/store/state';
import {
  CAMSTREAMER,
  CONNECTED,
  NETREX,
  NOW,
  fixedHandlers,
  waitingView,
  world,
  type FixtureWorld,
} from '../../e2e/ui-fixtures';

/** A bridge object over the in-test handler table, with events the test pushes. */
function bridgeOver(w: FixtureWorld, overrides: Parameters<typeof fixedHandlers>[1] = {}) {
  const handlers = fixedHandlers(w, overrides);
  const listeners: { [E in keyof BridgeEvents]: Set<(p: BridgeEvents[E]) => void> } = {
    'accounts-changed': new Set(),
    'sign-in-changed': new Set(),
    notice: new Set(),
    'policy-changed': new Set(),
    'update-changed': new Set(),
    'way-back-changed': new Set(),
  };
  const subscribe =
    <E extends keyof BridgeEvents>(name: E) =>
    (listener: (p: BridgeEvents[E]) => void) => {
      listeners[name].add(listener);
      return () => listeners[name].delete(listener);
    };
  const bridge: NetrexBridge = {
    ...handlers,
    onAccountsChanged: subscribe('accounts-changed'),
    onSignInChanged: subscribe('sign-in-changed'),
    onNotice: subscribe('notice'),
    onPolicyChanged: subscribe('policy-changed'),
    onUpdateChanged: subscribe('update-changed'),
    onWayBackChanged: subscribe('way-back-changed'),
  };
  const emit = <E extends keyof BridgeEvents>(name: E, payload: BridgeEvents[E]) => {
    for (const listener of listeners[name]) listener(payload);
  };
  return { bridge, emit };
}

async function started(w: FixtureWorld, overrides: Parameters<typeof fixedHandlers>[1] = {}) {
  let clock = NOW;
  const { bridge, emit } = bridgeOver(w, overrides);
  const store = new AppStore(bridge, () => clock);
  await store.start();
  return { store, emit, tick: (ms: number) => (clock += ms) };
}

describe('AppStore', () => {
  it('opens on the portal choice when there is more than one portal and no account', async () => {
    const { store } = await started(world());
    expect(store.getState().status).toBe('ready');
    expect(store.getState().screen).toEqual({ name: 'choose-portal' });
  });

  it('skips the choice when exactly one portal is configured', async () => {
    const { store } = await started(world({ providers: [NETREX] }));
    expect(store.getState().screen).toEqual({ name: 'sign-in', providerId: 'netrex' });
    store.go({ name: 'settings' });
    store.addAccount();
    expect(store.getState().screen).toEqual({ name: 'sign-in', providerId: 'netrex' });
  });

  it('opens on the connections once an account exists', async () => {
    const { store } = await started(world({ accounts: [CONNECTED] }));
    expect(store.getState().screen).toEqual({ name: 'connections' });
  });

  it('reports a failed load with the bridge error', async () => {
    const { store } = await started(world(), {
      listProviders: async () => ({
        ok: false,
        error: { code: 'broken', message: 'Providers unreadable.' },
      }),
    });
    expect(store.getState().status).toBe('failed');
    expect(store.getState().loadError?.message).toBe('Providers unreadable.');
  });

  it('fails plainly when there is no bridge at all', async () => {
    const store = new AppStore(undefined as unknown as NetrexBridge);
    await store.start();
    expect(store.getState().status).toBe('failed');
    expect(store.getState().loadError?.code).toBe('bridge_unavailable');
  });

  it('counts the sign-in deadline on its own clock from remainingMs', async () => {
    const { store, tick } = await started(world());
    tick(7_000);
    await store.signIn('netrex');
    // The view says 5 minutes left; the store does not trust the main process's epoch.
    expect(store.getState().signIns.netrex?.localDeadline).toBe(NOW + 7_000 + 300_000);
  });

  it('ignores an update of an older attempt', async () => {
    const { store, emit } = await started(world());
    emit('sign-in-changed', waitingView('netrex', { startedAt: NOW + 10 }));
    emit('sign-in-changed', waitingView('netrex', { startedAt: NOW, phase: 'failed' }));
    expect(store.getState().signIns.netrex?.view.phase).toBe('waiting');
  });

  it('goes to the connections and says so when the sign-in connects', async () => {
    const { store, emit } = await started(world());
    store.go({ name: 'sign-in', providerId: 'netrex' });
    await store.signIn('netrex');
    emit('sign-in-changed', waitingView('netrex', { phase: 'connected', accountId: 'a1' }));
    expect(store.getState().screen).toEqual({ name: 'connections' });
    expect(store.getState().notices.at(-1)?.local).toMatchObject({
      key: 'connected',
      values: { portal: 'Netrex' },
    });
  });

  describe('a refused sign-in link (failed view, then a notice with the same error)', () => {
    const declined = {
      code: 'access_denied',
      message: 'You declined access to Netrex. Start the sign-in again to allow it.',
    };
    const refuse = (emit: Awaited<ReturnType<typeof started>>['emit'], detail = '') => {
      emit('sign-in-changed', waitingView('netrex', { phase: 'failed', error: declined }));
      emit('notice', {
        id: 'n1',
        level: 'error',
        code: declined.code,
        message: `${declined.message}${detail}`,
        at: NOW,
      });
    };

    it('is not repeated as a notice while its sign-in screen is open', async () => {
      const { store, emit } = await started(world());
      store.go({ name: 'sign-in', providerId: 'netrex' });
      refuse(emit, ' The portal said: “no thanks”');
      expect(store.getState().signIns.netrex?.view.error).toEqual(declined);
      expect(store.getState().notices).toEqual([]);
    });

    it('is a notice on another screen, which goes once the sign-in screen opens', async () => {
      const { store, emit } = await started(world({ accounts: [CONNECTED] }));
      refuse(emit);
      expect(store.getState().notices).toMatchObject([{ code: 'access_denied', signIn: 'netrex' }]);
      store.go({ name: 'settings' });
      expect(store.getState().notices).toHaveLength(1);
      store.go({ name: 'sign-in', providerId: 'netrex' });
      expect(store.getState().notices).toEqual([]);
    });

    it('goes when a new attempt starts', async () => {
      const { store, emit } = await started(world({ accounts: [CONNECTED] }));
      refuse(emit);
      await store.signIn('netrex');
      expect(store.getState().notices).toEqual([]);
    });

    it('keeps a notice that repeats no failed sign-in (a link to a cancelled one)', async () => {
      const { store, emit } = await started(world());
      store.go({ name: 'sign-in', providerId: 'netrex' });
      emit('sign-in-changed', waitingView('netrex', { phase: 'cancelled', remainingMs: 0 }));
      emit('notice', {
        id: 'n2',
        level: 'error',
        code: 'cancelled',
        message: 'That sign-in was cancelled.',
        at: NOW,
      });
      expect(store.getState().notices).toMatchObject([{ id: 'n2' }]);
      expect(store.getState().notices[0]?.signIn).toBeUndefined();
    });
  });

  it('warns when the portal could not revoke at sign-out, and goes back to the way in', async () => {
    const { store } = await started(world({ accounts: [CONNECTED] }), {
      signOut: async (id) => ({
        ok: true,
        value: {
          accountId: id,
          revoked: false,
          revokeError: { code: 'network', message: 'The portal did not answer.' },
        },
      }),
    });
    await store.signOut(CONNECTED.id);
    const notice = store.getState().notices.at(-1);
    expect(notice?.level).toBe('warning');
    // The failure itself, for the view to say in the window's language.
    expect(notice?.local).toMatchObject({
      key: 'revokeFailed',
      values: { label: CONNECTED.label, portal: CONNECTED.providerName },
      error: { code: 'network', message: 'The portal did not answer.' },
    });
    expect(store.getState().accounts).toEqual([]);
    expect(store.getState().screen).toEqual({ name: 'choose-portal' });
  });

  it('signing out of a token or of an account named after its portal: words by case', async () => {
    const token = { ...CONNECTED, id: 't1', label: 'Desk', method: 'api-token' as const };
    const plain = { ...CONNECTED, id: 'p1', label: 'Netrex' };
    const unconfirmed = { ...CONNECTED, id: 'u1', label: 'Night' };
    const { store } = await started(world({ accounts: [token, plain, unconfirmed] }), {
      signOut: async (id) => ({
        ok: true,
        value:
          id === 'u1'
            ? {
                accountId: id,
                revoked: false,
                revokeError: { code: 'revocation_failed', message: 'Not confirmed.' },
              }
            : { accountId: id, revoked: id !== 't1' },
      }),
    });
    await store.signOut('t1');
    await store.signOut('p1');
    await store.signOut('u1');
    expect(
      store.getState().notices.map((n) => [n.level, n.local?.key, n.local?.values.label]),
    ).toEqual([
      ['warning', 'signedOutToken', 'Desk'],
      ['info', 'signedOut', ''],
      ['warning', 'revokeUnconfirmed', 'Night'],
    ]);
  });

  it('names the account in "connected" when its label says more than the portal; says it once', async () => {
    const { store, emit } = await started(world({ providers: [NETREX] }));
    await store.signInWithApiToken({
      providerId: 'netrex',
      providerUrl: NETREX.url,
      token: 't-1',
      label: 'Desk',
    });
    expect(store.getState().notices.at(-1)?.local).toMatchObject({
      key: 'connectedAs',
      values: { portal: 'Netrex', label: 'Desk' },
    });
    // A browser sign-in whose account is named after the portal: the plain words.
    for (const startedAt of [NOW, NOW + 1]) {
      await store.signIn('netrex');
      emit(
        'sign-in-changed',
        waitingView('netrex', { startedAt, phase: 'connected', accountId: 'x' }),
      );
    }
    const connected = store.getState().notices.filter((n) => n.local?.key === 'connected');
    expect(connected).toHaveLength(1); // the second sign-in replaced the first notice
    expect(store.getState().notices).toHaveLength(2);
  });

  it('opening the settings takes what discovery found since the list was read, and only that', async () => {
    const w = world({ providers: [NETREX, CAMSTREAMER] });
    let answer: (() => void) | undefined;
    let held = false;
    const { store } = await started(w, {
      listProviders: () =>
        new Promise((resolve) => {
          const snapshot = w.providers;
          answer = () => resolve({ ok: true, value: snapshot });
          if (!held) answer();
        }),
    });
    held = true;
    w.providers = [{ ...NETREX, server: { pkce: 'not-advertised' } }, CAMSTREAMER];
    store.openSettings('netrex');
    // A save that is answered before the list must not be undone by it.
    await store.updateProvider('netrex', { clientId: 'saved-meanwhile' });
    answer!();
    await Promise.resolve();
    await Promise.resolve();
    const netrex = store.getState().providers.find((p) => p.id === 'netrex');
    expect(netrex).toMatchObject({
      clientId: 'saved-meanwhile',
      server: { pkce: 'not-advertised' },
    });
    // Facts gone (the address changed: another server) are dropped too.
    w.providers = [NETREX, CAMSTREAMER];
    store.openSettings('netrex');
    answer!();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().providers.find((p) => p.id === 'netrex')).not.toHaveProperty('server');
  });

  it('never keeps an API token or a client secret in its state', async () => {
    const { store } = await started(world({ providers: [NETREX, CAMSTREAMER] }));
    await store.signInWithApiToken({
      providerId: 'netrex',
      providerUrl: NETREX.url,
      token: 'tok-SECRET-123',
      label: 'Desk',
    });
    await store.setClientSecret('netrex', 'secret-XYZ-789');
    const text = JSON.stringify(store.getState());
    expect(text).not.toContain('tok-SECRET-123');
    expect(text).not.toContain('secret-XYZ-789');
    expect(store.getState().providers.find((p) => p.id === 'netrex')?.clientSecretSet).toBe(true);
  });

  it('turns a thrown bridge call into a plain error under the call key', async () => {
    const { store } = await started(world({ accounts: [CONNECTED] }), {
      checkNow: () => Promise.reject(new Error('ipc down')),
    });
    await store.checkNow(CONNECTED.id);
    expect(store.getState().errors[actionKey.check(CONNECTED.id)]?.code).toBe('bridge_unavailable');
    expect(store.getState().busy).toEqual([]);
  });

  it('shows an app setting at once and undoes it when the bridge refuses', async () => {
    const { store } = await started(world(), {
      updateAppSettings: async () => ({
        ok: false,
        error: { code: 'io', message: 'Settings file is read-only.' },
      }),
    });
    const pending = store.updateAppSettings({ language: 'cs' });
    expect(store.getState().settings.language).toBe('cs');
    await pending;
    expect(store.getState().settings.language).toBe('system');
    expect(store.getState().errors[actionKey.appSettings]?.message).toBe(
      'Settings file is read-only.',
    );
  });

  it('keeps at most three notices, newest last; good news goes before an unread warning', async () => {
    const { store, emit } = await started(world());
    for (let i = 1; i <= 4; i++) {
      emit('notice', {
        id: `w${i}`,
        level: 'warning',
        code: 'x',
        message: `Warning ${i}`,
        at: NOW,
      });
    }
    expect(store.getState().notices.map((n) => n.id)).toEqual(['w2', 'w3', 'w4']);
    emit('notice', { id: 'i1', level: 'info', code: 'y', message: 'Saved.', at: NOW });
    expect(store.getState().notices.map((n) => n.id)).toEqual(['w2', 'w3', 'w4']);
    store.dismissNotice('w3');
    emit('notice', { id: 'i2', level: 'info', code: 'y', message: 'Saved again.', at: NOW });
    expect(store.getState().notices.map((n) => n.id)).toEqual(['w2', 'w4', 'i2']);
  });

  it('ends "connected" when its account goes offline or leaves; a link for a cancelled sign-in when the next starts', async () => {
    const { store, emit } = await started(world({ providers: [NETREX] }));
    await store.signIn('netrex');
    emit('accounts-changed', [CONNECTED]);
    emit('sign-in-changed', waitingView('netrex', { phase: 'connected', accountId: CONNECTED.id }));
    expect(store.getState().notices).toMatchObject([{ about: { account: CONNECTED.id } }]);
    emit('accounts-changed', [{ ...CONNECTED, state: 'offline' }]);
    expect(store.getState().notices).toEqual([]);

    emit('notice', {
      id: 'late',
      level: 'error',
      code: 'cancelled',
      message: 'The sign-in to Netrex was cancelled.',
      providerId: 'netrex',
      at: NOW,
    });
    expect(store.getState().notices).toMatchObject([{ id: 'late', about: { signIn: 'netrex' } }]);
    await store.signIn('netrex');
    expect(store.getState().notices).toEqual([]);
  });
});

describe('notice rules', () => {
  const notice = (id: string, level: AppNotice['level'], patch: Partial<AppNotice> = {}) =>
    ({ id, level, code: id, message: id, at: NOW, ...patch }) as AppNotice;

  it('a success fades after NOTICE_FADE_MS on the window clock; a warning does not', () => {
    const shown = [notice('ok', 'info'), notice('warn', 'warning')];
    expect(noticesShownAt(shown, NOW + NOTICE_FADE_MS - 1)).toBe(shown);
    expect(noticesShownAt(shown, NOW + NOTICE_FADE_MS).map((n) => n.id)).toEqual(['warn']);
    expect(isFaded(notice('w', 'error'), NOW + 24 * 3_600_000)).toBe(false);
  });

  it('adding drops faded ones and the same words, and keeps MAX_NOTICES', () => {
    const old = notice('old', 'info');
    const added = withNotice([old], notice('new', 'warning'), NOW + NOTICE_FADE_MS);
    expect(added.map((n) => n.id)).toEqual(['new']);
    const same = withNotice(
      [notice('a', 'error', { code: 'c', message: 'm' })],
      notice('b', 'error', { code: 'c', message: 'm' }),
      NOW,
    );
    expect(same.map((n) => n.id)).toEqual(['b']);
    let many: readonly AppNotice[] = [];
    for (let i = 0; i < 10; i++) many = withNotice(many, notice(`e${i}`, 'error'), NOW);
    expect(many).toHaveLength(MAX_NOTICES);
  });

  it("joins IT's policy problems into one notice, so the limit pushes none of them out", () => {
    const problem = (id: string, field: string) =>
      notice(id, 'warning', {
        code: 'managed_config_invalid',
        message: `The managed configuration is not valid at ${field}.`,
        params: { field },
      });
    let list: readonly AppNotice[] = [notice('other', 'error')];
    const fields = ['comment', 'allowApiTokens', 'logLevel', 'updateUrl', 'providers[0]'];
    fields.forEach((field, i) => (list = withNotice(list, problem(`p${i}`, field), NOW)));
    // The same problem said again is not repeated.
    list = withNotice(list, problem('again', 'logLevel'), NOW);
    expect(list.map((n) => n.id)).toEqual(['other', 'p0']);
    const joined = list[1]!;
    expect([joined, ...(joined.more ?? [])].map((n) => n.params?.field)).toEqual(fields);
    // Other kinds still count against the limit, the joined one among them.
    for (let i = 0; i < 3; i++) list = withNotice(list, notice(`e${i}`, 'error'), NOW);
    expect(list).toHaveLength(MAX_NOTICES);
  });

  it('an account notice ends when the account leaves or is no longer connected', () => {
    const about = notice('c', 'info', { about: { account: 'a1' } });
    const other = notice('x', 'warning');
    const list = [about, other];
    expect(afterAccounts(list, [{ ...CONNECTED, id: 'a1', state: 'refreshing' }])).toBe(list);
    expect(afterAccounts(list, [{ ...CONNECTED, id: 'a1', state: 'expired' }])).toEqual([other]);
    expect(afterAccounts(list, [])).toEqual([other]);
  });

  it("a sign-in's notice ends when that sign-in changes; a repeated refusal stays while failed", () => {
    const about = notice('late', 'error', { about: { signIn: 'netrex' } });
    const repeat = notice('declined', 'error', { signIn: 'netrex' });
    expect(afterSignIn([about, repeat], 'netrex', 'failed')).toEqual([repeat]);
    expect(afterSignIn([about, repeat], 'netrex', 'waiting')).toEqual([]);
    expect(afterSignIn([about, repeat], 'acme', 'waiting')).toEqual([about, repeat]);
  });
});
