// End to end, real clicks: what happens to a connected account — API-token
// sign-in, sign-out with the portal confirming the revocation, a short-lived
// token renewed without a click, a portal that goes away and comes back.
// Time moves on the manual clock (the window's clock with it), never by
// sleeping. Each test ends with the shared secret search (app-fixture.ts).
import { describe, expect, it } from 'vitest';
import { cameraList, revoke } from '../support/portal-client';
import { openVaultIn } from '../support/vault-fixtures';
import { appSuite } from './app-fixture';
import {
  DEMO,
  DEMO_API_TOKEN,
  accountCard,
  button,
  callsAfter,
  lastSeq,
  nav,
  signInWithBrowser,
  signOut,
} from './app-steps';
import { NOTICE_FADE_MS } from '../../renderer/src/store/notices';
import { say } from './ui-view';

const suite = appSuite();
const PROBE_INTERVAL_MS = 5 * 60_000;

describe('API token', () => {
  it('a bad token is refused beside the field; the good one connects', async () => {
    const app = await suite.open();
    const { page } = app;
    // The one ready portal's sign-in is the first screen.
    await page
      .getByRole('heading', { name: say('en', 'signIn.title', { portal: DEMO }) })
      .waitFor();
    await button(page, say('en', 'signIn.useToken')).click();
    await page.getByRole('heading', { name: say('en', 'apiToken.title') }).waitFor();
    await expect(page.getByLabel(say('en', 'apiToken.portal')).inputValue()).resolves.toBe('demo');

    const field = page.getByLabel(say('en', 'apiToken.token'));
    await expect(field.getAttribute('type')).resolves.toBe('password');
    const wrong = 'demo-operator-api-token-typo';
    app.typedSecrets.push(wrong);
    await field.fill(wrong);
    await button(page, say('en', 'apiToken.submit')).click();
    await page.getByText(`${DEMO} didn't accept this API token.`, { exact: false }).waitFor();
    await expect(field.inputValue()).resolves.toBe('');
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(app.rig.services.accounts()).toEqual([]);

    await field.fill(DEMO_API_TOKEN);
    await page.getByLabel(say('en', 'apiToken.label')).fill('Reception');
    await button(page, say('en', 'apiToken.submit')).click();
    const card = accountCard(page, 'Reception');
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('3 cameras').waitFor();
    await card.getByText(say('en', 'account.viaToken')).waitFor();
    await card.getByText(say('en', 'account.noExpiry')).waitFor();
    // Both tries went through the one bridge call that may carry a typed token.
    expect(
      app.window.messages.filter((m) => m.direction === 'call' && m.name === 'signInWithApiToken'),
    ).toHaveLength(2);
  });
});

describe('API token from "Add account"', () => {
  it('preselects no portal, shows where the token will go, and sends it only there', async () => {
    const app = await suite.open();
    const { page } = app;
    await signInWithBrowser(app);
    await nav(page, 'en', 'addAccount').click();
    await button(page, say('en', 'choose.useToken')).click();
    await page.getByRole('heading', { name: say('en', 'apiToken.title') }).waitFor();

    // Several portals take tokens (Netrex, CamStreamer Cloud, the demo): none is assumed.
    const portal = page.getByLabel(say('en', 'apiToken.portal'));
    await expect(portal.inputValue()).resolves.toBe('');
    await expect(
      page.getByRole('button', { name: say('en', 'apiToken.submit') }).isDisabled(),
    ).resolves.toBe(true);
    await portal.selectOption('demo');
    const goesTo = page.getByText(say('en', 'apiToken.goesTo', { portal: DEMO }));
    await expect(goesTo.textContent()).resolves.toBe(
      `${say('en', 'apiToken.goesTo', { portal: DEMO })} ${app.rig.portal.url}`,
    );
    await page.getByLabel(say('en', 'apiToken.token')).fill(DEMO_API_TOKEN);
    await page.getByLabel(say('en', 'apiToken.label')).fill('Desk');
    const before = app.rig.portal.stats.graphql.requests;
    await button(page, say('en', 'apiToken.submit')).click();
    await accountCard(page, 'Desk').getByText('3 cameras').waitFor();
    expect(app.rig.portal.stats.graphql.requests).toBe(before + 1);
  });
});

describe('sign-out', () => {
  it('removes the account and the portal confirms the token is revoked (GraphQL 401)', async () => {
    const app = await suite.open();
    const { page } = app;
    const card = await signInWithBrowser(app);
    // What the app holds, read from its sealed vault file as a second process would.
    const disk = await openVaultIn(app.rig.dir.path, app.rig.cipher);
    const [stored] = disk.listAccounts();
    await disk.dispose();
    const accessToken = stored!.tokens.accessToken;
    await expect(cameraList(app.rig.portal, accessToken)).resolves.toMatchObject({ status: 200 });

    await signOut(card);
    await page
      .getByRole('status')
      .getByText(say('en', 'notices.signedOut', { who: DEMO }))
      .waitFor();
    await expect(card.count()).resolves.toBe(0);
    // No account left: back to the way in, the one ready portal's sign-in.
    await page
      .getByRole('heading', { name: say('en', 'signIn.title', { portal: DEMO }) })
      .waitFor();

    expect(app.rig.portal.stats.revoke.requests).toBe(1);
    const after = await cameraList(app.rig.portal, accessToken);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: 'invalid_token' });
    const reopened = await openVaultIn(app.rig.dir.path, app.rig.cipher);
    expect(reopened.listAccounts()).toEqual([]);
    await reopened.dispose();
  });
});

describe('an account whose grant ends', () => {
  it('says Expired with "Sign in again", and no "kept in memory only" while the keyring works', async () => {
    const app = await suite.open();
    const card = await signInWithBrowser(app);
    // The grant is ended at the portal behind the app's back (an administrator revoked it).
    const disk = await openVaultIn(app.rig.dir.path, app.rig.cipher);
    const [stored] = disk.listAccounts();
    await disk.dispose();
    await expect(revoke(app.rig.portal, stored!.tokens.accessToken)).resolves.toMatchObject({
      status: 200,
    });

    await card.getByRole('button', { name: say('en', 'account.checkNow') }).click();
    await card.getByText(say('en', 'state.expired'), { exact: true }).waitFor();
    await card.getByRole('button', { name: say('en', 'account.signInAgain') }).waitFor();
    // The keyring works (the storage is gnome_libsecret): nothing about storage to investigate.
    const status = await app.rig.services.handlers.getStorageStatus();
    expect(status).toMatchObject({ ok: true, value: { policy: 'encrypted', weak: false } });
    await expect(card.getByText(say('en', 'account.memoryOnly')).count()).resolves.toBe(0);
    expect(app.rig.services.accounts()[0]).toMatchObject({ state: 'expired', persisted: true });
  });
});

describe('notices about an account', () => {
  it('"Connected" ends when the account goes offline or is signed out; success notices fade', async () => {
    const app = await suite.open();
    const { page } = app;
    const connected = page
      .getByRole('status')
      .getByText(say('en', 'notices.connected', { portal: DEMO }));
    const card = await signInWithBrowser(app);
    await connected.waitFor();

    // The portal goes away (seen at once, well before the notice would fade): the card
    // says offline, so "Connected" would contradict it.
    await app.rig.portal.stop();
    await card.getByRole('button', { name: say('en', 'account.checkNow') }).click();
    await card.locator('.badge-offline').waitFor();
    await expect(connected.count()).resolves.toBe(0);
    await app.rig.portal.start();

    // Connected again by a new sign-in; then signed out: "Connected" goes with the account.
    await nav(page, 'en', 'addAccount').click();
    await signInWithBrowser(app);
    await connected.waitFor();
    await signOut(card);
    const signedOut = page
      .getByRole('status')
      .getByText(say('en', 'notices.signedOut', { who: DEMO }));
    await signedOut.waitFor();
    await expect(connected.count()).resolves.toBe(0);
    // A success notice fades on its own after a few seconds (the window's clock).
    await app.advance(NOTICE_FADE_MS);
    await expect(signedOut.count()).resolves.toBe(0);
  });
});

describe('staying connected', () => {
  it('a short token lifetime: Refreshing → Connected, without a click', async () => {
    const app = await suite.open();
    app.rig.portal.settings.accessTokenLifetimeSec = 120;
    const card = await signInWithBrowser(app);
    await card.getByText('Expires in 2 minutes').waitFor();

    // Renewed ahead of expiry (60 s before, for a 2-minute token). The request
    // is held at the gate so the in-between state stays until it is seen.
    const held = app.gate.hold((url) => url.pathname === '/oauth2/token');
    const seq = lastSeq(app);
    await app.advance(60_000);
    await held.arrived();
    await card.getByText(say('en', 'state.refreshing'), { exact: true }).waitFor();
    held.release();
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('Expires in 2 minutes').waitFor();

    expect(app.rig.portal.stats.token.refresh_token).toBe(1);
    expect(callsAfter(app, seq)).toEqual([]); // nobody clicked
  });

  it('the computer wakes after two hours: the expired token is renewed at once (resume)', async () => {
    const app = await suite.open();
    const card = await signInWithBrowser(app);
    await card.getByText('Expires in 1 hour').waitFor();
    const seq = lastSeq(app);

    await app.sleep(2 * 60 * 60_000);
    const held = app.gate.hold((url) => url.pathname === '/oauth2/token');
    // What the shell does on powerMonitor 'resume'.
    app.rig.services.resume();
    await held.arrived();
    await card.getByText(say('en', 'state.refreshing'), { exact: true }).waitFor();
    held.release();
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('Expires in 1 hour').waitFor();
    expect(app.rig.portal.stats.token.refresh_token).toBe(1);
    expect(callsAfter(app, seq)).toEqual([]);
  });

  it('the portal stops: Offline with a retry countdown; it comes back: Connected', async () => {
    const app = await suite.open();
    const { page } = app;
    const card = await signInWithBrowser(app);
    const seq = lastSeq(app);

    await app.rig.portal.stop();
    await app.advance(PROBE_INTERVAL_MS); // the periodic check finds the portal gone
    await card.getByText(/^Offline — retrying in \d+ s$/).waitFor();
    // The reason, in words: the portal cannot be reached, the app tries again by itself.
    await card.locator('.account-problem').getByText(DEMO, { exact: false }).waitFor();
    const account = app.rig.services.accounts()[0]!;
    expect(account.state).toBe('offline');
    const waitMs = account.nextRetryAt! - app.rig.clock.now();
    expect(waitMs).toBeGreaterThan(1_000);
    const seconds = Math.ceil(waitMs / 1_000);
    await card.getByText(`Offline — retrying in ${seconds} s`).waitFor();
    await expect(card.getByText(/answered in/).count()).resolves.toBe(0);
    // Its facts are as old as the last check that reached the portal: the sign-in's.
    await card.getByText(say('en', 'account.lastSuccess'), { exact: true }).waitFor();
    await card
      .getByText(say('en', 'account.camerasAsOf', { when: '5 minutes ago' }), { exact: false })
      .waitFor();

    // The countdown follows the clock.
    await app.advance(1_000);
    await card.getByText(`Offline — retrying in ${seconds - 1} s`).waitFor();

    await app.rig.portal.start();
    await app.advance(waitMs - 1_000);
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('3 cameras').waitFor();
    await card.getByText(/answered in \d+ ms/).waitFor();
    await expect(page.locator('.account-problem').count()).resolves.toBe(0);
    expect(callsAfter(app, seq)).toEqual([]); // back by itself
  });
});
