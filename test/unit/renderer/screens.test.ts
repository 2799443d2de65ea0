import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../main/ipc/contract';
import { entryScreen, homeScreen } from '../../../renderer/src/store/screens';

const portal = (id: string, ready: boolean) => ({ id, ready }) as ProviderView;
const NETREX = portal('netrex', true);
const CAMSTREAMER = portal('camstreamer-cloud', false);
const ACME = portal('acme', true);

describe('the way in', () => {
  it('skips the choice when exactly one portal is ready and no account uses it', () => {
    // The shipped app always lists both built-ins; IT configured one of them.
    expect(entryScreen([NETREX, CAMSTREAMER])).toEqual({ name: 'sign-in', providerId: 'netrex' });
    expect(entryScreen([portal('netrex', false), CAMSTREAMER, ACME])).toEqual({
      name: 'sign-in',
      providerId: 'acme',
    });
  });

  it('skips it when there is only one portal at all, ready or not', () => {
    expect(entryScreen([CAMSTREAMER])).toEqual({
      name: 'sign-in',
      providerId: 'camstreamer-cloud',
    });
  });

  it('offers the choice when several are ready, none is, or the one ready has an account', () => {
    expect(entryScreen([NETREX, ACME])).toEqual({ name: 'choose-portal' });
    expect(entryScreen([portal('netrex', false), CAMSTREAMER])).toEqual({
      name: 'choose-portal',
    });
    expect(entryScreen([NETREX, CAMSTREAMER], [{ providerId: 'netrex' }])).toEqual({
      name: 'choose-portal',
    });
    expect(entryScreen([])).toEqual({ name: 'choose-portal' });
  });

  it("opens on IT's default portal while no account uses it, else as without one", () => {
    const policy = { defaultProviderId: 'acme' };
    expect(entryScreen([NETREX, ACME], [], policy)).toEqual({
      name: 'sign-in',
      providerId: 'acme',
    });
    // Not ready yet: its sign-in screen says what is missing.
    expect(entryScreen([NETREX, portal('acme', false)], [], policy)).toEqual({
      name: 'sign-in',
      providerId: 'acme',
    });
    expect(entryScreen([NETREX, ACME], [{ providerId: 'acme' }], policy)).toEqual({
      name: 'choose-portal',
    });
    expect(entryScreen([NETREX, CAMSTREAMER], [], { defaultProviderId: 'gone' })).toEqual({
      name: 'sign-in',
      providerId: 'netrex',
    });
    expect(homeScreen([], [NETREX, ACME], policy)).toEqual({ name: 'sign-in', providerId: 'acme' });
  });

  it('home is the connections once there is an account', () => {
    expect(homeScreen([{ providerId: 'netrex' }], [NETREX, CAMSTREAMER])).toEqual({
      name: 'connections',
    });
    expect(homeScreen([], [NETREX, CAMSTREAMER])).toEqual({
      name: 'sign-in',
      providerId: 'netrex',
    });
  });
});
