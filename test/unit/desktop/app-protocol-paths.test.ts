import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_META_CONTENT_SECURITY_POLICY,
  APP_ENTRY_URL,
  appResponseHeaders,
  isAppUrl,
  resolveAppFile,
} from '../../../main/desktop/app-protocol-paths';

const root = join(sep, 'opt', 'netrex', 'out', 'renderer');

describe('resolveAppFile', () => {
  it('serves the entry page and assets under the renderer folder', () => {
    expect(resolveAppFile(APP_ENTRY_URL, root)).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile('app://renderer/', root)).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(resolveAppFile('app://renderer/assets/index-DC4fyxo_.js?v=1#x', root)).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-DC4fyxo_.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile('app://renderer/assets/logo%20big.svg', root)).toMatchObject({
      kind: 'file',
      path: join(root, 'assets', 'logo big.svg'),
    });
  });

  it.each([
    ['dot-dot', 'app://renderer/../../etc/passwd.txt'],
    ['encoded dot-dot', 'app://renderer/%2e%2e/%2e%2e/etc/passwd.txt'],
    ['mixed-case encoded dot-dot', 'app://renderer/%2E%2e/secret.json'],
    ['encoded slash inside a segment', 'app://renderer/assets%2f..%2f..%2fsecret.json'],
    ['encoded backslash', 'app://renderer/..%5c..%5csecret.json'],
    ['raw backslash', 'app://renderer/..\\..\\secret.json'],
    [
      'double-encoded dot-dot (decoded once only, then refused)',
      'app://renderer/%252e%252e/secret.json',
    ],
    ['dot-dot after a real folder', 'app://renderer/assets/../../secret.json'],
    ['a NUL byte', 'app://renderer/index.html%00.png'],
    ['a control character', 'app://renderer/in%0adex.html'],
    ['an absolute path smuggled in', 'app://renderer//etc/passwd.txt'],
    ['an encoded absolute path', 'app://renderer/%2fetc%2fpasswd.txt'],
    ['a Windows drive letter', 'app://renderer/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://renderer/c%3a%5cwindows%5cwin.ini'],
    ['a single dot segment', 'app://renderer/./index.html'],
    ['malformed percent-encoding', 'app://renderer/%E0%A4%A.js'],
  ])('refuses %s', (_name, url) => {
    const result = resolveAppFile(url, root);
    expect(result.kind).toBe('refused');
    // Whatever the verdict, nothing outside the root is ever named.
    if (result.kind === 'file') expect(result.path.startsWith(root + sep)).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/netrex/out/renderer/index.html'],
    ['https', 'https://renderer/index.html'],
    ['credentials', 'app://user:pw@renderer/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses a request not for the app origin: %s', (_name, url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('refuses file types the renderer does not have', () => {
    expect(resolveAppFile('app://renderer/run.exe', root)).toMatchObject({
      kind: 'refused',
      status: 404,
    });
    expect(resolveAppFile('app://renderer/assets', root)).toMatchObject({ kind: 'refused' });
  });

  it('never resolves outside the root, whatever the path (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              '..',
              '.',
              '%2e%2e',
              '%2E.',
              '%2f',
              '%5c',
              '',
              'a',
              'b.js',
              '%00',
              'C:',
            ),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 8 },
        ),
        (segments) => {
          const url = `app://renderer/${segments.join('/')}`;
          if (!URL.canParse(url)) return true;
          const result = resolveAppFile(url, root);
          return result.kind === 'refused' || result.path.startsWith(root + sep);
        },
      ),
    );
  });
});

describe('isAppUrl', () => {
  it('knows the app origin by its parts', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('APP://RENDERER/index.html')).toBe(true);
    expect(isAppUrl('app://renderer.evil/index.html')).toBe(false);
    expect(isAppUrl('app://renderer:8080/index.html')).toBe(false);
    expect(isAppUrl('app:renderer/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('response headers', () => {
  it('carry a strict CSP: self only, no inline script, no eval', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    const csp = headers['Content-Security-Policy'] ?? '';
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it("carry frame-ancestors 'none': no other page may frame the app", () => {
    const csp = appResponseHeaders('text/html; charset=utf-8')['Content-Security-Policy'] ?? '';
    expect(csp.split('; ')).toContain("frame-ancestors 'none'");
  });

  it('the page repeats the policy in its meta tag without frame-ancestors, which a meta tag cannot carry', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(APP_META_CONTENT_SECURITY_POLICY);
    expect(meta?.[1]).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    // The same policy otherwise: every meta directive is in the header.
    for (const directive of APP_META_CONTENT_SECURITY_POLICY.split('; ')) {
      expect(APP_CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
  });
});
