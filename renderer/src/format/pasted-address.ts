// What the operator pasted, shown back without its secrets: the address up to
// its query and the names of the parts after it (`code=…`, `state=…`). A
// sign-in answer carries a one-time code, which the window never shows; the
// names alone say where a half-copied address was cut.

/** Far longer than any address shown back; the rest is cut with an ellipsis. */
const MAX_SHOWN = 120;

/**
 * `cz.netrex.connect:/oauth/callback/demo?code=…` for a pasted address;
 * undefined for text that is not a web address (nothing of it is repeated).
 */
export function pastedAddressSummary(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  // The address without its query or fragment, and without any user name or password.
  const base = `${url.protocol}${url.host ? `//${url.host}` : ''}${url.pathname}`;
  const names = [...new Set(url.searchParams.keys())].filter((name) => /^[\w.-]{1,40}$/.test(name));
  const shown = names.length > 0 ? `${base}?${names.map((name) => `${name}=…`).join('&')}` : base;
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown;
}
