// View-level: the connections screen and the API-token sign-in (fixed
// snapshots from an in-test handler table, not the real services).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AccountError } from '../../main/accounts/account-error';
import { AuthError } from '../../main/auth/auth-error';
import type { AccountSnapshot, Result, SignOutReport } from '../../main/ipc/contract';
import {
  CAMSTREAMER,
  CONNECTED,
  EXPIRED,
  NETREX,
  NOW,
  OFFLINE,
  account,
  world,
} from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { focused, say, sayError, shown, type ViewOptions } from './ui-view';

const suite = viewSuite();
const { open, calls } = suite;

const card = (page: Page, label: string) => page.getByRole('article', { name: label });

/** "Sign out" on the card, then "Yes, sign out" in the question it asks. */
async function signOutOf(page: Page, label: string): Promise<void> {
  const which = card(page, label);
  await which.getByRole('button', { name: say('en', 'account.signOut') }).click();
  await which.getByRole('button', { name: say('en', 'account.signOutConfirm') }).click();
}

/** A connected personal API token. */
const API_TOKEN_ACCOUNT = account({
  id: 'a4',
  label: 'Reception desk',
  method: 'api-token',
  canRefresh: false,
  tokenExpiresAt: null,
  rights: [],
});

/** Revoking at sign-out failed: the portal could not be reached. */
const REVOKE_ERROR = new AuthError('network', { portal: 'ACME Security' }).toUserFacing();

/** A promise the test resolves when it wants the bridge call to finish. */
function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('connections', () => {
  it('shows names of cameras on expand, through a disclosure button', async () => {
    const page = await open({ world: world({ accounts: [CONNECTED] }) });
    const disclosure = card(page, 'dispatch@example.cz').getByRole('button', {
      name: say('en', 'account.showNames'),
    });
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByText('Parking lot').isVisible()).toBe(false);
    await disclosure.click();
    const hide = card(page, 'dispatch@example.cz').getByRole('button', {
      name: say('en', 'account.hideNames'),
    });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator(`#${await hide.getAttribute('aria-controls')}`);
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      'Gate',
      'Parking lot',
      'Warehouse',
    ]);
  });

  it('"Check now" asks the bridge and shows the fresh snapshot', async () => {
    const answer = gate<Result<AccountSnapshot>>();
    const page = await open({
      world: world({ accounts: [OFFLINE] }),
      overrides: { checkNow: () => answer.promise },
    });
    const night = card(page, 'Night shift');
    await shown(night.getByText('Offline — retrying in 25 s'));
    // The failed check has no answer time: the one shown before was an older, successful check's.
    expect(await night.getByText(/answered in/).count()).toBe(0);
    await night.getByRole('button', { name: say('en', 'account.checkNow') }).click();
    await shown(night.getByRole('button', { name: say('en', 'account.checking') }));
    expect(
      await night.getByRole('button', { name: say('en', 'account.checking') }).isDisabled(),
    ).toBe(true);
    answer.open({
      ok: true,
      value: {
        ...OFFLINE,
        state: 'connected',
        lastCheckAt: NOW,
        nextRetryAt: null,
        lastError: null,
      },
    });
    await shown(night.getByText(say('en', 'state.connected')));
    await shown(night.getByText(/^now/));
    await shown(night.getByText(say('en', 'account.latency', { ms: 142 })));
    expect(calls('checkNow')).toEqual([['a2']]);
  });

  it('follows state changes pushed by the app, without a click', async () => {
    const page = await open({ world: world({ accounts: [CONNECTED] }) });
    const main = card(page, 'dispatch@example.cz');
    await suite.view.emit('accounts-changed', [{ ...CONNECTED, state: 'refreshing' }]);
    await shown(main.getByText(say('en', 'state.refreshing')));
    await suite.view.emit('accounts-changed', [
      {
        ...CONNECTED,
        state: 'error',
        lastError: { code: 'x', message: 'The portal answered 500.' },
      },
    ]);
    await shown(main.getByText(say('en', 'state.error')));
    await shown(main.getByText('The portal answered 500.'));
  });

  it("says why an account is offline in the window's language, from the error's code", async () => {
    for (const lang of ['en', 'cs'] as const) {
      const page = await open({ world: world({ accounts: [OFFLINE, EXPIRED] }), lang });
      const night = card(page, 'Night shift');
      await shown(night.getByText(sayError(lang, OFFLINE.lastError!)));
      await shown(card(page, 'API: reception').getByText(sayError(lang, EXPIRED.lastError!)));
      if (lang === 'cs') {
        await shown(night.getByText(/^Netrex Connect se nemůže spojit s portálem ACME Security\./));
        expect(await page.getByText(OFFLINE.lastError!.message).count()).toBe(0);
      }
    }
  });

  it("names an account once when its label is only its portal's name (the Netrex protocol)", async () => {
    const plain = account({ id: 'a9', label: 'Netrex' });
    const page = await open({ world: world({ accounts: [plain, CONNECTED] }) });
    const portalOnly = card(page, 'Netrex');
    await shown(portalOnly.getByRole('heading', { name: 'Netrex' }));
    expect((await portalOnly.textContent())!.split('Netrex')).toHaveLength(2); // said once
    expect(await portalOnly.getByText('system2.netrex.cz', { exact: true }).count()).toBe(1);
    // A label that says more (an e-mail) comes under the portal's name and address.
    const named = card(page, 'dispatch@example.cz');
    await shown(named.getByText('Netrex · system2.netrex.cz', { exact: true }));
    await shown(named.getByRole('heading', { name: 'dispatch@example.cz' }));
  });

  it('an offline card says how old its facts are: the last successful check, the count as of then', async () => {
    const away = account({
      id: 'a6',
      label: 'Depot',
      providerName: 'ACME Security',
      state: 'offline',
      cameras: { count: 3, names: [] },
      lastSuccessAt: NOW - 12 * 60_000,
      lastCheckAt: NOW,
      tokenExpiresAt: NOW - 11 * 60_000,
      canRefresh: true,
      nextRetryAt: NOW + 30_000,
      lastError: OFFLINE.lastError,
    });
    for (const lang of ['en', 'cs'] as const) {
      const page = await open({ world: world({ accounts: [away, CONNECTED] }), lang });
      const depot = card(page, 'Depot');
      const ago = lang === 'en' ? '12 minutes ago' : 'před 12 minutami';
      await shown(
        depot.getByText(say(lang, 'account.camerasAsOf', { when: ago }), { exact: false }),
      );
      await shown(depot.getByText(say(lang, 'account.lastSuccess'), { exact: true }));
      await shown(depot.getByText(ago, { exact: false }));
      await shown(
        depot.getByText(say(lang, 'account.renewsWhenBack', { portal: 'ACME Security' }), {
          exact: false,
        }),
      );
      expect(
        await depot.getByText(say(lang, 'account.renewsItself'), { exact: false }).count(),
      ).toBe(0);
      expect(await depot.getByText(say(lang, 'account.lastCheck'), { exact: true }).count()).toBe(
        0,
      );
      // A connected card keeps its plain facts.
      const fine = card(page, 'dispatch@example.cz');
      await shown(fine.getByText(say(lang, 'account.lastCheck'), { exact: true }));
      expect(
        await fine
          .getByText(say(lang, 'account.camerasAsOf', { when: ago }), { exact: false })
          .count(),
      ).toBe(0);
    }
  });

  it('counts the offline retry down', async () => {
    const page = await open({ world: world({ accounts: [OFFLINE] }), clock: 'manual' });
    const night = card(page, 'Night shift');
    await shown(night.getByText('Offline — retrying in 25 s'));
    await page.clock.runFor(5_000);
    await shown(night.getByText('Offline — retrying in 20 s'));
    await page.clock.runFor(20_000);
    await shown(night.getByText(say('en', 'state.offlineRetryNow')));
  });

  it('"Sign in again" on an expired browser sign-in goes straight to the browser, without the second-person warning', async () => {
    const lapsed = account({
      id: 'a5',
      state: 'expired',
      canRefresh: false,
      tokenExpiresAt: NOW - 60_000,
    });
    const page = await open({ world: world({ accounts: [lapsed] }) });
    await card(page, 'dispatch@example.cz')
      .getByRole('button', { name: say('en', 'account.signInAgain') })
      .click();
    await shown(page.getByRole('heading', { name: say('en', 'waiting.title') }));
    expect(calls('signIn')).toEqual([['netrex']]);
    expect(await page.getByText(/already signed in/).count()).toBe(0);
    // Cancelled: back on the start, still without the warning (renewing one's own sign-in).
    await page.getByRole('button', { name: say('en', 'waiting.cancel') }).click();
    await shown(page.getByText(say('en', 'signIn.cancelled')));
    expect(await page.getByText(say('en', 'signIn.replaces', { portal: 'Netrex' })).count()).toBe(
      0,
    );
  });

  it('"Sign in again" on an expired API token opens its portal with its name, so the new token replaces it', async () => {
    const page = await open({
      world: world({ providers: [NETREX, CAMSTREAMER], accounts: [EXPIRED] }),
    });
    await card(page, 'API: reception')
      .getByRole('button', { name: say('en', 'account.signInAgain') })
      .click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'apiToken.title') }));
    expect(await page.getByLabel(say('en', 'apiToken.portal')).inputValue()).toBe('netrex');
    expect(await page.getByLabel(say('en', 'apiToken.label')).inputValue()).toBe('API: reception');
  });

  it('asks before signing out, saying what it ends; "Stay signed in" and Escape change nothing', async () => {
    const page = await open({ world: world({ accounts: [CONNECTED, API_TOKEN_ACCOUNT] }) });
    const main = card(page, 'dispatch@example.cz');
    const signOut = main.getByRole('button', { name: say('en', 'account.signOut') });
    await signOut.click();
    await shown(main.getByText(say('en', 'account.signOutEndsGrant', { portal: 'Netrex' })));
    await focused(page, { tag: 'button', text: say('en', 'account.signOutKeep') });
    await page.keyboard.press('Escape');
    await shown(signOut);
    await focused(page, { tag: 'button', text: say('en', 'account.signOut') });
    await signOut.click();
    await main.getByRole('button', { name: say('en', 'account.signOutKeep') }).click();
    expect(calls('signOut')).toEqual([]);
    expect(
      await main.getByText(say('en', 'account.signOutEndsGrant', { portal: 'Netrex' })).count(),
    ).toBe(0);

    // Confirmed: signed out, in words that name the account once.
    await signOut.click();
    await main.getByRole('button', { name: say('en', 'account.signOutConfirm') }).click();
    const who = say('en', 'notices.whoNamed', { label: 'dispatch@example.cz', portal: 'Netrex' });
    await shown(page.getByRole('status').getByText(say('en', 'notices.signedOut', { who })));
    expect(calls('signOut')).toEqual([['a1']]);

    // An API token: the question says the token keeps working; afterwards no "failure".
    const token = card(page, 'Reception desk');
    await token.getByRole('button', { name: say('en', 'account.signOut') }).click();
    await shown(token.getByText(say('en', 'account.signOutEndsToken', { portal: 'Netrex' })));
    await token.getByRole('button', { name: say('en', 'account.signOutConfirm') }).click();
    const tokenWho = say('en', 'notices.whoNamed', { label: 'Reception desk', portal: 'Netrex' });
    const kept = page.getByRole('alert').locator('.notice');
    await shown(
      kept.getByText(say('en', 'notices.signedOutToken', { who: tokenWho, portal: 'Netrex' })),
    );
    expect(await kept.textContent()).not.toMatch(/could not|couldn't/);
    // The instruction is said once.
    expect((await kept.textContent())!.split('</> API')).toHaveLength(2);
  });

  it('names an account signed out once, and says when the portal could not be asked to end it', async () => {
    const plain = account({ id: 'a9', label: 'Netrex' });
    const page = await open({
      world: world({ accounts: [plain, OFFLINE] }),
      overrides: {
        signOut: async (id): Promise<Result<SignOutReport>> => ({
          ok: true,
          value:
            id === 'a9'
              ? { accountId: id, revoked: true }
              : { accountId: id, revoked: false, revokeError: REVOKE_ERROR },
        }),
      },
    });
    await signOutOf(page, 'Netrex');
    await shown(
      page.getByRole('status').getByText(say('en', 'notices.signedOut', { who: 'Netrex' })),
    );
    await signOutOf(page, 'Night shift');
    const warning = page
      .getByRole('alert')
      .getByText(sayError('en', REVOKE_ERROR), { exact: false });
    await shown(warning);
    const who = say('en', 'notices.whoNamed', { label: 'Night shift', portal: 'ACME Security' });
    expect(await warning.textContent()).toBe(
      say('en', 'notices.revokeFailed', {
        who,
        portal: 'ACME Security',
        reason: sayError('en', REVOKE_ERROR),
      }),
    );
    expect(calls('signOut')).toEqual([['a9'], ['a2']]);
    // The last account gone, the window goes back to the way in, the warning still in view.
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'choose.title') }));
    await page
      .getByRole('alert')
      .getByRole('button', { name: say('en', 'notices.dismiss') })
      .click();
    expect(await page.getByText(sayError('en', REVOKE_ERROR), { exact: false }).count()).toBe(0);
  });

  it('at 800×600, the warning after signing out of the last of three cards is in view', async () => {
    const page = await open({
      world: world({ accounts: [CONNECTED, OFFLINE, API_TOKEN_ACCOUNT] }),
      viewport: { width: 800, height: 600 },
    });
    await signOutOf(page, 'dispatch@example.cz');
    await signOutOf(page, 'Night shift');
    // The last card is at the bottom of the page, below the notices of the two before.
    await card(page, 'Reception desk')
      .getByRole('button', { name: say('en', 'account.signOut') })
      .click();
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await card(page, 'Reception desk')
      .getByRole('button', { name: say('en', 'account.signOutConfirm') })
      .click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'choose.title') }));
    const kept = page.getByRole('alert').locator('.notice');
    await shown(kept);
    const box = (await kept.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    await focused(page, { tag: 'h1' });
  });

  it('at 800×600, a burst of notices leaves the accounts in view: at most three, successes fade', async () => {
    const page = await open({
      world: world({ accounts: [CONNECTED, OFFLINE, EXPIRED] }),
      viewport: { width: 800, height: 600 },
      clock: 'manual',
    });
    const long = (id: string, level: 'info' | 'warning') => ({
      id,
      level,
      code: 'managed_config_invalid',
      message: `The managed configuration is not valid (${id}).`,
      params: {
        file: '/etc/netrex-connect/managed.json',
        variant: 'entry',
        field: `providers[${id.length}].url`,
        rule: 'url-not-https',
      },
      at: NOW,
    });
    // A success and a warning: the success goes by itself, the warning waits to be read.
    await suite.view.emit('notice', { ...long('i1', 'info'), code: 'x', message: 'Saved.' });
    await suite.view.emit('notice', long('w1', 'warning'));
    await shown(page.getByText('Saved.'));
    await page.clock.runFor(10_000);
    expect(await page.getByText('Saved.').count()).toBe(0);
    await shown(page.locator('.notice-warning'));
    // Four more warnings and a success: three at most, the unread warnings first.
    for (const id of ['w22', 'w333', 'w4444']) await suite.view.emit('notice', long(id, 'warning'));
    await suite.view.emit('notice', { ...long('i2', 'info'), code: 'x', message: 'Saved again.' });
    const notices = page.locator('.notice');
    expect(await notices.count()).toBe(3);
    expect(await page.locator('.notice-warning').count()).toBe(3);
    // The first account is still on the screen, below the notices.
    const heading = card(page, 'dispatch@example.cz').getByRole('heading');
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
  });

  it('"Add account" goes back to the portal choice', async () => {
    const page = await open({ world: world({ accounts: [CONNECTED] }) });
    await page
      .getByRole('main')
      .getByRole('button', { name: say('en', 'connections.add') })
      .click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'choose.title') }));
  });
});

describe('API token', () => {
  const TOKEN = 'ntx_pat_7f3a9c2e41d84b0e9a6f5c1d2e3f4a5b';

  async function openTokenScreen(overrides: ViewOptions['overrides'] = {}): Promise<Page> {
    const page = await open({ world: world(), overrides });
    await page.getByRole('button', { name: say('en', 'choose.useToken') }).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'apiToken.title') }));
    // From "Add account" no portal is assumed: the operator picks the one that made the token.
    const portal = page.getByLabel(say('en', 'apiToken.portal'));
    expect(await portal.inputValue()).toBe('');
    await portal.selectOption('netrex');
    await shown(page.getByText(say('en', 'apiToken.goesTo', { portal: 'Netrex' })));
    return page;
  }

  it('is a masked field with the hint, cleared at once and never rendered back', async () => {
    const answer = gate<Result<AccountSnapshot>>();
    const page = await openTokenScreen({ signInWithApiToken: () => answer.promise });
    const field = page.getByLabel(say('en', 'apiToken.token'));
    expect(await field.getAttribute('type')).toBe('password');
    expect(await field.getAttribute('aria-describedby')).toBeTruthy();
    await shown(page.getByText(say('en', 'apiToken.hint')));
    await page.getByLabel(say('en', 'apiToken.portal')).selectOption('camstreamer');
    await page.getByLabel(say('en', 'apiToken.label')).fill('Front desk');
    await field.fill(TOKEN);
    await page.getByRole('button', { name: say('en', 'apiToken.submit') }).click();
    // While the portal checks it, the field is already empty.
    await shown(page.getByRole('button', { name: say('en', 'apiToken.checking') }));
    expect(await field.inputValue()).toBe('');
    expect(await page.content()).not.toContain(TOKEN);
    answer.open({
      ok: true,
      value: account({ id: 't1', label: 'Front desk', method: 'api-token' }),
    });
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'connections.title') }));
    expect(calls('signInWithApiToken')).toEqual([
      [
        {
          providerId: 'camstreamer',
          providerUrl: 'https://cloud.camstreamer.com',
          token: TOKEN,
          label: 'Front desk',
        },
      ],
    ]);
    // Only the call itself carried it; no answer or event did, and the page never shows it.
    const carriers = suite.view.messages.filter((m) => JSON.stringify(m).includes(TOKEN));
    expect(carriers.map((m) => `${m.direction}:${m.name}`)).toEqual(['call:signInWithApiToken']);
    expect(await page.content()).not.toContain(TOKEN);
  });

  it('names an untitled token apart from the ones already there, and Escape goes back', async () => {
    const first = account({ id: 't0', label: 'API token', method: 'api-token', rights: [] });
    const page = await open({ world: world({ accounts: [first] }) });
    // A token's rights were chosen in the portal: the card says so, not "None listed".
    const tokenCard = card(page, 'API token');
    await shown(tokenCard.getByText(say('en', 'account.rightsOfToken')));
    expect(await tokenCard.getByText(say('en', 'account.noRights')).count()).toBe(0);

    await page
      .getByRole('main')
      .getByRole('button', { name: say('en', 'connections.add') })
      .click();
    await page.getByRole('button', { name: say('en', 'choose.useToken') }).click();
    await page.getByLabel(say('en', 'apiToken.portal')).selectOption('netrex');
    const label = page.getByLabel(say('en', 'apiToken.label'));
    // Left empty, it gets the name shown, which no token on that portal has yet.
    expect(await label.getAttribute('placeholder')).toBe(
      say('en', 'apiToken.defaultLabelN', { n: 2 }),
    );
    await page.getByLabel(say('en', 'apiToken.portal')).selectOption('acme');
    expect(await label.getAttribute('placeholder')).toBe(say('en', 'apiToken.defaultLabel'));
    await page.getByLabel(say('en', 'apiToken.portal')).selectOption('netrex');
    await page.getByLabel(say('en', 'apiToken.token')).fill(TOKEN);
    await page.getByRole('button', { name: say('en', 'apiToken.submit') }).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'connections.title') }));
    expect(calls('signInWithApiToken')).toEqual([
      [
        {
          providerId: 'netrex',
          providerUrl: NETREX.url,
          token: TOKEN,
          label: say('en', 'apiToken.defaultLabelN', { n: 2 }),
        },
      ],
    ]);

    // Escape on the token screen goes back, sending nothing.
    await page
      .getByRole('main')
      .getByRole('button', { name: say('en', 'connections.add') })
      .click();
    await page.getByRole('button', { name: say('en', 'choose.useToken') }).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'apiToken.title') }));
    await page.keyboard.press('Escape');
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'connections.title') }));
    expect(calls('signInWithApiToken')).toHaveLength(1);
  });

  it('a refused token: the reason beside the field, the field empty, nothing kept', async () => {
    const page = await openTokenScreen({
      signInWithApiToken: async () => ({
        ok: false,
        error: new AccountError('api_token_rejected', { portal: 'Netrex' }).toUserFacing(),
      }),
    });
    const field = page.getByLabel(say('en', 'apiToken.token'));
    await field.fill(TOKEN);
    await field.press('Enter');
    const error = await shown(page.getByText(/^Netrex didn't accept this API token\./));
    expect(await field.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await field.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe(
      'password',
    );
    expect(await page.content()).not.toContain(TOKEN);
  });

  it('an empty field is refused here, without asking the portal', async () => {
    const page = await openTokenScreen();
    await page.getByRole('button', { name: say('en', 'apiToken.submit') }).click();
    await shown(page.getByText(say('en', 'apiToken.empty')));
    expect(calls('signInWithApiToken')).toEqual([]);
  });
});
