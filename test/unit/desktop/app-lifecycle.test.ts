import { describe, expect, it } from 'vitest';
import { lifecycleActions, type LifecycleFacts } from '../../../main/desktop/app-lifecycle';

const on = (platform: NodeJS.Platform, stillRunningTold = false): LifecycleFacts => ({
  platform,
  stillRunningTold,
});

describe('the tray-resident lifecycle', () => {
  it.each(['win32', 'linux'] as const)(
    '%s: closing the last window keeps the app running and says so the first time only',
    (platform) => {
      expect(lifecycleActions({ kind: 'all-windows-closed' }, on(platform))).toEqual([
        'tell-still-running',
      ]);
      expect(lifecycleActions({ kind: 'all-windows-closed' }, on(platform, true))).toEqual([]);
    },
  );

  it('macOS: closing the last window keeps the app in the Dock, silently; the Dock icon opens it', () => {
    expect(lifecycleActions({ kind: 'all-windows-closed' }, on('darwin'))).toEqual([]);
    expect(lifecycleActions({ kind: 'activate' }, on('darwin'))).toEqual(['show-window']);
  });

  it('never quits on a closed window, on any platform; only Quit quits', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const told of [false, true]) {
        expect(lifecycleActions({ kind: 'all-windows-closed' }, on(platform, told))).not.toContain(
          'quit',
        );
        expect(lifecycleActions({ kind: 'quit-chosen' }, on(platform, told))).toEqual(['quit']);
      }
    }
  });

  it('started at login: the tray only, unless something asked for the window', () => {
    const ready = (startedAtLogin: boolean, windowRequested: boolean) =>
      lifecycleActions({ kind: 'ready', startedAtLogin, windowRequested }, on('linux'));
    expect(ready(true, false)).toEqual([]);
    expect(ready(true, true)).toEqual(['show-window']);
    expect(ready(false, false)).toEqual(['show-window']);
  });
});
