import { describe, expect, it } from 'vitest';
import {
  KEYRING_RELAUNCH_AFTER_MS,
  decideKeyringRelaunch,
  keyringRelaunchAfter,
  keyringRelaunchArgs,
  keyringRelaunchesSoFar,
  type KeyringRelaunchFacts,
} from '../../../main/desktop/keyring-relaunch';

const SINCE = Date.UTC(2026, 11, 3, 7, 58);
const facts = (patch: Partial<KeyringRelaunchFacts> = {}): KeyringRelaunchFacts => ({
  waiting: { since: SINCE, unsavedChanges: false },
  windowOpen: false,
  now: SINCE,
  relaunchesSoFar: 0,
  resumed: false,
  ...patch,
});

describe('decideKeyringRelaunch', () => {
  it('waits a minute after the first miss, then longer each run', () => {
    expect(decideKeyringRelaunch(facts())).toEqual({ kind: 'later', at: SINCE + 60_000 });
    expect(decideKeyringRelaunch(facts({ now: SINCE + 60_000 }))).toEqual({ kind: 'relaunch' });
    expect(decideKeyringRelaunch(facts({ relaunchesSoFar: 1, now: SINCE + 60_000 }))).toEqual({
      kind: 'later',
      at: SINCE + 5 * 60_000,
    });
    expect([0, 1, 2, 3, 4, 99].map(keyringRelaunchAfter)).toEqual([
      ...KEYRING_RELAUNCH_AFTER_MS,
      60 * 60_000,
      60 * 60_000,
    ]);
  });

  it('restarts at once when the computer wakes up', () => {
    expect(decideKeyringRelaunch(facts({ resumed: true, relaunchesSoFar: 9 }))).toEqual({
      kind: 'relaunch',
    });
  });

  it('never while the window is open, nor with sign-ins only in memory, nor when nothing waits', () => {
    const late = SINCE + 24 * 60 * 60_000;
    expect(decideKeyringRelaunch(facts({ now: late, windowOpen: true, resumed: true }))).toEqual({
      kind: 'not-now',
      why: 'window-open',
    });
    expect(
      decideKeyringRelaunch(
        facts({ now: late, resumed: true, waiting: { since: SINCE, unsavedChanges: true } }),
      ),
    ).toEqual({ kind: 'not-now', why: 'unsaved-sign-ins' });
    expect(decideKeyringRelaunch(facts({ now: late, waiting: null, resumed: true }))).toEqual({
      kind: 'not-now',
      why: 'not-waiting',
    });
  });
});

describe('the count across runs', () => {
  it('is read from the command line, and nothing else passes for it', () => {
    expect(keyringRelaunchesSoFar(['/app', '--keyring-relaunch=3'])).toBe(3);
    expect(keyringRelaunchesSoFar(['/app'])).toBe(0);
    expect(keyringRelaunchesSoFar(['--keyring-relaunch=x', '--keyring-relaunch=12345'])).toBe(0);
  });

  it("the next run gets this run's arguments with the count raised and starts in the tray", () => {
    expect(
      keyringRelaunchArgs(
        ['/opt/app', '--keyring-relaunch=1', '--start-in-tray', '--flag'],
        1,
        '--start-in-tray',
      ),
    ).toEqual(['/opt/app', '--flag', '--keyring-relaunch=2', '--start-in-tray']);
    expect(keyringRelaunchArgs([], 0, '--start-in-tray')).toEqual([
      '--keyring-relaunch=1',
      '--start-in-tray',
    ]);
  });
});
