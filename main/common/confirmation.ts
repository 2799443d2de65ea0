// Questions only the operator may answer, asked by the main process itself —
// a native dialog in the app (main/electron/confirm-dialog.ts), never the
// page. A renderer that was taken over can call every bridge method, so the
// actions that weaken the app's protection or reach an address nobody has
// vetted wait for this answer: keeping sign-ins on disk without a keyring,
// the first browser sign-in to a portal added on this computer, and a new
// sign-in ending the grant it replaces. The question is plain data; its words
// are the edge's (main/desktop/edge-words.ts), in the app's language.
import { ExplainedError } from './explained-error';

export type ConfirmQuestion =
  /** Keep sign-ins on disk although the key store does not protect them. */
  | { readonly kind: 'weak-storage'; readonly backend: string }
  /** Open a portal's sign-in page in the browser for the first time (a portal added here). */
  | { readonly kind: 'first-sign-in'; readonly portal: string; readonly address: string }
  /** Use the sign-in that just arrived and end the one it replaces at the portal. */
  | { readonly kind: 'replace-sign-in'; readonly portal: string; readonly account: string };

export type ConfirmKind = ConfirmQuestion['kind'];

/** Resolves true only when the operator chose the action; anything else is a no. */
export type Confirm = (question: ConfirmQuestion) => Promise<boolean>;

/**
 * Asks, and reads anything but a plain `true` as a refusal: no way to ask
 * (the host has no dialog), a dialog that failed, an answer of another type.
 */
export async function operatorConfirms(
  confirm: Confirm | undefined,
  question: ConfirmQuestion,
): Promise<boolean> {
  if (!confirm) return false;
  try {
    return (await confirm(question)) === true;
  } catch {
    return false;
  }
}

const REFUSALS: Readonly<Record<ConfirmKind, (portal: string) => string>> = {
  'weak-storage': () =>
    'Sign-ins are still not saved on this computer: saving them without a system keyring was not confirmed in the Netrex Connect dialog. ' +
    'To save them anyway, choose it again and confirm.',
  'first-sign-in': (portal) =>
    `The sign-in to ${portal} did not start: opening this portal's sign-in page for the first time was not confirmed in the Netrex Connect dialog. ` +
    'Start the sign-in again and confirm, if you added this portal yourself and trust its address.',
  'replace-sign-in': (portal) =>
    `The earlier sign-in to ${portal} stays: replacing it was not confirmed in the Netrex Connect dialog, so the new sign-in was not used. ` +
    'If you meant to replace it, sign in again and confirm.',
};

/** The action was refused because the operator did not confirm it (or could not be asked). */
export class ConfirmationRefused extends ExplainedError {
  override readonly name = 'ConfirmationRefused';

  constructor(kind: ConfirmKind, portal?: string) {
    super('not_confirmed', REFUSALS[kind](portal || 'the portal'), undefined, {
      variant: kind,
      ...(portal ? { portal } : {}),
    });
  }
}

/** Asks; throws ConfirmationRefused unless the operator confirmed. */
export async function requireConfirmation(
  confirm: Confirm | undefined,
  question: ConfirmQuestion,
): Promise<void> {
  if (await operatorConfirms(confirm, question)) return;
  throw new ConfirmationRefused(
    question.kind,
    question.kind === 'weak-storage' ? undefined : question.portal,
  );
}
