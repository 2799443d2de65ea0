// Which command-line argument is a deep link. On Windows and Linux the OS
// starts the app with the callback URL as an argument; a running instance gets
// the second instance's argv through `second-instance`. Pure: no Electron, so
// it is tested in Node.
//
// Chromium adds switches of its own (`--original-process-start-time=…`) and
// the development form adds the app path, so only an argument that *starts*
// with the app's scheme and its colon is a link: `cz.netrex.connect.evil:`,
// `javascript:`, `file:` or a switch that merely contains the URL never is.
import { APP_SCHEME } from '../auth/redirect-uri';

/** `cz.netrex.connect:` — the scheme and its colon; nothing shorter matches. */
export const APP_LINK_PREFIX = `${APP_SCHEME}:`;

/**
 * A callback URL is a few hundred characters (code, state, a provider id); a
 * link longer than this is not one of ours and is refused unread.
 */
export const MAX_DEEP_LINK_LENGTH = 8 * 1024;

/**
 * Something link-shaped arrived but cannot be used. `message` is the English
 * sentence (logs, tests); the operator is told in the app's language, from
 * the code and the count (edge-words.ts).
 */
export type ArgvRefusal =
  | {
      readonly kind: 'refused';
      readonly code: 'several_links';
      /** How many links the command line held. */
      readonly count: number;
      readonly message: string;
    }
  | { readonly kind: 'refused'; readonly code: 'link_too_long'; readonly message: string };

export type ArgvRoute =
  /** No argument is a link: an ordinary start, nothing to hand over. */
  { readonly kind: 'none' } | { readonly kind: 'link'; readonly url: string } | ArgvRefusal;

/**
 * Whether `arg` starts with `cz.netrex.connect:`. Schemes are compared without
 * regard to case (RFC 3986 §3.1: `CZ.Netrex.Connect:` is the same scheme);
 * nothing else is normalised — no trimming, no Unicode folding.
 */
export function isAppLink(arg: string): boolean {
  return (
    arg.length >= APP_LINK_PREFIX.length &&
    arg.slice(0, APP_LINK_PREFIX.length).toLowerCase() === APP_LINK_PREFIX
  );
}

/**
 * Picks the one deep link out of a command line. Several links at once are
 * refused rather than guessed between: the OS passes exactly one, so several
 * means a crafted command line, and the operator is told instead of one being
 * chosen silently.
 */
export function routeArgv(argv: readonly string[]): ArgvRoute {
  const links = argv.filter((arg) => typeof arg === 'string' && isAppLink(arg));
  if (links.length === 0) return { kind: 'none' };
  if (links.length > 1) {
    return {
      kind: 'refused',
      code: 'several_links',
      count: links.length,
      message: `Netrex Connect was started with ${links.length} sign-in links at once and opened none of them. Start the sign-in again from the app.`,
    };
  }
  const url = links[0] as string;
  if (url.length > MAX_DEEP_LINK_LENGTH) {
    return {
      kind: 'refused',
      code: 'link_too_long',
      message:
        'Netrex Connect was opened with a sign-in link far longer than any portal sends, so it was ignored. Start the sign-in again from the app.',
    };
  }
  return { kind: 'link', url };
}
