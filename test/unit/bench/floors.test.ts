// The pure pieces of the floors: the turn order of the connect rounds, the
// static copy of the window's final document, and the diagnosis target.
import { describe, expect, it } from 'vitest';
import { rotation } from '../../../bench/connect';
import { diagnosisMet, timeReports } from '../../../bench/diagnosis';
import { staticCopyOf } from '../../../bench/renderer-startup';
import { summarise } from '../../../bench/stats';

describe('the connect rounds', () => {
  it('give each client the first turn in turn, each once per round', () => {
    const rounds = [0, 1, 2, 3].map((i) => rotation(['ours', 'floor', 'bare'], i));
    expect(rounds).toEqual([
      ['ours', 'floor', 'bare'],
      ['floor', 'bare', 'ours'],
      ['bare', 'ours', 'floor'],
      ['ours', 'floor', 'bare'],
    ]);
  });
});

describe("the window floor's page", () => {
  const page =
    '<html lang="en"><head><meta charset="utf-8">' +
    '<script type="module" crossorigin src="/assets/index-abc.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/assets/vendor-def.js">' +
    '<link rel="stylesheet" crossorigin href="/assets/index-123.css"></head>' +
    '<body><div id="root"><ul class="account-list"><li><article class="account">A</article></li></ul></div>' +
    '<SCRIPT>window.x = 1</SCRIPT></body></html>';

  it('keeps the markup and the stylesheet and drops every script and module preload', () => {
    const copy = staticCopyOf(page);
    expect(copy).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
        '<link rel="stylesheet" crossorigin href="/assets/index-123.css"></head>' +
        '<body><div id="root"><ul class="account-list"><li><article class="account">A</article></li></ul></div>' +
        '</body></html>',
    );
  });

  it('refuses a page whose script it could not take out', () => {
    expect(() => staticCopyOf('<html><script src="/a.js">')).toThrow(
      'The static copy still holds a script.',
    );
  });
});

describe('the diagnosis target', () => {
  const figures = (ms: number[], deadlineMs: number) => ({
    reportMs: summarise(ms),
    ratio: summarise(ms.map((x) => x / deadlineMs)),
    deadlineMs,
    runs: ms.length,
    warmupRuns: 0,
  });

  it('is the deadline plus 10 %', () => {
    expect(diagnosisMet(figures([2000, 2200, 2100], 2000))).toBe(true);
    expect(diagnosisMet(figures([2300, 2250, 2000], 2000))).toBe(false);
  });

  it('times each report after the warm-up ones and refuses a deadline of nothing', async () => {
    let calls = 0;
    const timed = await timeReports(async () => void calls++, 1000, { runs: 3, warmupRuns: 2 });
    expect(calls).toBe(5);
    expect(timed.reportMs.n).toBe(3);
    await expect(timeReports(async () => undefined, 0, { runs: 1, warmupRuns: 0 })).rejects.toThrow(
      'A deadline is a positive number of ms, not 0.',
    );
  });
});
