import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { MAX_CALLBACK_URL_LENGTH, parseCallbackUrl } from '../../../main/auth/callback-url';

function refusal(input: string): AuthError {
  try {
    parseCallbackUrl(input);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('parseCallbackUrl', () => {
  it('reads the custom-scheme redirect', () => {
    const cb = parseCallbackUrl('cz.netrex.connect:/oauth/callback/demo?code=c&state=s');
    expect(cb.providerId).toBe('demo');
    expect(cb.redirectUri).toBe('cz.netrex.connect:/oauth/callback/demo');
    expect(cb.params.get('code')).toBe('c');
  });

  it('reads the loopback redirect and tolerates pasted whitespace and a fragment', () => {
    const cb = parseCallbackUrl(
      '  \n http://127.0.0.1:28813/oauth/callback/acme-1?state=s#frag \t',
    );
    expect(cb).toMatchObject({
      providerId: 'acme-1',
      redirectUri: 'http://127.0.0.1:28813/oauth/callback/acme-1',
    });
  });

  it.each([
    ['another scheme', 'cz.netrex.other:/oauth/callback/demo?code=c'],
    ['https', 'https://127.0.0.1:28813/oauth/callback/demo?code=c'],
    ['localhost', 'http://localhost:28813/oauth/callback/demo?code=c'],
    ['no port', 'http://127.0.0.1/oauth/callback/demo?code=c'],
    ['an authority on the scheme', 'cz.netrex.connect://oauth/callback/demo?code=c'],
    ['an empty authority', 'cz.netrex.connect:///oauth/callback/demo?code=c'],
    ['another path', 'cz.netrex.connect:/oauth/callbacks/demo?code=c'],
    ['a deeper path', 'cz.netrex.connect:/oauth/callback/demo/x?code=c'],
    ['a trailing slash', 'cz.netrex.connect:/oauth/callback/demo/?code=c'],
    ['no provider', 'cz.netrex.connect:/oauth/callback/?code=c'],
    ['an unsafe provider id', 'cz.netrex.connect:/oauth/callback/..%2Fx?code=c'],
    ['an upper-case provider id', 'cz.netrex.connect:/oauth/callback/Demo?code=c'],
    ['credentials', 'http://u:p@127.0.0.1:28813/oauth/callback/demo?code=c'],
    ['a repeated state', 'cz.netrex.connect:/oauth/callback/demo?code=c&state=a&state=b'],
    ['a repeated code', 'cz.netrex.connect:/oauth/callback/demo?code=a&code=b&state=s'],
    ['not a URL', 'just some words'],
    ['an empty string', '   '],
  ])('refuses %s', (_what, input) => {
    const error = refusal(input);
    expect(error.code).toBe('unknown_redirect');
    expect(error.message).toMatch(/not a Netrex Connect sign-in address/);
  });

  it('refuses an oversized paste unread', () => {
    const huge = `cz.netrex.connect:/oauth/callback/demo?code=${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`;
    expect(refusal(huge).reason).toBe('too long');
  });

  it('accepts the scheme in any case, as URL parsing does', () => {
    expect(parseCallbackUrl('CZ.Netrex.Connect:/oauth/callback/demo?state=s').providerId).toBe(
      'demo',
    );
  });

  it('for any input, either refuses with unknown_redirect or yields exactly one of our redirect URIs', () => {
    const ours = /^(cz\.netrex\.connect:|http:\/\/127\.0\.0\.1:\d+)\/oauth\/callback\/[a-z0-9-]+$/;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc
            .constantFrom('cz.netrex.connect:', 'http://127.0.0.1:1234', 'CZ.NETREX.CONNECT:/')
            .chain((prefix) => fc.string().map((rest) => `${prefix}/oauth/callback/${rest}`)),
        ),
        (input) => {
          try {
            const cb = parseCallbackUrl(input);
            expect(cb.redirectUri).toMatch(ours);
            expect(input.trim().toLowerCase().startsWith(cb.redirectUri.toLowerCase())).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AuthError);
            expect((error as AuthError).code).toBe('unknown_redirect');
          }
        },
      ),
    );
  });
});
