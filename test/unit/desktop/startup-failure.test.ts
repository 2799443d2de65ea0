// The start-up error box says what kind of failure it was and what to do,
// never the error's own text (a path, a URL, a token).
import { describe, expect, it } from 'vitest';
import { EDGE_WORDS } from '../../../main/desktop/edge-words';
import { startupFailureMessage } from '../../../main/desktop/startup-failure';
import { read } from '../../support/static-checks';

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
    const message = startupFailureMessage(error, EDGE_WORDS.en);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/SECRET|\/home\/op|https:/);
    expect(startupFailureMessage(error, EDGE_WORDS.cs)).not.toMatch(/SECRET|\/home\/op|https:/);
  });

  it('speaks Czech, with the same code', () => {
    expect(startupFailureMessage(leaky('EACCES: permission denied', 'EACCES'), EDGE_WORDS.cs)).toBe(
      'Netrex Connect nemůže používat svou složku s daty (EACCES). Zkontrolujte, že váš uživatelský účet smí číst složku s daty aplikace a zapisovat do ní, a spusťte aplikaci znovu.',
    );
    expect(startupFailureMessage(new RangeError('x'), EDGE_WORDS.cs)).toMatch(
      /vnitřní chybě \(RangeError\)/,
    );
  });

  it('is what the app shell shows, not the error message', () => {
    const shell = read('main/electron/app-shell.ts');
    expect(shell).toMatch(
      /showErrorBox\(said\.startup\.title, startupFailureMessage\(error, said\)\)/,
    );
    expect(shell).not.toMatch(/(?<!\.)\berror\.message/);
  });
});
