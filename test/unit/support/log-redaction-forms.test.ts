// The known secrets' forms are made once for the same secrets, and anew as
// soon as they change: a line is written far more often than a sign-in or a
// refresh changes what the app holds, and with 100 accounts (200 tokens)
// making every form for every line cost about 1 ms a line (bench, issue 15).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor, REDACTED } from '../../../main/support/log-redaction';

afterEach(() => vi.restoreAllMocks());

const ACCESS = 'access-0123456789abcdefghij';
const REFRESH = 'refresh-9876543210zyxwvuts';

describe("the redactor's known secrets", () => {
  it('makes their forms once while they stay the same', () => {
    const encode = vi.spyOn(globalThis, 'encodeURIComponent');
    const redactor = createRedactor({ knownSecrets: () => [ACCESS, REFRESH] });
    for (let i = 0; i < 10; i++) redactor.line('sign-in.stored', { note: `line ${i}` });
    expect(encode).toHaveBeenCalledTimes(2); // one URL-encoded form per secret, once
  });

  it('removes a secret learnt after the first line, and stops looking for one let go', () => {
    const held = [ACCESS];
    const redactor = createRedactor({ knownSecrets: () => held });
    expect(redactor.text(`a ${ACCESS}`)).toBe(`a ${REDACTED}`);
    held.push(REFRESH);
    const base64 = Buffer.from(REFRESH).toString('base64');
    expect(redactor.text(`b ${REFRESH} ${base64}`)).toBe(`b ${REDACTED} ${REDACTED}`);
    expect(redactor.knownOnly(`c ${encodeURIComponent(REFRESH)}`)).toBe(`c ${REDACTED}`);
    held.splice(0, 1, 'replaced-secret-000000000');
    expect(redactor.line('x.y', { note: 'is replaced-secret-000000000' }).fields.note).toBe(
      `is ${REDACTED}`,
    );
    held.length = 0;
    // Nothing known any more: a short word that was part of no rule stays.
    expect(redactor.text('plain words')).toBe('plain words');
  });

  it('reads the secrets anew for every line, and a source that throws gives none', () => {
    let reads = 0;
    const redactor = createRedactor({
      knownSecrets: () => {
        reads++;
        if (reads === 2) throw new Error('vault closed');
        return [ACCESS];
      },
    });
    expect(redactor.text(`d ${ACCESS}`)).toBe(`d ${REDACTED}`);
    expect(redactor.text('no secret here')).toBe('no secret here');
    expect(redactor.text(`e ${ACCESS}`)).toBe(`e ${REDACTED}`);
    expect(reads).toBe(3);
  });
});
