// A portal whose clock is an hour ahead (its Date header, from the stand-in's
// `dateHeader`): the account says how far (portalClockOffsetMs, which the
// window shows beyond five minutes), the diagnosis warns, and the token's
// lifetime is still counted from when the answer arrived on this computer's
// clock, never from the portal's.
import { afterEach, describe, expect, it } from 'vitest';
import { startProvider } from '../../support/provider';
import { ManualClock } from '../../support/manual-clock';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';

const HOUR = 60 * 60 * 1000;
let rig: ServicesRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function skewedRig(offsetMs: number): Promise<ServicesRig> {
  const clock = new ManualClock();
  const portal = await startProvider(
    { accessTokenLifetimeSec: 3600 },
    { clock: () => clock.now(), dateHeader: () => clock.now() + offsetMs },
  );
  return startServicesRig({ portal, clock });
}

describe('a portal clock an hour off', () => {
  it('is shown on the account and in the report; lifetimes count from the arrival', async () => {
    rig = await skewedRig(HOUR);
    const arrival = rig.clock.now(); // the manual clock stands still during the sign-in
    const accountId = await rig.signInWithBrowser();
    const account = await rig.until('accounts-changed', (list) =>
      list.some((a) => a.id === accountId && a.cameras !== null),
    );
    const snapshot = account.find((a) => a.id === accountId)!;
    expect(snapshot.portalClockOffsetMs).toBe(HOUR);
    // expires_in 3600 s from when the answer arrived here, not from the portal's clock.
    expect(snapshot.tokenExpiresAt).toBe(arrival + 3600 * 1000);

    // The renewal is planned from the same arrival time (10 % of the hour: 6 min before).
    const planned = await rig.services.handlers.runDiagnosis('en');
    if (!planned.ok) throw new Error(planned.error.code);
    const checks = planned.value.report.sections.flatMap((s) => s.checks);
    expect(checks.find((c) => c.id === `account.${accountId}`)?.facts?.nextRefreshAt).toBe(
      new Date(arrival + 3600 * 1000 - 360 * 1000).toISOString(),
    );
    const clock = checks.find((c) => c.id === 'portal.demo.clock')!;
    expect(clock).toMatchObject({ status: 'warn', code: 'clock_skew', facts: { offsetMs: HOUR } });
    expect(clock.detail).toMatch(/^The portal’s clock is 1 h 0 min ahead of this computer’s\./);
  });

  it('is said as behind when the portal is late, and not at all when it agrees', async () => {
    rig = await skewedRig(-HOUR);
    const accountId = await rig.signInWithBrowser();
    const late = await rig.until('accounts-changed', (list) =>
      list.some((a) => a.id === accountId && a.cameras !== null),
    );
    expect(late.find((a) => a.id === accountId)!.portalClockOffsetMs).toBe(-HOUR);
    await rig.close();

    rig = await skewedRig(0);
    const agreeing = await rig.signInWithBrowser();
    const same = await rig.until('accounts-changed', (list) =>
      list.some((a) => a.id === agreeing && a.cameras !== null),
    );
    expect(same.find((a) => a.id === agreeing)!.portalClockOffsetMs).toBe(0);
  });
});
