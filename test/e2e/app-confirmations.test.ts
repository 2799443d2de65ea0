// End to end, real clicks: what the window asks for and the main process must
// confirm in its own dialog first (AppPorts.confirm; here the rig's recording
// port, answering as the operator would). Refused, the window says so plainly
// and nothing happened; confirmed, the same click goes through.
import { describe, expect, it } from 'vitest';
import { AesGcmCipher } from '../support/aes-cipher';
import { appSuite } from './app-fixture';
import { addAndSetUpPortal, button, nav, secondPortal } from './app-steps';
import { say, sayError, shown } from './ui-view';

const suite = appSuite();
const CLIPBOARD = ['clipboard-read', 'clipboard-write'] as const;

describe('confirmations the main process asks for', () => {
  it('keeping sign-ins without a keyring: refused in the dialog, the window says so and the choice stays off', async () => {
    const app = await suite.open({ cipher: AesGcmCipher.random({ backend: 'basic_text' }) });
    const { page } = app;
    app.rig.answer = () => false;
    await nav(page, 'en', 'settings').click();
    const optIn = page.getByRole('checkbox', { name: new RegExp(say('en', 'storage.optIn')) });
    await optIn.click();
    const refusal = sayError('en', {
      code: 'not_confirmed',
      message: '',
      params: { variant: 'weak-storage' },
    });
    expect(refusal).toMatch(/wasn't confirmed in the Netrex Connect dialog/);
    await shown(page.getByRole('alert').getByText(refusal));
    await expect(optIn.isChecked()).resolves.toBe(false);
    await page.getByText(say('en', 'storage.policyMemory')).waitFor();
    expect(app.rig.confirmations).toEqual([{ kind: 'weak-storage', backend: 'basic_text' }]);

    app.rig.answer = () => true;
    await optIn.click();
    await page.getByText(say('en', 'storage.policyWeak')).waitFor();
    await expect(optIn.isChecked()).resolves.toBe(true);
    expect(app.rig.confirmations).toHaveLength(2);
  });

  it('the first sign-in to a portal added here (in Czech): refused, no browser opens and the window says why', async () => {
    const app = await suite.open({ lang: 'cs', permissions: CLIPBOARD });
    const { page } = app;
    const portal = await secondPortal();
    await addAndSetUpPortal(app, portal, [], 'cs');
    app.rig.answer = () => false;
    await button(page, say('cs', 'signIn.button', { portal: portal.name })).click();
    const refusal = sayError('cs', {
      code: 'not_confirmed',
      message: '',
      params: { variant: 'first-sign-in', portal: portal.name },
    });
    expect(refusal).toContain(`Přihlášení k portálu ${portal.name} nezačalo`);
    await shown(page.getByRole('alert').getByText(refusal));
    expect(app.browser.loaded).toEqual([]);
    expect(app.rig.confirmations).toEqual([
      { kind: 'first-sign-in', portal: portal.name, address: portal.url },
    ]);

    app.rig.answer = () => true;
    await button(page, say('cs', 'signIn.button', { portal: portal.name })).click();
    await app.browser.whenLoaded(1);
    expect(new URL(app.browser.loaded[0]!).origin).toBe(portal.url);
  });
});
