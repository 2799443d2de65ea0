// End to end, real clicks: after a sign-in, Settings → Diagnostics shows the
// real services' report (the demo portal checked layer by layer over
// loopback, the account, the log's last lines from a real log file), Copy
// puts its text on the clipboard and Save writes the same text where the
// system dialog's stand-in says. The shared secret search then looks at
// everything the window showed, the log lines included.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openLogFile } from '../../main/support/log-file';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { appSuite } from './app-fixture';
import { DEMO, button, nav, signInWithBrowser } from './app-steps';
import { say, shown } from './ui-view';

const suite = appSuite();
let logs: TempDir | undefined;
// After the app has closed (its last line is written on the way out).
afterAll(() => logs?.dispose());

describe('the diagnosis in the app', () => {
  it('shows, copies and saves the report of the real services, after a sign-in', async () => {
    logs = makeTempDir('netrex-e2e-logs-');
    const app = await suite.open({
      permissions: ['clipboard-read', 'clipboard-write'],
      log: openLogFile({ folder: logs.path }),
    });
    const { page } = app;
    await signInWithBrowser(app);

    await nav(page, 'en', 'settings').click();
    await button(page, say('en', 'support.diagnostics')).click();
    await shown(page.getByRole('heading', { level: 2, name: `Portal: ${DEMO}` }));
    const demo = page.locator('section', {
      has: page.getByRole('heading', { name: `Portal: ${DEMO}` }),
    });
    for (const row of ['Name lookup: 127.0.0.1', 'API', 'Sign-in server (token endpoint)']) {
      await shown(
        demo.locator('li', { hasText: row }).getByText(say('en', 'diagnostics.status.ok')),
      );
    }
    await shown(page.getByText(/State: connected\. Last successful check:/));
    await shown(page.getByText(/sign-in\.stored providerId=demo/));

    await button(page, say('en', 'diagnostics.copy')).click();
    await shown(page.getByRole('status').getByText(say('en', 'diagnostics.copied')));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Netrex Connect diagnosis\n/);
    expect(copied).toContain(`Portal: ${DEMO}`);

    await button(page, say('en', 'diagnostics.save')).click();
    const saved = page.getByRole('status').getByText(/The report is saved in /);
    await shown(saved);
    const path = (await saved.textContent())!.replace(/^The report is saved in (.*)\.$/, '$1');
    expect(path, 'where the dialog stand-in put it').toContain(app.rig.dir.path);
    expect(readFileSync(path, 'utf8')).toBe(copied);
  });
});
