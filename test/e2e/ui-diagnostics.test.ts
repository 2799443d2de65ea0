// View-level: Settings → Diagnostics and the support section, in Chromium on
// a fixed report made by the real report builder (diagnosis-fixture.ts):
// English and Czech, light and dark, axe-clean; Copy puts the report's text
// on the clipboard, Save asks the main process (the page names no path),
// "Check again" asks for a new report; Show logs and the detailed log.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findAxeViolations } from '../support/axe';
import { diagnosisFixture } from './diagnosis-fixture';
import { account, world } from './ui-fixtures';
import { viewSuite } from './ui-suite';
import { LANGS, inBothThemes, say, sayError, shown, type Lang } from './ui-view';

const suite = viewSuite();
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

async function openDiagnostics(lang: Lang, page?: Page): Promise<Page> {
  const view = page ?? (await suite.open({ world: world(), lang, permissions: CLIPBOARD }));
  await view
    .getByRole('navigation')
    .getByRole('button', { name: say(lang, 'nav.settings') })
    .click();
  await view.getByRole('button', { name: say(lang, 'support.diagnostics') }).click();
  await shown(view.getByRole('heading', { level: 1, name: say(lang, 'diagnostics.title') }));
  return view;
}

describe.each(LANGS)('the Diagnostics screen (%s)', (lang) => {
  it('shows the report section by section, in the window language, light and dark, axe-clean', async () => {
    const page = await openDiagnostics(lang);
    const fixture = await diagnosisFixture(lang);
    for (const section of fixture.report.sections) {
      await shown(page.getByRole('heading', { level: 2, name: section.title, exact: true }));
    }
    // The certificate a proxy replaced and the clock an hour ahead are said in plain words.
    const untrusted = fixture.report.sections
      .flatMap((s) => s.checks)
      .find((c) => c.id === 'portal.camstreamer.tls')!;
    await shown(page.getByText(untrusted.detail));
    await shown(page.getByText(say(lang, 'diagnostics.status.fail')).first());
    await shown(page.getByText('account.checked accountId=a2', { exact: false }));
    expect(suite.calls('runDiagnosis')).toEqual([[lang]]);
    await inBothThemes(page, 'diagnostics', lang, async (theme) => {
      expect(await findAxeViolations(page), `${lang} ${theme}`).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    });
  });

  it('copies the report as text, saves it through the main process, checks again', async () => {
    const page = await openDiagnostics(lang);
    const fixture = await diagnosisFixture(lang);
    await page.getByRole('button', { name: say(lang, 'diagnostics.copy') }).click();
    await shown(page.getByRole('status').getByText(say(lang, 'diagnostics.copied')));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fixture.text);

    await page.getByRole('button', { name: say(lang, 'diagnostics.save') }).click();
    await shown(
      page.getByRole('status').getByText(
        say(lang, 'diagnostics.saved', {
          path: '/home/operator/Documents/netrex-diagnosis-20250602-093000.txt',
        }),
      ),
    );
    // The page asks for a save in its language; where it goes is the system dialog's answer.
    expect(suite.calls('saveDiagnosis')).toEqual([[lang]]);

    await page.getByRole('button', { name: say(lang, 'diagnostics.again') }).click();
    await page.getByRole('button', { name: say(lang, 'diagnostics.again') }).waitFor();
    expect(suite.calls('runDiagnosis')).toEqual([[lang], [lang]]);
  });
});

describe('a report that cannot be saved, and the support section', () => {
  it('says why the report was not saved, in Czech', async () => {
    const refusal = {
      code: 'report_not_saved',
      message: 'The report could not be saved there.',
    };
    const page = await suite.open({
      world: world(),
      lang: 'cs',
      overrides: { saveDiagnosis: async () => ({ ok: false, error: refusal }) },
    });
    await openDiagnostics('cs', page);
    await page.getByRole('button', { name: say('cs', 'diagnostics.save') }).click();
    await shown(page.getByRole('alert').getByText(sayError('cs', refusal)));
  });

  it('opens the log folder and turns the detailed log on and off', async () => {
    const page = await suite.open({ world: world() });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: say('en', 'nav.settings') })
      .click();
    await page.getByRole('button', { name: say('en', 'support.showLogs') }).click();
    const detailed = page.getByRole('checkbox', { name: say('en', 'support.detailedLog') });
    await detailed.check();
    await detailed.uncheck();
    expect(suite.calls('openLogFolder')).toEqual([[]]);
    expect(suite.calls('updateAppSettings')).toEqual([
      [{ detailedLog: true }],
      [{ detailedLog: false }],
    ]);
  });

  it('says where the log folder is when it cannot be opened', async () => {
    const refusal = {
      code: 'log_folder_unavailable',
      message: 'The log folder could not be opened.',
      params: { variant: 'path', path: '/home/operator/.config/Netrex Connect/logs' },
    };
    const page = await suite.open({
      world: world(),
      overrides: { openLogFolder: async () => ({ ok: false, error: refusal }) },
    });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: say('en', 'nav.settings') })
      .click();
    await page.getByRole('button', { name: say('en', 'support.showLogs') }).click();
    await shown(
      page
        .getByRole('alert')
        .getByText(
          "The log folder couldn't be opened. You'll find it at /home/operator/.config/Netrex Connect/logs.",
        ),
    );
  });
});

describe.each(LANGS)("an account whose portal's clock is off (%s)", (lang) => {
  it('says by how much (hours from two hours on) and what to do, ahead or behind; not at all within five minutes', async () => {
    const page = await suite.open({
      lang,
      world: world({
        accounts: [
          account({ id: 'a1', label: 'ahead@example.cz', portalClockOffsetMs: 60 * 60_000 }),
          account({ id: 'a2', label: 'behind@example.cz', portalClockOffsetMs: -7 * 60_000 }),
          account({ id: 'a3', label: 'fine@example.cz', portalClockOffsetMs: 4 * 60_000 }),
          // Days off read in hours, not in thousands of minutes.
          account({ id: 'a4', label: 'days@example.cz', portalClockOffsetMs: -11_284 * 60_000 }),
        ],
      }),
    });
    await shown(page.getByText(say(lang, 'account.clockAhead_other', { count: 60 })));
    await shown(page.getByText(say(lang, 'account.clockBehind_other', { count: 7 })));
    await shown(page.getByText(say(lang, 'account.clockBehindHours_other', { count: 188 })));
    const fine = page.locator('article', { hasText: 'fine@example.cz' });
    expect(await fine.locator('.callout').count()).toBe(0);
    expect(await findAxeViolations(page)).toEqual([]);
  });
});
