import { describe, expect, it } from 'vitest';
import {
  KEYRING_RELAUNCH_AFTER_MS,
  decideKeyringRelaunch,
  keyringRelaunchAfter,
  keyringRelaunchArgs,
  keyringRelaunchOptions,
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

  it('never hands the next run the sign-in link or the --diagnose this run was started with', () => {
    // app.relaunch({ args }) starts the new run with exactly these arguments
    // (docs/api/app.md, app.relaunch; shell/browser/relauncher.cc): a
    // callback URL kept here would be handled a second time, its code already
    // spent, and --diagnose would make the quiet restart write a report and exit.
    expect(
      keyringRelaunchArgs(
        [
          '/opt/app',
          'cz.netrex.connect://callback/demo?code=spent&state=s',
          'CZ.Netrex.Connect:/x',
          '--diagnose',
          '--flag',
        ],
        0,
        '--start-in-tray',
      ),
    ).toEqual(['/opt/app', '--flag', '--keyring-relaunch=1', '--start-in-tray']);
  });

  it('an AppImage restarts from its own file, not from the mount that goes away with this run', () => {
    // Without execPath Electron relaunches FILE_EXE (App::Relaunch,
    // shell/browser/api/electron_api_app.cc): inside an AppImage that is
    // /tmp/.mount_…/netrex-connect, unmounted when this run exits.
    const appImage = {
      argv: ['/tmp/.mount_NetrexX/netrex-connect', '--flag'],
      platform: 'linux' as const,
      isPackaged: true,
      execPath: '/tmp/.mount_NetrexX/netrex-connect',
      appPath: '/tmp/.mount_NetrexX/resources/app.asar',
      env: { APPIMAGE: '/home/op/Apps/Netrex-Connect.AppImage' },
    };
    expect(keyringRelaunchOptions(appImage, 0, '--start-in-tray')).toEqual({
      execPath: '/home/op/Apps/Netrex-Connect.AppImage',
      args: ['--flag', '--keyring-relaunch=1', '--start-in-tray'],
    });
    // A deb (or development) run: Electron's own executable, as before.
    expect(
      keyringRelaunchOptions(
        { ...appImage, argv: ['/opt/Netrex Connect/netrex-connect'], execPath: '/opt/x', env: {} },
        1,
        '--start-in-tray',
      ),
    ).toEqual({ args: ['--keyring-relaunch=2', '--start-in-tray'] });
  });
});
