// View-level: every screen renders from given data, in English and Czech,
// light and dark, with one h1, no axe-core violations, no page errors; a
// screenshot of each is saved under test-results/screens/.
// (Fixed snapshots from an in-test handler table, not the real services.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { openRenderer, type RendererPage } from '../support/renderer-harness';
import { serveRenderer, type RendererServer } from '../support/renderer-server';
import {
  CAMSTREAMER,
  CONNECTED,
  EXPIRED,
  MANAGED,
  NETREX,
  NOW,
  OFFLINE,
  WEAK_STORAGE,
  fixedHandlers,
  waitingView,
  world,
  type FixtureWorld,
} from './ui-fixtures';
import { LANGS, THEMES, openView, saveScreen, say, sayError, shown, type Lang } from './ui-view';

interface ScreenCase {
  readonly name: string;
  readonly world: () => FixtureWorld;
  /** Clicks from the first screen to this one. */
  readonly reach?: (view: RendererPage, lang: Lang) => Promise<void>;
  /** Words that must be on screen. */
  readonly shows: (lang: Lang) => string[];
}

const byLang = (lang: Lang, english: string, czech: string) => (lang === 'en' ? english : czech);

async function clickButton(view: RendererPage, name: string): Promise<void> {
  await view.page.getByRole('button', { name, exact: true }).click();
}

const CASES: readonly ScreenCase[] = [
  {
    name: 'choose-portal',
    world: () => world(),
    shows: (l) => [say(l, 'choose.title'), 'Netrex', 'CamStreamer Cloud', say(l, 'other.card')],
  },
  {
    name: 'other-portal',
    world: () => world(),
    reach: async (view, l) => {
      await view.page.getByRole('button', { name: say(l, 'other.card') }).click();
      await view.page.getByLabel(say(l, 'other.urlLabel')).fill('http://portal.example.com');
      await clickButton(view, say(l, 'other.submit'));
    },
    shows: (l) => [say(l, 'other.urlLabel'), say(l, 'other.problem.not-https')],
  },
  {
    name: 'sign-in',
    world: () => world({ providers: [NETREX] }),
    shows: (l) => [
      say(l, 'signIn.title', { portal: 'Netrex' }),
      say(l, 'signIn.button', { portal: 'Netrex' }),
      say(l, 'signIn.useToken'),
    ],
  },
  {
    name: 'sign-in-waiting',
    world: () => world({ providers: [NETREX] }),
    reach: (view, l) => clickButton(view, say(l, 'signIn.button', { portal: 'Netrex' })),
    shows: (l) => [
      say(l, 'waiting.title'),
      '5:00',
      say(l, 'waiting.reopen'),
      say(l, 'waiting.cancel'),
      say(l, 'paste.toggle'),
    ],
  },
  {
    name: 'sign-in-declined',
    world: () => world({ providers: [NETREX] }),
    reach: async (view, l) => {
      await clickButton(view, say(l, 'signIn.button', { portal: 'Netrex' }));
      await shown(view.page.getByRole('timer'));
      await view.emit(
        'sign-in-changed',
        waitingView('netrex', {
          phase: 'failed',
          remainingMs: 0,
          error: {
            code: 'access_denied',
            message: 'Netrex says access was not allowed.',
            detail: 'The resource owner denied the request.',
          },
        }),
      );
    },
    shows: (l) => [
      say(l, 'refusal.declined.title'),
      say(l, 'refusal.declined.next', { portal: 'Netrex' }),
      'The resource owner denied the request.',
      say(l, 'signIn.button', { portal: 'Netrex' }),
    ],
  },
  {
    name: 'sign-in-not-ready',
    world: () => world(),
    reach: (view) => view.page.getByRole('button', { name: /CamStreamer Cloud/ }).click(),
    shows: (l) => [
      say(l, 'signIn.notReadyTitle', { portal: 'CamStreamer Cloud' }),
      sayError(l, CAMSTREAMER.notReadyReason!),
      say(l, 'signIn.openSettings', { portal: 'CamStreamer Cloud' }),
    ],
  },
  {
    name: 'connections',
    world: () => world({ providers: [NETREX, MANAGED], accounts: [CONNECTED, OFFLINE, EXPIRED] }),
    reach: async (view, l) => {
      await view.page
        .getByRole('button', { name: say(l, 'account.showNames') })
        .first()
        .click();
      await view.emit('notice', {
        id: 'n1',
        level: 'warning',
        code: 'slow',
        message: 'ACME Security answered slowly (4.2 s).',
        at: NOW,
      });
    },
    shows: (l) => [
      say(l, 'connections.title'),
      'dispatch@example.cz',
      say(l, 'state.connected'),
      byLang(l, 'Offline — retrying in 25 s', 'Offline – další pokus za 25 s'),
      say(l, 'state.expired'),
      byLang(l, '3 cameras', '3 kamery'),
      byLang(l, '12 cameras', '12 kamer'),
      'Parking lot',
      byLang(l, 'Expires in 2 hours', 'Vyprší za 2 hodiny'),
      byLang(l, 'Expired 3 days ago', 'Vypršel před 3 dny'),
      byLang(l, '2 minutes ago', 'před 2 minutami'),
      say(l, 'rights.liveview'),
      'ACME Security answered slowly (4.2 s).',
    ],
  },
  {
    name: 'api-token',
    world: () => world(),
    reach: (view, l) => clickButton(view, say(l, 'choose.useToken')),
    shows: (l) => [say(l, 'apiToken.title'), say(l, 'apiToken.token'), say(l, 'apiToken.hint')],
  },
  {
    name: 'settings',
    world: () => world({ providers: [NETREX, CAMSTREAMER, MANAGED] }),
    reach: (view, l) => clickButton(view, say(l, 'nav.settings')),
    shows: (l) => [
      say(l, 'settings.title'),
      say(l, 'provider.clientId'),
      say(l, 'secret.notSet'),
      say(l, 'rights.liveview_ptz'),
      'cz.netrex.connect:/oauth/callback/netrex',
      say(l, 'redirect.copy'),
      'GNOME Keyring (libsecret)',
      say(l, 'storage.encrypted'),
      say(l, 'appSettings.startAtLogin'),
    ],
  },
  {
    name: 'settings-locked',
    world: () => world({ providers: [NETREX, CAMSTREAMER, MANAGED] }),
    reach: async (view, l) => {
      await clickButton(view, say(l, 'nav.settings'));
      await clickButton(view, 'ACME Security');
      const clientId = view.page.getByLabel(say(l, 'provider.clientId'));
      expect(await clientId.inputValue()).toBe('acme-desktop');
      expect(await clientId.isDisabled()).toBe(true);
    },
    shows: (l) => [say(l, 'provider.locked'), say(l, 'secret.set'), MANAGED.redirectUri],
  },
  {
    name: 'settings-weak-storage',
    world: () => world({ storage: WEAK_STORAGE }),
    reach: (view, l) => clickButton(view, say(l, 'nav.settings')),
    shows: (l) => [
      say(l, 'storage.none'),
      say(l, 'storage.weakWarning'),
      say(l, 'storage.policyMemory'),
      say(l, 'storage.optIn'),
      WEAK_STORAGE.recovered!.movedTo,
    ],
  },
];

describe('every screen, in both languages and both themes', () => {
  let browser: Browser;
  let server: RendererServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const screen of CASES) {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        it(`${screen.name} (${lang}, ${theme})`, async () => {
          const view = await openView(browser, { server, world: screen.world(), lang, theme });
          try {
            await screen.reach?.(view, lang);
            for (const text of screen.shows(lang)) {
              await shown(view.page.getByText(text, { exact: false }));
            }
            expect(await view.page.locator('html').getAttribute('lang')).toBe(lang);
            expect(await view.page.getByRole('heading', { level: 1 }).count()).toBe(1);
            expect(await view.page.getByRole('main').count()).toBe(1);
            expect(await view.page.getByRole('banner').count()).toBe(1);
            expect(await findAxeViolations(view.page)).toEqual([]);
            expect(view.pageErrors).toEqual([]);
            await saveScreen(view.page, screen.name, lang, theme);
          } finally {
            await view.close();
          }
        });
      }
    }
  }
});

describe('a window that cannot load', () => {
  it("says so, in the operator's language, with the reason", async () => {
    const browser = await launchChromium();
    const server = await serveRenderer();
    try {
      const view = await openRenderer(browser, {
        server,
        locale: 'cs-CZ',
        handlers: fixedHandlers(world(), {
          listAccounts: async () => ({
            ok: false,
            error: {
              code: 'vault_locked',
              message: 'The keyring is locked. Unlock it and reopen the app.',
            },
          }),
        }),
      });
      const alert = view.page.getByRole('alert');
      await alert.waitFor({ timeout: 5_000 });
      expect(await alert.textContent()).toBe(
        `${say('cs', 'app.loadFailed')} The keyring is locked. Unlock it and reopen the app.`,
      );
      expect(await findAxeViolations(view.page)).toEqual([]);
      await view.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
