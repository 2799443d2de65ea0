// The way back as the report tells it: each app-link state, running as
// administrator, each loopback port and each portal's route, in both languages.
import { describe, expect, it } from 'vitest';
import type { AppLinkCheck, PortalWayBack, WayBackStatus } from '../../../main/common/way-back';
import { wayBackFindings } from '../../../main/support/diagnosis/way-back-findings';

const link = (over: Partial<AppLinkCheck> = {}): AppLinkCheck => ({
  scheme: 'cz.netrex.connect',
  status: 'registered',
  launch: 'installed',
  holder: null,
  repaired: false,
  elevated: null,
  detail: null,
  checkedAt: 1,
  ...over,
});
const portal = (over: Partial<PortalWayBack> = {}): PortalWayBack => ({
  providerId: 'demo',
  route: 'app-link',
  reason: 'app-link-works',
  appLinkDoubtful: false,
  registered: { appLink: true, loopback: true },
  loopbackPort: 53682,
  loopbackBusy: false,
  returnAddress: 'cz.netrex.connect:/oauth/callback/demo',
  loopbackAddress: 'http://127.0.0.1:53682/oauth/callback/demo',
  pasteHint: 'none-shown',
  holder: null,
  ...over,
});
const status = (over: Partial<WayBackStatus> = {}): WayBackStatus => ({
  appLink: link(),
  loopbackPorts: [],
  portals: [],
  ...over,
});

describe('wayBackFindings', () => {
  it('passes a registered app link, and says when this check registered it again', () => {
    const [registered] = wayBackFindings(status(), 'en');
    expect(registered).toMatchObject({
      id: 'app-link',
      status: 'ok',
      title: 'App link (cz.netrex.connect:)',
    });
    expect(registered!.code).toBeUndefined();
    const [repaired] = wayBackFindings(status({ appLink: link({ repaired: true }) }), 'en');
    expect(repaired!.detail).toContain('registered them again');
  });

  it.each([
    ['not-registered', 'fail', 'not_registered'],
    ['claimed', 'fail', 'claimed'],
    ['unavailable', 'info', 'unavailable'],
    ['unknown', 'skip', 'unknown'],
  ] as const)('reports an app link that is %s as %s', (state, expected, code) => {
    const [finding] = wayBackFindings(
      status({ appLink: link({ status: state, holder: 'other.desktop' }) }),
      'en',
    );
    expect(finding).toMatchObject({ status: expected, code });
    if (state === 'claimed') expect(finding!.detail).toContain('(other.desktop)');
  });

  it('warns when this copy runs as administrator, and says nothing of it where it cannot be told', () => {
    const elevated = wayBackFindings(status({ appLink: link({ elevated: true }) }), 'en');
    expect(elevated.find((f) => f.id === 'elevated')).toMatchObject({
      status: 'warn',
      code: 'elevated',
    });
    const normal = wayBackFindings(status({ appLink: link({ elevated: false }) }), 'en');
    expect(normal.find((f) => f.id === 'elevated')?.status).toBe('ok');
    expect(wayBackFindings(status(), 'en').some((f) => f.id === 'elevated')).toBe(false);
  });

  it('fails a loopback port another program holds, and passes one that is free or ours', () => {
    const found = wayBackFindings(
      status({
        loopbackPorts: [
          { port: 53682, state: 'taken' },
          { port: 53683, state: 'free' },
          { port: 53684, state: 'in-use-by-app' },
        ],
      }),
      'en',
    );
    expect(
      found.filter((f) => f.id.startsWith('loopback-port.')).map((f) => [f.id, f.status, f.code]),
    ).toEqual([
      ['loopback-port.53682', 'fail', 'port_taken'],
      ['loopback-port.53683', 'ok', undefined],
      ['loopback-port.53684', 'ok', undefined],
    ]);
  });

  it("tells each portal's route, and warns when the app link is doubtful or the loopback port is busy", () => {
    const found = wayBackFindings(
      status({
        portals: [
          portal(),
          portal({ providerId: 'netrex', appLinkDoubtful: true, reason: 'development' }),
          portal({ providerId: 'cloud', loopbackBusy: true }),
          portal({
            providerId: 'lab',
            route: 'loopback',
            returnAddress: 'http://127.0.0.1:53682/oauth/callback/lab',
          }),
        ],
      }),
      'en',
    );
    const byId = (id: string) => found.find((f) => f.id === `portal.${id}`)!;
    expect(byId('demo')).toMatchObject({ status: 'ok', facts: { route: 'app-link' } });
    expect(byId('netrex')).toMatchObject({ status: 'warn', code: 'app_link_doubtful' });
    expect(byId('netrex').detail).toContain('paste the address');
    expect(byId('cloud')).toMatchObject({ status: 'warn', code: 'loopback_busy' });
    expect(byId('lab').detail).toBe(
      'Back to the app by the loopback address http://127.0.0.1:53682/oauth/callback/lab.',
    );
  });

  it('writes the same findings in Czech, with the same ids and states', () => {
    const all = status({
      appLink: link({ status: 'claimed', elevated: true }),
      loopbackPorts: [{ port: 53682, state: 'taken' }],
      portals: [portal({ appLinkDoubtful: true })],
    });
    const en = wayBackFindings(all, 'en');
    const cs = wayBackFindings(all, 'cs');
    expect(cs.map((f) => [f.id, f.status, f.code])).toEqual(
      en.map((f) => [f.id, f.status, f.code]),
    );
    expect(cs[0]!.title).toBe('Odkaz aplikace (cz.netrex.connect:)');
    for (let i = 0; i < en.length; i += 1) expect(cs[i]!.detail).not.toBe(en[i]!.detail);
  });
});
