// Screenshots of every screen of the real app — real services, the stand-in,
// real clicks — in English and Czech, light and dark, saved under
// test-results/screens/app/ (ignored by git). Each screen also passes axe-core
// in both themes, and the walk ends with the shared secret search.
import { describe, expect, it } from 'vitest';
import { findAxeViolations } from '../support/axe';
import { AesGcmCipher } from '../support/aes-cipher';
import type { AppUnderTest } from '../support/app-harness';
import { appSuite } from './app-fixture';
import {
  DEMO,
  DEMO_API_TOKEN,
  accountCard,
  button,
  decide,
  logIn,
  nav,
  startSignIn,
  toPortalChoice,
} from './app-steps';
import { LANGS, inBothThemes, say, type Lang } from './ui-view';

const suite = appSuite();
/** A window the size of a small laptop's, so the screenshots read well in the README too. */
const VIEWPORT = { width: 900, height: 700 };

/**
 * axe-core waits on timers, and the window's clock stands still (it moves with
 * the services' manual clock): it is moved a few milliseconds at a time until
 * axe is done, far less than the whole seconds the window shows.
 */
async function axeOnPausedClock(
  app: AppUnderTest,
): Promise<Awaited<ReturnType<typeof findAxeViolations>>> {
  let done = false;
  const run = findAxeViolations(app.page).finally(() => (done = true));
  while (!done) await app.page.clock.runFor(5);
  return run;
}

/** Both themes of the screen as it is now: checked by axe-core, then saved. */
function capture(app: AppUnderTest, name: string, lang: Lang): Promise<void> {
  return inBothThemes(app.page, `app/${name}`, lang, async (theme) => {
    expect(await axeOnPausedClock(app), `${name} ${lang} ${theme}`).toEqual([]);
  });
}

describe.each(LANGS)('every screen, %s', (lang) => {
  it('choose portal, waiting, refusal, API token, connections, settings', async () => {
    const app = await suite.open({ lang, viewport: VIEWPORT });
    const { page } = app;
    // The one ready portal first; the choice of all is one link away.
    await page
      .getByRole('heading', { name: say(lang, 'signIn.title', { portal: DEMO }) })
      .waitFor();
    await capture(app, 'sign-in', lang);
    await toPortalChoice(app, lang);
    await capture(app, 'choose-portal', lang);

    await startSignIn(app, DEMO, lang);
    await page.getByRole('timer').waitFor();
    await capture(app, 'sign-in-waiting', lang);

    await logIn(app.browser.page);
    await decide(app.browser.page, 'Deny');
    await page.getByRole('heading', { name: say(lang, 'refusal.declined.title') }).waitFor();
    await capture(app, 'sign-in-declined', lang);

    await startSignIn(app, DEMO, lang);
    await logIn(app.browser.page);
    await decide(app.browser.page, 'Allow');
    await accountCard(page, DEMO)
      .getByText(say(lang, 'state.connected'), { exact: true })
      .waitFor();

    await nav(page, lang, 'addAccount').click();
    await button(page, say(lang, 'choose.useToken')).click();
    await page.getByLabel(say(lang, 'apiToken.portal')).selectOption('demo');
    await capture(app, 'api-token', lang);
    await page.getByLabel(say(lang, 'apiToken.token')).fill(DEMO_API_TOKEN);
    const label = lang === 'cs' ? 'Recepce' : 'Reception';
    await page.getByLabel(say(lang, 'apiToken.label')).fill(label);
    await button(page, say(lang, 'apiToken.submit')).click();
    await accountCard(page, label)
      .getByText(say(lang, 'state.connected'), { exact: true })
      .waitFor();
    await accountCard(page, DEMO)
      .getByRole('button', { name: say(lang, 'account.showNames') })
      .click();
    // The operator has read the "connected" notices.
    const dismiss = page.getByRole('button', { name: say(lang, 'notices.dismiss') });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await capture(app, 'connections', lang);

    // The portal goes away: each account says so, and when it tries again.
    await app.rig.portal.stop();
    await app.advance(5 * 60_000);
    await accountCard(page, label).locator('.badge-offline').waitFor();
    await accountCard(page, DEMO).locator('.badge-offline').waitFor();
    await capture(app, 'connections-offline', lang);
    await app.rig.portal.start();

    await nav(page, lang, 'settings').click();
    await page.getByRole('heading', { name: say(lang, 'settings.title'), level: 1 }).waitFor();
    await button(page, DEMO).click();
    await capture(app, 'settings', lang);
  });

  it('storage warning (no keyring: basic_text)', async () => {
    const app = await suite.open({
      lang,
      viewport: VIEWPORT,
      cipher: AesGcmCipher.random({ backend: 'basic_text' }),
    });
    const { page } = app;
    await nav(page, lang, 'settings').click();
    const warning = page.getByText(say(lang, 'storage.weakWarning'));
    await warning.waitFor();
    await warning.scrollIntoViewIfNeeded();
    await capture(app, 'storage-warning', lang);
  });
});
