import { describe, expect, it } from 'vitest';
import type { AccountSnapshot, AccountState, ProviderView } from '../../../main/ipc/contract';
import { EDGE_WORDS } from '../../../main/desktop/edge-words';
import { MAX_TRAY_LABEL, trayMenuModel, trayTooltip } from '../../../main/desktop/tray-menu';
import { trayIconBitmap, trayStatus } from '../../../main/desktop/tray-icon';

const account = (id: string, state: AccountState, extra: Partial<AccountSnapshot> = {}) =>
  ({
    id,
    providerId: 'netrex',
    providerName: 'Netrex',
    label: `Account ${id}`,
    method: 'oauth',
    state,
    ...extra,
  }) as AccountSnapshot;
const provider = (id: string, ready: boolean) =>
  ({ id, name: `Portal ${id}`, ready }) as ProviderView;
const { en, cs } = EDGE_WORDS;

describe('tray menu', () => {
  it('lists each account with its state, then Open, Sign in per ready portal, and Quit', () => {
    const model = trayMenuModel(
      [account('1', 'connected'), account('2', 'offline')],
      [provider('netrex', true), provider('cloud', false), provider('demo', true)],
      en,
    );
    expect(model).toEqual([
      { kind: 'label', label: 'Account 1 — connected' },
      { kind: 'label', label: 'Account 2 — portal unreachable' },
      { kind: 'separator' },
      { kind: 'action', label: 'Open Netrex Connect', action: { kind: 'open' } },
      {
        kind: 'submenu',
        label: 'Sign in',
        items: [
          {
            kind: 'action',
            label: 'Portal netrex',
            action: { kind: 'sign-in', providerId: 'netrex' },
          },
          { kind: 'action', label: 'Portal demo', action: { kind: 'sign-in', providerId: 'demo' } },
        ],
      },
      { kind: 'separator' },
      { kind: 'action', label: 'Quit', action: { kind: 'quit' } },
    ]);
  });

  it('offers "Sign in again" under an expired OAuth account, not under a pasted token', () => {
    const model = trayMenuModel(
      [account('1', 'expired'), account('2', 'expired', { method: 'api-token' })],
      [],
      en,
    );
    expect(model.slice(0, 3)).toEqual([
      { kind: 'label', label: 'Account 1 — sign-in expired' },
      {
        kind: 'action',
        label: 'Sign in again to Netrex',
        action: { kind: 'sign-in', providerId: 'netrex' },
      },
      { kind: 'label', label: 'Account 2 — sign-in expired' },
    ]);
  });

  it('says when nothing is signed in, and sends "Sign in…" to the window when no portal is ready', () => {
    const model = trayMenuModel([], [provider('netrex', false)], en);
    expect(model[0]).toEqual({ kind: 'label', label: 'No portal signed in' });
    expect(model).toContainEqual({ kind: 'action', label: 'Sign in…', action: { kind: 'open' } });
  });

  it('cuts long labels', () => {
    const [line] = trayMenuModel([account('1', 'connected', { label: 'x'.repeat(200) })], [], en);
    expect(line?.kind === 'label' && line.label.length).toBe(MAX_TRAY_LABEL);
    expect(line?.kind === 'label' && line.label.endsWith('…')).toBe(true);
  });

  it('sums up in the tooltip', () => {
    expect(trayTooltip([], en)).toBe('Netrex Connect — no portal signed in');
    expect(trayTooltip([account('1', 'connected'), account('2', 'offline')], en)).toBe(
      'Netrex Connect — 1 of 2 connected',
    );
  });

  it('speaks Czech when given the Czech words', () => {
    const model = trayMenuModel(
      [account('1', 'connected'), account('2', 'expired')],
      [provider('netrex', true)],
      cs,
    );
    expect(model).toEqual([
      { kind: 'label', label: 'Account 1 – připojeno' },
      { kind: 'label', label: 'Account 2 – přihlášení vypršelo' },
      {
        kind: 'action',
        label: 'Znovu se přihlásit k portálu Netrex',
        action: { kind: 'sign-in', providerId: 'netrex' },
      },
      { kind: 'separator' },
      { kind: 'action', label: 'Otevřít Netrex Connect', action: { kind: 'open' } },
      {
        kind: 'submenu',
        label: 'Přihlásit se',
        items: [
          {
            kind: 'action',
            label: 'Portal netrex',
            action: { kind: 'sign-in', providerId: 'netrex' },
          },
        ],
      },
      { kind: 'separator' },
      { kind: 'action', label: 'Ukončit', action: { kind: 'quit' } },
    ]);
    expect(trayMenuModel([], [], cs)[0]).toEqual({
      kind: 'label',
      label: 'Není přihlášen žádný portál',
    });
    expect(trayTooltip([account('1', 'connected'), account('2', 'offline')], cs)).toBe(
      'Netrex Connect – připojeno 1 z 2',
    );
  });
});

describe('tray icon', () => {
  it('summarises the accounts in one status', () => {
    expect(trayStatus([])).toBe('none');
    expect(trayStatus([account('1', 'connected')])).toBe('ok');
    expect(trayStatus([account('1', 'connected'), account('2', 'offline')])).toBe('attention');
    expect(trayStatus([account('1', 'offline'), account('2', 'expired')])).toBe('problem');
  });

  it('draws a premultiplied BGRA bitmap: transparent corners, status colour in the centre', () => {
    const size = 32;
    const pixel = (bitmap: Buffer, x: number, y: number) => [
      ...bitmap.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
    ];
    const ok = trayIconBitmap(size, 'ok');
    const problem = trayIconBitmap(size, 'problem');
    expect(ok.length).toBe(size * size * 4);
    expect(pixel(ok, 0, 0)).toEqual([0, 0, 0, 0]);
    // Centre: opaque, green for ok (B,G,R,A), red for a problem.
    expect(pixel(ok, 16, 16)).toEqual([0x4a, 0x9e, 0x1e, 255]);
    expect(pixel(problem, 16, 16)).toEqual([0x30, 0x30, 0xd0, 255]);
    // Premultiplied: no channel ever exceeds alpha.
    for (let i = 0; i < ok.length; i += 4) {
      const alpha = ok[i + 3] as number;
      expect(
        Math.max(ok[i] as number, ok[i + 1] as number, ok[i + 2] as number),
      ).toBeLessThanOrEqual(alpha);
    }
    expect(() => trayIconBitmap(7, 'ok')).toThrow(RangeError);
  });
});

describe('tray while the saved sign-ins wait for the keyring', () => {
  it('says so first, in English and Czech, and in the tooltip', () => {
    for (const words of [en, cs]) {
      const model = trayMenuModel([], [], words, { waitingForKeyring: true });
      expect(model.slice(0, 2)).toEqual([
        { kind: 'label', label: words.tray.waitingForKeyring },
        { kind: 'separator' },
      ]);
      expect(trayTooltip([], words, { waitingForKeyring: true })).toBe(
        words.tray.tooltipWaitingForKeyring,
      );
    }
    expect(en.tray.waitingForKeyring).toMatch(/keyring/);
    expect(cs.tray.waitingForKeyring).toMatch(/klíčenk/);
  });

  it('says nothing of it otherwise', () => {
    expect(trayMenuModel([], [], en)[0]).toEqual({ kind: 'label', label: en.tray.noAccounts });
    expect(trayTooltip([], en)).toBe(en.tray.tooltipNoAccounts);
  });
});
