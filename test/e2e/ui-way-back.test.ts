// View-level: what the sign-in screen says about the way back, from the main
// process's PortalWayBack (computed here by the real rule over fixed data):
// the local address in development, a warning with the fix when the app link
// may not reach the app (another program holds it, the app runs as
// administrator), the honest paste hint, and after a minute of waiting the
// "browser didn't come back?" help. English and Czech, light and dark,
// axe-clean, screenshots under test-results/screens/way-back/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppLinkCheck, ProviderView } from '../../main/ipc/contract';
import { findAxeViolations } from '../support/axe';
import { APP_LINK_REGISTERED, NETREX, NOW, waitingView, wayBackOf, world } from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { LANGS, inBothThemes, say, shown, type Lang } from './ui-view';

const suite = viewSuite();
const { open, calls } = suite;

/** The demo portal as the services list it: both ways back registered. */
const DEMO: ProviderView = {
  ...NETREX,
  id: 'demo',
  name: 'Demo portal',
  url: 'http://127.0.0.1:4010',
  origin: 'demo',
  loopbackPort: 28814,
  loopbackFallback: true,
  redirectUri: 'cz.netrex.connect:/oauth/callback/demo',
};

const DEVELOPMENT: AppLinkCheck = {
  ...APP_LINK_REGISTERED,
  status: 'unavailable',
  launch: 'development',
  detail: 'app links reach only a packaged app on this system (development run)',
};
const CLAIMED: AppLinkCheck = {
  ...APP_LINK_REGISTERED,
  status: 'claimed',
  holder: 'D:\\Old\\Netrex Connect.exe',
  repaired: true,
};
const ELEVATED: AppLinkCheck = { ...APP_LINK_REGISTERED, elevated: true };

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function signInScreen(lang: Lang, provider: ProviderView, appLink: AppLinkCheck) {
  const page = await open({
    lang,
    world: world({ providers: [provider], wayBack: wayBackOf([provider], appLink) }),
  });
  await shown(
    page.getByRole('heading', {
      level: 1,
      name: say(lang, 'signIn.title', { portal: provider.name }),
    }),
  );
  return page;
}

async function axeClean(page: Page, label: string): Promise<void> {
  let done = false;
  const run = findAxeViolations(page).finally(() => (done = true));
  // With the manual clock, axe's own timers move only when the page's clock does.
  while (!done) await page.clock.runFor(5).catch(() => undefined);
  expect(await run, label).toEqual([]);
}

describe.each(LANGS)('the way back on the sign-in screen (%s)', (lang) => {
  it('development: the demo portal comes back through its local address, and the screen says why', async () => {
    const page = await signInScreen(lang, DEMO, DEVELOPMENT);
    const note = page.locator('[data-way-back=development]');
    await shown(note);
    expect(await note.textContent()).toBe(
      `${say(lang, 'wayBack.why.development')} ${say(lang, 'wayBack.viaLoopback', { address: 'http://127.0.0.1:28814' })}`,
    );
    await inBothThemes(page, 'way-back/development', lang, (theme) =>
      axeClean(page, `development ${lang} ${theme}`),
    );
  });

  it('the app link held by another program, no local address registered: a warning with who holds it and the fix', async () => {
    const page = await signInScreen(lang, NETREX, CLAIMED);
    const warning = page.locator('[data-way-back=claimed]');
    await shown(warning);
    const text = await warning.textContent();
    expect(text).toContain(
      say(lang, 'wayBack.why.claimed', { holder: 'D:\\Old\\Netrex Connect.exe' }),
    );
    expect(text).toContain(say(lang, 'wayBack.doubtful'));
    expect(text).toContain(
      say(lang, 'wayBack.fix.other', {
        address: 'http://127.0.0.1:53682/oauth/callback/netrex',
      }),
    );
    await inBothThemes(page, 'way-back/claimed', lang, (theme) =>
      axeClean(page, `claimed ${lang} ${theme}`),
    );
  });

  it('running as administrator: said, with the fix; with a local address registered, the sign-in uses it', async () => {
    const page = await signInScreen(lang, NETREX, ELEVATED);
    const warning = page.locator('[data-way-back=elevated]');
    await shown(warning);
    expect(await warning.textContent()).toContain(say(lang, 'wayBack.why.elevated'));
    expect(await warning.textContent()).toContain(say(lang, 'wayBack.fix.elevated'));
    await inBothThemes(page, 'way-back/elevated', lang, (theme) =>
      axeClean(page, `elevated ${lang} ${theme}`),
    );

    const both = await signInScreen(lang, DEMO, ELEVATED);
    await shown(both.locator('[data-way-back=elevated].callout-info'));
    expect(await both.locator('.callout-warning').count()).toBe(0);
  });

  it('the app link working: nothing to say', async () => {
    const page = await signInScreen(lang, DEMO, APP_LINK_REGISTERED);
    await shown(button(page, say(lang, 'signIn.button', { portal: 'Demo portal' })));
    expect(await page.locator('[data-way-back]').count()).toBe(0);
  });
});

describe.each(LANGS)('waiting for the browser (%s)', (lang) => {
  async function waiting(provider: ProviderView, appLink: AppLinkCheck) {
    const way = wayBackOf([provider], appLink).portals[0]!;
    const page = await open({
      lang,
      clock: 'manual',
      world: world({ providers: [provider], wayBack: wayBackOf([provider], appLink) }),
      overrides: {
        signIn: async (id) => ({ ok: true, value: waitingView(id, { wayBack: way }) }),
        signInViaLoopback: async (id) => ({
          ok: true,
          value: waitingView(id, {
            startedAt: NOW + 63_000,
            deadline: NOW + 363_000,
            wayBack: {
              ...way,
              route: 'loopback',
              reason: 'chosen',
              pasteHint: 'address-bar',
              returnAddress: way.loopbackAddress,
            },
          }),
        }),
        copySignInLink: async (id) => ({
          ok: true,
          value: waitingView(id, {
            startedAt: NOW + 62_000,
            deadline: NOW + 362_000,
            wayBack: way,
          }),
        }),
      },
    });
    await button(page, say(lang, 'signIn.button', { portal: provider.name })).click();
    await shown(page.getByRole('heading', { name: say(lang, 'waiting.title') }));
    return page;
  }

  it('the app link: the paste hint promises no address a browser will not show', async () => {
    const page = await waiting(DEMO, APP_LINK_REGISTERED);
    await button(page, say(lang, 'paste.toggle')).click();
    await shown(
      page.getByText(say(lang, 'paste.hint', { prefix: 'cz.netrex.connect:/oauth/callback/demo' })),
    );
  });

  it('the local address: says so, and the paste hint names the address bar', async () => {
    const page = await waiting(DEMO, DEVELOPMENT);
    await shown(page.locator('[data-way-back=development]'));
    await button(page, say(lang, 'paste.toggle')).click();
    await shown(
      page.getByText(
        say(lang, 'paste.hintLoopback', { prefix: 'http://127.0.0.1:28814/oauth/callback/demo' }),
      ),
    );
  });

  it('after a minute, by itself: the "Open app?" question, the local address, a fresh link — and the help stays while the operator uses them', async () => {
    const page = await waiting(DEMO, APP_LINK_REGISTERED);
    const help = page.getByRole('region', { name: say(lang, 'longWait.title') });
    await page.clock.runFor(59_000);
    expect(await help.count()).toBe(0);
    await page.clock.runFor(1_000);
    await shown(help);
    await shown(help.getByText(say(lang, 'longWait.prompt')));
    await shown(
      help.getByText(say(lang, 'longWait.viaLoopbackHint', { address: 'http://127.0.0.1:28814' })),
    );
    await inBothThemes(page, 'way-back/long-wait', lang, (theme) =>
      axeClean(page, `long wait ${lang} ${theme}`),
    );

    await help.getByRole('button', { name: say(lang, 'longWait.copyLink') }).click();
    await shown(help.getByText(say(lang, 'longWait.copied')));
    expect(calls('copySignInLink')).toEqual([['demo']]);

    await help.getByRole('button', { name: say(lang, 'longWait.viaLoopback') }).click();
    // The new attempt comes back through the local address; the help is still there, now for it.
    await shown(page.locator('[data-way-back=chosen]'));
    await shown(help.getByText(say(lang, 'longWait.loopbackPage')));
    expect(calls('signInViaLoopback')).toEqual([['demo']]);
  });

  it('a portal with only the app link: no local-address button in the help', async () => {
    const page = await waiting(NETREX, APP_LINK_REGISTERED);
    await page.clock.runFor(60_000);
    const help = await shown(page.getByRole('region', { name: say(lang, 'longWait.title') }));
    await shown(help.getByRole('button', { name: say(lang, 'longWait.copyLink') }));
    expect(
      await help.getByRole('button', { name: say(lang, 'longWait.viaLoopback') }).count(),
    ).toBe(0);
  });
});
