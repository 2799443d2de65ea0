// End to end, real clicks: the app's window over the real services and the
// portal stand-in, the portal's pages in a second browser playing the system
// browser, the redirect back through the shell's deep-link entry. Each test
// ends with the shared secret search (app-fixture.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS } from '../../main/auth/engine';
import { appSuite } from './app-fixture';
import { freePort } from '../support/loopback-server';
import {
  DEMO,
  DEMO_CAMERAS,
  accountCard,
  button,
  decide,
  logIn,
  nav,
  startSignIn,
  toPortalChoice,
} from './app-steps';
import { focused, say, sayError } from './ui-view';

const suite = appSuite();

describe('one-click sign-in', () => {
  it('first run: straight to the one ready portal, sign in in the browser, allow → Connected with 3 cameras', async () => {
    const app = await suite.open();
    const { page } = app;
    // Only the demo portal has its client set up (the built-ins have none yet):
    // nothing to choose, so the window opens on its sign-in…
    await page
      .getByRole('heading', { name: say('en', 'signIn.title', { portal: DEMO }) })
      .waitFor();
    // …and the choice of every portal is one link away.
    await button(page, say('en', 'signIn.otherPortal')).click();
    await page.getByRole('heading', { name: say('en', 'choose.title') }).waitFor();
    for (const portal of ['Netrex', 'CamStreamer Cloud', DEMO, say('en', 'other.card')]) {
      await expect(
        page.getByRole('button', { name: new RegExp(`^${portal}`) }).count(),
      ).resolves.toBe(1);
    }
    await page.getByRole('button', { name: new RegExp(`^${DEMO}`) }).click();
    await page
      .getByRole('heading', { name: say('en', 'signIn.title', { portal: DEMO }) })
      .waitFor();
    await button(page, say('en', 'signIn.button', { portal: DEMO })).click();

    // While the browser is out: what to do, the time left, the ways out.
    await page.getByRole('heading', { name: say('en', 'waiting.title') }).waitFor();
    await expect(page.getByRole('timer').textContent()).resolves.toBe('10:00');
    await app.browser.whenLoaded(1);
    const authorization = new URL(app.browser.loaded[0]!);
    expect(authorization.origin + authorization.pathname).toBe(
      `${app.rig.portal.url}/oauth2/auth/`,
    );
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');

    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');

    const card = accountCard(page, DEMO);
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('3 cameras').waitFor();
    await card.getByRole('button', { name: say('en', 'account.showNames') }).click();
    for (const camera of DEMO_CAMERAS) await card.getByText(camera, { exact: true }).waitFor();
    await page.getByRole('heading', { name: say('en', 'connections.title'), level: 1 }).waitFor();
    await page
      .getByRole('status')
      .getByText(say('en', 'notices.connected', { portal: DEMO }))
      .waitFor();

    // The link came back once, through the shell's argv routing, and nothing was refused.
    expect(app.browser.links).toHaveLength(1);
    expect(app.refusedLinks).toEqual([]);
    expect(app.rig.portal.stats.token.authorization_code).toBe(1);
  });

  it('deny → "You declined access", said once, and "Sign in" again works', async () => {
    const app = await suite.open();
    const { page } = app;
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Deny');

    const refusal = page.locator('[data-refusal=declined]');
    await refusal.getByRole('heading', { name: say('en', 'refusal.declined.title') }).waitFor();
    await refusal.getByText(say('en', 'refusal.declined.next', { portal: DEMO })).waitFor();
    // The main process also raised a notice for the refused link; the window shows it once.
    expect(app.rig.notices().map((n) => n.code)).toEqual(['access_denied']);
    await expect(page.locator('.notice').count()).resolves.toBe(0);
    await expect(page.getByText(say('en', 'refusal.declined.title')).count()).resolves.toBe(1);

    // The retry: the same button, a fresh authorization, allowed this time.
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await accountCard(page, DEMO).getByText('3 cameras').waitFor();
    expect(app.rig.opened).toHaveLength(2);
    expect(new URL(app.rig.opened[1]!).searchParams.get('state')).not.toBe(
      new URL(app.rig.opened[0]!).searchParams.get('state'),
    );
  });

  it('Cancel: back to the start; the portal allowing afterwards connects nothing and says why', async () => {
    const app = await suite.open();
    const { page } = app;
    await startSignIn(app);
    await button(page, say('en', 'waiting.cancel')).click();
    await page.getByText(say('en', 'signIn.cancelled')).waitFor();
    await focused(page, { tag: 'button', text: say('en', 'signIn.button', { portal: DEMO }) });

    // The operator finishes in the browser anyway: the link arrives for a cancelled sign-in.
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const late = page.getByRole('alert').locator('.notice');
    await late.getByText(say('en', 'fromApp.cancelled', { portal: DEMO })).waitFor();
    expect(app.rig.notices().at(-1)?.code).toBe('cancelled');
    expect(app.rig.services.accounts()).toEqual([]);
    expect(app.rig.portal.stats.token.authorization_code).toBe(0);

    // The notice is about that sign-in: it ends when the next one starts, and that one works.
    await startSignIn(app);
    await expect(late.count()).resolves.toBe(0);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await accountCard(page, DEMO).getByText('3 cameras').waitFor();
    await expect(page.locator('.notice-error').count()).resolves.toBe(0);
  });

  it('the portal does not answer the code: "Almost done" has Cancel; it ends the sign-in, nothing connects', async () => {
    const app = await suite.open();
    const { page } = app;
    app.rig.portal.faults.inject('token', { kind: 'no-answer' });
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await page.getByRole('heading', { name: say('en', 'waiting.exchangingTitle') }).waitFor();
    await page.getByText(say('en', 'waiting.exchanging', { portal: DEMO })).waitFor();
    await button(page, say('en', 'waiting.cancel')).click();

    await page.getByText(say('en', 'signIn.cancelled')).waitFor();
    await focused(page, { tag: 'button', text: say('en', 'signIn.button', { portal: DEMO }) });
    expect(app.rig.services.accounts()).toEqual([]);
    // The operator's own Cancel is not reported back as a failure.
    await expect(page.locator('.notice').count()).resolves.toBe(0);
    expect(app.rig.notices()).toEqual([]);
    expect(app.rig.signInViews().map((v) => v.phase)).toEqual([
      'waiting',
      'exchanging',
      'cancelled',
    ]);
  });

  it('a portal that never answers the code: "The portal didn\'t answer", not "reported a problem"', async () => {
    // The app gives up on a request after its timeout (1 s here; 15 s in the app).
    const app = await suite.open({ services: { timeoutMs: 1_000 } });
    const { page } = app;
    app.rig.portal.faults.inject('token', { kind: 'no-answer' });
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const refusal = page.locator('[data-refusal=noAnswer]');
    await refusal.getByRole('heading', { name: say('en', 'refusal.noAnswer.title') }).waitFor();
    await refusal.getByText(say('en', 'refusal.noAnswer.next')).waitFor();
    await expect(page.getByText(say('en', 'refusal.portal.title')).count()).resolves.toBe(0);
    expect(app.rig.services.accounts()).toEqual([]);
  });

  it('the deadline passes (manual clock): the countdown runs down, then "took too long"', async () => {
    const app = await suite.open();
    const { page } = app;
    app.deliverLinks = false;
    await startSignIn(app);
    // The operator allows in the browser, but the link is slow to reach the app.
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const late = await app.takeLink();

    await app.advance(60_000);
    await page.getByRole('timer').getByText('9:00').waitFor();
    await app.advance(DEFAULT_DEADLINE_MS - 60_000 + 1_000);
    const refusal = page.locator('[data-refusal=timedOut]');
    await refusal.getByRole('heading', { name: say('en', 'refusal.timedOut.title') }).waitFor();
    await button(page, say('en', 'signIn.button', { portal: DEMO })).waitFor();

    // The link arriving after the deadline connects nothing; the screen already says why.
    app.secondInstance(late);
    await expect.poll(() => app.rig.notices().map((n) => n.code)).toEqual(['timed_out']);
    expect(app.rig.services.accounts()).toEqual([]);
    expect(app.rig.portal.stats.token.authorization_code).toBe(0);
    await expect(page.getByText(say('en', 'refusal.timedOut.title')).count()).resolves.toBe(1);
    await expect(page.locator('.notice').count()).resolves.toBe(0);
  });

  it('a half-copied address is called incomplete, shown without its secrets, and the whole one works', async () => {
    const app = await suite.open();
    const { page } = app;
    app.deliverLinks = false;
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const address = await app.takeLink();
    const cut = address.slice(0, address.indexOf('&state='));
    expect(cut).toMatch(/\?code=[^&]+$/);

    await button(page, say('en', 'paste.toggle')).click();
    const field = page.getByLabel(say('en', 'paste.label'));
    await field.fill(cut);
    await button(page, say('en', 'paste.submit')).click();
    await page.getByText(say('en', 'fromApp.incomplete_redirect')).waitFor();
    await expect(page.getByText(say('en', 'fromApp.state_mismatch')).count()).resolves.toBe(0);
    // What was pasted, to compare with the browser: the address and its parts, never the code.
    await page
      .getByText('cz.netrex.connect:/oauth/callback/demo?code=…', { exact: true })
      .waitFor();
    await expect(field.inputValue()).resolves.toBe('');

    // The sign-in still waits: the whole address completes it.
    await field.fill(address);
    await button(page, say('en', 'paste.submit')).click();
    await accountCard(page, DEMO).getByText('3 cameras').waitFor();
  });

  it('"Paste the address instead" completes a sign-in the browser could not hand back', async () => {
    const app = await suite.open();
    const { page } = app;
    app.deliverLinks = false; // the OS does not know the app's scheme
    await startSignIn(app);
    await button(page, say('en', 'waiting.reopen')).click();
    await app.browser.whenLoaded(2);
    expect(app.browser.loaded[1]).toBe(app.browser.loaded[0]);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const address = await app.takeLink();
    expect(address).toMatch(/^cz\.netrex\.connect:\/oauth\/callback\/demo\?code=/);

    await button(page, say('en', 'paste.toggle')).click();
    await page.getByLabel(say('en', 'paste.label')).fill(address);
    await button(page, say('en', 'paste.submit')).click();
    await accountCard(page, DEMO).getByText('3 cameras').waitFor();
    expect(
      app.window.messages.filter((m) => m.direction === 'call' && m.name === 'completeSignIn'),
    ).toHaveLength(1);
    expect(app.refusedLinks).toEqual([]);
  });

  it("the loopback way back: the browser's page after Allow speaks the operator's language (cs)", async () => {
    const lang = 'cs';
    const app = await suite.open({ lang });
    const { page } = app;
    // The administrator chose the local address for the demo portal, on a port of its own.
    app.rig.portal.settings.loopbackAnyPort = true;
    const port = await freePort();
    await nav(page, lang, 'settings').click();
    await button(page, DEMO).click();
    await page
      .getByRole('radio', { name: new RegExp(`^${say(lang, 'redirect.loopback')}`) })
      .check();
    await page.getByLabel(say(lang, 'redirect.port'), { exact: true }).fill(String(port));
    await button(page, say(lang, 'provider.save')).click();
    await page.getByRole('status').getByText(say(lang, 'provider.saved')).waitFor();

    await nav(page, lang, 'addAccount').click();
    await startSignIn(app, DEMO, lang);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    const back = app.browser.page;
    await back.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/callback/demo\\?`));
    await back.getByRole('heading', { name: 'Přihlášeno', level: 1 }).waitFor();
    await expect(back.locator('html').getAttribute('lang')).resolves.toBe('cs');
    await expect(back.locator('body').innerText()).resolves.toContain(
      'Netrex Connect je přihlášen. Tuto kartu můžete zavřít a vrátit se do aplikace.',
    );
    await accountCard(page, DEMO)
      .getByText(say(lang, 'state.connected'), { exact: true })
      .waitFor();
    expect(app.browser.links).toEqual([]); // it came back through the loopback listener
  });
});

describe('a built-in portal nobody has set up', () => {
  it('is marked on the choice, leads with the administrator and the API token, and names all that is missing', async () => {
    const app = await suite.open();
    const { page } = app;
    await toPortalChoice(app);
    const needsSetup = say('en', 'choose.tagNeedsSetup');
    const card = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}`) });
    await card('Netrex').getByText(needsSetup).waitFor();
    await card('CamStreamer Cloud').getByText(needsSetup).waitFor();
    await expect(card(DEMO).getByText(needsSetup).count()).resolves.toBe(0);

    await card('Netrex').click();
    const panel = page.getByRole('region', {
      name: say('en', 'signIn.notReadyTitle', { portal: 'Netrex' }),
    });
    await panel.getByText(say('en', 'signIn.notReadyAsk', { portal: 'Netrex' })).waitFor();
    // Both the client ID and the secret are missing: said at once, not one after the other.
    const missing = sayError('en', {
      code: 'not_configured',
      message: '',
      params: { portal: 'Netrex', variant: 'client-id-and-secret-netrex' },
    });
    expect(missing).toMatch(/^Netrex has no client ID and no client secret yet\./);
    await panel.getByText(missing).waitFor();
    // The way in that needs no administrator comes first.
    const buttons = await panel.getByRole('button').allInnerTexts();
    expect(buttons).toEqual([
      say('en', 'signIn.useToken'),
      say('en', 'signIn.setUpYourself', { portal: 'Netrex' }),
    ]);
    await panel.getByRole('button', { name: say('en', 'signIn.useToken') }).click();
    await expect(page.getByLabel(say('en', 'apiToken.portal')).inputValue()).resolves.toBe(
      'netrex',
    );
  });
});
