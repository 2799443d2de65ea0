// The Linux side of the app link: which desktop entry opens
// `x-scheme-handler/cz.netrex.connect`, whether it starts this very program,
// and the entry the app installs for itself where no installer did (the
// AppImage). Pure: the file and xdg-mime work is linux-url-handler-install.ts.
//
// What Electron does here (shell/browser/browser_linux.cc, main at 45
// nightly; these lines are in every release since 43.0.0):
// setAsDefaultProtocolClient ignores `path` and `args` and makes the desktop
// entry named by CHROME_DESKTOP (app.setDesktopName, from package.json's
// desktopName: `cz.netrex.connect.desktop` in the packaged app) the default
// through GIO (g_app_info_set_as_default_for_type); it answers false when no
// installed entry has that name — always for the AppImage, which installs
// none. isDefaultProtocolClient compares the default handler's id with
// CHROME_DESKTOP only: it cannot see that the entry starts an AppImage that
// was moved, or another copy. So the app reads the entry itself.
//
// Desktop Entry Specification 1.5: entries are found in
// $XDG_DATA_HOME/applications (default ~/.local/share), then in each of
// $XDG_DATA_DIRS (default /usr/local/share:/usr/share); the first file of a
// name wins, so a user's entry hides the system's of the same name.
import { isAbsolute, join } from 'node:path';
import type { AppLinkStatus } from '../common/way-back';

/** Marks an entry this app wrote (and so may rewrite or remove). */
export const WRITTEN_BY_APP_KEY = 'X-Netrex-Connect-Url-Handler';

export interface UrlHandlerEntryOptions {
  readonly scheme: string;
  /** The program to start: the AppImage file, or the installed executable. */
  readonly program: string;
  readonly args?: readonly string[];
  readonly name: string;
  /** The window's app id (desktopName without `.desktop`), for StartupWMClass. */
  readonly wmClass: string;
}

/** $XDG_DATA_HOME/applications, or ~/.local/share/applications (a relative XDG_DATA_HOME is ignored, as the spec says). */
export function userApplicationsDir(env: NodeJS.ProcessEnv, home: string): string {
  const dataHome =
    env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : join(home, '.local', 'share');
  return join(dataHome, 'applications');
}

/** Every folder a desktop entry is looked up in, the user's first. */
export function applicationsDirs(env: NodeJS.ProcessEnv, home: string): string[] {
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share')
    .split(':')
    .filter((dir) => isAbsolute(dir));
  return [userApplicationsDir(env, home), ...dataDirs.map((dir) => join(dir, 'applications'))];
}

/** Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument for an Exec line: quoted when it holds a reserved character
 * (inside the quotes `"`, `` ` ``, `$` and `\` take a backslash) and `%`
 * doubled so it is not a field code. Throws for a line break, which no Exec
 * line can hold.
 */
export function execArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) {
    throw new Error('A program path with a line break cannot be written into a desktop entry.');
  }
  const escaped = arg.replace(/%/g, '%%');
  return arg === '' || RESERVED.test(arg) ? `"${escaped.replace(/["`$\\]/g, '\\$&')}"` : escaped;
}

/**
 * The Exec value: the arguments, then `%u` (one URL). The string-level
 * escape of the spec (a backslash is written `\\`) applies on top of the
 * quoting, so a backslash inside quotes ends up as four.
 */
export function execValue(program: string, args: readonly string[] = []): string {
  return [program, ...args].map(execArg).join(' ').replace(/\\/g, '\\\\').concat(' %u');
}

/** Undoes the string-level escapes of a desktop entry value (`\s`, `\n`, `\t`, `\r`, `\\`). */
function unescapeValue(value: string): string {
  return value.replace(/\\([sntr\\])/g, (_, c: string) =>
    c === 's' ? ' ' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\',
  );
}

/**
 * The arguments of an Exec value, field codes (`%u`, `%U`, …) left out and
 * `%%` made `%`. Null when the quoting is broken (an unclosed quote).
 */
export function execArgs(value: string): string[] | null {
  const text = unescapeValue(value);
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '\\' && i + 1 < text.length && '"`$\\'.includes(text[i + 1] as string)) {
        current += text[++i] as string;
      } else if (c === '"') {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c === ' ' || c === '\t') {
      if (current !== null) args.push(current);
      current = null;
    } else if (c === '"') {
      quoted = true;
      current ??= '';
    } else {
      current = (current ?? '') + c;
    }
  }
  if (quoted) return null;
  if (current !== null) args.push(current);
  return args.filter((arg) => !/^%[a-zA-Z]$/.test(arg)).map((arg) => arg.replace(/%%/g, '%'));
}

/** The keys of the `[Desktop Entry]` group (comments and other groups left out). */
export function desktopEntryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inGroup = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inGroup = line === '[Desktop Entry]';
      continue;
    }
    const eq = line.indexOf('=');
    if (!inGroup || eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!keys.has(key)) keys.set(key, line.slice(eq + 1).trim());
  }
  return keys;
}

/** What matters of an installed entry: what it starts, what it is called, whether it handles the scheme. */
export interface DesktopEntryFacts {
  readonly program: string | null;
  readonly name: string | null;
  readonly handlesScheme: boolean;
  readonly writtenByApp: boolean;
}

export function desktopEntryFacts(text: string, scheme: string): DesktopEntryFacts {
  const keys = desktopEntryKeys(text);
  const exec = keys.get('Exec');
  const args = exec === undefined ? null : execArgs(exec);
  const mimeTypes = (keys.get('MimeType') ?? '').split(';').map((m) => m.trim().toLowerCase());
  return {
    program: args?.[0] ?? null,
    name: keys.has('Name') ? unescapeValue(keys.get('Name') as string) : null,
    handlesScheme: mimeTypes.includes(`x-scheme-handler/${scheme.toLowerCase()}`),
    writtenByApp: keys.get(WRITTEN_BY_APP_KEY) === 'true',
  };
}

/**
 * The entry the app installs for itself: it starts `program` with the link
 * (`%u`), handles the scheme, and carries the mark that lets a later start
 * rewrite or remove it. It is a menu entry too, so an AppImage the operator
 * started once can be found again in the menu.
 */
export function urlHandlerEntryText(options: UrlHandlerEntryOptions): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.name.replace(/[\n\r\\]/g, ' ')}`,
    'Comment=Sign-in to Netrex and CamStreamer Cloud portals',
    `Exec=${execValue(options.program, options.args)}`,
    'Terminal=false',
    'Categories=Network;',
    `MimeType=x-scheme-handler/${options.scheme};`,
    `StartupWMClass=${options.wmClass}`,
    `${WRITTEN_BY_APP_KEY}=true`,
    '',
  ].join('\n');
}

/** An entry found for the app's desktop id, and where. */
export interface FoundEntry extends DesktopEntryFacts {
  readonly path: string;
  /** In the user's folder (the first of applicationsDirs). */
  readonly user: boolean;
}

/** What the system says about the scheme now. */
export interface LinuxHandlerState {
  /** `xdg-mime query default x-scheme-handler/<scheme>`: a desktop id, '' for none. */
  readonly defaultId: string;
  /** The entry that id resolves to, when found. */
  readonly defaultEntry: FoundEntry | null;
  /** The user's entry of the app's own id, when there is one. */
  readonly userEntry: FoundEntry | null;
  /** The first entry of the app's own id in a system folder, when there is one. */
  readonly systemEntry: FoundEntry | null;
}

export interface LinuxVerdict {
  readonly status: Extract<AppLinkStatus, 'registered' | 'not-registered' | 'claimed'>;
  readonly holder: string | null;
}

/**
 * Whether the scheme's default handler starts `program`: the default is the
 * app's own id and that entry (the user's, if any, hides the system's) starts
 * this program; another id, or the app's id starting another program (an
 * AppImage moved or another copy), is a claim; no default is not registered.
 */
export function linuxVerdict(
  state: LinuxHandlerState,
  desktopId: string,
  program: string,
): LinuxVerdict {
  if (state.defaultId === '') return { status: 'not-registered', holder: null };
  const entry = state.defaultEntry;
  if (state.defaultId === desktopId && entry?.program === program) {
    return { status: 'registered', holder: null };
  }
  if (state.defaultId === desktopId) {
    return entry?.program
      ? { status: 'claimed', holder: entry.program }
      : { status: 'not-registered', holder: null };
  }
  return { status: 'claimed', holder: entry?.name ?? state.defaultId };
}

export type LinuxRepairStep =
  /** Write the user's entry for this program (atomically, mode 0644). */
  | 'write-user-entry'
  /** Remove the user's entry the app wrote earlier: the system's entry starts this program. */
  | 'remove-user-entry'
  /** `xdg-mime default <id> x-scheme-handler/<scheme>`. */
  | 'set-default';

export interface LinuxRepairPlan {
  readonly steps: readonly LinuxRepairStep[];
  /** Set when the app will not touch what is there: a user's entry of its id that it did not write. */
  readonly blockedBy: string | null;
}

/**
 * How to make the scheme start `program`. The entry of the app's id that the
 * OS uses must start it: where the system's entry (deb) does, a user entry
 * the app wrote earlier (an AppImage's) is removed; where none does, the
 * user's entry is (re)written — but never over a user entry the app did not
 * write. Then the id becomes the scheme's default.
 */
export function linuxRepairPlan(state: LinuxHandlerState, program: string): LinuxRepairPlan {
  const { userEntry, systemEntry } = state;
  const effective = userEntry ?? systemEntry;
  if (effective?.program === program && effective.handlesScheme) {
    return { steps: ['set-default'], blockedBy: null };
  }
  if (userEntry && !userEntry.writtenByApp) {
    return { steps: [], blockedBy: userEntry.path };
  }
  if (userEntry && systemEntry?.program === program && systemEntry.handlesScheme) {
    return { steps: ['remove-user-entry', 'set-default'], blockedBy: null };
  }
  return { steps: ['write-user-entry', 'set-default'], blockedBy: null };
}
