// End to end, real clicks: a portal's settings as its administrator fills them
// in — the client secret is saved and never shown back, the rights are saved
// and are what the next authorization asks for — then two portals' accounts
// side by side. Each test ends with the shared secret search (app-fixture.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSuite } from './app-fixture';
import {
  DEMO,
  accountCard,
  addAndSetUpPortal,
  button,
  decide,
  logIn,
  nav,
  secondPortal,
  signInWithBrowser,
  signOut,
  toPortalChoice,
} from './app-steps';
import { OIDC_PAGES, startOidcServer } from '../support/oidc-server';
import { LANGS, say, sayError } from './ui-view';

const suite = appSuite();
const CLIPBOARD = ['clipboard-read', 'clipboard-write'] as const;

describe('portal settings', () => {
  it('secret saved and never shown back; rights saved and sent in the next authorization', async () => {
    const app = await suite.open({ permissions: CLIPBOARD });
    const { page } = app;
    const portal = await secondPortal();
    const { redirectUri } = await addAndSetUpPortal(app, portal, ['liveview', 'events']);
    expect(redirectUri).toMatch(/^cz\.netrex\.connect:\/oauth\/callback\/127-0-0-1-\d+$/);

    // Back in the settings later: the rights are ticked, the secret is "Set" and nowhere else.
    await nav(page, 'en', 'settings').click();
    await button(page, portal.name).click();
    await expect(page.getByLabel(say('en', 'provider.clientId')).inputValue()).resolves.toBe(
      portal.clientId,
    );
    for (const right of ['read', 'liveview', 'events']) {
      await expect(
        page
          .getByRole('checkbox', { name: `${say('en', `rights.${right}`)} ${right}` })
          .isChecked(),
      ).resolves.toBe(true);
    }
    await expect(
      page.getByRole('checkbox', { name: `${say('en', 'rights.write')} write` }).isChecked(),
    ).resolves.toBe(false);
    await page
      .locator('.secret-status')
      .getByText(say('en', 'secret.set'), { exact: true })
      .waitFor();
    await button(page, say('en', 'secret.replace')).waitFor();
    await expect(page.locator('input[type=password]').count()).resolves.toBe(0);
    // On disk the secret is sealed: no file in the data folder holds it in the clear.
    for (const file of readdirSync(app.rig.dir.path)) {
      expect(readFileSync(join(app.rig.dir.path, file), 'utf8')).not.toContain(portal.clientSecret);
    }

    // The next sign-in asks for exactly those rights, comma-separated, with this client.
    await nav(page, 'en', 'addAccount').click();
    await button(page, new RegExp(`^${portal.name}`)).click();
    await button(page, say('en', 'signIn.button', { portal: portal.name })).click();
    await app.browser.whenLoaded(1);
    const authorization = new URL(app.browser.loaded[0]!);
    expect(authorization.origin).toBe(portal.url);
    expect(authorization.searchParams.get('scope')).toBe('read,liveview,events');
    expect(authorization.searchParams.get('client_id')).toBe(portal.clientId);
    expect(authorization.searchParams.get('redirect_uri')).toBe(redirectUri);

    // The portal's consent lists those rights; it accepts the client only with
    // the saved secret, so the sign-in completing proves the secret was used.
    await logIn(app.browser.page, portal.user);
    await expect(
      app.browser.page
        .locator('#rights li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-right'))),
    ).resolves.toEqual(['read', 'liveview', 'events']);
    await decide(app.browser.page, 'Allow');
    const card = accountCard(page, portal.name);
    await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    await card.getByText('2 cameras').waitFor();
    for (const right of ['read', 'liveview', 'events']) {
      await card.getByText(say('en', `rights.${right}`), { exact: true }).waitFor();
    }
  });

  it('two accounts on two portals, side by side', async () => {
    const app = await suite.open({ permissions: CLIPBOARD });
    const { page } = app;
    await signInWithBrowser(app);
    const portal = await secondPortal();
    await addAndSetUpPortal(app, portal);
    await signInWithBrowser(app, portal.name, portal.user);

    const cards = page.getByRole('article');
    await expect(cards.count()).resolves.toBe(2);
    const demo = accountCard(page, DEMO);
    const depot = accountCard(page, portal.name);
    await demo.getByText('3 cameras').waitFor();
    await depot.getByText('2 cameras').waitFor();
    await demo.getByText(new URL(app.rig.portal.url).host).waitFor();
    await depot.getByText(new URL(portal.url).host).waitFor();
    for (const card of [demo, depot]) {
      await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    }
    await page.getByText(say('en', 'connections.summary_other', { count: 2 })).waitFor();

    // Signing out of one leaves the other connected.
    await signOut(demo);
    await expect(cards.count()).resolves.toBe(1);
    await depot.getByText(say('en', 'state.connected'), { exact: true }).waitFor();
    expect(app.rig.services.accounts().map((a) => a.providerName)).toEqual([portal.name]);
  });
});

describe('managed configuration', () => {
  /** What an administrator gets wrong: a misspelt field, an invalid id, a quoted boolean. */
  const BROKEN = JSON.stringify({
    allowCustomPortals: 'false',
    // Two more, so there are more problems than notices shown at once (three).
    logLevel: 'verbose',
    allowApiTokens: 'no',
    providers: [
      { id: 'netrex', clientID: 'our-netrex-client' },
      { id: 'Video Portal', name: 'Video', url: 'https://video.example' },
    ],
  });
  const REASONS = {
    en: [
      'must be true or false (without quotes)',
      'it must be one of: error, warn, info, debug',
      'fields Netrex Connect doesn\'t know ("clientID")',
      'an id is 1–40 lower-case letters, digits or dashes',
    ],
    cs: [
      'musí být true nebo false (bez uvozovek)',
      'hodnota musí být jedna z těchto: error, warn, info, debug',
      'pole, která Netrex Connect nezná ("clientID")',
      'ID tvoří 1–40 malých písmen, číslic nebo pomlček',
    ],
  } as const;

  it.each(LANGS)("says which field and which rule, in the window's language (%s)", async (lang) => {
    const app = await suite.open({ lang, managedConfig: BROKEN });
    const { page } = app;
    const notices = app.rig.notices();
    expect(notices.map((n) => n.params?.field)).toEqual([
      'allowCustomPortals',
      'allowApiTokens',
      'logLevel',
      'providers[0]',
      'providers[1].id',
    ]);
    const alerts = page.getByRole('alert');
    for (const notice of notices) await alerts.getByText(sayError(lang, notice)).waitFor();
    for (const reason of REASONS[lang]) {
      await alerts.getByText(reason, { exact: false }).first().waitFor();
    }
    // One notice holds them all: the limit of three pushed none out.
    await expect(alerts.locator('.notice').count()).resolves.toBe(1);
    // The administrator's values are not repeated, only field names.
    await expect(alerts.getByText('our-netrex-client', { exact: false }).count()).resolves.toBe(0);
  });

  it('IT hides the built-ins, forbids other portals and opens on its default portal', async () => {
    const depot = await secondPortal();
    const branchSecret = 'branch-client-secret-93ad1e';
    const app = await suite.open({
      managedConfig: JSON.stringify({
        allowCustomPortals: false,
        hideBuiltInPortals: true,
        defaultPortal: 'depot',
        providers: [
          {
            id: 'branch',
            name: 'Branch office',
            url: 'https://branch.example',
            clientId: 'branch-client',
            clientSecret: branchSecret,
          },
          {
            id: 'depot',
            name: depot.name,
            url: depot.url,
            clientId: depot.clientId,
            clientSecret: depot.clientSecret,
          },
        ],
      }),
    });
    app.typedSecrets.push(branchSecret, depot.clientSecret);
    const { page } = app;
    // Two managed portals are ready: the window opens on IT's default, not on a choice.
    await page
      .getByRole('heading', { name: say('en', 'signIn.title', { portal: depot.name }), level: 1 })
      .waitFor();
    await button(page, say('en', 'signIn.otherPortal')).click();
    await page.getByRole('heading', { name: say('en', 'choose.title') }).waitFor();
    const cards = page.locator('.portal-grid').getByRole('button');
    await expect(cards.allInnerTexts()).resolves.toEqual([
      expect.stringContaining(DEMO),
      expect.stringContaining('Branch office'),
      expect.stringContaining(depot.name),
    ]);
    // Forbidden, so not offered: no "Other portal…" that would refuse only on Continue.
    await expect(
      page.getByRole('button', { name: new RegExp(`^${say('en', 'other.card')}`) }).count(),
    ).resolves.toBe(0);
    await expect(page.getByText('Netrex', { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByText('CamStreamer Cloud').count()).resolves.toBe(0);
  });
});

describe('a standard OpenID server that lists no PKCE methods', () => {
  it('signs in with S256, and its settings then tell the administrator', async () => {
    const server = await startOidcServer({
      clients: [
        {
          client_id: 'netrex-connect',
          redirect_uris: ['cz.netrex.connect:/oauth/callback/company-sso'],
        },
      ],
      codeChallengeMethods: 'omitted',
    });
    try {
      const name = 'Company sign-in';
      const app = await suite.open({
        managedConfig: JSON.stringify({
          providers: [
            {
              id: 'company-sso',
              name,
              dialect: 'oauth2',
              url: server.issuer,
              clientId: 'netrex-connect',
              rights: ['openid', 'profile'],
            },
          ],
        }),
      });
      const { page } = app;
      const note = page.locator('[data-server-fact=pkce-not-advertised]');
      // Before the app has read the server's metadata it knows nothing to say.
      await nav(page, 'en', 'settings').click();
      await button(page, name).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }).waitFor();
      expect(await note.count()).toBe(0);

      await toPortalChoice(app);
      await button(page, new RegExp(`^${name}`)).click();
      await button(page, say('en', 'signIn.button', { portal: name })).click();
      await app.browser.whenLoaded(1);
      const authorization = new URL(app.browser.loaded[0]!);
      expect(authorization.origin).toBe(server.issuer);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      const browserPage = app.browser.page;
      await browserPage.fill(OIDC_PAGES.login, 'alice');
      await browserPage.fill(OIDC_PAGES.password, 'any-password');
      await browserPage.click(OIDC_PAGES.submit);
      await browserPage.waitForSelector('input[name=prompt][value=consent]', {
        state: 'attached',
      });
      await browserPage.click(OIDC_PAGES.submit);
      const card = page.getByRole('article').filter({ hasText: name });
      await card.getByText(say('en', 'state.connected'), { exact: true }).waitFor();

      await nav(page, 'en', 'settings').click();
      await button(page, name).click();
      await note.waitFor();
      expect(await note.textContent()).toBe(say('en', 'provider.pkceNotAdvertised'));
      // The demo portal (Netrex dialect) has nothing of the kind.
      await button(page, DEMO).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${DEMO}`) }).waitFor();
      expect(await note.count()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
