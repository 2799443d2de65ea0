// How long a notice stays, as pure rules over plain data (the store applies
// them, the view filters by them): a notice about an account or a sign-in
// ends when that account or sign-in changes, a success notice fades by
// itself, and the stack is short, so notices never crowd out the screen.
import type { AccountSnapshot, SignInPhase } from '../../../main/ipc/contract';
import type { AppNotice } from './state';

/** An `info` notice (a success) is shown this long, on the window's clock. */
export const NOTICE_FADE_MS = 8_000;

/** At most this many notices at once; at 800×600 three still leave the screen in view. */
export const MAX_NOTICES = 3;

/**
 * Kinds of notice that arrive in a burst and are read together: every problem
 * of IT's policies (a file with nine mistakes sends nine). They join the one
 * already shown, so none is pushed out by the limit above.
 */
const JOINED_CODES: ReadonlySet<string> = new Set([
  'managed_config_invalid',
  'policy_source_refused',
]);

/** Account states in which "Connected to …" still reads true. */
const CONNECTED_STATES: ReadonlySet<AccountSnapshot['state']> = new Set([
  'connected',
  'refreshing',
]);

export function isFaded(notice: AppNotice, now: number): boolean {
  return notice.level === 'info' && now - notice.at >= NOTICE_FADE_MS;
}

/** The notices still to show at `now`. */
export function noticesShownAt(notices: readonly AppNotice[], now: number): readonly AppNotice[] {
  return notices.some((n) => isFaded(n, now)) ? notices.filter((n) => !isFaded(n, now)) : notices;
}

/**
 * `notice` added: faded ones and one that reads the same (a second sign-in
 * to the same portal) go; beyond the limit the oldest success goes first (the
 * new one too: its news shows on the screen anyway), then the oldest of the
 * rest, so an unread warning is never pushed out by good news.
 */
export function withNotice(
  notices: readonly AppNotice[],
  notice: AppNotice,
  now: number,
): readonly AppNotice[] {
  const joinable = notices.findIndex(
    (n) => JOINED_CODES.has(notice.code) && n.code === notice.code && n.level === notice.level,
  );
  if (joinable >= 0) {
    const head = notices[joinable]!;
    const all = [head, ...(head.more ?? [])];
    if (all.some((n) => n.message === notice.message)) return notices;
    const joined = { ...head, more: [...(head.more ?? []), notice] };
    return notices.map((n, i) => (i === joinable ? joined : n));
  }
  const kept = [
    ...notices.filter((n) => n.id !== notice.id && !isFaded(n, now) && !sameWords(n, notice)),
    notice,
  ];
  while (kept.length > MAX_NOTICES) {
    const oldestInfo = kept.findIndex((n) => n.level === 'info');
    kept.splice(oldestInfo >= 0 ? oldestInfo : 0, 1);
  }
  return kept;
}

/**
 * The accounts changed: a notice about an account ends when it left the
 * list or no longer is what the notice said (offline, expired, signed out).
 */
export function afterAccounts(
  notices: readonly AppNotice[],
  accounts: readonly AccountSnapshot[],
): readonly AppNotice[] {
  const stale = (n: AppNotice): boolean => {
    const id = n.about?.account;
    if (id === undefined) return false;
    const account = accounts.find((a) => a.id === id);
    return !account || !CONNECTED_STATES.has(account.state);
  };
  return notices.some(stale) ? notices.filter((n) => !stale(n)) : notices;
}

/**
 * A sign-in to `providerId` changed: a notice about it ends; one repeating
 * its refusal stays while it is still the refusal (`failed`), for the
 * screens that do not explain it.
 */
export function afterSignIn(
  notices: readonly AppNotice[],
  providerId: string,
  phase: SignInPhase,
): readonly AppNotice[] {
  const stale = (n: AppNotice): boolean =>
    n.about?.signIn === providerId || (phase !== 'failed' && n.signIn === providerId);
  return notices.some(stale) ? notices.filter((n) => !stale(n)) : notices;
}

/** Whether two notices would read the same. */
export function sameWords(a: AppNotice, b: AppNotice): boolean {
  if (a.level !== b.level) return false;
  if (a.local || b.local) {
    return (
      a.local?.key === b.local?.key &&
      JSON.stringify(a.local?.values) === JSON.stringify(b.local?.values)
    );
  }
  return a.code === b.code && a.message === b.message;
}
