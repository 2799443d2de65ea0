// Which way back a sign-in takes: every state of the app link's registration
// (and elevation) against every set of redirects a portal can have
// registered, and the loopback port free or held by another program.
import { describe, expect, it } from 'vitest';
import {
  appLinkDoubt,
  chooseWayBack,
  withLoopbackChosen,
  type WayBackPortal,
} from '../../../main/auth/way-back';
import type { AppLinkCheck, AppLinkStatus, LoopbackPortState } from '../../../main/common/way-back';

const check = (status: AppLinkStatus, patch: Partial<AppLinkCheck> = {}): AppLinkCheck => ({
  scheme: 'cz.netrex.connect',
  status,
  launch: status === 'unavailable' ? 'development' : 'installed',
  holder: status === 'claimed' ? 'Other App' : null,
  repaired: false,
  elevated: null,
  detail: null,
  checkedAt: 1,
  ...patch,
});

const APP_LINK_ONLY: WayBackPortal = {
  id: 'netrex',
  redirectKind: 'custom-scheme',
  loopbackPort: 28813,
};
const BOTH: WayBackPortal = {
  ...APP_LINK_ONLY,
  id: 'demo',
  loopbackPort: 28814,
  loopbackFallback: true,
};
const LOOPBACK_ONLY: WayBackPortal = { ...APP_LINK_ONLY, id: 'acme', redirectKind: 'loopback' };

const STATES: ReadonlyArray<[string, AppLinkCheck]> = [
  ['registered', check('registered')],
  ['registered, elevated', check('registered', { elevated: true })],
  ['registered, not elevated', check('registered', { elevated: false })],
  ['not registered', check('not-registered')],
  ['claimed by another program', check('claimed')],
  ['unavailable (development)', check('unavailable')],
  ['unavailable (unsupported OS)', check('unavailable', { launch: 'installed' })],
  ['unknown (not checked)', check('unknown')],
];

describe('why the app link may not reach the app', () => {
  it.each([
    ['registered', check('registered'), null],
    ['unknown', check('unknown'), null],
    ['not registered', check('not-registered'), 'not-registered'],
    ['claimed', check('claimed'), 'claimed'],
    ['development', check('unavailable'), 'development'],
    ['an OS without app links', check('unavailable', { launch: 'installed' }), 'not-registered'],
    ['elevated, whatever the registration', check('registered', { elevated: true }), 'elevated'],
    ['elevated and claimed: elevation first', check('claimed', { elevated: true }), 'elevated'],
  ] as const)('%s', (_name, appLink, doubt) => {
    expect(appLinkDoubt(appLink)).toBe(doubt);
  });
});

describe('the route for a portal with only the app link registered', () => {
  it.each([
    ['registered', 'app-link-works', false],
    ['registered, elevated', 'elevated', true],
    ['registered, not elevated', 'app-link-works', false],
    ['not registered', 'not-registered', true],
    ['claimed by another program', 'claimed', true],
    ['unavailable (development)', 'development', true],
    ['unavailable (unsupported OS)', 'not-registered', true],
    ['unknown (not checked)', 'unchecked', false],
  ] as const)('%s: the app link (reason %s, doubtful %s)', (name, reason, doubtful) => {
    const appLink = STATES.find(([n]) => n === name)![1];
    expect(chooseWayBack(APP_LINK_ONLY, appLink, null)).toEqual({
      providerId: 'netrex',
      route: 'app-link',
      reason,
      appLinkDoubtful: doubtful,
      registered: { appLink: true, loopback: false },
      loopbackPort: null,
      loopbackBusy: false,
      returnAddress: 'cz.netrex.connect:/oauth/callback/netrex',
      loopbackAddress: 'http://127.0.0.1:28813/oauth/callback/netrex',
      pasteHint: 'none-shown',
      holder: name === 'claimed by another program' ? 'Other App' : null,
    });
  });
});

describe('the route for a portal with both registered (the demo portal)', () => {
  it.each([
    ['registered', 'app-link', 'app-link-works'],
    ['registered, elevated', 'loopback', 'elevated'],
    ['registered, not elevated', 'app-link', 'app-link-works'],
    ['not registered', 'loopback', 'not-registered'],
    ['claimed by another program', 'loopback', 'claimed'],
    ['unavailable (development)', 'loopback', 'development'],
    ['unavailable (unsupported OS)', 'loopback', 'not-registered'],
    ['unknown (not checked)', 'app-link', 'unchecked'],
  ] as const)('%s: %s (%s)', (name, route, reason) => {
    const appLink = STATES.find(([n]) => n === name)![1];
    const way = chooseWayBack(BOTH, appLink, 'free');
    expect(way).toMatchObject({
      route,
      reason,
      appLinkDoubtful: false,
      registered: { appLink: true, loopback: true },
      loopbackPort: 28814,
      loopbackBusy: false,
    });
    expect(way.returnAddress).toBe(
      route === 'loopback'
        ? 'http://127.0.0.1:28814/oauth/callback/demo'
        : 'cz.netrex.connect:/oauth/callback/demo',
    );
    expect(way.pasteHint).toBe(route === 'loopback' ? 'address-bar' : 'none-shown');
  });

  it('in development with the loopback port held by another program: the app link, doubtful, and says the port is busy', () => {
    expect(chooseWayBack(BOTH, check('unavailable'), 'taken')).toMatchObject({
      route: 'app-link',
      reason: 'development',
      appLinkDoubtful: true,
      loopbackBusy: true,
    });
  });

  it('the port held by a sign-in of this app is no obstacle (the listener is shared)', () => {
    expect(chooseWayBack(BOTH, check('unavailable'), 'in-use-by-app')).toMatchObject({
      route: 'loopback',
      loopbackBusy: false,
    });
  });
});

describe('every combination', () => {
  const PORTALS = [APP_LINK_ONLY, BOTH, LOOPBACK_ONLY];
  const PORTS: ReadonlyArray<LoopbackPortState['state'] | null> = [
    null,
    'free',
    'in-use-by-app',
    'taken',
  ];

  it('holds the rules: loopback only where registered, doubt only without a usable loopback, hints follow the route', () => {
    let cases = 0;
    for (const portal of PORTALS) {
      for (const [name, appLink] of STATES) {
        for (const port of PORTS) {
          const way = chooseWayBack(portal, appLink, port);
          const label = `${portal.id} / ${name} / ${port}`;
          cases++;
          if (portal.redirectKind === 'loopback') {
            expect(way, label).toMatchObject({ route: 'loopback', reason: 'portal-uses-loopback' });
          }
          if (way.route === 'loopback') expect(way.registered.loopback, label).toBe(true);
          expect(way.pasteHint, label).toBe(
            way.route === 'loopback' ? 'address-bar' : 'none-shown',
          );
          expect(way.returnAddress, label).not.toContain('?');
          const works = appLinkDoubt(appLink) === null;
          if (way.appLinkDoubtful) {
            expect(way.route, label).toBe('app-link');
            expect(works, label).toBe(false);
            expect(!way.registered.loopback || port === 'taken', label).toBe(true);
          }
          if (works && portal.redirectKind === 'custom-scheme') {
            expect(way, label).toMatchObject({ route: 'app-link', appLinkDoubtful: false });
          }
        }
      }
    }
    expect(cases).toBe(PORTALS.length * STATES.length * PORTS.length);
  });
});

describe('the operator choosing the loopback address for one sign-in', () => {
  it('where the portal has it registered: the loopback route, reason "chosen"', () => {
    const way = chooseWayBack(BOTH, check('registered'), 'free');
    expect(way.route).toBe('app-link');
    expect(withLoopbackChosen(way)).toEqual({
      ...way,
      route: 'loopback',
      reason: 'chosen',
      returnAddress: 'http://127.0.0.1:28814/oauth/callback/demo',
      pasteHint: 'address-bar',
    });
  });

  it('already on it: unchanged; not registered at the portal: refused (null)', () => {
    const already = chooseWayBack(BOTH, check('unavailable'), 'free');
    expect(withLoopbackChosen(already)).toBe(already);
    expect(withLoopbackChosen(chooseWayBack(APP_LINK_ONLY, check('registered')))).toBeNull();
  });
});
