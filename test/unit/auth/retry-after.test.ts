// Retry-After (RFC 9110 §10.2.3) read strictly: delta-seconds or one of the
// three HTTP-date forms (§5.6.7), anything else ignored; only on 503 and 429.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter, retryAfterOf } from '../../../main/auth/retry-after';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0); // Fri, 27 Nov 2026 12:00:00 GMT

describe('parseHttpDate', () => {
  it('reads the three forms of §5.6.7 as the same moment', () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(at);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(at);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(at);
  });

  it('reads a two-digit year more than 50 years ahead as the past century', () => {
    expect(parseHttpDate('Friday, 27-Nov-26 12:00:00 GMT', NOW)).toBe(NOW);
    expect(parseHttpDate('Wednesday, 01-Jan-76 00:00:00 GMT', NOW)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Thursday, 01-Jan-77 00:00:00 GMT', NOW)).toBe(Date.UTC(1977, 0, 1));
  });

  it.each([
    'Sun, 31 Feb 2026 08:49:37 GMT', // no such day
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:60:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 UTC', // the zone is literally GMT
    'Sun, 6 Nov 1994 08:49:37 GMT', // IMF-fixdate has two-digit days
    'sun, 06 nov 1994 08:49:37 gmt', // names are case-sensitive
    'Sun, 06 Nov 1994 08:49:37 GMT extra',
    '1994-11-06T08:49:37Z', // what Date.parse would happily take
    '2026',
    '',
  ])('refuses %j', (text) => {
    expect(parseHttpDate(text, NOW)).toBeUndefined();
  });

  it("reads back every date JavaScript's toUTCString writes (IMF-fixdate), to the second", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        const seconds = ms - (ms % 1000);
        expect(parseHttpDate(new Date(ms).toUTCString(), NOW)).toBe(seconds);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  it('delta-seconds, in milliseconds', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('an HTTP-date, measured from now; one in the past means now', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:02:00 GMT', NOW)).toBe(120_000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(0);
  });

  it('an absurdly long wait stays a finite number (the caller caps it)', () => {
    const huge = parseRetryAfter('9'.repeat(400), NOW);
    expect(Number.isSafeInteger(huge)).toBe(true);
  });

  it.each([null, undefined, '', '-5', '1.5', '30s', '0x10', '+30', '30, 40', 'soon', 'Infinity'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    },
  );

  it('never throws, and answers nothing or a non-negative whole number of ms', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const ms = parseRetryAfter(text, NOW);
        if (ms !== undefined) expect(Number.isSafeInteger(ms) && ms >= 0).toBe(true);
      }),
    );
  });
});

describe('retryAfterOf', () => {
  const answer = (status: number, headers: Record<string, string>) =>
    new Response(null, { status, headers });

  it('reads 503 and 429 answers only', () => {
    expect(retryAfterOf(answer(503, { 'retry-after': '30' }), NOW)).toBe(30_000);
    expect(retryAfterOf(answer(429, { 'retry-after': '5' }), NOW)).toBe(5_000);
    for (const status of [200, 301, 500, 502])
      expect(retryAfterOf(answer(status, { 'retry-after': '30' }), NOW)).toBeUndefined();
    expect(retryAfterOf(answer(503, {}), NOW)).toBeUndefined();
  });

  it("measures a date against the answer's own Date header: a skewed local clock changes nothing", () => {
    const headers = {
      date: 'Fri, 27 Nov 2026 12:00:00 GMT',
      'retry-after': 'Fri, 27 Nov 2026 12:01:00 GMT',
    };
    expect(retryAfterOf(answer(503, headers), NOW)).toBe(60_000);
    expect(retryAfterOf(answer(503, headers), NOW + 3_600_000)).toBe(60_000);
    // Without a (valid) Date header, the local clock is all there is.
    const undated = { 'retry-after': headers['retry-after'] };
    expect(retryAfterOf(answer(503, undated), NOW + 30_000)).toBe(30_000);
    expect(retryAfterOf(answer(503, { ...headers, date: 'yesterday' }), NOW + 30_000)).toBe(30_000);
  });
});
