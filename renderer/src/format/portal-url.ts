// Checks the address typed under "Other portal…" before it goes to the bridge,
// so the operator sees what is wrong right beside the field. The main process
// checks it again; this is for quick, specific feedback.

export type PortalUrlProblem =
  'empty' | 'not-a-url' | 'not-https' | 'has-credentials' | 'has-query-or-fragment';

export type PortalUrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: PortalUrlProblem };

/** Plain http is only for a portal on this very computer (tests, demos), as main allows. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * Accepts `https://host[/path]`, and `http://127.0.0.1|[::1][:port][/path]`. A bare
 * host name (`portal.example.com`) is read as https, which is what operators
 * mean. Answers the address without a trailing slash.
 */
export function checkPortalUrl(input: string): PortalUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.hostname === '' || /\s/.test(text)) return { ok: false, problem: 'not-a-url' };
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return { ok: false, problem: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'has-credentials' };
  if (url.search !== '' || url.hash !== '' || text.endsWith('?') || text.endsWith('#')) {
    return { ok: false, problem: 'has-query-or-fragment' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
