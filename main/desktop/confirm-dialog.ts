// The main process's question as a message box (the adapter,
// main/electron/confirm-dialog.ts, shows it with dialog.showMessageBox): its
// words in the app's language, the safe answer first, and the answer read
// from the button index. Pure: tested in Node.
//
// Electron (lib/browser/api/dialog.ts, main at 45 nightly) answers `cancelId`
// when the box is dismissed (Esc, or closing it); left unset, it guesses the
// cancel button from English labels ("cancel", "no") and otherwise takes 0 —
// or 1 when `defaultId` is 0. A Czech label never matches, so the model sets
// `cancelId` itself: every way out of the box that is not the accept button
// is a refusal.
import type { ConfirmQuestion } from '../common/confirmation';
import type { EdgeWords } from './edge-words';

export interface ConfirmDialogModel {
  readonly type: 'warning' | 'question';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  /** [refuse, accept]. */
  readonly buttons: readonly [string, string];
  /** The refusal: what Enter picks. */
  readonly defaultId: 0;
  /** The refusal: what Esc and closing the box answer. */
  readonly cancelId: 0;
  /** Windows: plain buttons, not command links (their labels are whole phrases). */
  readonly noLink: true;
}

export const ACCEPT_BUTTON = 1;

export function confirmDialogModel(
  question: ConfirmQuestion,
  words: EdgeWords,
): ConfirmDialogModel {
  const text = (() => {
    switch (question.kind) {
      case 'weak-storage': {
        const w = words.confirm.weakStorage;
        return { w, message: w.message(question.backend), detail: w.detail(question.backend) };
      }
      case 'first-sign-in': {
        const w = words.confirm.firstSignIn;
        const args = [question.portal, question.address] as const;
        return { w, message: w.message(...args), detail: w.detail(...args) };
      }
      case 'replace-sign-in': {
        const w = words.confirm.replaceSignIn;
        const args = [question.portal, question.account] as const;
        return { w, message: w.message(...args), detail: w.detail(...args) };
      }
    }
  })();
  return {
    type: question.kind === 'first-sign-in' ? 'question' : 'warning',
    title: words.appName,
    message: text.message,
    detail: text.detail,
    buttons: [text.w.refuse, text.w.accept],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Only the accept button is a yes; any other index (a dismissal is cancelId) is a no. */
export function confirmedBy(response: unknown): boolean {
  return response === ACCEPT_BUTTON;
}
