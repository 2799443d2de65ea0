import { describe, expect, it } from 'vitest';
import { checkPortalUrl } from '../../../renderer/src/format/portal-url';
import { formatCountdown, formatRelative, secondsUntil } from '../../../renderer/src/format/time';
import { PORTAL_URL_CASES } from '../../support/portal-url-cases';

describe('checkPortalUrl', () => {
  it.each(PORTAL_URL_CASES)('answers as main does for $input', (c) => {
    expect(checkPortalUrl(c.input)).toEqual(
      'accepted' in c ? { ok: true, url: c.accepted } : { ok: false, problem: c.refused },
    );
  });

  // The window's own leniency: a bare host name is read as https.
  it.each([['portal.example.com', 'https://portal.example.com']])(
    'accepts %s as %s',
    (input, url) => {
      expect(checkPortalUrl(input)).toEqual({ ok: true, url });
    },
  );

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript://alert(1)', 'not-https'],
    ['https://por tal.example.com', 'not-a-url'],
  ])('refuses %j: %s', (input, problem) => {
    expect(checkPortalUrl(input)).toEqual({ ok: false, problem });
  });
});

describe('time formats', () => {
  it('counts down in minutes and seconds, rounding up, never negative', () => {
    expect(formatCountdown(300_000)).toBe('5:00');
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(299_000)).toBe('4:59');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });

  it('says relative times in the language asked for', () => {
    expect(formatRelative(2 * 3_600_000, 'en')).toBe('in 2 hours');
    expect(formatRelative(-2 * 60_000, 'en')).toBe('2 minutes ago');
    expect(formatRelative(-3 * 86_400_000, 'cs')).toBe('před 3 dny');
    expect(formatRelative(5 * 60_000, 'cs')).toBe('za 5 minut');
    // One formatter is kept per language: switching back must not reuse the other's.
    expect(formatRelative(5 * 60_000, 'en')).toBe('in 5 minutes');
    expect(formatRelative(-1_000, 'cs')).toBe('před 1 sekundou');
  });

  it('counts whole seconds to a retry', () => {
    expect(secondsUntil(25_000, 0)).toBe(25);
    expect(secondsUntil(24_001, 0)).toBe(25);
    expect(secondsUntil(0, 1000)).toBe(0);
  });
});
