// What a page that was taken over could do through the bridge, and what now
// waits for the operator's answer in the main process's own dialog
// (AppPorts.confirm, recorded here): keeping sign-ins without a keyring and
// the first browser sign-in to a portal added on this computer. The handler
// table of the real services, the portal stand-in over HTTP, the vault on disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../main/ipc/contract';
import { AesGcmCipher } from '../../support/aes-cipher';
import { startProvider, type ProviderStandIn } from '../../support/provider';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';

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
