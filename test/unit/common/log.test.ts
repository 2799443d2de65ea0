import { describe, expect, it } from 'vitest';
import { formatLogLine, LOG_LEVELS, nullLog } from '../../../main/common/log';

describe('the log port', () => {
  it('formats an event with its fields in order, quoting values with spaces or quotes and leaving out undefined', () => {
    expect(formatLogLine('sign-in.started', { provider: 'demo', ms: 12, ok: true })).toBe(
      'sign-in.started provider=demo ms=12 ok=true',
    );
    expect(formatLogLine('x', { reason: 'two words', gone: undefined, none: null })).toBe(
      'x reason="two words" none=null',
    );
  });

  it('orders levels from the most severe and the null log accepts every level', () => {
    expect(LOG_LEVELS).toEqual(['error', 'warn', 'info', 'debug']);
    for (const level of LOG_LEVELS) expect(() => nullLog[level]('e', { a: 1 })).not.toThrow();
  });
});
