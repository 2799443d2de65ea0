import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APP_LINK_PREFIX,
  MAX_DEEP_LINK_LENGTH,
  isAppLink,
  routeArgv,
} from '../../../main/desktop/argv-routing';
import { APP_SCHEME, customSchemeRedirectUri } from '../../../main/auth/redirect-uri';

const callback = `${customSchemeRedirectUri('demo')}?code=abc&state=xyz`;
// What Windows/Linux hand a second instance in development and when packaged.
const devArgv = ['/usr/lib/electron/electron', '/home/op/netrex-connect'];
const packagedArgv = ['/opt/Netrex Connect/netrex-connect'];

describe('routeArgv', () => {
  it('takes the callback URL out of a packaged and a development command line', () => {
    expect(routeArgv([...packagedArgv, callback])).toEqual({ kind: 'link', url: callback });
    expect(routeArgv([...devArgv, callback])).toEqual({ kind: 'link', url: callback });
  });

  it('ignores the switches Chromium adds, before or after the link', () => {
    const argv = [
      ...packagedArgv,
      '--allow-file-access-from-files',
      callback,
      '--original-process-start-time=13380000000000000',
    ];
    expect(routeArgv(argv)).toEqual({ kind: 'link', url: callback });
  });

  it('finds nothing in an ordinary start', () => {
    expect(routeArgv(packagedArgv)).toEqual({ kind: 'none' });
    expect(routeArgv([])).toEqual({ kind: 'none' });
    expect(routeArgv([...devArgv, '--start-in-tray'])).toEqual({ kind: 'none' });
  });

  it('matches the scheme without regard to case (RFC 3986 §3.1), and passes the URL on unchanged', () => {
    const upper = callback.replace(APP_SCHEME, APP_SCHEME.toUpperCase());
    expect(routeArgv([...packagedArgv, upper])).toEqual({ kind: 'link', url: upper });
    expect(isAppLink('Cz.Netrex.Connect:/oauth/callback/x')).toBe(true);
  });

  it('refuses several links at once instead of guessing, with a message for the operator', () => {
    const route = routeArgv([...packagedArgv, callback, `${callback}&again=1`]);
    expect(route).toMatchObject({ kind: 'refused', code: 'several_links' });
    if (route.kind !== 'refused') throw new Error('unreachable');
    expect(route.message).toMatch(/2 sign-in links/);
    expect(route.message).toMatch(/Start the sign-in again/);
    // The message never repeats a link (it carries the authorization code).
    expect(route.message).not.toContain('code=');
  });

  it.each([
    ['a look-alike scheme that extends ours', 'cz.netrex.connect.evil:/oauth/callback/demo?code=x'],
    ['our scheme as a prefix of a longer one', 'cz.netrex.connectx:/oauth/callback/demo'],
    ['our scheme without its colon', 'cz.netrex.connect/oauth/callback/demo'],
    ['javascript:', 'javascript:alert(1)//cz.netrex.connect:'],
    ['file:', 'file:///etc/passwd'],
    ['https:', 'https://evil.example/cz.netrex.connect:/oauth/callback/demo'],
    ['a switch whose value is a link', `--foo=${callback}`],
    ['a leading space', ` ${callback}`],
    ['a leading BOM', `\uFEFF${callback}`],
    ['a Cyrillic look-alike "с" in the scheme', 'сz.netrex.connect:/oauth/callback/demo'],
    ['a full-width colon', 'cz.netrex.connect：/oauth/callback/demo'],
    ['a zero-width joiner inside the scheme', 'cz.netrex\u200D.connect:/oauth/callback/demo'],
    ['a right-to-left override before the scheme', '\u202Ecz.netrex.connect:/oauth/callback/demo'],
    ['the bare scheme name', 'cz.netrex.connect'],
    ['an empty argument', ''],
  ])('ignores %s', (_name, hostile) => {
    expect(routeArgv([...packagedArgv, hostile])).toEqual({ kind: 'none' });
  });

  it('takes the one real link among hostile look-alikes', () => {
    const argv = [
      ...packagedArgv,
      'cz.netrex.connect.evil:/x',
      'javascript:void 0',
      callback,
      'file:///x',
    ];
    expect(routeArgv(argv)).toEqual({ kind: 'link', url: callback });
  });

  it('refuses a link longer than any portal sends, unread', () => {
    const huge = `${APP_LINK_PREFIX}/oauth/callback/demo?code=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`;
    const route = routeArgv([...packagedArgv, huge]);
    expect(route).toMatchObject({ kind: 'refused', code: 'link_too_long' });
    expect(JSON.stringify(route).length).toBeLessThan(500);
    // Right at the limit it is still a link.
    const atLimit = `${APP_LINK_PREFIX}${'a'.repeat(MAX_DEEP_LINK_LENGTH - APP_LINK_PREFIX.length)}`;
    expect(routeArgv([atLimit])).toEqual({ kind: 'link', url: atLimit });
  });

  it('passes Unicode in the rest of a link through untouched (the services judge it)', () => {
    const unicode = `${customSchemeRedirectUri('demo')}?state=žluťoučký&code=🦄`;
    expect(routeArgv([unicode])).toEqual({ kind: 'link', url: unicode });
  });

  it('never routes an argument that does not start with the prefix (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 })), (argv) => {
        const route = routeArgv(argv);
        const links = argv.filter((a) => a.toLowerCase().startsWith(APP_LINK_PREFIX));
        if (links.length === 0) return route.kind === 'none';
        if (links.length > 1) return route.kind === 'refused';
        return route.kind === 'link' && route.url === links[0];
      }),
    );
  });
});
