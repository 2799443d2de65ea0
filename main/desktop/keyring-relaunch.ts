// When the app restarts itself so the keyring is asked again. Electron makes
// safeStorage's Encryptor once per run and never asks the key providers again
// (electron_api_safe_storage.cc: EnsureAsyncEncryptorRequested; Chromium's
// OSCryptAsync keeps the instance it built), so a keyring that did not answer
// at start stays "temporarily unavailable" for the whole run, however often
// the vault asks. Only a new run asks it again. Pure: the adapter
// (main/electron/keyring-relaunch.ts) gives it the facts and does what it says.
//
// The restart is quiet and never costs anything: only while no window is open
// (the operator is not using the app), only when nothing was signed in
// meanwhile (that is in memory only and would be lost), and at a growing
// interval counted across runs on the command line, so a keyring that stays
// locked does not make the app restart every minute.
import { appLaunchOf, type AppLaunchFacts } from './app-launch';
import { isAppLink } from './argv-routing';
import { DIAGNOSE_FLAG } from './diagnose-argv';

/** `--keyring-relaunch=N`: this run is the N-th restart made to ask the keyring again. */
export const KEYRING_RELAUNCH_ARG = '--keyring-relaunch';

/** How long the sign-ins have waited this run before restart number N+1 (then the last, again). */
export const KEYRING_RELAUNCH_AFTER_MS: readonly number[] = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
];

export function keyringRelaunchesSoFar(argv: readonly string[]): number {
  for (const arg of argv) {
    const match = new RegExp(`^${KEYRING_RELAUNCH_ARG}=(\\d{1,4})$`).exec(arg);
    if (match) return Number(match[1]);
  }
  return 0;
}

export function keyringRelaunchAfter(relaunchesSoFar: number): number {
  const at = Math.min(Math.max(0, relaunchesSoFar), KEYRING_RELAUNCH_AFTER_MS.length - 1);
  return KEYRING_RELAUNCH_AFTER_MS[at] as number;
}

export interface KeyringRelaunchFacts {
  /** StorageStatus.keyStoreWaiting, as far as it matters here. */
  readonly waiting: { readonly since: number; readonly unsavedChanges: boolean } | null;
  readonly windowOpen: boolean;
  readonly now: number;
  readonly relaunchesSoFar: number;
  /** The computer just woke up: the operator has probably unlocked the session, keyring and all. */
  readonly resumed: boolean;
}

export type KeyringRelaunchDecision =
  | { readonly kind: 'relaunch' }
  /** Ask again at `at` (epoch ms). */
  | { readonly kind: 'later'; readonly at: number }
  /** Nothing to do until something changes (the window closes, the computer wakes up). */
  | { readonly kind: 'not-now'; readonly why: 'not-waiting' | 'window-open' | 'unsaved-sign-ins' };

export function decideKeyringRelaunch(facts: KeyringRelaunchFacts): KeyringRelaunchDecision {
  if (!facts.waiting) return { kind: 'not-now', why: 'not-waiting' };
  if (facts.waiting.unsavedChanges) return { kind: 'not-now', why: 'unsaved-sign-ins' };
  if (facts.windowOpen) return { kind: 'not-now', why: 'window-open' };
  if (facts.resumed) return { kind: 'relaunch' };
  const at = facts.waiting.since + keyringRelaunchAfter(facts.relaunchesSoFar);
  return facts.now >= at ? { kind: 'relaunch' } : { kind: 'later', at };
}

/**
 * The next run's arguments: this run's, without its count, plus the count
 * and `startInTrayArg` (no window was open, so none opens). app.relaunch({ args })
 * starts the new run with exactly these (docs/api/app.md; App::Relaunch in
 * shell/browser/api/electron_api_app.cc), so what only this run was asked to
 * do is left out: the sign-in link it was started with (its code is spent, and
 * handled again it would fail in front of the operator) and `--diagnose` (the
 * quiet restart would write a report and exit).
 */
export function keyringRelaunchArgs(
  argv: readonly string[],
  relaunchesSoFar: number,
  startInTrayArg: string,
): string[] {
  const kept = argv.filter(
    (arg) =>
      !arg.startsWith(`${KEYRING_RELAUNCH_ARG}=`) &&
      arg !== startInTrayArg &&
      arg !== DIAGNOSE_FLAG &&
      !isAppLink(arg),
  );
  return [...kept, `${KEYRING_RELAUNCH_ARG}=${relaunchesSoFar + 1}`, startInTrayArg];
}

/** What app.relaunch is given. */
export interface KeyringRelaunchOptions {
  readonly args: string[];
  /** Set only for an AppImage: the `.AppImage` file itself. */
  readonly execPath?: string;
}

/**
 * The restart's options. Without `execPath` Electron starts FILE_EXE again
 * (App::Relaunch, electron_api_app.cc): inside an AppImage that is the
 * executable in the runtime's mount under /tmp, which is unmounted once this
 * run exits, so the restart never comes (electron-userland/electron-builder#1727,
 * #4650). The AppImage is started from its own file instead, as its APPIMAGE
 * variable names it (app-launch.ts); everywhere else Electron's default.
 */
export function keyringRelaunchOptions(
  facts: AppLaunchFacts & { readonly argv: readonly string[] },
  relaunchesSoFar: number,
  startInTrayArg: string,
): KeyringRelaunchOptions {
  const args = keyringRelaunchArgs(facts.argv.slice(1), relaunchesSoFar, startInTrayArg);
  const launch = appLaunchOf(facts);
  return launch.kind === 'appimage' ? { args, execPath: launch.program } : { args };
}
