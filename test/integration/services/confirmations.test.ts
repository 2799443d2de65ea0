// What a page that was taken over could do through the bridge, and what now
// waits for the operator's answer in the main process's own dialog
// (AppPorts.confirm, recorded here): keeping sign-ins without a keyring, the
// first browser sign-in to a portal added on this computer, and a second
// sign-in ending the grant it replaces. The handler table of the real
// services, the portal stand-in over HTTP, the vault on disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../main/ipc/contract';
import { AesGcmCipher } from '../../support/aes-cipher';
import { cameraList } from '../../support/portal-client';
import { startProvider, type ProviderStandIn } from '../../support/provider';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { openVaultIn } from '../../support/vault-fixtures';

let rig: ServicesRig | undefined;
let other: ProviderStandIn | undefined;
afterEach(async () => {
  await rig?.close();
  await other?.close();
  rig = undefined;
  other = undefined;
});

function refusal(result: Result<unknown>) {
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: { code: string; params?: Record<string, unknown> } }).error;
}

/** The tokens on disk (a second vault over the same file, only read). */
async function tokensOnDisk(current: ServicesRig) {
  const vault = await openVaultIn(current.dir.path, current.cipher);
  const tokens = vault.listAccounts().map((a) => a.tokens);
  await vault.dispose();
  return tokens;
}

describe('weak storage is switched on only with the operator’s confirmation', () => {
  const weakRig = (confirmPort = true) =>
    startServicesRig({ cipher: AesGcmCipher.random({ backend: 'basic_text' }), confirmPort });

  it('refused in the dialog: still memory only, nothing remembered', async () => {
    rig = await weakRig();
    rig.answer = () => false;
    const error = refusal(await rig.services.handlers.setWeakStorageAllowed(true));
    expect(error).toMatchObject({ code: 'not_confirmed', params: { variant: 'weak-storage' } });
    expect(rig.confirmations).toEqual([{ kind: 'weak-storage', backend: 'basic_text' }]);
    const status = await rig.services.handlers.getStorageStatus();
    expect(status).toMatchObject({ ok: true, value: { policy: 'memory-only' } });
    expect(existsSync(join(rig.dir.path, 'vault-settings.json'))).toBe(false);
  });

  it('confirmed: tokens go to disk; switching it off again asks nothing', async () => {
    rig = await weakRig();
    expect(await rig.services.handlers.setWeakStorageAllowed(true)).toMatchObject({
      ok: true,
      value: { policy: 'weak-allowed' },
    });
    expect(rig.confirmations).toHaveLength(1);
    expect(await rig.services.handlers.setWeakStorageAllowed(false)).toMatchObject({
      ok: true,
      value: { policy: 'memory-only' },
    });
    expect(rig.confirmations).toHaveLength(1);
  });

  it('a host without the dialog: refused', async () => {
    rig = await weakRig(false);
    const error = refusal(await rig.services.handlers.setWeakStorageAllowed(true));
    expect(error.code).toBe('not_confirmed');
    expect(rig.confirmations).toEqual([]);
  });
});

describe('the first browser sign-in to a portal added on this computer', () => {
  async function addedPortal(current: ServicesRig): Promise<string> {
    other = await startProvider({}, { clock: () => current.clock.now() });
    const added = await current.services.handlers.addPortal({ url: other.url, name: 'Acme' });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.id;
    await current.services.handlers.updateProvider(id, { clientId: 'netrex-connect-demo' });
    await current.services.handlers.setClientSecret(id, 'demo-client-secret-do-not-use');
    return id;
  }

  it('refused in the dialog: the browser is not opened', async () => {
    rig = await startServicesRig();
    const id = await addedPortal(rig);
    rig.answer = () => false;
    const error = refusal(await rig.services.handlers.signIn(id));
    expect(error).toMatchObject({
      code: 'not_confirmed',
      params: { variant: 'first-sign-in', portal: 'Acme' },
    });
    expect(rig.confirmations).toEqual([
      { kind: 'first-sign-in', portal: 'Acme', address: other!.url },
    ]);
    expect(rig.opened).toEqual([]);
  });

  it('confirmed once: the sign-in opens, and later ones (after a restart too) ask nothing', async () => {
    rig = await startServicesRig();
    const id = await addedPortal(rig);
    expect(await rig.services.handlers.signIn(id)).toMatchObject({ ok: true });
    expect(rig.opened).toHaveLength(1);
    expect(rig.opened[0]!.startsWith(`${other!.url}/oauth2/auth/`)).toBe(true);
    rig.services.handlers.cancelSignIn(id);
    expect(await rig.services.handlers.signIn(id)).toMatchObject({ ok: true });
    expect(rig.confirmations).toHaveLength(1);

    const { dir, clock, portal, cipher } = rig;
    await rig.close({ keepDir: true, keepPortal: true });
    rig = await startServicesRig({ dir, clock, portal, cipher });
    expect(await rig.services.handlers.signIn(id)).toMatchObject({ ok: true });
    expect(rig.confirmations).toEqual([]);
  });

  it('removed and added again: asked again', async () => {
    rig = await startServicesRig();
    const id = await addedPortal(rig);
    await rig.services.handlers.signIn(id);
    await rig.services.handlers.cancelSignIn(id);
    await rig.services.handlers.removeProvider(id);
    const again = await rig.services.handlers.addPortal({ url: other!.url, name: 'Acme' });
    if (!again.ok) throw new Error(again.error.message);
    await rig.services.handlers.updateProvider(again.value.id, {
      clientId: 'netrex-connect-demo',
    });
    await rig.services.handlers.setClientSecret(again.value.id, 'demo-client-secret-do-not-use');
    rig.answer = () => false;
    expect(refusal(await rig.services.handlers.signIn(again.value.id)).code).toBe('not_confirmed');
    expect(rig.confirmations).toHaveLength(2);
  });

  it('a host without the dialog: refused; a portal that came with the app asks nothing', async () => {
    rig = await startServicesRig({ confirmPort: false });
    const id = await addedPortal(rig);
    expect(refusal(await rig.services.handlers.signIn(id)).code).toBe('not_confirmed');
    expect(await rig.services.handlers.signIn('demo')).toMatchObject({ ok: true });
    expect(rig.opened).toHaveLength(1);
  });
});

describe('a second browser sign-in to the same portal', () => {
  /** signIn, the operator logs in and allows, the redirect comes back as a deep link. */
  async function signInAgain(current: ServicesRig): Promise<void> {
    expect(await current.services.handlers.signIn('demo')).toMatchObject({ ok: true });
    await current.services.handleDeepLink(await current.playLastAuthorization());
  }

  it('is asked about after the tokens arrived; refused, the earlier sign-in stays and the new grant is ended', async () => {
    rig = await startServicesRig();
    const accountId = await rig.signInWithBrowser();
    const [held] = await tokensOnDisk(rig);
    expect(rig.confirmations).toEqual([]);

    rig.answer = () => false;
    await signInAgain(rig);
    const demoName = rig.services.providers().find((p) => p.id === 'demo')!.name;
    expect(rig.confirmations).toEqual([
      { kind: 'replace-sign-in', portal: demoName, account: demoName },
    ]);
    const failed = rig.signInViews().at(-1)!;
    expect(failed).toMatchObject({
      phase: 'failed',
      error: { code: 'not_confirmed', params: { variant: 'replace-sign-in' } },
    });
    // The held grant works and is still the one on disk; the new one was revoked.
    expect(await tokensOnDisk(rig)).toEqual([held]);
    expect((await cameraList(rig.portal, held!.accessToken)).status).toBe(200);
    expect(rig.portal.stats.revoke.requests).toBe(1);
    expect(await rig.services.handlers.checkNow(accountId)).toMatchObject({
      ok: true,
      value: { state: 'connected' },
    });
  });

  it('confirmed: the new tokens replace the account’s and the earlier grant is ended', async () => {
    rig = await startServicesRig();
    const accountId = await rig.signInWithBrowser();
    const [held] = await tokensOnDisk(rig);
    await signInAgain(rig);
    expect(rig.confirmations.map((q) => q.kind)).toEqual(['replace-sign-in']);
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'connected', accountId });
    const [current] = await tokensOnDisk(rig);
    expect(current!.accessToken).not.toBe(held!.accessToken);
    expect((await cameraList(rig.portal, held!.accessToken)).status).toBe(401);
    expect((await cameraList(rig.portal, current!.accessToken)).status).toBe(200);
  });

  it('a host without the dialog keeps the earlier sign-in (never ends it unasked)', async () => {
    rig = await startServicesRig({ confirmPort: false });
    await rig.signInWithBrowser();
    const [held] = await tokensOnDisk(rig);
    await signInAgain(rig);
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'failed' });
    expect(await tokensOnDisk(rig)).toEqual([held]);
    expect((await cameraList(rig.portal, held!.accessToken)).status).toBe(200);
  });

  it('a portal that re-issues the grant it holds: nothing to ask, nothing revoked', async () => {
    rig = await startServicesRig({ standIn: { reissueGrant: true } });
    const accountId = await rig.signInWithBrowser();
    const [held] = await tokensOnDisk(rig);
    await signInAgain(rig);
    expect(rig.confirmations).toEqual([]);
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'connected', accountId });
    expect(rig.portal.stats.revoke.requests).toBe(0);
    expect((await cameraList(rig.portal, held!.accessToken)).status).toBe(200);
  });
});
