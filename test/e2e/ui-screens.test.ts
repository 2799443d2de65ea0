// View-level: every screen renders from given data, in English and Czech,
// light and dark, with one h1, no axe-core violations, no page errors; a
// screenshot of each is saved under test-results/screens/.
// (Fixed snapshots from an in-test handler table, not the real services.)
//
// One window per language walks from screen to screen the way an operator
// clicks, and each screen is checked in both themes (the page switches its
// colour scheme, it does not reload): loading the window and axe-core anew
// for every screen, language and theme took four times as long.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { managedConfigErrorToUserFacing } from '../../main/providers/managed-config';
import { writeFailed } from '../../main/vault/errors';
import { findAxeViolations } from '../support/axe';
import { openRenderer, type RendererPage } from '../support/renderer-harness';
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
} from './ui-fixtures';
import { browserForFile } from './ui-suite';
import { LANGS, inBothThemes, openView, say, sayError, shown, type Lang } from './ui-view';

/** A screen of the walk: how to get there from the one before, and words it must show. */
interface Screen {
  readonly name: string;
  readonly reach?: (view: RendererPage, lang: Lang) => Promise<void>;
  readonly shows: (lang: Lang) => string[];
}

const byLang = (lang: Lang, english: string, czech: string) => (lang === 'en' ? english : czech);

function clickButton(view: RendererPage, name: string | RegExp): Promise<void> {
  const exact = typeof name === 'string';
  return view.page.getByRole('button', { name, exact }).click();
}

function clickNav(view: RendererPage, lang: Lang, key: 'addAccount' | 'settings'): Promise<void> {
  return view.page
    .getByRole('navigation')
    .getByRole('button', { name: say(lang, `nav.${key}`) })
    .click();
}

/** A notice the app raises: the sign-ins could not be saved, the disk is full. */
const DISK_FULL = writeFailed(Object.assign(new Error('x'), { code: 'ENOSPC' })).toUserFacing();

/** IT's file with a quoted boolean: the notice names the field and the rule. */
const MANAGED_NOTICE = managedConfigErrorToUserFacing({
  file: '/etc/netrex-connect/managed.json',
  field: 'allowCustomPortals',
  rule: 'wrong-type',
  values: { expected: 'boolean' },
  message: 'must be true or false (without quotes)',
});

/** Every portal and every kind of account: the window opens on the connections. */
const FULL_WORLD = () =>
  world({
    providers: [NETREX, CAMSTREAMER, MANAGED],
    accounts: [CONNECTED, OFFLINE, EXPIRED],
  });

/** The walk through the full world, in this order (each screen from the one before). */
const WALK: readonly Screen[] = [
  {
    name: 'connections',
    reach: async (view, l) => {
      await view.page
        .getByRole('button', { name: say(l, 'account.showNames') })
        .first()
        .click();
      await view.emit('notice', { id: 'n1', level: 'warning', ...DISK_FULL, at: NOW });
    },
    shows: (l) => [
      say(l, 'connections.title'),
      'dispatch@example.cz',
      say(l, 'state.connected'),
      byLang(l, 'Offline — retrying in 25 s', 'Offline – další pokus za 25 s'),
      sayError(l, OFFLINE.lastError!),
      say(l, 'state.expired'),
      byLang(l, '3 cameras', '3 kamery'),
      byLang(l, '12 cameras', '12 kamer'),
      'Parking lot',
      byLang(l, 'Expires in 2 hours', 'Vyprší za 2 hodiny'),
      byLang(l, 'Expired 3 days ago', 'Vypršel před 3 dny'),
      byLang(l, '2 minutes ago', 'před 2 minutami'),
      say(l, 'rights.liveview'),
      sayError(l, DISK_FULL),
    ],
  },
  {
    name: 'sign-out-question',
    reach: async (view, l) => {
      await view.page
        .getByRole('article', { name: 'dispatch@example.cz' })
        .getByRole('button', { name: say(l, 'account.signOut') })
        .click();
    },
    shows: (l) => [
      say(l, 'account.signOutAsk'),
      say(l, 'account.signOutEndsGrant', { portal: 'Netrex' }),
      say(l, 'account.signOutConfirm'),
      say(l, 'account.signOutKeep'),
    ],
  },
  {
    name: 'choose-portal',
    reach: async (view, l) => {
      await view.page.keyboard.press('Escape');
      await clickButton(view, say(l, 'notices.dismiss'));
      await clickNav(view, l, 'addAccount');
      await view.emit('notice', { id: 'n2', level: 'warning', ...MANAGED_NOTICE, at: NOW });
    },
    shows: (l) => [
      sayError(l, MANAGED_NOTICE),
      say(l, 'choose.title'),
      'Netrex',
      'CamStreamer Cloud',
      say(l, 'choose.tagNeedsSetup'),
      say(l, 'other.card'),
    ],
  },
  {
    name: 'other-portal',
    reach: async (view, l) => {
      await clickButton(view, new RegExp(`^${say(l, 'other.card')}`));
      await view.page.getByLabel(say(l, 'other.urlLabel')).fill('http://portal.example.com');
      await clickButton(view, say(l, 'other.submit'));
    },
    shows: (l) => [say(l, 'other.urlLabel'), say(l, 'other.problem.not-https')],
  },
  {
    name: 'api-token',
    reach: async (view, l) => {
      await clickButton(view, say(l, 'choose.useToken'));
      await view.page.getByLabel(say(l, 'apiToken.portal')).selectOption('netrex');
    },
    shows: (l) => [
      say(l, 'apiToken.title'),
      say(l, 'apiToken.token'),
      say(l, 'apiToken.hint'),
      say(l, 'apiToken.goesTo', { portal: 'Netrex' }),
    ],
  },
  {
    name: 'sign-in-not-ready',
    reach: async (view, l) => {
      await clickNav(view, l, 'addAccount');
      await clickButton(view, /^CamStreamer Cloud/);
    },
    shows: (l) => [
      say(l, 'signIn.notReadyTitle', { portal: 'CamStreamer Cloud' }),
      sayError(l, CAMSTREAMER.notReadyReason!),
      say(l, 'signIn.notReadyAsk', { portal: 'CamStreamer Cloud' }),
      say(l, 'signIn.setUpYourself', { portal: 'CamStreamer Cloud' }),
    ],
  },
  {
    name: 'sign-in',
    reach: async (view, l) => {
      await clickNav(view, l, 'addAccount');
      await clickButton(view, /^Netrex/);
    },
    shows: (l) => [
      say(l, 'signIn.title', { portal: 'Netrex' }),
      say(l, 'signIn.button', { portal: 'Netrex' }),
      say(l, 'signIn.useToken'),
    ],
  },
  {
    name: 'sign-in-waiting',
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
    name: 'sign-in-exchanging',
    reach: (view) => view.emit('sign-in-changed', waitingView('netrex', { phase: 'exchanging' })),
    shows: (l) => [
      say(l, 'waiting.exchangingTitle'),
      say(l, 'waiting.exchanging', { portal: 'Netrex' }),
      say(l, 'waiting.cancel'),
    ],
  },
  {
    name: 'sign-in-declined',
    reach: (view) =>
      view.emit(
        'sign-in-changed',
        waitingView('netrex', {
          phase: 'failed',
          remainingMs: 0,
          error: {
            code: 'access_denied',
            message: 'Netrex says access was not allowed.',
            detail: 'The resource owner denied the request.',
            params: { portal: 'Netrex' },
          },
        }),
      ),
    shows: (l) => [
      say(l, 'refusal.declined.title'),
      say(l, 'refusal.declined.next', { portal: 'Netrex' }),
      'The resource owner denied the request.',
      say(l, 'signIn.button', { portal: 'Netrex' }),
    ],
  },
  {
    name: 'settings',
    reach: (view, l) => clickNav(view, l, 'settings'),
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
    reach: async (view, l) => {
      await clickButton(view, 'ACME Security');
      const clientId = view.page.getByLabel(say(l, 'provider.clientId'));
      await shown(clientId);
      expect(await clientId.inputValue()).toBe('acme-desktop');
      expect(await clientId.isDisabled()).toBe(true);
    },
    shows: (l) => [say(l, 'provider.locked'), say(l, 'secret.set'), MANAGED.redirectUri],
  },
];

/** A computer without a keyring, whose vault file was damaged: its own window. */
const WEAK_STORAGE_SCREEN: Screen = {
  name: 'settings-weak-storage',
  reach: (view, l) => clickNav(view, l, 'settings'),
  shows: (l) => [
    say(l, 'storage.none'),
    say(l, 'storage.weakWarning'),
    say(l, 'storage.policyMemory'),
    say(l, 'storage.optIn'),
    WEAK_STORAGE.recovered!.movedTo,
  ],
};

const shared = browserForFile();

/** Goes to `screen`, then checks and saves it in both themes. */
async function check(view: RendererPage, screen: Screen, lang: Lang): Promise<void> {
  await screen.reach?.(view, lang);
  for (const text of screen.shows(lang)) await shown(view.page.getByText(text, { exact: false }));
  await inBothThemes(view.page, screen.name, lang, async (theme) => {
    const where = `${screen.name} (${lang}, ${theme})`;
    expect(await view.page.locator('html').getAttribute('lang'), where).toBe(lang);
    expect(await view.page.getByRole('heading', { level: 1 }).count(), where).toBe(1);
    expect(await view.page.getByRole('main').count(), where).toBe(1);
    expect(await view.page.getByRole('banner').count(), where).toBe(1);
    expect(await findAxeViolations(view.page), where).toEqual([]);
    expect(view.pageErrors, where).toEqual([]);
  });
}

describe.each(LANGS)('every screen, light and dark (%s)', (lang) => {
  let view: RendererPage | undefined;
  const open = (): RendererPage => {
    if (!view) throw new Error('The window did not open.');
    return view;
  };

  beforeAll(async () => {
    view = await openView(shared.browser, { server: shared.server, world: FULL_WORLD(), lang });
  });
  afterAll(async () => {
    await view?.close();
  });

  // In order: each screen is reached from the one before.
  for (const screen of WALK) it(screen.name, () => check(open(), screen, lang));

  it(WEAK_STORAGE_SCREEN.name, async () => {
    const weak = await openView(shared.browser, {
      server: shared.server,
      world: world({ storage: WEAK_STORAGE }),
      lang,
    });
    try {
      await check(weak, WEAK_STORAGE_SCREEN, lang);
    } finally {
      await weak.close();
    }
  });
});

/**
 * The smallest window the app supports, 800×600: the screens that changed
 * most, with notices on top, saved under small/. At this size three notices
 * still leave the screen's own content in view (ui-accounts.test.ts checks it).
 */
const SMALL: readonly Screen[] = [
  {
    name: 'small/connections',
    reach: async (view) => {
      await view.emit('notice', { id: 's1', level: 'warning', ...DISK_FULL, at: NOW });
      await view.emit('notice', { id: 's2', level: 'warning', ...MANAGED_NOTICE, at: NOW });
    },
    shows: (l) => [
      say(l, 'connections.title'),
      sayError(l, DISK_FULL),
      sayError(l, MANAGED_NOTICE),
    ],
  },
  {
    name: 'small/sign-out-question',
    reach: async (view, l) => {
      await view.page
        .getByRole('article', { name: 'API: reception' })
        .getByRole('button', { name: say(l, 'account.signOut') })
        .click();
    },
    shows: (l) => [say(l, 'account.signOutEndsToken', { portal: 'Netrex' })],
  },
  {
    name: 'small/sign-in-not-ready',
    reach: async (view, l) => {
      await view.page.keyboard.press('Escape');
      await clickNav(view, l, 'addAccount');
      await clickButton(view, /^CamStreamer Cloud/);
    },
    shows: (l) => [
      say(l, 'signIn.notReadyAsk', { portal: 'CamStreamer Cloud' }),
      say(l, 'signIn.useToken'),
    ],
  },
  {
    name: 'small/api-token',
    reach: async (view, l) => {
      await clickButton(view, say(l, 'signIn.useToken'));
    },
    shows: (l) => [say(l, 'apiToken.goesTo', { portal: 'CamStreamer Cloud' })],
  },
];

describe.each(LANGS)('at 800×600, light and dark (%s)', (lang) => {
  let view: RendererPage | undefined;
  beforeAll(async () => {
    view = await openView(shared.browser, {
      server: shared.server,
      world: FULL_WORLD(),
      lang,
      viewport: { width: 800, height: 600 },
    });
  });
  afterAll(async () => {
    await view?.close();
  });
  for (const screen of SMALL) {
    it(screen.name, () => {
      if (!view) throw new Error('The window did not open.');
      return check(view, screen, lang);
    });
  }
});

describe('a window that cannot load', () => {
  it("says so, in the operator's language, with the reason", async () => {
    const view = await openRenderer(shared.browser, {
      server: shared.server,
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
    try {
      const alert = view.page.getByRole('alert');
      await alert.waitFor({ timeout: 5_000 });
      expect(await alert.textContent()).toBe(
        `${say('cs', 'app.loadFailed')} The keyring is locked. Unlock it and reopen the app.`,
      );
      expect(await findAxeViolations(view.page)).toEqual([]);
    } finally {
      await view.close();
    }
  });
});
