// View-level, in Chromium: what IT fixed by policy shows "Set by your
// organisation" (English and Czech) and cannot be changed there, forbidden
// ways in are not offered, a policy that changes while the window is open
// shows at once, and "Restart to update" is offered once an update is ready,
// held back while a sign-in runs (fixed snapshots from an in-test handler
// table, not the real services).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WEAK_STORAGE, world } from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { say, shown, type Lang, type ViewOptions } from './ui-view';

const suite = viewSuite();
const { calls } = suite;

async function openSettings(options: Omit<ViewOptions, 'server'>): Promise<Page> {
  const lang = options.lang ?? 'en';
  const page = await suite.open(options);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: say(lang, 'nav.settings') })
    .click();
  await shown(page.getByRole('heading', { level: 1, name: say(lang, 'settings.title') }));
  return page;
}

describe('settings IT fixed by policy', () => {
  it.each(['en', 'cs'] as const)(
    'start at login and weak storage show "Set by your organisation" and cannot be changed (%s)',
    async (lang: Lang) => {
      const page = await openSettings({
        lang,
        world: world({
          storage: WEAK_STORAGE,
          policy: { launchAtLogin: true, allowWeakStorage: false },
          settings: { language: 'system', startAtLogin: false, detailedLog: false },
        }),
      });
      const mark = page.getByText(say(lang, 'policy.setByOrganisation'), { exact: true });
      expect(await mark.count()).toBe(2);
      const login = page.getByRole('checkbox', {
        name: new RegExp(say(lang, 'appSettings.startAtLogin')),
      });
      expect(await login.isChecked()).toBe(true);
      expect(await login.isDisabled()).toBe(true);
      const optIn = page.getByRole('checkbox', { name: new RegExp(say(lang, 'storage.optIn')) });
      expect(await optIn.isDisabled()).toBe(true);
      await shown(page.getByText(say(lang, 'policy.weakStorageOff')));
      await optIn.click({ force: true });
      expect(calls('setWeakStorageAllowed')).toEqual([]);
      expect(calls('updateAppSettings')).toEqual([]);
    },
  );

  it('without a policy the same settings are the operator’s, with no mark', async () => {
    const page = await openSettings({ world: world({ storage: WEAK_STORAGE }) });
    expect(await page.getByText(say('en', 'policy.setByOrganisation')).count()).toBe(0);
    const login = page.getByRole('checkbox', {
      name: new RegExp(say('en', 'appSettings.startAtLogin')),
    });
    expect(await login.isDisabled()).toBe(false);
    await login.check();
    expect(calls('updateAppSettings')).toEqual([[{ startAtLogin: true }]]);
  });

  it.each(['en', 'cs'] as const)(
    'no API-token sign-in and no portals added by hand where IT forbids them (%s)',
    async (lang: Lang) => {
      const page = await suite.open({
        lang,
        world: world({ policy: { allowApiTokens: false, allowCustomPortals: false } }),
      });
      await shown(page.getByText(say(lang, 'policy.customPortalsOff')));
      expect(await page.getByRole('button', { name: say(lang, 'choose.useToken') }).count()).toBe(
        0,
      );
      expect(await page.getByText(say(lang, 'policy.setByOrganisation')).count()).toBe(1);
    },
  );

  it.each(['en', 'cs'] as const)(
    'a portal not set up yet does not promise an API token IT forbids (%s)',
    async (lang: Lang) => {
      const page = await suite.open({ lang, world: world({ policy: { allowApiTokens: false } }) });
      await page.getByRole('button', { name: /^CamStreamer Cloud/ }).click();
      await shown(
        page.getByText(say(lang, 'signIn.notReadyTitle', { portal: 'CamStreamer Cloud' })),
      );
      const ask = page.locator('section[aria-labelledby=not-ready-title] > p').first();
      expect(await ask.textContent()).toBe(
        say(lang, 'signIn.notReadyAskNoToken', { portal: 'CamStreamer Cloud' }),
      );
      expect(await page.getByRole('button', { name: say(lang, 'signIn.useToken') }).count()).toBe(
        0,
      );
    },
  );

  it('a policy changed while the window is open shows at once', async () => {
    const page = await openSettings({ world: world() });
    const login = page.getByRole('checkbox', {
      name: new RegExp(say('en', 'appSettings.startAtLogin')),
    });
    expect(await login.isDisabled()).toBe(false);
    await suite.view.emit('policy-changed', { launchAtLogin: false });
    await shown(page.getByText(say('en', 'policy.setByOrganisation'), { exact: true }));
    expect(await login.isDisabled()).toBe(true);
    expect(await login.isChecked()).toBe(false);
  });
});

describe('updates in the window', () => {
  it.each(['en', 'cs'] as const)(
    '"Restart to update" is offered once ready, held back during a sign-in (%s)',
    async (lang: Lang) => {
      const page = await openSettings({
        lang,
        world: world({ update: { state: 'ready', version: '2.0.0', blocked: 'sign-in' } }),
      });
      await shown(page.getByText(say(lang, 'updates.ready', { version: '2.0.0' })));
      await shown(page.getByText(say(lang, 'updates.blockedSignIn')));
      const restart = page.getByRole('button', { name: say(lang, 'updates.restart') });
      expect(await restart.getAttribute('aria-disabled')).toBe('true');
      // A click on it anyway (Playwright would wait for an aria-disabled button) does nothing.
      await restart.click({ force: true });
      expect(calls('restartToUpdate')).toEqual([]);
      await suite.view.emit('update-changed', { state: 'ready', version: '2.0.0', blocked: null });
      await shown(
        page.locator('button:not([aria-disabled])', { hasText: say(lang, 'updates.restart') }),
      );
      await restart.click();
      expect(calls('restartToUpdate')).toEqual([[]]);
    },
  );

  it.each(['en', 'cs'] as const)('says why updates are off (%s)', async (lang: Lang) => {
    const page = await openSettings({
      lang,
      world: world({
        update: { state: 'disabled', reason: 'policy' },
        policy: { updatesEnabled: false },
      }),
    });
    await shown(page.getByText(say(lang, 'updates.disabled.policy')));
    await shown(page.getByText(say(lang, 'policy.setByOrganisation'), { exact: true }));
  });
});
