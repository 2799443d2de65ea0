import { describe, expect, it } from 'vitest';
import { pastedAddressSummary } from '../../../renderer/src/format/pasted-address';

describe('pastedAddressSummary', () => {
  it('shows the address and the names of its parts, never their values', () => {
    const code = 'SECRET-CODE-4711';
    expect(pastedAddressSummary(` cz.netrex.connect:/oauth/callback/demo?code=${code}\n`)).toBe(
      'cz.netrex.connect:/oauth/callback/demo?code=…',
    );
    const whole = pastedAddressSummary(
      `http://127.0.0.1:28814/oauth/callback/demo?code=${code}&state=abc#frag`,
    );
    expect(whole).toBe('http://127.0.0.1:28814/oauth/callback/demo?code=…&state=…');
    expect(whole).not.toContain(code);
  });

  it('drops a user name and password, odd part names, and caps the length', () => {
    expect(pastedAddressSummary('https://user:pw@portal.example/x?a=1&%3Cb%3E=2')).toBe(
      'https://portal.example/x?a=…',
    );
    expect(pastedAddressSummary(`https://portal.example/${'p'.repeat(300)}`)).toHaveLength(120);
  });

  it('repeats nothing of text that is not an address', () => {
    expect(pastedAddressSummary('ntx_pat_7f3a9c2e41d84b0e')).toBeUndefined();
    expect(pastedAddressSummary('')).toBeUndefined();
  });
});
