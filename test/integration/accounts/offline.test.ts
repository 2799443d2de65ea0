// A portal that cannot be reached: the account goes offline, keeps its
// tokens, retries with growing (capped, jittered) delays, and comes back by
// itself. Real HTTP against the stand-in, stopped and started again.
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelay } from '../../../main/accounts';
import type { AccountSnapshot } from '../../../main/ipc/contract';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';

let rig: AccountsRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const MINUTE = 60_000;

async function connected(options: Parameters<typeof startAccountsRig>[0] = {}) {
  const started = await startAccountsRig(options);
  rig = started;
  const account = await started.signIn();
  // Joins the first probe the sign-in started, and returns once it settled.
  expect((await started.accounts.checkNow(account.id)).cameras?.count).toBe(3);
  return { rig: started, account, stored: started.vault.getAccount(account.id)! };
}

/** Moves to the account's next retry and waits for the attempt's outcome. */
async function nextAttempt(rig: AccountsRig, before: AccountSnapshot): Promise<AccountSnapshot> {
  rig.clock.advance(before.nextRetryAt! - rig.clock.now());
  const [after] = await rig.until(
    ([a]) => a !== undefined && a.state !== 'refreshing' && a.lastCheckAt !== before.lastCheckAt,
  );
  return after!;
}

describe('offline', () => {
  it('stand-in stopped → offline with growing retry delays → back → connected, tokens unchanged', async () => {
    const { rig, account, stored } = await connected();
    await rig.portal.stop();
    // The periodic probe (every 5 min) finds the portal gone.
    rig.clock.advance(5 * MINUTE);
    let offline = await rig.untilState(account.id, 'offline');
    expect(offline.lastError).toMatchObject({ code: 'network' });
    expect(offline.lastError!.message).toMatch(/could not reach Demo portal/);

    const delays = [offline.nextRetryAt! - offline.lastCheckAt!];
    for (let attempt = 1; attempt < 5; attempt++) {
      offline = await nextAttempt(rig, offline);
      expect(offline.state).toBe('offline');
      delays.push(offline.nextRetryAt! - offline.lastCheckAt!);
    }
    // Equal jitter with the rig's random() = 0.5: ¾ of 10 s, 20 s, 40 s, …
    expect(delays).toEqual([0, 1, 2, 3, 4].map((n) => retryDelay(n, () => 0.5)));
    expect(delays).toEqual([7_500, 15_000, 30_000, 60_000, 120_000]);
    // The tokens are untouched, in memory and on disk.
    expect(rig.vault.getAccount(account.id)).toEqual(stored);

    await rig.portal.start();
    const back = await nextAttempt(rig, offline);
    expect(back).toMatchObject({
      state: 'connected',
      nextRetryAt: null,
      lastError: null,
      cameras: { count: 3 },
    });
    expect(rig.states(account.id)).toEqual(['connected', 'offline', 'connected']);
    expect(rig.vault.getAccount(account.id)).toEqual(stored);
    const disk = await rig.readDisk();
    expect(disk.getAccount(account.id)).toEqual(stored);
    await disk.dispose();
    expect(rig.portal.stats.token.refresh_token).toBe(0);
  });

  it('delays stop growing at the cap', async () => {
    const { rig, account } = await connected({
      accounts: { backoff: { initialMs: 10_000, maxMs: 40_000 }, random: () => 1 },
    });
    await rig.portal.stop();
    let offline = await rig.accounts.checkNow(account.id);
    const delays = [offline.nextRetryAt! - offline.lastCheckAt!];
    for (let attempt = 1; attempt < 5; attempt++) {
      offline = await nextAttempt(rig, offline);
      delays.push(offline.nextRetryAt! - offline.lastCheckAt!);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 40_000, 40_000]);
  });

  it('a refresh due while the portal is down: tokens kept, the old one serves while valid, renewed when back', async () => {
    const { rig, account, stored } = await connected({
      standIn: { accessTokenLifetimeSec: 600 },
      accounts: { probeIntervalMs: 24 * 60 * MINUTE },
    });
    await rig.portal.stop();
    rig.clock.advance(540_000); // the refresh is due
    const offline = await rig.untilState(account.id, 'offline');
    expect(rig.states(account.id)).toEqual(['connected', 'refreshing', 'offline']);
    // Still valid for a minute: callers get it without another attempt.
    await expect(rig.accounts.getAccessToken(account.id)).resolves.toBe(stored.tokens.accessToken);
    expect(rig.vault.getAccount(account.id)).toEqual(stored);
    await rig.portal.start();
    const back = await nextAttempt(rig, offline);
    expect(back.state).toBe('connected');
    expect(back.tokenExpiresAt).toBeGreaterThan(stored.expiresAt!);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('past the expiry while offline, a caller gets the reason instead of a dead token', async () => {
    const { rig, account } = await connected({ standIn: { accessTokenLifetimeSec: 600 } });
    await rig.portal.stop();
    rig.clock.jump(700_000);
    rig.accounts.reevaluate();
    await rig.untilState(account.id, 'offline');
    await expect(rig.accounts.getAccessToken(account.id)).rejects.toMatchObject({
      error: { code: 'network' },
    });
  });

  it('503 from the API is offline too (the portal is unwell, not the sign-in)', async () => {
    const { rig, account } = await connected();
    rig.portal.faults.inject('graphql', { kind: '503', count: 1 });
    const offline = await rig.accounts.checkNow(account.id);
    expect(offline).toMatchObject({ state: 'offline', lastError: { code: 'api_unavailable' } });
    expect(offline.lastError!.message).toMatch(/HTTP 503/);
    const back = await nextAttempt(rig, offline);
    expect(back.state).toBe('connected');
  });

  it('503 with Retry-After: the first retry waits what the portal asked, not the shorter backoff', async () => {
    const { rig, account } = await connected({ standIn: { accessTokenLifetimeSec: 600 } });
    // The probe: 30 s asked, 7.5 s the backoff's (random 0.5).
    rig.portal.faults.inject('graphql', { kind: '503', count: 1, retryAfterSec: 30 });
    const offline = await rig.accounts.checkNow(account.id);
    expect(offline).toMatchObject({ state: 'offline', lastError: { code: 'api_unavailable' } });
    expect(offline.nextRetryAt! - offline.lastCheckAt!).toBe(30_000);
    const back = await nextAttempt(rig, offline);
    expect(back.state).toBe('connected');

    // The refresh: the same wish, read from the token endpoint's answer.
    rig.portal.faults.inject('token', { kind: '503', count: 1, retryAfterSec: 40 });
    rig.clock.advance(540_000 - (rig.clock.now() - back.lastSuccessAt!)); // the refresh is due
    const [down] = await rig.until(([a]) => a?.state === 'offline');
    expect(down!.lastError).toMatchObject({ code: 'temporarily_unavailable' });
    expect(down!.nextRetryAt! - down!.lastCheckAt!).toBe(40_000);
    expect((await nextAttempt(rig, down!)).state).toBe('connected');
  });

  it('a Retry-After of a day is capped at the backoff ceiling: the account is not parked', async () => {
    const { rig, account } = await connected();
    rig.portal.faults.inject('graphql', { kind: '503', count: 1, retryAfterSec: 86_400 });
    const offline = await rig.accounts.checkNow(account.id);
    expect(offline.nextRetryAt! - offline.lastCheckAt!).toBe(5 * MINUTE);
    expect((await nextAttempt(rig, offline)).state).toBe('connected');
  });

  it('several portals are independent: one down, the other stays connected', async () => {
    const { rig, account } = await connected();
    const { startProvider, DEFAULT_CONFIG } = await import('../../support/provider');
    const other = await startProvider(
      {
        clients: [
          {
            ...DEFAULT_CONFIG.clients[0]!,
            redirect_uris: ['cz.netrex.connect:/oauth/callback/second'],
          },
        ],
      },
      { clock: () => rig.clock.now() },
    );
    try {
      rig.addPortal('second', other);
      const second = await rig.signIn(undefined, 'second');
      await rig.until((list) => list.find((a) => a.id === second.id)?.cameras?.count === 3);
      expect(rig.accounts.list()).toHaveLength(2);
      await other.stop();
      rig.clock.advance(5 * MINUTE);
      await rig.untilState(second.id, 'offline');
      const [first] = await rig.until(
        ([a]) => a?.lastCheckAt === rig.clock.now() && a.state === 'connected',
      );
      expect(first!.id).toBe(account.id);
    } finally {
      await other.close();
    }
  });
});
