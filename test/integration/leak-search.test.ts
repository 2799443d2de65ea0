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
    // The search output never prints the secret itself.
    expect(leaks.join('\n')).not.toContain(SECRET);
  });

  it('allows a typed secret only in the calls meant for it; a field value still counts', async () => {
    await view.page.evaluate(
      async ([token]) => {
        type Call = (...args: unknown[]) => Promise<unknown>;
        const bridge = (window as unknown as { netrex: Record<string, Call> }).netrex;
        await bridge.signInWithApiToken!({ providerId: 'netrex', token });
        await bridge.setClientSecret!('netrex', token);
        await bridge.completeSignIn!(`cz.netrex.connect:/oauth/callback/netrex?code=${token}`);
        await bridge.checkNow!(token);
      },
      ['typed-secret-0a9f'] as const,
    );
    const leaks = await findLeaks(view, ['typed-secret-0a9f']);
    expect(leaks).toEqual([expect.stringMatching(/^bridge #\d+ call checkNow holds/)]);

    await view.page.evaluate(() => {
      const field = document.createElement('input');
      field.value = 'in-a-field-only-77';
      document.body.append(field);
    });
    expect(await findLeaks(view, ['in-a-field-only-77'])).toEqual([
      'a field value holds in-…(18 chars)',
    ]);
  });
});
