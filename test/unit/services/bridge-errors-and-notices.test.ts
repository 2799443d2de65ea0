// Two small rules of the composition: only our own errors speak their words
// across the bridge, and notices raised before a window exists are held (up
// to a cap) until it first asks.
import { describe, expect, it } from 'vitest';
import { AccountError, UserFacingFailure } from '../../../main/accounts';
import { AuthError } from '../../../main/auth/auth-error';
import { toUserFacingError, UNEXPECTED_ERROR } from '../../../main/ipc/handlers';
import { ProviderError } from '../../../main/providers';
import { createBridgeEventHub, MAX_HELD_NOTICES } from '../../../main/services/bridge-events';
import { VaultError } from '../../../main/vault';

describe('toUserFacingError', () => {
  it('keeps the words of our errors, and replaces anything else by a generic message', () => {
    expect(toUserFacingError(new AuthError('network', { portal: 'ACME' }))).toMatchObject({
      code: 'network',
    });
    expect(toUserFacingError(new ProviderError('locked', 'Locked.'))).toEqual({
      code: 'locked',
      message: 'Locked.',
    });
    expect(toUserFacingError(new VaultError('write_failed', 'Disk.'))).toMatchObject({
      code: 'write_failed',
    });
    expect(toUserFacingError(new AccountError('unknown_account'))).toMatchObject({
      code: 'unknown_account',
    });
    expect(toUserFacingError(new UserFacingFailure({ code: 'x', message: 'Y.' }))).toEqual({
      code: 'x',
      message: 'Y.',
    });
    const leaky = new Error('fetch failed: https://portal/oauth2/token?client_secret=s3cr3t');
    expect(toUserFacingError(leaky)).toBe(UNEXPECTED_ERROR);
    expect(toUserFacingError('s3cr3t')).toBe(UNEXPECTED_ERROR);
    expect(JSON.stringify(UNEXPECTED_ERROR)).not.toMatch(/s3cr3t/);
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
