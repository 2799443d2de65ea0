// The renderer's own origin, `app://renderer`, and the pure half of serving it:
// which file a request may read and which headers go with it. No Electron, so
// the resolver is tested in Node against traversal of every kind; the handler
// in app-protocol.ts only reads the file this returns.
//
// Electron's security checklist (#18): serve local pages from a custom
// protocol, not file://, so the page gets a real origin and no file access.
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export const APP_PROTOCOL = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What the page may load: no inline script, no eval, nothing from outside the app's origin. */
const PAGE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * Directives a <meta> policy cannot carry (CSP Level 3, §3.3: frame-ancestors,
 * report-uri and sandbox are ignored there, and Chromium says so in the
 * console). They are sent only as a header.
 */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The page's Content-Security-Policy, sent as a header on every app:// response. */
export const APP_CONTENT_SECURITY_POLICY = [...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join(
  '; ',
);

/**
 * The same policy without the header-only directives: what renderer/index.html
 * repeats in its <meta> (so a page opened without the header is held to it too).
 */
export const APP_META_CONTENT_SECURITY_POLICY = PAGE_DIRECTIVES.join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether `url` is a page or resource of the app itself (`app://renderer/…`). */
export function isAppUrl(url: string): boolean {
  // Node's URL does not know `app:` is a standard scheme in Electron, so the
  // origin is compared by its parts, not by `URL.origin` (which is "null" here).
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (
    parsed.protocol === `${APP_PROTOCOL}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type AppFileResolution =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

const refused = (status: 400 | 403 | 404, reason: string): AppFileResolution => ({
  kind: 'refused',
  status,
  reason,
});

/**
 * Maps an `app://renderer/<path>` request to a file under `root`, or refuses.
 * The path is judged as it was written, before any URL parser folds `..`
 * away: each segment is decoded once, and `..`, `.`, empty segments,
 * separators or `%` inside a segment (double encoding), control characters
 * and drive letters are refused outright rather than normalised. The joined
 * path must still lie under `root`.
 */
export function resolveAppFile(requestUrl: string, root: string): AppFileResolution {
  if (!isAppUrl(requestUrl)) return refused(403, 'not the app origin');
  const rawPath = /^[^:]+:\/\/[^/?#]*([^?#]*)/.exec(requestUrl)?.[1] ?? '';
  const rawSegments =
    rawPath === '' || rawPath === '/' ? ['index.html'] : rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refused(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') {
      return refused(403, 'empty or dot path segment');
    }
    if (/[\\/%]/.test(segment) || hasControlCharacter(segment)) {
      return refused(403, 'separator, percent sign or control character inside a path segment');
    }
    if (/^[a-z]:/i.test(segment)) return refused(403, 'drive letter in the path');
    segments.push(segment);
  }
  const path = join(root, ...segments);
  const fromRoot = relative(root, path);
  if (
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${sep}`) ||
    isAbsolute(fromRoot)
  ) {
    return refused(403, 'outside the renderer folder');
  }
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return refused(404, 'not a file type the renderer has');
  return { kind: 'file', path, contentType };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Headers for every app:// response: the CSP, no MIME sniffing, no referrer. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
