// Two small rules of the composition: only our own errors speak their words
// across the bridge, and notices raised before a window exists are held (up
// to a cap) until it first asks.
import { describe, expect, it } from 'vitest';
import { AccountError } from '../../../main/accounts';
import { AuthError } from '../../../main/auth/auth-error';
import {
  ExplainedError,
  INTERNAL_ERROR,
  portalNames,
  toUserFacing,
  UserFacingFailure,
} from '../../../main/common/explained-error';
import { createBridgeDispatch } from '../../../main/desktop/bridge-dispatch';
import { createBridgeHandlers } from '../../../main/ipc/handlers';
import { ProviderError } from '../../../main/providers';
import { createBridgeEventHub, MAX_HELD_NOTICES } from '../../../main/services/bridge-events';
import { VaultError } from '../../../main/vault';

describe('toUserFacing', () => {
  it('keeps the words of every error class of the services, and replaces anything else', () => {
    const ours = [
      new AuthError('network', { portal: 'ACME' }),
      new ProviderError('locked', 'Locked.'),
      new VaultError('write_failed', 'Disk.'),
      new AccountError('unknown_account'),
      new UserFacingFailure({ code: 'x', message: 'Y.', detail: 'Z' }),
    ];
    for (const error of ours) {
      expect(error).toBeInstanceOf(ExplainedError);
      expect(toUserFacing(error)).toEqual(error.toUserFacing());
      expect(toUserFacing(error).code).toBe(error.code);
    }
    expect(toUserFacing(ours[1])).toEqual({ code: 'locked', message: 'Locked.' });
    expect(toUserFacing(ours[4])).toEqual({ code: 'x', message: 'Y.', detail: 'Z' });
    const leaky = new Error('fetch failed: https://portal/oauth2/token?client_secret=s3cr3t');
    expect(toUserFacing(leaky)).toBe(INTERNAL_ERROR);
    expect(toUserFacing('s3cr3t')).toBe(INTERNAL_ERROR);
    const fallback = { code: 'revocation_failed', message: 'Not confirmed.' };
    expect(toUserFacing(leaky, fallback)).toBe(fallback);
    expect(JSON.stringify(INTERNAL_ERROR)).not.toMatch(/s3cr3t/);
  });

  it('names the portal the same way in every message', () => {
    expect(portalNames('acme video')).toEqual({ portal: 'acme video', Portal: 'Acme video' });
    expect(portalNames(undefined)).toEqual({ portal: 'the portal', Portal: 'The portal' });
    expect(new AuthError('network').message).toMatch(/could not reach the portal\./);
    expect(new AccountError('api_query_failed').message).toMatch(/^The portal accepted/);
  });

  it('one internal error: the handler table and the IPC dispatch answer the same words', async () => {
    const boom = () => {
      throw new Error('token=SECRET in a message');
    };
    const handlers = createBridgeHandlers({
      registry: { list: boom } as never,
      vault: {} as never,
      secrets: { get: () => undefined },
      accounts: { list: boom } as never,
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
    });
    expect(await handlers.listAccounts()).toEqual({ ok: false, error: INTERNAL_ERROR });
    const dispatch = createBridgeDispatch(
      { ...handlers, listProviders: async () => boom() },
      { warn: () => undefined },
    );
    const app = { url: 'app://renderer/index.html', parent: null };
    expect(await dispatch('listProviders', app, [])).toEqual({ ok: false, error: INTERNAL_ERROR });
  });
});

describe('bridge event hub', () => {
  it('holds notices until the window is ready, the newest up to the cap, then delivers at once', () => {
    const hub = createBridgeEventHub(() => 1000);
    const seen: string[] = [];
    hub.on('notice', (n) => seen.push(n.code));
    for (let i = 0; i < MAX_HELD_NOTICES + 3; i++)
      hub.notice('warning', { code: `c${i}`, message: 'm' });
    expect(seen).toEqual([]);
    hub.windowReady();
    expect(seen).toHaveLength(MAX_HELD_NOTICES);
    expect(seen[0]).toBe('c3');
    hub.notice('error', { code: 'late', message: 'm', detail: 'portal words' });
    expect(seen.at(-1)).toBe('late');
  });

  it('holds notices again while the window is gone, until its page is ready again', () => {
    const hub = createBridgeEventHub(() => 1000);
    const seen: string[] = [];
    hub.on('notice', (n) => seen.push(n.code));
    hub.windowReady();
    hub.notice('warning', { code: 'while-open', message: 'm' });
    hub.windowGone();
    hub.notice('warning', { code: 'while-closed', message: 'm' });
    expect(seen).toEqual(['while-open']);
    hub.windowReady();
    expect(seen).toEqual(['while-open', 'while-closed']);
  });

  it('quotes the portal detail after the message; one failing listener does not stop the others', async () => {
    const hub = createBridgeEventHub(() => 5);
    hub.windowReady();
    const got: string[] = [];
    hub.on('notice', () => {
      throw new Error('listener bug');
    });
    hub.on('notice', (n) => got.push(n.message));
    const surfaced = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    hub.notice('error', { code: 'x', message: 'Refused.', detail: 'bad client' });
    expect(got).toEqual(['Refused. The portal said: “bad client”']);
    await expect(surfaced).resolves.toMatchObject({ message: 'listener bug' });
  });
});
