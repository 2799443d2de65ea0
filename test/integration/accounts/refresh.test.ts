// Token refresh against the portal stand-in, on a manual clock: scheduled
// ahead of expiry, single flight, persisted before the old token is
// forgotten, a dead grant ends in `expired`, and sleep re-plans the schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { refresh as refreshAtPortal, cameraList } from '../../support/portal-client';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';

let rig: AccountsRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const HOUR = 60 * 60 * 1000;

async function signedIn(lifetimeSec: number, extra: Record<string, unknown> = {}) {
  const started = await startAccountsRig({
    standIn: { accessTokenLifetimeSec: lifetimeSec, ...extra },
    // Probes out of the way: these tests are about the refresh schedule.
    accounts: { probeIntervalMs: 24 * HOUR },
  });
  rig = started;
  const account = await started.signIn();
  // Joins the first probe the sign-in started, and returns once it settled.
  expect((await started.accounts.checkNow(account.id)).cameras?.count).toBe(3);
  return { rig: started, account, stored: started.vault.getAccount(account.id)! };
}

/**
 * An ended account plans nothing: the one timer left is the accounts' wall-clock
 * check (a refresh or probe timer would make two), and two days later its state
 * has not moved (a request started by a timer moves it to refreshing at once).
 */
function expectNothingPlanned(rig: AccountsRig, id: string): void {
  expect(rig.clock.pendingTimers).toBe(1);
  const states = rig.states(id).length;
  rig.clock.advance(48 * HOUR);
  expect(rig.states(id)).toHaveLength(states);
}

describe('refresh ahead of expiry', () => {
  for (const rotate of [true, false]) {
    it(`connected → refreshing → connected, rotation ${rotate ? 'on' : 'off'}`, async () => {
      const { rig, account, stored } = await signedIn(600, { rotateRefreshTokens: rotate });
      // Lifetime 600 s: the margin is max(60 s, 10 % of 600 s) = 60 s, so due at 540 s.
      rig.clock.advance(539_000);
      expect(rig.portal.stats.token.refresh_token).toBe(0);
      rig.clock.advance(1_000);
      const [after] = await rig.until(
        ([a]) => a?.state === 'connected' && a.tokenExpiresAt! > stored.expiresAt!,
      );
      expect(rig.portal.stats.token.refresh_token).toBe(1);
      expect(rig.states(account.id)).toEqual(['connected', 'refreshing', 'connected']);
      expect(after!.tokenExpiresAt).toBe(rig.clock.now() + 600_000);

      // On disk (a fresh vault over the same file) before anything else happened.
      const disk = await rig.readDisk();
      const renewed = disk.getAccount(account.id)!;
      await disk.dispose();
      expect(renewed.tokens.accessToken).not.toBe(stored.tokens.accessToken);
      expect((await cameraList(rig.portal, renewed.tokens.accessToken)).status).toBe(200);
      if (rotate) {
        expect(renewed.tokens.refreshToken).not.toBe(stored.tokens.refreshToken);
        const old = await refreshAtPortal(rig.portal, stored.tokens.refreshToken!);
        expect(old.body.error).toBe('invalid_grant');
      } else {
        expect(renewed.tokens.refreshToken).toBe(stored.tokens.refreshToken);
      }

      // And again at the next due time, with the renewed token.
      rig.portal.resetStats();
      rig.clock.advance(540_000);
      await rig.until(
        ([a]) => a?.state === 'connected' && a.tokenExpiresAt! > after!.tokenExpiresAt!,
      );
      expect(rig.portal.stats.token).toMatchObject({ requests: 1, refresh_token: 1 });
    });
  }

  it('the margin is 10 % of a long lifetime', async () => {
    const { rig, stored } = await signedIn(24 * 3600);
    // 24 h: due 2.4 h before expiry, at 21.6 h.
    rig.clock.advance(21.6 * HOUR - 1_000);
    expect(rig.portal.stats.token.refresh_token).toBe(0);
    rig.clock.advance(1_000);
    await rig.until(([a]) => (a?.tokenExpiresAt ?? 0) > stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('1,000 concurrent getAccessToken calls at expiry make exactly one token request', async () => {
    const { rig, account, stored } = await signedIn(600);
    rig.portal.resetStats();
    // The computer wakes at the expiry: no timer has fired, every caller wants a token now.
    rig.clock.jump(600_000);
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, () => rig.accounts.getAccessToken(account.id)),
    );
    expect(rig.portal.stats.token.requests).toBe(1);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(stored.tokens.accessToken);
    // Every caller got the token that is on disk.
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)!.tokens.accessToken).toBe(tokens[0]);
    await disk.dispose();
    expect((await cameraList(rig.portal, tokens[0])).status).toBe(200);
  });

  it('a token that is not due yet is returned without a request', async () => {
    const { rig, account, stored } = await signedIn(600);
    rig.portal.resetStats();
    rig.clock.jump(500_000);
    await expect(rig.accounts.getAccessToken(account.id)).resolves.toBe(stored.tokens.accessToken);
    expect(rig.portal.stats.token.requests).toBe(0);
  });

  it('invalid_grant → expired: tokens gone from the vault and the file, "sign in again"', async () => {
    const { rig, account } = await signedIn(600);
    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(540_000);
    const expired = await rig.untilState(account.id, 'expired');
    expect(expired.lastError).toMatchObject({ code: 'invalid_grant' });
    expect(expired.lastError!.message).toMatch(/Sign in again/);
    // No tokens left in memory: not "kept in memory only" (the keyring works).
    expect(expired).toMatchObject({ canRefresh: false, persisted: true, nextRetryAt: null });
    expect(rig.vault.getAccount(account.id)).toBeUndefined();
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)).toBeUndefined();
    await disk.dispose();
    await expect(rig.accounts.getAccessToken(account.id)).rejects.toMatchObject({
      code: 'signed_out',
    });
    // Nothing is scheduled for an expired account: time passes, no request.
    rig.portal.resetStats();
    expectNothingPlanned(rig, account.id);
    expect(rig.portal.stats.token.requests + rig.portal.stats.graphql.requests).toBe(0);
  });

  it('a 401 from the API earns one refresh and one retry; a second 401 is expired, never a loop', async () => {
    const { rig, account } = await signedIn(600);
    rig.portal.resetStats();
    // The refresh works, but the API refuses the renewed token too (e.g. the user's access was withdrawn).
    rig.portal.faults.inject('graphql', { kind: 'html', status: 401, count: 100 });
    const after = await rig.accounts.checkNow(account.id);
    expect(after).toMatchObject({ state: 'expired', lastError: { code: 'access_rejected' } });
    expect(rig.portal.stats.token.refresh_token).toBe(1);
    expect(rig.portal.stats.graphql.requests).toBe(2);
    expect(rig.vault.getAccount(account.id)).toBeUndefined();
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)).toBeUndefined();
    await disk.dispose();
    // Nothing more is tried: time passes, no request.
    expectNothingPlanned(rig, account.id);
    expect(rig.portal.stats.token.requests).toBe(1);
    expect(rig.portal.stats.graphql.requests).toBe(2);
  });

  it('a 401 that a refresh cures: connected again with the new token, one refresh, two API requests', async () => {
    const { rig, account, stored } = await signedIn(600);
    rig.portal.resetStats();
    rig.portal.faults.inject('graphql', { kind: 'html', status: 401, count: 1 });
    const after = await rig.accounts.checkNow(account.id);
    expect(after).toMatchObject({ state: 'connected', cameras: { count: 3 } });
    expect(rig.portal.stats.token.refresh_token).toBe(1);
    expect(rig.portal.stats.graphql.requests).toBe(2);
    expect(rig.vault.getAccount(account.id)!.tokens.accessToken).not.toBe(
      stored.tokens.accessToken,
    );
  });

  it('sleep past the expiry: the wall-clock check notices the jump and refreshes at once', async () => {
    const { rig, stored } = await signedIn(3600);
    // Due at 3240 s; the computer sleeps 4000 s (timers do not count it).
    rig.clock.jump(4000_000);
    expect(rig.portal.stats.token.refresh_token).toBe(0);
    rig.clock.advance(60_000);
    await rig.until(([a]) => a?.state === 'connected' && a.tokenExpiresAt! > stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('reevaluate() (the shell on resume) runs an overdue refresh at once', async () => {
    const { rig, stored } = await signedIn(3600);
    rig.clock.jump(3300_000);
    rig.accounts.reevaluate();
    await rig.until(([a]) => (a?.tokenExpiresAt ?? 0) > stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('a clock set back re-plans too: the refresh is due later, not forgotten', async () => {
    const { rig, stored } = await signedIn(3600);
    rig.clock.jump(-1800_000);
    rig.clock.advance(60_000);
    // The schedule follows the wall clock: due at 3240 s after the sign-in's wall time.
    rig.clock.advance(3240_000 + 1800_000 - 60_000 - 1_000);
    expect(rig.portal.stats.token.refresh_token).toBe(0);
    rig.clock.advance(1_000);
    await rig.until(([a]) => (a?.tokenExpiresAt ?? 0) > stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('tokens kept in the vault are refreshed after a restart when due', async () => {
    const { rig, account, stored } = await signedIn(600);
    await rig.restart();
    expect(rig.accounts.list()).toMatchObject([{ id: account.id, state: 'connected' }]);
    rig.clock.advance(545_000);
    await rig.until(([a]) => (a?.tokenExpiresAt ?? 0) > stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });
});

describe('quitting while a refresh is running', () => {
  it('dispose waits for the refresh to land and be saved: the rotated refresh token on disk works', async () => {
    const { rig, account, stored } = await signedIn(600, { rotateRefreshTokens: true });
    // The token endpoint answers slowly, so the app quits while the refresh is out.
    rig.portal.faults.latency('token', 300);
    rig.clock.advance(540_000);
    expect(rig.accounts.get(account.id)?.state).toBe('refreshing');
    // Joins the refresh in flight: settles once the portal has answered it.
    const landed = rig.accounts.getAccessToken(account.id).catch(() => undefined);

    // The services' order on quit: accounts, then the engine, then the vault.
    await rig.accounts.dispose();
    await rig.engine.dispose();
    await rig.vault.dispose();
    await landed;
    expect(rig.portal.stats.token.refresh_token).toBe(1);

    rig.portal.faults.latency('token', 0);
    const disk = await rig.readDisk();
    const kept = disk.getAccount(account.id)!;
    await disk.dispose();
    // The portal rotated the refresh token: the old one is dead, so the file must hold the new one.
    expect(kept.tokens.refreshToken).not.toBe(stored.tokens.refreshToken);
    expect((await refreshAtPortal(rig.portal, kept.tokens.refreshToken!)).status).toBe(200);
  });
});
