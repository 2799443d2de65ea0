import { describe, expect, it } from 'vitest';
import {
  checkExternalUrl,
  ExternalUrlRefusedError,
  MAX_EXTERNAL_URL_LENGTH,
} from '../../../main/desktop/external-url-guard';

// The services' rule, as they would answer: the configured portals' origins.
const configured = [
  'https://system2.netrex.cz',
  'https://cloud.camstreamer.com',
  'http://127.0.0.1:4010',
  'http://[::1]:4011',
];
const isConfigured = (url: string) => configured.some((origin) => new URL(url).origin === origin);
const authorize =
  'https://system2.netrex.cz/oauth2/auth/?response_type=code&client_id=c&redirect_uri=cz.netrex.connect%3A%2Foauth%2Fcallback%2Fnetrex&scope=read,write&state=s&code_challenge=x&code_challenge_method=S256';

describe('checkExternalUrl', () => {
  it('allows the authorization URL of a configured portal, exactly as parsed', () => {
    expect(checkExternalUrl(authorize, isConfigured)).toEqual({ ok: true, url: authorize });
  });

  it('allows the loopback stand-in over plain http, on IPv4 and IPv6 like the portal rules', () => {
    expect(checkExternalUrl('http://127.0.0.1:4010/oauth2/auth/?a=1', isConfigured)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4010/oauth2/auth/?a=1',
    });
    expect(checkExternalUrl('http://[::1]:4011/oauth2/auth/?a=1', isConfigured)).toEqual({
      ok: true,
      url: 'http://[::1]:4011/oauth2/auth/?a=1',
    });
  });

  it('opens what it checked: the serialised form, not the raw text', () => {
    const verdict = checkExternalUrl('HTTPS://SYSTEM2.NETREX.CZ/oauth2/auth/', isConfigured);
    expect(verdict).toEqual({ ok: true, url: 'https://system2.netrex.cz/oauth2/auth/' });
  });

  it.each([
    ['a portal that is not configured', 'https://evil.example/oauth2/auth/'],
    ['a look-alike host', 'https://system2.netrex.cz.evil.example/oauth2/auth/'],
    ['plain http to a portal', 'http://system2.netrex.cz/oauth2/auth/'],
    ['plain http to localhost (only 127.0.0.1 is the loopback)', 'http://localhost:4010/'],
    ['plain http to another loopback address', 'http://127.0.0.2:4010/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['our own scheme', 'cz.netrex.connect:/oauth/callback/netrex?code=x'],
    ['smb: (Windows NTLM leak)', 'smb://attacker/share'],
    ['ms-msdt: (Follina)', 'ms-msdt:/id PCWDiagnostic'],
    ['credentials in the URL', 'https://user:pass@system2.netrex.cz/'],
    ['a newline', 'https://system2.netrex.cz/\nSet-Cookie: x'],
    ['a leading space', ' https://system2.netrex.cz/'],
    ['a relative URL', '/oauth2/auth/'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    const verdict = checkExternalUrl(url, isConfigured);
    expect(verdict.ok).toBe(false);
  });

  it('refuses an address longer than any authorization URL', () => {
    const long = `https://system2.netrex.cz/?q=${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(checkExternalUrl(long, isConfigured)).toEqual({ ok: false, reason: 'address too long' });
  });

  it('asks the services only after the fixed baseline passed', () => {
    const asked: string[] = [];
    const always = (url: string) => (asked.push(url), true);
    expect(checkExternalUrl('file:///etc/passwd', always).ok).toBe(false);
    expect(checkExternalUrl('https://a:b@x.example/', always).ok).toBe(false);
    expect(asked).toEqual([]);
    expect(checkExternalUrl('https://x.example/', always).ok).toBe(true);
    expect(asked).toEqual(['https://x.example/']);
  });

  it('explains a refusal without quoting the address', () => {
    const error = new ExternalUrlRefusedError('not an address of a configured portal');
    expect(error.message).toBe(
      'Refused to open an address in the browser: not an address of a configured portal.',
    );
    const verdict = checkExternalUrl('https://evil.example/?code=secret', isConfigured);
    expect(JSON.stringify(verdict)).not.toContain('secret');
  });
});
