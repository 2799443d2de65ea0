// View-level: the portal choice and the sign-in screen react to what the
// bridge answers and pushes (fixed snapshots from an in-test handler table).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AuthError } from '../../main/auth/auth-error';
import type { SignInView } from '../../main/ipc/contract';
import { CAMSTREAMER, CONNECTED, NETREX, NOW, waitingView, world } from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { focused, say, sayError, shown } from './ui-view';

const suite = viewSuite();
const { open, calls } = suite;

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

async function startWaiting(page: Page): Promise<void> {
  await button(page, say('en', 'signIn.button', { portal: 'Netrex' })).click();
  await shown(page.getByRole('heading', { name: say('en', 'waiting.title') }));
}

/** The main process's refusal of a pasted address that belongs to another sign-in. */
const REFUSED_ADDRESS = new AuthError('state_mismatch').toUserFacing();

const failed = (code: string, message: string, detail?: string): SignInView =>
  waitingView('netrex', {
    phase: 'failed',
    remainingMs: 0,
    error: { code, message, detail, params: { portal: 'Netrex' } },
  });

describe('choosing a portal', () => {
  it('offers the configured portals and leads to the chosen one', async () => {
    const page = await open({ world: world() });
    await button(page, /^Netrex/).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to Netrex' }));
    await focused(page, { tag: 'h1' });
  });

  it('skips the choice when exactly one portal is configured, yet lets the operator add another', async () => {
    const page = await open({ world: world({ providers: [NETREX] }) });
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to Netrex' }));
    await button(page, say('en', 'signIn.addPortal')).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'choose.title') }));
  });

  it('offers no way to add a portal where IT forbids it', async () => {
    const portalPolicy = { customPortalsAllowed: false, defaultProviderId: null };
    const page = await open({ world: world({ providers: [NETREX], portalPolicy }) });
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to Netrex' }));
    await shown(button(page, say('en', 'signIn.useToken')));
    expect(await button(page, say('en', 'signIn.addPortal')).count()).toBe(0);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: say('en', 'nav.addAccount') })
      .click();
    expect(await button(page, /^Other portal…/).count()).toBe(0);
  });

  it('says before a second sign-in to a Netrex portal that it replaces the account there', async () => {
    const page = await open({ world: world({ accounts: [CONNECTED] }) });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: say('en', 'nav.addAccount') })
      .click();
    await button(page, /^Netrex/).click();
    await shown(page.getByText(say('en', 'signIn.replaces', { portal: 'Netrex' })));
    // Not for a portal without an account.
    await button(page, say('en', 'signIn.otherPortal')).click();
    await button(page, /^ACME Security/).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to ACME Security' }));
    expect(await page.getByText(/already signed in/).count()).toBe(0);
  });

  it('checks an other portal address beside the field, without asking the bridge', async () => {
    const page = await open({ world: world() });
    await button(page, /^Other portal…/).click();
    const field = page.getByLabel(say('en', 'other.urlLabel'));
    for (const [input, problem] of [
      ['', 'empty'],
      ['http://portal.example.com', 'not-https'],
      ['https://user:pw@portal.example.com', 'has-credentials'],
    ] as const) {
      await field.fill(input);
      await button(page, say('en', 'other.submit')).click();
      const error = await shown(page.getByText(say('en', `other.problem.${problem}`)));
      const errorId = await error.getAttribute('id');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain(errorId);
    }
    expect(calls('addPortal')).toEqual([]);
  });

  it('adds a valid portal and goes to its sign-in; a refusal is shown beside the field', async () => {
    let refuse = true;
    const page = await open({
      world: world(),
      overrides: {
        addPortal: async (input) =>
          refuse
            ? {
                ok: false,
                error: { code: 'unreachable', message: 'No portal answers at that address.' },
              }
            : {
                ok: true,
                value: {
                  ...NETREX,
                  id: 'custom-video',
                  name: input.name ?? 'x',
                  url: input.url,
                  origin: 'custom',
                },
              },
      },
    });
    await button(page, /^Other portal…/).click();
    await page.getByLabel(say('en', 'other.urlLabel')).fill('video.example.com/');
    await page.getByLabel(say('en', 'other.nameLabel')).fill('Reseller video');
    await button(page, say('en', 'other.submit')).click();
    await shown(page.getByText('No portal answers at that address.'));
    refuse = false;
    await button(page, say('en', 'other.submit')).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in to Reseller video' }));
    expect(calls('addPortal')).toEqual([
      [{ url: 'https://video.example.com', name: 'Reseller video' }],
      [{ url: 'https://video.example.com', name: 'Reseller video' }],
    ]);
  });
});

describe('signing in', () => {
  it('starts with one button and shows what to do while the browser is out', async () => {
    const page = await open({ world: world({ providers: [NETREX] }) });
    await startWaiting(page);
    expect(calls('signIn')).toEqual([['netrex']]);
    await shown(page.getByText(say('en', 'waiting.explain', { portal: 'Netrex' })));
    await shown(button(page, say('en', 'waiting.cancel')));
    await shown(button(page, say('en', 'waiting.reopen')));
    expect(await page.getByRole('timer').textContent()).toBe('5:00');
  });

  it('counts down from remainingMs on the page clock, down to 0:00', async () => {
    const page = await open({
      world: world({ providers: [NETREX] }),
      clock: 'manual',
      // The main process's epoch deadline is deliberately far off: the window
      // must count from remainingMs, on its own clock.
      overrides: {
        signIn: async (id) => ({
          ok: true,
          value: waitingView(id, { remainingMs: 90_000, deadline: NOW + 3_600_000 }),
        }),
      },
    });
    await startWaiting(page);
    const timer = page.getByRole('timer');
    expect(await timer.textContent()).toBe('1:30');
    await page.clock.runFor(3_000);
    expect(await timer.textContent()).toBe('1:27');
    await page.clock.runFor(60_000);
    expect(await timer.textContent()).toBe('0:27');
    await page.clock.runFor(40_000);
    expect(await timer.textContent()).toBe('0:00');
    await shown(page.getByText(say('en', 'waiting.timeUp')));
  });

  it('cancels, and opens the browser again, through the bridge', async () => {
    const page = await open({ world: world({ providers: [NETREX] }) });
    await startWaiting(page);
    await button(page, say('en', 'waiting.reopen')).click();
    // Nothing on screen changes when the answer comes; Cancel, though, waits
    // for it (aria-disabled while a call is on its way), so both are recorded after.
    await button(page, say('en', 'waiting.cancel')).click();
    await shown(page.getByText(say('en', 'signIn.cancelled')));
    expect(calls('reopenBrowser')).toEqual([['netrex']]);
    expect(calls('cancelSignIn')).toEqual([['netrex']]);
    await shown(button(page, say('en', 'signIn.button', { portal: 'Netrex' })));
  });

  it('"Paste the address instead" sends the address, clears the field and shows the refusal beside it', async () => {
    const pasted = 'cz.netrex.connect:/oauth/callback/netrex?code=PASTED-CODE-123&state=s1';
    let refuse = true;
    const page = await open({
      world: world({ providers: [NETREX] }),
      overrides: {
        completeSignIn: async () =>
          refuse
            ? {
                ok: false,
                error: REFUSED_ADDRESS,
              }
            : { ok: true, value: waitingView('netrex', { phase: 'exchanging' }) },
      },
    });
    await startWaiting(page);
    await button(page, say('en', 'paste.toggle')).click();
    const field = page.getByLabel(say('en', 'paste.label'));
    await shown(page.getByText(NETREX.redirectUri, { exact: false }));
    await field.fill(pasted);
    await button(page, say('en', 'paste.submit')).click();
    await shown(page.getByText(sayError('en', REFUSED_ADDRESS)));
    expect(await field.inputValue()).toBe('');
    // What was pasted is shown back without its code, to compare with the browser's.
    await shown(
      page.getByText('cz.netrex.connect:/oauth/callback/netrex?code=…&state=…', { exact: true }),
    );
    refuse = false;
    await field.fill(pasted);
    await field.press('Enter');
    await shown(page.getByText(say('en', 'waiting.exchanging', { portal: 'Netrex' })));
    expect(calls('completeSignIn')).toEqual([[pasted], [pasted]]);
    expect(await page.content()).not.toContain('PASTED-CODE-123');
  });

  it('goes to the connections when the sign-in connects', async () => {
    const w = world({ providers: [NETREX] });
    const page = await open({ world: w });
    await startWaiting(page);
    await suite.view.emit('accounts-changed', [CONNECTED]);
    await suite.view.emit(
      'sign-in-changed',
      waitingView('netrex', { phase: 'connected', accountId: 'a1' }),
    );
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'connections.title') }));
    // The notice names the account: its label says more than the portal's name.
    await shown(
      page
        .getByRole('status')
        .getByText(
          say('en', 'notices.connectedAs', { portal: 'Netrex', label: 'dispatch@example.cz' }),
        ),
    );
    await shown(page.getByRole('article', { name: 'dispatch@example.cz' }));
  });
});

describe('refusals in plain words, with a next step', () => {
  const cases = [
    ['access_denied', 'declined'],
    ['invalid_scope', 'rights'],
    ['invalid_client', 'client'],
    ['server_error', 'portal'],
    ['temporarily_unavailable', 'portal'],
    ['timed_out', 'timedOut'],
    ['superseded', 'superseded'],
    ['timeout', 'noAnswer'],
    ['network', 'noAnswer'],
  ] as const;

  for (const [code, kind] of cases) {
    for (const lang of ['en', 'cs'] as const) {
      it(`${code} (${lang})`, async () => {
        const page = await open({ world: world({ providers: [NETREX] }), lang });
        await button(page, say(lang, 'signIn.button', { portal: 'Netrex' })).click();
        await shown(page.getByRole('timer'));
        const detail = '<b>Denied</b> by policy & rule #4';
        const refusal = failed(code, `Message for ${code}.`, detail);
        await suite.view.emit('sign-in-changed', refusal);
        const alert = page
          .getByRole('alert')
          .filter({ hasText: say(lang, `refusal.${kind}.title`) });
        await shown(alert);
        // The code's own sentence only where the title and next step do not say it all already;
        // the main process's English sentence never.
        const repeats = kind === 'declined' || kind === 'timedOut' || kind === 'superseded';
        const sentence = sayError(lang, refusal.error!);
        if (repeats) expect(await alert.getByText(sentence).count()).toBe(0);
        else await shown(alert.getByText(sentence));
        expect(await alert.getByText(`Message for ${code}.`).count()).toBe(0);
        await shown(alert.getByText(say(lang, `refusal.${kind}.next`, { portal: 'Netrex' })));
        // The portal's words are shown as text, never as markup.
        await shown(alert.getByText(detail));
        expect(await alert.locator('b').count()).toBe(0);
        await shown(button(page, say(lang, 'signIn.button', { portal: 'Netrex' })));
      });
    }
  }

  it('wrong rights lead to the portal settings, with the reason', async () => {
    const page = await open({ world: world({ providers: [NETREX] }) });
    await startWaiting(page);
    const refusal = failed('invalid_scope', 'Netrex refused the rights recordings_delete.');
    await suite.view.emit('sign-in-changed', refusal);
    await button(page, say('en', 'signIn.openSettings', { portal: 'Netrex' })).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'settings.title') }));
    await shown(page.getByText(sayError('en', refusal.error!)));
  });
});

describe('a portal that is not ready', () => {
  it('says why and sends the operator to its settings', async () => {
    const page = await open({ world: world() });
    await button(page, /^CamStreamer Cloud/).click();
    await shown(page.getByText(sayError('en', CAMSTREAMER.notReadyReason!)));
    expect(
      await button(page, say('en', 'signIn.button', { portal: 'CamStreamer Cloud' })).count(),
    ).toBe(0);
    await shown(page.getByText(say('en', 'signIn.notReadyAsk', { portal: 'CamStreamer Cloud' })));
    await button(page, say('en', 'signIn.setUpYourself', { portal: 'CamStreamer Cloud' })).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'settings.title') }));
    await shown(page.getByText(sayError('en', CAMSTREAMER.notReadyReason!)));
    expect(
      await page.getByRole('button', { name: 'CamStreamer Cloud' }).getAttribute('aria-current'),
    ).toBe('true');
    // The API token stays available for a portal without a client ID.
    await button(page, say('en', 'nav.addAccount')).click();
    await button(page, /^CamStreamer Cloud/).click();
    await button(page, say('en', 'signIn.useToken')).click();
    await shown(page.getByRole('heading', { level: 1, name: say('en', 'apiToken.title') }));
    expect(await page.getByLabel(say('en', 'apiToken.portal')).inputValue()).toBe('camstreamer');
  });
});
