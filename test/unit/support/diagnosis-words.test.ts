// The report's own words (main/support/diagnosis/words-*.ts) where a count
// changes the sentence: the summary and the log section's title read right
// for one, a few and many, in English and Czech.
import { describe, expect, it } from 'vitest';
import { csWords } from '../../../main/support/diagnosis/words-cs';
import { enWords } from '../../../main/support/diagnosis/words-en';

describe('the diagnosis report words', () => {
  it('the English summary says "1 warning", never "1 warnings"', () => {
    expect(enWords.summary({ ok: 12, fail: 10, warn: 1, skip: 4 })).toBe(
      'Passed: 12, failed: 10, warnings: 1, skipped: 4 (not counted as passed).',
    );
  });

  it('the log section is titled for the lines it holds (none, one, a few, many)', () => {
    expect([0, 1, 3, 200].map((n) => enWords.sections.log(n))).toEqual([
      'Log',
      'The last log line',
      'Last 3 log lines',
      'Last 200 log lines',
    ]);
    expect([0, 1, 3, 200].map((n) => csWords.sections.log(n))).toEqual([
      'Záznam',
      'Poslední řádek záznamu',
      'Poslední 3 řádky záznamu',
      'Posledních 200 řádků záznamu',
    ]);
  });

  it("names an account's last error as the code it is (the card says it in words)", () => {
    const facts = {
      state: 'offline',
      lastSuccessAt: null,
      error: 'network',
      nextRefreshAt: null,
      nextRetryAt: null,
      persisted: true,
    } as const;
    expect(enWords.accounts.detail(facts)).toContain('Last error code: network.');
    expect(csWords.accounts.detail(facts)).toContain('Kód poslední chyby: network.');
  });
});
