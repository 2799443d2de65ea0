// Vault files set aside after damage may hold live sign-ins: the services
// list them for Settings → Saved sign-ins, delete them on request, and delete
// them by themselves once the retention period (30 days unless the operator
// chose another) has passed — at start and in the daily check, on the
// services' manual clock. Real files in a temporary data folder.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SetAsideFiles } from '../../../main/ipc/contract';
import { ManualClock } from '../../support/manual-clock';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { makeTempDir } from '../../support/temp-dir';

const DAY = 24 * 60 * 60 * 1000;

let rig: ServicesRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Services over a data folder whose vault file is damaged: it is set aside at start. */
async function withDamagedVault(clock = new ManualClock()): Promise<ServicesRig> {
  const dir = makeTempDir('netrex-set-aside-');
  writeFileSync(`${dir.path}/vault.json`, '{"format":"netrex-connect/token-vault",');
  return startServicesRig({ dir, clock });
}

async function setAside(current: ServicesRig): Promise<SetAsideFiles> {
  const result = await current.services.handlers.getSetAsideFiles();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const setAsideNames = (current: ServicesRig) =>
  readdirSync(current.dir.path).filter((name) => /^vault\.json\.corrupted-/.test(name));

describe('vault files set aside', () => {
  it('are listed with the day each is deleted (30 days by default), and deleted by the daily check when due', async () => {
    rig = await withDamagedVault();
    const start = rig.clock.now();
    const listed = await setAside(rig);
    expect(listed.retentionDays).toBe(30);
    expect(listed.files).toHaveLength(1);
    expect(listed.files[0]).toMatchObject({ setAsideAt: start, deleteAt: start + 30 * DAY });
    expect(existsSync(listed.files[0]!.path)).toBe(true);

    rig.clock.advance(29 * DAY);
    expect(setAsideNames(rig)).toHaveLength(1);
    rig.clock.advance(1 * DAY);
    expect(setAsideNames(rig)).toEqual([]);
    expect((await setAside(rig)).files).toEqual([]);
  });

  it('deleted at once on request', async () => {
    rig = await withDamagedVault();
    const [file] = (await setAside(rig)).files;
    expect(await rig.services.handlers.deleteSetAsideFiles()).toEqual({
      ok: true,
      value: { retentionDays: 30, files: [] },
    });
    expect(existsSync(file!.path)).toBe(false);
  });

  it('a shorter retention applies at once and is remembered; a file past it is deleted at the next start', async () => {
    const clock = new ManualClock();
    rig = await withDamagedVault(clock);
    clock.advance(10 * DAY);
    expect(await rig.services.handlers.setSetAsideRetention(90)).toMatchObject({
      ok: true,
      value: { retentionDays: 90, files: [{ deleteAt: clock.now() - 10 * DAY + 90 * DAY }] },
    });
    expect(await rig.services.handlers.setSetAsideRetention(7)).toMatchObject({
      ok: true,
      value: { retentionDays: 7, files: [] },
    });
    expect(setAsideNames(rig)).toEqual([]);

    // Another damaged file; the app is closed for a week and started again.
    const { dir, portal, cipher } = rig;
    await rig.close({ keepDir: true, keepPortal: true });
    writeFileSync(`${dir.path}/vault.json`, 'not json');
    rig = await startServicesRig({ dir, portal, cipher, clock });
    expect(setAsideNames(rig)).toHaveLength(1);
    expect((await setAside(rig)).retentionDays).toBe(7);
    await rig.close({ keepDir: true, keepPortal: true });
    clock.advance(7 * DAY);
    rig = await startServicesRig({ dir, portal, cipher, clock });
    expect(setAsideNames(rig)).toEqual([]);
  });

  it('a retention that is not a whole number of days from 1 to 365 is refused by name', async () => {
    rig = await startServicesRig();
    for (const days of [0, 366, 1.5, '30']) {
      const result = await rig.services.handlers.setSetAsideRetention(days as number);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.message).toMatch(/setSetAsideRetention: days: /);
    }
    expect((await setAside(rig)).retentionDays).toBe(30);
  });
});
