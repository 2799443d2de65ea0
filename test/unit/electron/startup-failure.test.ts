// The start-up error box says what kind of failure it was and what to do,
// never the error's own text (a path, a URL, a token).
import { describe, expect, it } from 'vitest';
import { startupFailureMessage } from '../../../main/electron/startup-failure';
import { read } from './static-checks';

const leaky = (message: string, code?: string) =>
  Object.assign(new Error(message), code ? { code } : {});

describe('startup failure message', () => {
  it.each([
    [
      leaky("EACCES: permission denied, open '/home/op/.config/x/vault.json'", 'EACCES'),
      /data folder \(EACCES\)/,
    ],
    [leaky('ENOSPC: no space left on device, write', 'ENOSPC'), /disk is full \(ENOSPC\)/],
    [
      new TypeError('Cannot read properties of undefined (token=nxs_at_SECRET)'),
      /internal error \(TypeError\)/,
    ],
    ['a string thrown with https://portal/?client_secret=SECRET', /internal error \(unknown\)/],
  ])('%s', (error, expected) => {
    const message = startupFailureMessage(error);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/SECRET|\/home\/op|https:/);
  });

  it('is what the app shell shows, not the error message', () => {
    const shell = read('main/electron/app-shell.ts');
    expect(shell).toMatch(
      /showErrorBox\('Netrex Connect could not start', startupFailureMessage\(error\)\)/,
    );
    expect(shell).not.toMatch(/(?<!\.)\berror\.message/);
  });
});
