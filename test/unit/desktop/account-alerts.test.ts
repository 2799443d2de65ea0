import { describe, expect, it } from 'vitest';
import type { AccountSnapshot, AccountState } from '../../../main/ipc/contract';
import {
  decideAccountAlerts,
  EMPTY_ALERT_MEMORY,
  OFFLINE_ALERT_AFTER_MS,
  type AlertMemory,
} from '../../../main/desktop/account-alerts';
import { EDGE_WORDS } from '../../../main/desktop/edge-words';

function account(id: string, state: AccountState, label = 'Office'): AccountSnapshot {
  return {
    id,
    providerId: 'netrex',
    providerName: 'Netrex',
    providerUrl: 'https://system2.netrex.cz',
    label,
    method: 'oauth',
    state,
    rights: ['read'],
    tokenExpiresAt: null,
    canRefresh: true,
    cameras: null,
    lastCheckAt: null,
    lastSuccessAt: null,
    latencyMs: null,
    nextRetryAt: null,
    lastError: null,
    persisted: true,
  };
}

/** Drives the decision like the Electron part does: a fake clock, memory carried over. */
function timeline() {
  let memory: AlertMemory = EMPTY_ALERT_MEMORY;
  let now = 1_700_000_000_000;
  return {
    at(ms: number) {
      now = ms;
      return this;
    },
    advance(ms: number) {
      now += ms;
      return this;
    },
    get now() {
      return now;
    },
    observe(...accounts: AccountSnapshot[]) {
      const decision = decideAccountAlerts(memory, accounts, now, EDGE_WORDS.en);
      memory = decision.memory;
      return decision;
    },
  };
}

describe('account alerts', () => {
  it('announces an account that becomes expired, once', () => {
    const t = timeline();
    expect(t.observe(account('a', 'connected')).alerts).toEqual([]);
    const expired = t.advance(1000).observe(account('a', 'expired'));
    expect(expired.alerts).toEqual([
      {
        accountId: 'a',
        kind: 'expired',
        title: 'Sign-in expired',
        body: 'Office (Netrex): the portal no longer accepts this sign-in. Open Netrex Connect and sign in again.',
      },
    ]);
    expect(t.advance(60_000).observe(account('a', 'expired')).alerts).toEqual([]);
    // Signed in again, then expired again: a new announcement.
    t.observe(account('a', 'connected'));
    expect(t.observe(account('a', 'expired')).alerts).toHaveLength(1);
  });

  it('announces an account already expired when first seen (the operator was not told yet)', () => {
    expect(
      timeline()
        .observe(account('a', 'expired'))
        .alerts.map((a) => a.kind),
    ).toEqual(['expired']);
  });

  it('waits more than five minutes of offline before announcing, and says when to look again', () => {
    const t = timeline();
    const start = t.now;
    const first = t.observe(account('a', 'offline'));
    expect(first.alerts).toEqual([]);
    expect(first.wakeAt).toBe(start + OFFLINE_ALERT_AFTER_MS + 1);

    // Exactly five minutes is not "more than five minutes".
    expect(t.at(start + OFFLINE_ALERT_AFTER_MS).observe(account('a', 'offline')).alerts).toEqual(
      [],
    );

    const due = t.at(first.wakeAt as number).observe(account('a', 'offline'));
    expect(due.alerts).toMatchObject([
      { accountId: 'a', kind: 'offline', title: 'Portal unreachable' },
    ]);
    expect(due.alerts[0]?.body).toMatch(/more than 5 minutes/);
    expect(due.wakeAt).toBeNull();
    // Once per streak.
    expect(t.advance(3_600_000).observe(account('a', 'offline')).alerts).toEqual([]);
  });

  it('does not announce a blip that recovers within five minutes', () => {
    const t = timeline();
    t.observe(account('a', 'offline'));
    expect(t.advance(4 * 60_000).observe(account('a', 'connected'))).toMatchObject({
      alerts: [],
      wakeAt: null,
    });
    // A new streak starts from zero.
    const again = t.advance(60_000).observe(account('a', 'offline'));
    expect(again.wakeAt).toBe(t.now + OFFLINE_ALERT_AFTER_MS + 1);
  });

  it('keeps the streak through retries shown as refreshing, and schedules no wake-up meanwhile', () => {
    const t = timeline();
    const start = t.now;
    t.observe(account('a', 'offline'));
    const retrying = t.advance(6 * 60_000).observe(account('a', 'refreshing'));
    expect(retrying).toMatchObject({ alerts: [], wakeAt: null });
    const back = t.advance(1000).observe(account('a', 'offline'));
    expect(back.alerts.map((a) => a.kind)).toEqual(['offline']);
    expect(t.now - start).toBeGreaterThan(OFFLINE_ALERT_AFTER_MS);
  });

  it('does not count refreshing from a healthy state as offline', () => {
    const t = timeline();
    t.observe(account('a', 'connected'));
    expect(t.advance(10 * 60_000).observe(account('a', 'refreshing'))).toMatchObject({
      alerts: [],
      wakeAt: null,
    });
  });

  it('tracks several accounts apart and wakes for the earliest pending one', () => {
    const t = timeline();
    const start = t.now;
    t.observe(account('a', 'offline'), account('b', 'connected'));
    const later = t.advance(60_000).observe(account('a', 'offline'), account('b', 'offline'));
    expect(later.wakeAt).toBe(start + OFFLINE_ALERT_AFTER_MS + 1);
    const aDue = t
      .at(start + OFFLINE_ALERT_AFTER_MS + 1)
      .observe(account('a', 'offline'), account('b', 'offline'));
    expect(aDue.alerts.map((a) => a.accountId)).toEqual(['a']);
    expect(aDue.wakeAt).toBe(start + 60_000 + OFFLINE_ALERT_AFTER_MS + 1);
  });

  it('forgets removed accounts', () => {
    const t = timeline();
    t.observe(account('a', 'expired'));
    expect(t.observe().memory.size).toBe(0);
    // Re-added already expired: announced again, as a new account would be.
    expect(t.observe(account('a', 'expired')).alerts).toHaveLength(1);
  });

  it('names the portal alone when the account has no label', () => {
    const [alert] = timeline().observe(account('a', 'expired', '')).alerts;
    expect(alert?.body).toMatch(/^Netrex: /);
  });
});
