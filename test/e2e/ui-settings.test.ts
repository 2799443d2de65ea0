// View-level: portal settings, saved sign-ins and the app settings (fixed
// snapshots from an in-test handler table, not the real services).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProviderView } from '../../main/ipc/contract';
import { CAMSTREAMER, MANAGED, NETREX, NOW, WEAK_STORAGE, world } from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { say, shown, type ViewOptions } from './ui-view';

const suite = viewSuite();
const { calls } = suite;

async function openSettings(options: Omit<ViewOptions, 'server'>, portal?: string): Promise<Page> {
  const page = await suite.open(options);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: say(options.lang ?? 'en', 'nav.settings') })
    .click();
  await shown(
    page.getByRole('heading', { level: 1, name: say(options.lang ?? 'en', 'settings.title') }),
  );
  if (portal) await page.getByRole('button', { name: portal, exact: true }).click();
  return page;
}

const en = (key: string, values?: Record<string, string>) => say('en', key, values);

describe('portal settings', () => {
  const SECRET = 'cs_live_Q2hhbmdlTWUtOTg3NjU0MzIx';

  it('keeps the client secret write-only: set / not set, replace, remove, never shown', async () => {
    const page = await openSettings({ world: world({ providers: [NETREX, CAMSTREAMER] }) });
    await shown(page.getByText(en('secret.notSet'), { exact: true }));
    await page.getByRole('button', { name: en('secret.add') }).click();
    const field = page.getByLabel(en('secret.newLabel'));
    expect(await field.getAttribute('type')).toBe('password');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe(
      'password',
    );
    await field.fill(SECRET);
    // Enter saves the secret, not the surrounding settings form.
    await field.press('Enter');
    await shown(page.getByText(en('secret.set'), { exact: true }));
    expect(await field.count()).toBe(0);
    expect(calls('setClientSecret')).toEqual([['netrex', SECRET]]);
    expect(calls('updateProvider')).toEqual([]);
    await page.getByRole('button', { name: en('secret.replace') }).click();
    expect(await page.getByLabel(en('secret.newLabel')).inputValue()).toBe('');
    await page.getByRole('button', { name: en('secret.cancel') }).click();
    await page.getByRole('button', { name: en('secret.remove') }).click();
    await shown(page.getByText(en('secret.notSet'), { exact: true }));
    expect(calls('setClientSecret')).toEqual([
      ['netrex', SECRET],
      ['netrex', null],
    ]);
    expect(await page.content()).not.toContain(SECRET);
    const answers = suite.view.messages.filter((m) => m.direction !== 'call');
    expect(JSON.stringify(answers)).not.toContain(SECRET);
  });

  it('saves the client ID and the ticked rights, sending only what changed', async () => {
    const page = await openSettings({ world: world({ providers: [NETREX, CAMSTREAMER] }) });
    const rights = page.getByRole('group', { name: en('provider.rights') });
    expect(await rights.getByRole('checkbox').count()).toBe(10);
    await rights.getByRole('checkbox', { name: /Watch live video/ }).uncheck();
    await rights.getByRole('checkbox', { name: /Watch recordings/ }).check();
    await rights.getByRole('checkbox', { name: /See events/ }).check();
    await page.getByRole('button', { name: en('provider.save') }).click();
    await shown(page.getByRole('status').getByText(en('provider.saved')));
    await page.getByLabel(en('provider.clientId')).fill('  new-client-id ');
    await page.getByRole('button', { name: en('provider.save') }).click();
    await shown(page.getByRole('status').getByText(en('provider.saved')));
    expect(calls('updateProvider')).toEqual([
      ['netrex', { rights: ['read', 'recordings', 'events'] }],
      ['netrex', { clientId: 'new-client-id' }],
    ]);
  });

  it('switches to a loopback redirect with a checked port, and says the address changes on save', async () => {
    const page = await openSettings({ world: world({ providers: [NETREX, CAMSTREAMER] }) });
    await page.getByRole('radio', { name: new RegExp(en('redirect.loopback')) }).check();
    await shown(page.getByText(en('redirect.saveFirst')));
    const port = page.getByLabel(en('redirect.port'), { exact: true });
    await port.fill('99999');
    await page.getByRole('button', { name: en('provider.save') }).click();
    await shown(page.getByRole('alert').getByText(en('provider.badPort')));
    expect(calls('updateProvider')).toEqual([]);
    await port.fill('8765');
    await page.getByRole('button', { name: en('provider.save') }).click();
    await shown(page.getByRole('status').getByText(en('provider.saved')));
    expect(calls('updateProvider')).toEqual([
      ['netrex', { redirectKind: 'loopback', loopbackPort: 8765 }],
    ]);
  });

  it('copies the exact redirect address', async () => {
    const page = await suite.open({
      world: world({ providers: [NETREX] }),
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: en('nav.settings') })
      .click();
    await shown(page.getByText(NETREX.redirectUri, { exact: true }));
    await page.getByRole('button', { name: en('redirect.copy') }).click();
    await shown(page.getByRole('status').getByText(en('redirect.copied')));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(NETREX.redirectUri);
  });

  it('shows a managed portal read-only, with a note, and still lets the address be copied', async () => {
    const page = await openSettings(
      { world: world({ providers: [NETREX, MANAGED] }) },
      'ACME Security',
    );
    await shown(page.getByText(en('provider.locked')));
    const panel = page.locator('.provider-settings');
    for (const control of await panel.locator('input, form button').all()) {
      expect(await control.isDisabled()).toBe(true);
    }
    expect(await page.getByRole('button', { name: en('redirect.copy') }).isEnabled()).toBe(true);
    // A locked field does not look like one to type in: no white box with a solid border.
    const look = (input: ReturnType<Page['getByLabel']>) =>
      input.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.backgroundColor, style.borderStyle, style.cursor].join(' ');
      });
    const locked = await look(page.getByLabel(en('provider.clientId')));
    await page.getByRole('button', { name: 'Netrex' }).click();
    const editable = await look(page.getByLabel(en('provider.clientId')));
    expect(locked).not.toBe(editable);
    expect(locked).toContain('dashed');
    expect(locked).toContain('not-allowed');
  });

  it("says when a standard server's metadata lists no PKCE methods, once the app has read it", async () => {
    const standard: ProviderView = {
      ...NETREX,
      id: 'company-sso',
      name: 'Company sign-in',
      dialect: 'oauth2',
      origin: 'custom',
      url: 'https://id.company.example/realms/video',
      rights: ['openid'],
      availableRights: ['openid'],
      redirectUri: 'cz.netrex.connect:/oauth/callback/company-sso',
    };
    const w = world({ providers: [NETREX, standard] });
    const page = await openSettings({ world: w }, 'Company sign-in');
    const note = page.locator('[data-server-fact=pkce-not-advertised]');
    await shown(page.getByRole('heading', { level: 3, name: /^Company sign-in/ }));
    expect(await note.count()).toBe(0);
    // A sign-in reads the server's metadata: the next visit to the settings shows what it found.
    w.providers = [NETREX, { ...standard, server: { pkce: 'not-advertised' } }];
    await page.getByRole('button', { name: 'Netrex', exact: true }).click();
    await page.getByRole('button', { name: 'Company sign-in', exact: true }).click();
    await shown(note);
    expect(await note.textContent()).toBe(en('provider.pkceNotAdvertised'));
    expect(await page.getByLabel(en('provider.clientId')).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Netrex', exact: true }).click();
    await shown(page.getByRole('heading', { level: 3, name: /^Netrex/ }));
    expect(await note.count()).toBe(0);

    const czech = await openSettings({ world: w, lang: 'cs' }, 'Company sign-in');
    const poznamka = czech.locator('[data-server-fact=pkce-not-advertised]');
    await shown(poznamka);
    expect(await poznamka.textContent()).toBe(say('cs', 'provider.pkceNotAdvertised'));
    expect(await poznamka.textContent()).toMatch(/^O serveru: jeho konfigurace přihlašování/);
  });

  it('removes a portal the operator added', async () => {
    const custom = {
      ...NETREX,
      id: 'custom-video',
      name: 'Reseller video',
      origin: 'custom' as const,
    };
    const page = await openSettings(
      { world: world({ providers: [NETREX, custom] }) },
      'Reseller video',
    );
    await page.getByRole('button', { name: en('provider.remove') }).click();
    await shown(page.getByRole('heading', { level: 3, name: /^Netrex/ }));
    expect(calls('removeProvider')).toEqual([['custom-video']]);
    expect(await page.getByRole('button', { name: 'Reseller video' }).count()).toBe(0);
  });
});

describe('saved sign-ins', () => {
  it('names the keyring in use when storage is safe, and offers no opt-in', async () => {
    const page = await openSettings({ world: world() });
    await shown(page.getByText('GNOME Keyring (libsecret)'));
    expect(
      await page.getByRole('checkbox', { name: new RegExp(en('storage.optIn')) }).count(),
    ).toBe(0);
  });

  it('warns where storage is weak, takes an explicit opt-in, and tells where the unreadable file went', async () => {
    const page = await openSettings({ world: world({ storage: WEAK_STORAGE }) });
    await shown(page.getByText(en('storage.weakWarning')));
    await shown(page.getByText(WEAK_STORAGE.recovered!.movedTo, { exact: false }));
    await shown(page.getByText(en('storage.policyMemory')));
    const optIn = page.getByRole('checkbox', { name: new RegExp(en('storage.optIn')) });
    expect(await optIn.isChecked()).toBe(false);
    await optIn.check();
    await shown(page.getByText(en('storage.policyWeak')));
    await optIn.uncheck();
    await shown(page.getByText(en('storage.policyMemory')));
    expect(calls('setWeakStorageAllowed')).toEqual([[true], [false]]);
  });
});

describe('saved sign-ins waiting for the keyring', () => {
  const WAITING = {
    ...WEAK_STORAGE,
    recovered: null,
    keyStoreWaiting: {
      path: '/home/operator/.config/Netrex Connect/vault.json',
      sealedBy: 'gnome_libsecret',
      since: NOW - 60_000,
      unsavedChanges: true,
    },
  };

  it.each(['en', 'cs'] as const)(
    '%s: says the sign-ins wait for the keyring, where they are, and that new ones are in memory only',
    async (lang) => {
      const page = await openSettings({ lang, world: world({ storage: WAITING }) });
      await shown(
        page.getByText(
          say(lang, 'storage.waitingForKeyring', { path: WAITING.keyStoreWaiting.path }),
        ),
      );
      await shown(page.getByText(say(lang, 'storage.waitingUnsaved')));
    },
  );

  it('says nothing of it when nothing waits', async () => {
    const page = await openSettings({ world: world() });
    await shown(page.getByText('GNOME Keyring (libsecret)'));
    expect(await page.getByText(en('storage.waitingUnsaved')).count()).toBe(0);
  });
});

describe('app settings', () => {
  it('switches the language, remembers it through the bridge, and can follow the system again', async () => {
    const page = await openSettings({ world: world() });
    await page.getByLabel(en('appSettings.language')).selectOption('cs');
    await shown(page.getByRole('heading', { level: 1, name: say('cs', 'settings.title') }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cs');
    await page.getByLabel(say('cs', 'appSettings.language')).selectOption('system');
    await shown(page.getByRole('heading', { level: 1, name: en('settings.title') }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(calls('updateAppSettings')).toEqual([[{ language: 'cs' }], [{ language: 'system' }]]);
  });

  it('starts in the remembered language even when the system speaks another', async () => {
    const w = world();
    w.settings = { ...w.settings, language: 'cs' };
    const page = await suite.open({ world: w, lang: 'en' });
    await shown(page.getByRole('heading', { level: 1, name: say('cs', 'choose.title') }));
  });

  it('turns "start at login" on and off', async () => {
    const page = await openSettings({ world: world() });
    const box = page.getByRole('checkbox', { name: en('appSettings.startAtLogin') });
    await box.check();
    await box.uncheck();
    expect(calls('updateAppSettings')).toEqual([
      [{ startAtLogin: true }],
      [{ startAtLogin: false }],
    ]);
  });
});
