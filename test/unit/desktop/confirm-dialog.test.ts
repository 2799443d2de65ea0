// The main process's own questions as message boxes: the words in both
// languages, the safe answer first and picked by Enter and Esc, and only the
// accept button read as a yes. The adapter (main/electron/confirm-dialog.ts)
// hands this model to dialog.showMessageBox unchanged.
import { describe, expect, it } from 'vitest';
import type { ConfirmQuestion } from '../../../main/common/confirmation';
import {
  ACCEPT_BUTTON,
  confirmDialogModel,
  confirmedBy,
} from '../../../main/desktop/confirm-dialog';
import { EDGE_LANGUAGES, EDGE_WORDS } from '../../../main/desktop/edge-words';

const QUESTIONS: readonly ConfirmQuestion[] = [
  { kind: 'weak-storage', backend: 'basic_text' },
  { kind: 'first-sign-in', portal: 'Acme video', address: 'https://video.acme.example/portal' },
  { kind: 'replace-sign-in', portal: 'Kancelář (Netrex)', account: 'Kancelář (Netrex)' },
];

/**
 * Electron's choice of `cancelId` when none is given, as lib/browser/api/dialog.ts
 * (messageBox, main at 45 nightly) makes it: 1 when defaultId is 0 and there
 * are several buttons, else 0, unless a button is labelled "cancel" or "no".
 */
function electronDefaultCancelId(buttons: readonly string[], defaultId: number): number {
  let cancelId = defaultId === 0 && buttons.length > 1 ? 1 : 0;
  for (const [i, button] of buttons.entries()) {
    const text = button.toLowerCase();
    if (text === 'cancel' || text === 'no') {
      cancelId = i;
      break;
    }
  }
  return cancelId;
}

describe('the confirmation box', () => {
  it.each(EDGE_LANGUAGES.flatMap((lang) => QUESTIONS.map((q) => [lang, q.kind, q] as const)))(
    '%s, %s: says what is asked with its names, the refusal first',
    (lang, _kind, question) => {
      const model = confirmDialogModel(question, EDGE_WORDS[lang]);
      expect(model.title).toBe('Netrex Connect');
      const text = `${model.message}\n${model.detail}`;
      for (const name of Object.values(question).slice(1)) expect(text).toContain(name);
      expect(text).not.toMatch(/undefined|\$\{|\{\{/);
      expect(model.buttons).toHaveLength(2);
      expect(model.buttons[0]).not.toBe(model.buttons[1]);
      expect(model).toMatchObject({ defaultId: 0, cancelId: 0, noLink: true });
      expect(ACCEPT_BUTTON).toBe(1);
    },
  );

  it('Czech and English differ (each language has its own words)', () => {
    for (const question of QUESTIONS) {
      const en = confirmDialogModel(question, EDGE_WORDS.en);
      const cs = confirmDialogModel(question, EDGE_WORDS.cs);
      expect(cs.message).not.toBe(en.message);
      expect(cs.buttons).not.toEqual(en.buttons);
    }
  });

  it('sets cancelId itself: left to Electron, Esc would answer the accept button', () => {
    // Our refusal is button 0 and the default: Electron's own rule would then
    // send Esc to button 1 — the accept — for the Czech labels and every
    // English one that is not literally "Cancel".
    const risky = EDGE_LANGUAGES.flatMap((lang) =>
      QUESTIONS.map((q) => confirmDialogModel(q, EDGE_WORDS[lang])),
    ).filter((m) => electronDefaultCancelId(m.buttons, m.defaultId) === ACCEPT_BUTTON);
    expect(risky.length).toBeGreaterThan(0);
    for (const model of risky) expect(model.cancelId).toBe(0);
  });

  it('only the accept button is a yes', () => {
    expect(confirmedBy(1)).toBe(true);
    for (const other of [0, -1, 2, -1000, undefined, '1', null, true]) {
      expect(confirmedBy(other)).toBe(false);
    }
  });
});
