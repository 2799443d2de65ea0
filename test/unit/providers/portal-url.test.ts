import { describe, expect, it } from 'vitest';
import { checkServerUrl, normalizeProviderUrl } from '../../../main/providers/portal-url';
import { PORTAL_URL_CASES } from '../../support/portal-url-cases';

describe('provider URL rules', () => {
  // The window checks the same table (test/unit/renderer/portal-url.test.ts).
  it.each(PORTAL_URL_CASES)('answers as the window does for $input', (c) => {
    const answer = normalizeProviderUrl(c.input, 'netrex');
    if ('accepted' in c) expect(answer).toEqual({ ok: true, url: c.accepted });
    else expect(answer).toMatchObject({ ok: false, problem: c.refused });
  });

  it.each(['https://system2.netrex.cz', 'https://typed.example/reseller'])('accepts %s', (url) => {
    expect(checkServerUrl(url).ok).toBe(true);
  });

  it.each([
    ['http://typed.example', /https:\/\/.*127\.0\.0\.1/],
    ['http://localhost:4010', /https:\/\/.*127\.0\.0\.1/],
    ['http://127.0.0.2', /https:\/\//],
    ['ftp://typed.example', /must start with https:\/\//],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['typed.example', /not a web address/],
    ['https://user:pw@typed.example', /user name or password/],
    ['https://typed.example/?a=1', /query/],
    ['https://typed.example/#x', /fragment/],
  ])('refuses %s', (url, reason) => {
    const check = checkServerUrl(url);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toMatch(reason);
      // The reason never quotes what was typed.
      expect(check.reason).not.toContain('typed.example');
    }
  });

  it('normalises a Netrex base without trailing slash, and trims', () => {
    expect(normalizeProviderUrl('  https://Typed.Example/base/ ', 'netrex')).toEqual({
      ok: true,
      url: 'https://typed.example/base',
    });
    expect(normalizeProviderUrl('https://typed.example/', 'netrex')).toEqual({
      ok: true,
      url: 'https://typed.example',
    });
  });

  it('keeps an issuer path exactly, dropping only a bare origin slash', () => {
    expect(normalizeProviderUrl('https://id.example.com/realms/x/', 'oauth2')).toEqual({
      ok: true,
      url: 'https://id.example.com/realms/x/',
    });
    expect(normalizeProviderUrl('https://id.example.com/', 'oauth2')).toEqual({
      ok: true,
      url: 'https://id.example.com',
    });
  });
});
