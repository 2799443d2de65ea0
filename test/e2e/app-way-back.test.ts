// End to end, real clicks: the way back through the real services and the
// portal stand-in. `npm run demo` on Linux (the host's check says the app link
// cannot be registered in development, as main/electron/app-link.ts answers
// there): the sign-in screen says the browser comes back through the local
// address, and it does — the system browser lands on the app's loopback page.
// And a sign-in whose browser never came back: after a minute the window
// offers the local address and a fresh link, and each of them connects.
import { describe, expect, it } from 'vitest';
import type { AppLinkPort } from '../../main/app-services';
import type { AppLinkCheck } from '../../main/common/way-back';
import type { AppUnderTest } from '../support/app-harness';
import { freePort } from '../support/loopback-server';
import { appSuite } from './app-fixture';
import { DEMO, accountCard, decide, logIn, startSignIn } from './app-steps';
import { LANGS, say, type Lang } from './ui-view';

const suite = appSuite();

/** The host's check, as the Electron adapter answers it for `npm run demo` on Linux. */
const DEVELOPMENT_ON_LINUX: AppLinkPort = {
  check: async (): Promise<AppLinkCheck> => ({
    scheme: 'cz.netrex.connect',
    status: 'unavailable',
    launch: 'development',
    holder: null,
    repaired: false,
    elevated: null,
    detail: 'app links reach only a packaged app on this system (development run)',
    checkedAt: Date.UTC(2026, 0, 1),
  }),
};

/** The app with the demo portal listening on a free loopback port (the stand-in takes any port of its loopback URL). */
async function openDemo(
  lang: Lang,
  appLink?: AppLinkPort,
): Promise<{ app: AppUnderTest; port: number }> {
  const port = await freePort();
  const app = await suite.open({
    lang,
    standIn: { loopbackAnyPort: true },
    services: { demoLoopbackPort: port },
    ...(appLink ? { appLink } : {}),
  });
  return { app, port };
}

describe.each(LANGS)('npm run demo on Linux (%s)', (lang) => {
  it('the sign-in screen says the browser comes back through the local address, and the sign-in connects that way', async () => {
    const { app, port } = await openDemo(lang, DEVELOPMENT_ON_LINUX);
    const { page } = app;
    await page
      .getByRole('heading', { name: say(lang, 'signIn.title', { portal: DEMO }) })
      .waitFor();
    const note = page.locator('[data-way-back=development]');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      `${say(lang, 'wayBack.why.development')} ${say(lang, 'wayBack.viaLoopback', { address: `http://127.0.0.1:${port}` })}`,
    );

    await startSignIn(app, DEMO, lang);
    expect(new URL(app.browser.loaded[0]!).searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${port}/oauth/callback/demo`,
    );
    await page.getByText(say(lang, 'wayBack.why.development'), { exact: false }).waitFor();
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    // The browser lands on the app's own page on loopback, in the window's language; no app link was used.
    const signedIn =
      lang === 'cs' ? 'Netrex Connect je přihlášen.' : 'Netrex Connect is signed in.';
    await app.browser.page.getByText(signedIn, { exact: false }).waitFor();
    expect(app.browser.page.url()).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/callback/demo\\?`),
    );
    await accountCard(page, DEMO)
      .getByText(say(lang, 'state.connected'), { exact: true })
      .waitFor();
    expect(app.browser.links).toEqual([]);
  });
});

describe('a sign-in whose browser never came back', () => {
  it('after a minute the window offers the local address; signing in again that way connects', async () => {
    const { app, port } = await openDemo('en');
    const { page } = app;
    app.deliverLinks = false; // the OS never hands the app link over
    await startSignIn(app);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await app.takeLink(); // the browser tried the app link; nothing came of it

    const help = page.getByRole('region', { name: say('en', 'longWait.title') });
    await app.advance(59_000);
    expect(await help.count()).toBe(0);
    await app.advance(1_000);
    await help.getByText(say('en', 'longWait.prompt')).waitFor();
    await help.getByRole('button', { name: say('en', 'longWait.viaLoopback') }).click();

    await app.browser.whenLoaded(2);
    expect(new URL(app.browser.loaded[1]!).searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${port}/oauth/callback/demo`,
    );
    await page.locator('[data-way-back=chosen]').waitFor();
    // A new tab: the stand-in keeps no session (its flow id rides in a hidden field), so log in again.
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await app.browser.page.getByText('Netrex Connect is signed in.').waitFor();
    await accountCard(page, DEMO).getByText('3 cameras').waitFor();
    expect(app.rig.portal.stats.token.authorization_code).toBe(1);
  });

  it('a fresh link, copied by the main process, opened in another browser: connects (in Czech)', async () => {
    const { app } = await openDemo('cs');
    const { page } = app;
    app.deliverLinks = false;
    await startSignIn(app, DEMO, 'cs');
    await app.advance(60_000);
    const help = page.getByRole('region', { name: say('cs', 'longWait.title') });
    await help.getByRole('button', { name: say('cs', 'longWait.copyLink') }).click();
    await help.getByText(say('cs', 'longWait.copied')).waitFor();
    expect(app.rig.clipboard).toHaveLength(1);
    const link = app.rig.clipboard[0]!;
    // Not the link the browser got first: a fresh sign-in, and the window never saw it.
    expect(link).not.toBe(app.browser.loaded[0]);
    expect(app.rig.transcript.join('\n')).not.toContain(new URL(link).searchParams.get('state')!);
    expect(await page.content()).not.toContain(new URL(link).searchParams.get('state')!);

    // "Another browser": a new tab gets the link pasted; this time the OS hands the app link over.
    app.deliverLinks = true;
    await app.browser.open(link);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await accountCard(page, DEMO)
      .getByText(say('cs', 'state.connected'), { exact: true })
      .waitFor();
  });
});
