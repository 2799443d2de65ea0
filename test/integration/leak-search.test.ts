// The secret search the end-to-end tests end with must be able to fail: it
// finds a secret in an answer, an event, a call that may not carry one, the
// DOM and a field's value, in plain and JSON-escaped form, and lets through
// only the calls in which the operator typed one.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { findLeaks } from '../support/leak-search';
import { openRenderer, type RendererPage } from '../support/renderer-harness';
import { fixedHandlers, world } from '../e2e/ui-fixtures';

const SECRET = 'nxs_at_Zq3"leak\\check';
const OTHER = 'nxs_rt_second-secret-91';

let browser: Browser;
let view: RendererPage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await view?.close();
  await browser?.close();
});

describe('findLeaks', () => {
  it('finds nothing in a clean window, and every kind of leak once planted', async () => {
    const handlers = fixedHandlers(world());
    view = await openRenderer(browser, {
      recordDom: true,
      handlers: {
        ...handlers,
        // An answer that carries a secret (as a buggy handler might).
        getAppInfo: async () => {
          const info = await handlers.getAppInfo();
          return info.ok ? { ok: true, value: { ...info.value, version: OTHER } } : info;
        },
      },
    });
    await view.page.getByRole('navigation').waitFor();
    expect(await findLeaks(view, ['never-sent-anywhere-123'])).toEqual([]);
    // The version is shown only under Settings: the answer alone holds it.
    expect(await findLeaks(view, [OTHER])).toEqual([
      expect.stringMatching(/^bridge #\d+ answer getAppInfo holds nxs…\(23 chars\)$/),
    ]);

    await view.emit('notice', { id: 'n', level: 'error', code: 'x', message: SECRET, at: 0 });
    await view.page.getByText(SECRET).waitFor();
    const leaks = await findLeaks(view, [SECRET]);
    expect(leaks).toEqual([
      expect.stringMatching(/^bridge #\d+ event notice holds nxs…\(21 chars\)$/),
      expect.stringMatching(/^the DOM holds/),
    ]);
    // Named once, as in the final DOM, though the DOM history holds it too.
    // The search output never prints the secret itself.
    expect(leaks.join('\n')).not.toContain(SECRET);
  });

  it('allows a typed secret only in the calls meant for it; a field value still counts', async () => {
    // A window of its own: the first test's planted secrets are no business of this one.
    const typed = await openRenderer(browser, {
      recordDom: true,
      handlers: fixedHandlers(world()),
    });
    try {
      await typed.page.getByRole('navigation').waitFor();
      await typed.page.evaluate(
        async ([token]) => {
          type Call = (...args: unknown[]) => Promise<unknown>;
          const bridge = (window as unknown as { netrex: Record<string, Call> }).netrex;
          await bridge.signInWithApiToken!({
            providerId: 'netrex',
            providerUrl: 'https://system2.netrex.cz',
            token,
          });
          await bridge.setClientSecret!('netrex', token);
          await bridge.completeSignIn!(`cz.netrex.connect:/oauth/callback/netrex?code=${token}`);
          await bridge.checkNow!(token);
        },
        ['typed-secret-0a9f'] as const,
      );
      const leaks = await findLeaks(typed, ['typed-secret-0a9f']);
      expect(leaks).toEqual([expect.stringMatching(/^bridge #\d+ call checkNow holds/)]);

      await typed.page.evaluate(() => {
        const field = document.createElement('input');
        field.value = 'in-a-field-only-77';
        document.body.append(field);
      });
      expect(await findLeaks(typed, ['in-a-field-only-77'])).toEqual([
        'a field value holds in-…(18 chars)',
      ]);
    } finally {
      await typed.close();
    }
  });

  it('finds a secret the page showed only for a moment, gone before the search', async () => {
    const transient = await openRenderer(browser, {
      recordDom: true,
      handlers: fixedHandlers(world()),
    });
    try {
      await transient.page.getByRole('navigation').waitFor();
      const clean = ['never-shown-anywhere-456'];
      expect(await findLeaks(transient, clean)).toEqual([]);

      const [inText, inAttribute, inEditedText, inOneTask] = [
        'nxs_at_transient-text-1',
        'nxs_at_transient-attr-2',
        'nxs_rt_edited-away-3',
        'nxs_at_one-task-4',
      ];
      // Shown, then removed (each step a task of its own, as a re-render would).
      await transient.page.evaluate((secret) => {
        const toast = document.createElement('p');
        toast.id = 'toast';
        toast.textContent = `Signed in with ${secret}`;
        document.body.append(toast);
      }, inText);
      await transient.page.evaluate(
        ([secret, edited]) => {
          const toast = document.getElementById('toast')!;
          toast.setAttribute('title', secret!);
          toast.firstChild!.nodeValue = `Token ${edited}`;
        },
        [inAttribute, inEditedText],
      );
      await transient.page.evaluate(() => {
        const toast = document.getElementById('toast')!;
        toast.setAttribute('title', 'Signed in');
        toast.firstChild!.nodeValue = 'Signed in';
      });
      await transient.page.evaluate(() => document.getElementById('toast')!.remove());
      // Added and removed within one task: the observer still hears of it.
      await transient.page.evaluate((secret) => {
        const flash = document.createElement('span');
        flash.dataset.token = secret;
        flash.textContent = secret;
        document.body.append(flash);
        flash.remove();
      }, inOneTask);

      // The final page holds none of them: the old search saw nothing.
      const content = await transient.page.content();
      for (const secret of [inText, inAttribute, inEditedText, inOneTask]) {
        expect(content).not.toContain(secret);
      }
      const leaks = await findLeaks(transient, [inText, inAttribute, inEditedText, inOneTask]);
      expect(leaks).toEqual([
        'the DOM history holds nxs…(23 chars)',
        'the DOM history holds nxs…(23 chars)',
        'the DOM history holds nxs…(20 chars)',
        'the DOM history holds nxs…(17 chars)',
      ]);
      // A secret typed into a field is the operator's until the call: not in the history.
      await transient.page.evaluate(() => {
        const field = document.createElement('input');
        field.setAttribute('value', 'typed-into-a-field-5');
        document.body.append(field);
        field.remove();
      });
      expect(await findLeaks(transient, ['typed-into-a-field-5'])).toEqual([]);
    } finally {
      await transient.close();
    }
  });

  it('refuses to search a window that does not record what it showed', async () => {
    const blind = await openRenderer(browser, { handlers: fixedHandlers(world()) });
    try {
      await expect(findLeaks(blind, ['x'])).rejects.toThrow(/recordDom/);
    } finally {
      await blind.close();
    }
  });
});
