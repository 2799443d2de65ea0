// End to end, real clicks: a saved-sign-ins file that could not be read was
// set aside at start; Settings → Saved sign-ins says it is kept, where, and
// the day it is deleted by itself, offers to delete it now, and lets the
// operator choose how long such files are kept — in English and Czech.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { appSuite } from './app-fixture';
import { button, nav } from './app-steps';
import { say } from './ui-view';

const suite = appSuite();

function damagedDataFolder() {
  const dir = makeTempDir('netrex-set-aside-ui-');
  writeFileSync(`${dir.path}/vault.json`, '{"format":"netrex-connect/token-vault",');
  return dir;
}

const setAsideIn = (folder: string) =>
  readdirSync(folder).filter((name) => name.startsWith('vault.json.corrupted-'));

describe('damaged sign-in files set aside', () => {
  it('listed with the day each is deleted by itself, and deleted now on request', async () => {
    const app = await suite.open({ dir: damagedDataFolder() });
    const { page } = app;
    const [name] = setAsideIn(app.rig.dir.path);
    expect(name).toBeDefined();
    await nav(page, 'en', 'settings').click();
    await page.getByText(say('en', 'storage.setAside.kept_one')).waitFor();
    await page.locator('.set-aside-files').getByText(`${app.rig.dir.path}/${name}`).waitFor();
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      app.rig.clock.now() + 30 * 24 * 60 * 60 * 1000,
    );
    await page.getByText(say('en', 'storage.setAside.deleteAt', { date: due })).waitFor();

    await button(page, say('en', 'storage.setAside.delete_one')).click();
    await page.getByText(say('en', 'storage.setAside.none')).waitFor();
    expect(existsSync(`${app.rig.dir.path}/${name}`)).toBe(false);
  });

  it('in Czech: how long they are kept is chosen in the settings and remembered', async () => {
    const app = await suite.open({ lang: 'cs', dir: damagedDataFolder() });
    const { page } = app;
    await nav(page, 'cs', 'settings').click();
    await page.getByText(say('cs', 'storage.setAside.kept_one')).waitFor();
    const retention = page.getByLabel(say('cs', 'storage.setAside.retention'));
    await expect(retention.inputValue()).resolves.toBe('30');
    await retention.selectOption({
      label: say('cs', 'storage.setAside.days_other', { count: 90 }),
    });
    await expect
      .poll(async () => {
        const result = await app.rig.services.handlers.getSetAsideFiles();
        return result.ok && result.value.retentionDays;
      })
      .toBe(90);
    const due = new Intl.DateTimeFormat('cs', { dateStyle: 'medium' }).format(
      app.rig.clock.now() + 90 * 24 * 60 * 60 * 1000,
    );
    await page.getByText(say('cs', 'storage.setAside.deleteAt', { date: due })).waitFor();
    expect(setAsideIn(app.rig.dir.path)).toHaveLength(1);
  });
});
