// The services under IT's policies, read from real files in a Linux policy
// folder (the app's own reader and folder watch), on a manual clock: what a
// policy forbids is refused with the organisation named, a forced login item
// is set, an earlier weak-storage opt-in is withdrawn, and a change while the
// app runs takes effect (the watch on Linux, the periodic read elsewhere),
// a removed policy included.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_CHECK_INTERVAL_MS } from '../../../main/policy';
import { readLinuxPolicies, watchLinuxPolicies } from '../../../main/policy/policy-sources';
import { LINUX_ADMINS } from '../../../main/policy/posix-trust';
import { AesGcmCipher } from '../../support/aes-cipher';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const admins = process.getuid?.() === 0 ? LINUX_ADMINS : { uids: [process.getuid!()], gids: [] };

let rig: ServicesRig | undefined;
let etc: TempDir | undefined;
afterEach(async () => {
  await rig?.close();
  etc?.dispose();
  rig = etc = undefined;
});

function policyFolder(): { dir: string; write(policy: unknown): void; remove(): void } {
  etc = makeTempDir('netrex-etc-');
  const dir = join(etc.path, 'netrex-connect');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const file = join(dir, 'policy.json');
  return {
    dir,
    write(policy) {
      writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
      chmodSync(file, 0o644);
    },
    remove: () => rmSync(file),
  };
}

/** The watch the app uses, with a way to wait for its next event (no sleeping). */
function watched(dir: string) {
  let heard: (() => void) | undefined;
  return {
    watch: (changed: () => void) =>
      watchLinuxPolicies(() => {
        changed();
        heard?.();
      }, dir),
    next: () => new Promise<void>((resolve) => (heard = resolve)),
  };
}

describe('policies applied by the services', () => {
  it('refuses what IT forbids, forces the login item, and shows what IT fixed', async () => {
    const folder = policyFolder();
    folder.write({ allowApiTokens: false, allowWeakStorage: false, launchAtLogin: true });
    rig = await startServicesRig({
      services: { policyReader: () => readLinuxPolicies(folder.dir, admins) },
    });
    const { handlers } = rig.services;
    expect(rig.loginItem.enabled).toBe(true);
    expect(await handlers.getPolicy()).toEqual({
      ok: true,
      value: { allowApiTokens: false, allowWeakStorage: false, launchAtLogin: true },
    });
    const token = await handlers.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: 'a-token-1234567',
    });
    expect(token).toMatchObject({
      ok: false,
      error: { code: 'set_by_policy', params: { variant: 'api-tokens' } },
    });
    expect(await handlers.setWeakStorageAllowed(true)).toMatchObject({
      ok: false,
      error: { code: 'set_by_policy', params: { variant: 'weak-storage' } },
    });
    expect(await handlers.updateAppSettings({ startAtLogin: false })).toMatchObject({
      ok: false,
      error: { code: 'set_by_policy', params: { variant: 'launch-at-login' } },
    });
    expect(await handlers.updateAppSettings({ language: 'cs', startAtLogin: true })).toEqual({
      ok: true,
      value: { language: 'cs', startAtLogin: true, detailedLog: false },
    });
    expect(rig.services.policyValues()).toMatchObject({ launchAtLogin: true });
    expect(rig.notices()).toEqual([]);
  });

  it('a change while the app runs takes effect through the folder watch, a removal too', async () => {
    const folder = policyFolder();
    const watch = watched(folder.dir);
    rig = await startServicesRig({
      services: {
        policyReader: () => readLinuxPolicies(folder.dir, admins),
        policyWatch: watch.watch,
      },
    });
    const { handlers } = rig.services;
    const heardLevels: unknown[] = [];
    rig.services.onPolicyChanged((values) => heardLevels.push(values.logLevel));

    let event = watch.next();
    folder.write({
      allowCustomPortals: false,
      logLevel: 'debug',
      providers: [{ id: 'acme', name: 'ACME', url: 'https://acme.example', clientId: 'it' }],
    });
    await event;
    rig.clock.advance(500);
    await rig.until('policy-changed', (view) => view.allowCustomPortals === false);
    expect((await handlers.addPortal({ url: 'https://mine.example' })).ok).toBe(false);
    expect(rig.services.providers().map((p) => p.id)).toContain('acme');
    expect(heardLevels).toEqual(['debug']);

    event = watch.next();
    folder.remove();
    await event;
    rig.clock.advance(500);
    await rig.until('policy-changed', (view) => view.allowCustomPortals === undefined);
    expect(rig.services.providers().map((p) => p.id)).not.toContain('acme');
    expect((await handlers.addPortal({ url: 'https://mine.example' })).ok).toBe(true);
    expect(heardLevels).toEqual(['debug', undefined]);
  });

  it('without a watch (Windows, macOS) the periodic read notices, and resume reads at once', async () => {
    const folder = policyFolder();
    rig = await startServicesRig({
      services: { policyReader: () => readLinuxPolicies(folder.dir, admins) },
    });
    folder.write({ allowApiTokens: false });
    rig.clock.advance(POLICY_CHECK_INTERVAL_MS - 1);
    expect(rig.services.policyValues()).toEqual({});
    rig.clock.advance(1);
    await rig.until('policy-changed', (view) => view.allowApiTokens === false);

    folder.write({ allowApiTokens: true });
    rig.services.resume();
    await rig.until('policy-changed', (view) => view.allowApiTokens === true);
  });

  it('an opt-in to weak storage is withdrawn when IT forbids it, its file emptied', async () => {
    const folder = policyFolder();
    const watch = watched(folder.dir);
    rig = await startServicesRig({
      cipher: AesGcmCipher.random({ backend: 'basic_text' }),
      services: {
        policyReader: () => readLinuxPolicies(folder.dir, admins),
        policyWatch: watch.watch,
      },
    });
    expect(await rig.services.handlers.setWeakStorageAllowed(true)).toMatchObject({
      ok: true,
      value: { policy: 'weak-allowed' },
    });
    const event = watch.next();
    folder.write({ allowWeakStorage: false });
    await event;
    rig.clock.advance(500);
    await rig.until('policy-changed', (view) => view.allowWeakStorage === false);
    expect(await rig.services.handlers.getStorageStatus()).toMatchObject({
      ok: true,
      value: { policy: 'memory-only' },
    });
  });

  it('a policy file that cannot be read keeps the lockdown but takes no sign-ins off the disk', async () => {
    const folder = policyFolder();
    const watch = watched(folder.dir);
    rig = await startServicesRig({
      cipher: AesGcmCipher.random({ backend: 'basic_text' }),
      services: {
        policyReader: () => readLinuxPolicies(folder.dir, admins),
        policyWatch: watch.watch,
      },
    });
    await rig.services.handlers.setWeakStorageAllowed(true);
    const event = watch.next();
    folder.write('{ "allowWeakStorage": false, ');
    await event;
    rig.clock.advance(500);
    await rig.until('policy-changed', (view) => view.allowApiTokens === false);
    expect(rig.services.policyValues()).toEqual({
      allowCustomPortals: false,
      allowApiTokens: false,
      updatesEnabled: false,
    });
    expect(await rig.services.handlers.getStorageStatus()).toMatchObject({
      ok: true,
      value: { policy: 'weak-allowed' },
    });
  });

  it('a broken policy file is said once, as a notice naming the file', async () => {
    const folder = policyFolder();
    folder.write({ allowApiTokens: 'no' });
    rig = await startServicesRig({
      services: { policyReader: () => readLinuxPolicies(folder.dir, admins) },
    });
    rig.services.events.windowReady();
    expect(rig.notices().map((n) => [n.code, n.params?.variant, n.params?.field])).toEqual([
      ['managed_config_invalid', 'lockdown', 'allowApiTokens'],
    ]);
    await rig.services.resume();
    rig.clock.advance(POLICY_CHECK_INTERVAL_MS);
    expect(rig.notices()).toHaveLength(1);
  });
});
