// The way-back service on its own: one check at a time, told once per
// change, a sign-in that waits for a hanging check at most CHECK_WAIT_MS on the
// manual clock, and a check that throws keeping what was known.
import { describe, expect, it } from 'vitest';
import type { AppLinkPort } from '../../../main/app-services';
import type { AppLinkCheck, WayBackStatus } from '../../../main/common/way-back';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { CHECK_WAIT_MS, createWayBackService } from '../../../main/services/way-back';
import { ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';

const DEMO: ProviderConfig = {
  id: 'demo',
  name: 'Demo portal',
  dialect: 'netrex',
  origin: 'demo',
  url: 'http://127.0.0.1:4010',
  clientId: 'c',
  rights: ['read'],
  redirectKind: 'custom-scheme',
  loopbackPort: 28814,
  loopbackFallback: true,
  locked: false,
};

const found = (status: AppLinkCheck['status']): AppLinkCheck => ({
  scheme: 'cz.netrex.connect',
  status,
  launch: 'installed',
  holder: null,
  repaired: false,
  elevated: null,
  detail: null,
  checkedAt: 1,
});

function service(appLink: AppLinkPort, clock = new ManualClock()) {
  const told: WayBackStatus[] = [];
  const log = recordingLog();
  const wayBack = createWayBackService({
    appLink,
    providers: () => [DEMO],
    isPortFree: async () => true,
    portsInUse: () => [],
    log,
    clock,
    onChange: (status) => told.push(status),
  });
  return { wayBack, told, log, clock };
}

describe('the way-back service', () => {
  it('runs one check at a time and tells a change once', async () => {
    let checks = 0;
    const { wayBack, told } = service({
      check: async () => (checks++, found('not-registered')),
    });
    const [a, b] = await Promise.all([wayBack.check(), wayBack.check()]);
    expect(a).toBe(b);
    expect(checks).toBe(1);
    await wayBack.check();
    expect(checks).toBe(2);
    expect(told).toHaveLength(1);
    expect(told[0]!.portals[0]).toMatchObject({ route: 'loopback', reason: 'not-registered' });
  });

  it('a sign-in waits for a hanging check only so long, then goes on with what was known', async () => {
    let release: (check: AppLinkCheck) => void = () => undefined;
    const { wayBack, clock, told } = service({
      check: () => new Promise<AppLinkCheck>((resolve) => (release = resolve)),
    });
    let route: string | undefined;
    const waiting = wayBack.routeFor('demo').then((way) => (route = way.reason));
    await Promise.resolve();
    clock.advance(CHECK_WAIT_MS - 1);
    await Promise.resolve();
    expect(route).toBeUndefined();
    clock.advance(1);
    await waiting;
    expect(route).toBe('unchecked');
    // The check still ends, and its outcome is told.
    release(found('claimed'));
    await expect.poll(() => told.length).toBe(1);
    expect(wayBack.status().appLink.status).toBe('claimed');
  });

  it('a check that answers in time leaves no timer behind', async () => {
    const { wayBack, clock } = service({ check: async () => found('registered') });
    expect((await wayBack.routeFor('demo')).route).toBe('app-link');
    expect(clock.pendingTimers).toBe(0);
  });

  it('a port that throws (it must not) keeps what was known and says so in the log', async () => {
    const { wayBack, log } = service({
      check: () => Promise.reject(new TypeError('boom')),
    });
    expect((await wayBack.check()).appLink.status).toBe('unknown');
    expect(log.lines).toContainEqual(
      expect.objectContaining({ event: 'way-back.check-failed', fields: { error: 'TypeError' } }),
    );
  });
});
