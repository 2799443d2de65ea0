// What the operator does, as steps of the end-to-end tests: clicks in the
// app's window (by role and accessible name, in the window's own words) and
// in the portal's pages in the system browser.
import type { Locator, Page } from 'playwright-core';
import type { AppUnderTest } from '../support/app-harness';
import { freePort } from '../support/loopback-server';
import type { ProviderStandIn } from '../support/provider';
import { say, type Lang } from './ui-view';

export const DEMO = 'Demo portal';
export const OPERATOR = { username: 'operator', password: 'operator' } as const;
export const DEMO_CAMERAS = ['Entrance', 'Parking lot', 'Warehouse'] as const;
/** The stand-in user's personal API token (test/support/provider/README.md). */
export const DEMO_API_TOKEN = 'demo-operator-api-token';

/** In the system browser: the portal's login form. */
export async function logIn(
  browserPage: Page,
  user: { username: string; password: string } = OPERATOR,
): Promise<void> {
  await browserPage.getByLabel('Username').fill(user.username);
  await browserPage.getByLabel('Password').fill(user.password);
  await browserPage.getByRole('button', { name: 'Sign in' }).click();
}

/** In the system browser: the portal's consent dialog. */
export async function decide(browserPage: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  await browserPage.getByRole('button', { name: decision, exact: true }).click();
}

export function button(page: Page, name: string | RegExp): Locator {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}

export function nav(page: Page, lang: Lang, key: 'connections' | 'addAccount' | 'settings') {
  return page.getByRole('navigation').getByRole('button', { name: say(lang, `nav.${key}`) });
}

/** An account card, found by its label (its heading). */
export function accountCard(page: Page, label: string): Locator {
  return page.getByRole('article', { name: label });
}

/** "Sign out" on an account's card, then "Yes, sign out" in the question it asks. */
export async function signOut(card: Locator, lang: Lang = 'en'): Promise<void> {
  await card.getByRole('button', { name: say(lang, 'account.signOut') }).click();
  await card.getByRole('button', { name: say(lang, 'account.signOutConfirm') }).click();
}

/** First run or "Add account": the portal's card, then "Sign in with <portal>". */
export async function startSignIn(app: AppUnderTest, portal = DEMO, lang: Lang = 'en') {
  const { page } = app;
  const card = page.getByRole('button', { name: new RegExp(`^${portal}`) });
  if (await page.getByRole('heading', { name: say(lang, 'choose.title') }).isVisible()) {
    await card.click();
  }
  const opened = app.browser.loaded.length;
  await button(page, say(lang, 'signIn.button', { portal })).click();
  await page.getByRole('heading', { name: say(lang, 'waiting.title') }).waitFor();
  // The system browser shows the portal's own login page, in a new tab.
  await app.browser.whenLoaded(opened + 1);
  await app.browser.page.getByLabel('Username').waitFor();
}

/**
 * To the portal choice from wherever the window is: "Add account", and when
 * that leads straight to the one ready portal's sign-in, its link to the others.
 */
export async function toPortalChoice(app: AppUnderTest, lang: Lang = 'en'): Promise<void> {
  const { page } = app;
  const choice = page.getByRole('heading', { name: say(lang, 'choose.title') });
  const others = button(page, say(lang, 'signIn.otherPortal'));
  if (!(await choice.isVisible()) && !(await others.isVisible())) {
    await nav(page, lang, 'addAccount').click();
  }
  await choice.or(others).first().waitFor();
  if (!(await choice.isVisible())) await others.click();
  await choice.waitFor();
}

/** A whole one-click sign-in: start, log in and allow in the browser, see it connected. */
export async function signInWithBrowser(
  app: AppUnderTest,
  portal = DEMO,
  user: { username: string; password: string } = OPERATOR,
  lang: Lang = 'en',
): Promise<Locator> {
  await startSignIn(app, portal, lang);
  await logIn(app.browser.page, user);
  await decide(app.browser.page, 'Allow');
  const card = accountCard(app.page, portal);
  await card.getByText(say(lang, 'state.connected'), { exact: true }).waitFor();
  return card;
}

/** The bridge calls the page made after message number `seq` (what the operator clicked). */
export function callsAfter(app: AppUnderTest, seq: number): string[] {
  return app.window.messages
    .filter((m) => m.seq > seq && m.direction === 'call')
    .map((m) => m.name);
}

/** The number of the last message that crossed the bridge so far. */
export function lastSeq(app: AppUnderTest): number {
  return app.window.messages.at(-1)?.seq ?? 0;
}

export interface SecondPortal {
  readonly name: string;
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly user: { readonly username: string; readonly password: string };
  readonly cameras: readonly string[];
}

/** A reseller's portal, as its administrator registers Netrex Connect in it. */
export async function secondPortal(name = 'Depot portal'): Promise<SecondPortal> {
  return {
    name,
    url: `http://127.0.0.1:${await freePort()}`,
    clientId: 'depot-netrex-connect',
    clientSecret: 'depot-client-secret-4c1e9b27d0',
    user: { username: 'dispatch', password: 'dispatch-password-81f3' },
    cameras: ['Gate', 'Loading dock'],
  };
}

/**
 * "Other portal…", then its settings: client ID, client secret, rights; then
 * the address to register, copied with the window's button (needs the
 * clipboard permissions). The portal itself starts with that address
 * registered, as its administrator would do. Ends on the portal's sign-in screen.
 */
export async function addAndSetUpPortal(
  app: AppUnderTest,
  portal: SecondPortal,
  rights: readonly string[] = [],
  lang: Lang = 'en',
): Promise<{ standIn: ProviderStandIn; redirectUri: string }> {
  const { page } = app;
  await toPortalChoice(app, lang);
  await button(page, new RegExp(`^${say(lang, 'other.card')}`)).click();
  await page.getByLabel(say(lang, 'other.urlLabel')).fill(portal.url);
  await page.getByLabel(say(lang, 'other.nameLabel')).fill(portal.name);
  await button(page, say(lang, 'other.submit')).click();
  await button(page, say(lang, 'signIn.setUpYourself', { portal: portal.name })).click();

  await page.getByLabel(say(lang, 'provider.clientId')).fill(portal.clientId);
  await button(page, say(lang, 'secret.add')).click();
  app.typedSecrets.push(portal.clientSecret);
  await page.getByLabel(say(lang, 'secret.newLabel')).fill(portal.clientSecret);
  await button(page, say(lang, 'secret.save')).click();
  await page
    .locator('.secret-status')
    .getByText(say(lang, 'secret.set'), { exact: true })
    .waitFor();
  for (const right of rights) {
    await page.getByRole('checkbox', { name: `${say(lang, `rights.${right}`)} ${right}` }).check();
  }
  await button(page, say(lang, 'provider.save')).click();
  await page.getByRole('status').getByText(say(lang, 'provider.saved')).waitFor();

  await button(page, say(lang, 'redirect.copy')).click();
  await page.getByText(say(lang, 'redirect.copied')).waitFor();
  const redirectUri = await page.evaluate(() => navigator.clipboard.readText());
  const standIn = await app.startPortal(
    {
      clients: [
        {
          client_id: portal.clientId,
          client_secret: portal.clientSecret,
          name: 'Netrex Connect',
          redirect_uris: [redirectUri],
        },
      ],
      users: [{ ...portal.user, cameras: [...portal.cameras], apiTokens: [] }],
    },
    { port: Number(new URL(portal.url).port) },
  );
  await nav(page, lang, 'addAccount').click();
  await button(page, new RegExp(`^${portal.name}`)).click();
  await button(page, say(lang, 'signIn.button', { portal: portal.name })).waitFor();
  return { standIn, redirectUri };
}
