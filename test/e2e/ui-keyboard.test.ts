// View-level: every control is reachable with Tab, shows where focus is, and
// works from the keyboard alone (fixed snapshots from an in-test handler table).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CONNECTED,
  EXPIRED,
  MANAGED,
  NETREX,
  OFFLINE,
  WEAK_STORAGE,
  waitingView,
  world,
  type FixtureWorld,
} from './ui-fixtures';
import { SLOW_ANSWER_MS } from '../../renderer/src/store/state';
import { viewSuite } from './ui-suite';
import { focused, say, shown } from './ui-view';

const suite = viewSuite();
const { calls } = suite;
const open = (w: FixtureWorld): Promise<Page> => suite.open({ world: w });

interface TabWalk {
  /** Controls a keyboard user should reach (visible, enabled; one per radio group). */
  readonly expected: string[];
  /** What Tab reached, in order, with whether focus was visibly drawn. */
  readonly reached: Array<{ key: string; outlined: boolean }>;
}

/** Tabs from the top of the page until focus comes round again. */
async function walkTabs(page: Page): Promise<TabWalk> {
  const expected = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const keys: string[] = [];
    const groups = new Set<string>();
    document.querySelectorAll<HTMLElement>(selector).forEach((el, index) => {
      const visible =
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (!visible || (el as HTMLButtonElement).disabled) return;
      let key = `kb${index}`;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        key = `radio:${el.name}`;
        if (groups.has(key)) {
          el.dataset.kb = key;
          return;
        }
        groups.add(key);
      }
      el.dataset.kb = key;
      keys.push(key);
    });
    // Start from the top of the document: focus a throwaway first element.
    const start = document.createElement('span');
    start.id = 'kb-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    return keys;
  });
  const reached: TabWalk['reached'] = [];
  for (let i = 0; i < expected.length + 5; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { key: el.dataset.kb ?? `unexpected:${el.tagName}`, outlined };
    });
    if (!step || reached.some((r) => r.key === step.key)) break;
    reached.push(step);
  }
  await page.evaluate(() => document.getElementById('kb-start')?.remove());
  return { expected, reached };
}

async function expectAllReachable(page: Page): Promise<number> {
  const { expected, reached } = await walkTabs(page);
  expect(reached.map((r) => r.key)).toEqual(expected);
  expect(reached.filter((r) => !r.outlined)).toEqual([]);
  expect(await page.locator('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').count()).toBe(0);
  return expected.length;
}

describe('every control is reachable with Tab, in order, with visible focus', () => {
  const en = (key: string, values?: Record<string, string>) => say('en', key, values);
  const screens: Array<[string, () => FixtureWorld, (page: Page) => Promise<void>]> = [
    [
      'portal choice, other portal open',
      () => world(),
      (p) => p.getByRole('button', { name: /^Other portal…/ }).click(),
    ],
    [
      'sign-in waiting, paste open',
      () => world({ providers: [NETREX] }),
      async (p) => {
        await p.getByRole('button', { name: en('signIn.button', { portal: 'Netrex' }) }).click();
        await p.getByRole('button', { name: en('paste.toggle') }).click();
      },
    ],
    [
      'connections',
      () => world({ accounts: [CONNECTED, OFFLINE, EXPIRED] }),
      (p) =>
        p
          .getByRole('button', { name: en('account.showNames') })
          .first()
          .click(),
    ],
    [
      'API token',
      () => world(),
      (p) => p.getByRole('button', { name: en('choose.useToken') }).click(),
    ],
    [
      'settings, secret being replaced, weak storage',
      () => world({ providers: [NETREX, MANAGED], storage: WEAK_STORAGE }),
      async (p) => {
        await p
          .getByRole('navigation')
          .getByRole('button', { name: en('nav.settings') })
          .click();
        await p.getByRole('button', { name: en('secret.add') }).click();
      },
    ],
  ];

  for (const [name, makeWorld, reach] of screens) {
    it(name, async () => {
      const page = await open(makeWorld());
      await reach(page);
      expect(await expectAllReachable(page)).toBeGreaterThan(4);
    });
  }
});

describe('operated from the keyboard alone', () => {
  it('skip link, portal choice, sign-in, paste the address', async () => {
    const page = await open(world());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      say('en', 'nav.skip'),
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab'); // first portal card
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Netrex/);
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to Netrex' }));
    // Focus moved to the new screen's heading; the next Tab is the sign-in button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Sign in with Netrex',
    );
    await page.keyboard.press('Enter');
    await shown(page.getByRole('timer'));
    expect(calls('signIn')).toEqual([['netrex']]);
    // The button that had focus is gone; focus lands on what to do now.
    await focused(page, { text: say('en', 'waiting.title') });
    await page.keyboard.press('Tab'); // Open the browser again
    await page.keyboard.press('Space');
    // Still focused while the call is on its way (aria-disabled, not disabled).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      say('en', 'waiting.reopen'),
    );
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Paste the address instead
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('cz.netrex.connect:/oauth/callback/netrex?code=c&state=s');
    await page.keyboard.press('Enter');
    await shown(page.getByText(say('en', 'waiting.exchanging', { portal: 'Netrex' })));
    expect(calls('reopenBrowser')).toEqual([['netrex']]);
    expect(calls('completeSignIn')).toHaveLength(1);
  });

  it('cancels a sign-in with Space', async () => {
    const page = await open(world({ providers: [NETREX] }));
    await page.getByRole('button', { name: 'Sign in with Netrex' }).press('Enter');
    await page.getByRole('button', { name: say('en', 'waiting.cancel') }).focus();
    await page.keyboard.press('Space');
    await shown(page.getByText(say('en', 'signIn.cancelled')));
    await focused(page, { text: 'Sign in with Netrex' });
  });

  it('Escape cancels a sign-in waiting for the browser, and one whose code is being confirmed', async () => {
    const page = await suite.open({ world: world({ providers: [NETREX] }), clock: 'manual' });
    await page.getByRole('button', { name: 'Sign in with Netrex' }).press('Enter');
    await shown(page.getByRole('heading', { name: say('en', 'waiting.title') }));
    await page.keyboard.press('Escape');
    await shown(page.getByText(say('en', 'signIn.cancelled')));
    expect(suite.calls('cancelSignIn')).toEqual([['netrex']]);

    // The code went to the portal, which takes long to answer: the window says so, Escape still works.
    await page.getByRole('button', { name: 'Sign in with Netrex' }).press('Enter');
    await shown(page.getByRole('heading', { name: say('en', 'waiting.title') }));
    await suite.view.emit('sign-in-changed', waitingView('netrex', { phase: 'exchanging' }));
    await shown(page.getByRole('heading', { name: say('en', 'waiting.exchangingTitle') }));
    const slow = page.getByText(say('en', 'waiting.slow', { portal: 'Netrex' }));
    expect(await slow.count()).toBe(0);
    await page.clock.runFor(SLOW_ANSWER_MS);
    await shown(slow);
    await page.keyboard.press('Escape');
    await shown(page.getByText(say('en', 'signIn.cancelled')));
    expect(suite.calls('cancelSignIn')).toEqual([['netrex'], ['netrex']]);
  });

  it('signing out of one of two accounts leaves focus on the screen heading', async () => {
    const page = await open(world({ accounts: [CONNECTED, OFFLINE] }));
    await page
      .getByRole('button', { name: say('en', 'account.signOut') })
      .first()
      .press('Enter');
    // The question takes focus on its safe answer; Tab, then Enter, confirms.
    await focused(page, { tag: 'button', text: say('en', 'account.signOutKeep') });
    await page.keyboard.press('Shift+Tab');
    await focused(page, { tag: 'button', text: say('en', 'account.signOutConfirm') });
    await page.keyboard.press('Enter');
    await shown(page.getByRole('status').getByText(/Signed out of dispatch@example.cz/));
    await focused(page, { tag: 'h1' });
  });

  it('connections: disclosure, check now, sign out', async () => {
    const page = await open(world({ accounts: [CONNECTED] }));
    await page.getByRole('button', { name: say('en', 'account.showNames') }).focus();
    await page.keyboard.press('Enter');
    await shown(page.getByText('Warehouse'));
    await page.keyboard.press('Tab'); // Check now
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // Sign out
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab'); // from "Stay signed in" to "Yes, sign out"
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'choose.title') }));
    expect(calls('checkNow')).toEqual([['a1']]);
    expect(calls('signOut')).toEqual([['a1']]);
  });

  it('settings: rights with Space, redirect kind with arrows, save with Enter, language from the keyboard', async () => {
    const page = await open(world({ providers: [NETREX] }));
    await page
      .getByRole('navigation')
      .getByRole('button', { name: say('en', 'nav.settings') })
      .press('Enter');
    await page.getByRole('checkbox', { name: /Watch live video/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('radio', { name: /App link/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Local address/ }).isChecked()).toBe(true);
    await page.getByLabel(say('en', 'provider.clientId')).focus();
    await page.keyboard.press('Enter'); // submits the settings form
    await shown(page.getByRole('status').getByText(say('en', 'provider.saved')));
    expect(calls('updateProvider')).toEqual([
      ['netrex', { rights: ['read'], redirectKind: 'loopback' }],
    ]);
    await page.getByLabel(say('en', 'appSettings.language')).focus();
    await page.keyboard.press('ArrowDown'); // System → English
    await page.keyboard.press('ArrowDown'); // English → Čeština
    await shown(page.getByRole('heading', { level: 1, name: say('cs', 'settings.title') }));
    expect(calls('updateAppSettings').at(-1)).toEqual([{ language: 'cs' }]);
  });

  it('dismisses a notice from the keyboard', async () => {
    const page = await open(world({ accounts: [CONNECTED] }));
    await suite.view.emit('notice', {
      id: 'n1',
      level: 'error',
      code: 'x',
      message: 'The vault could not be written.',
      at: 0,
    });
    await page
      .getByRole('alert')
      .getByRole('button', { name: say('en', 'notices.dismiss') })
      .press('Enter');
    expect(await page.getByText('The vault could not be written.').count()).toBe(0);
  });
});
