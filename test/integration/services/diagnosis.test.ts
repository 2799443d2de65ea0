// The diagnosis through the real services and their bridge handlers, against
// the portal stand-in: every section, in English and Czech, machine-readable
// with stable ids; the way back's findings when a provider gives them; the
// last log lines; saving through the native dialog's stand-in (text or JSON
// by the chosen name, or cancelled); a key store that never answers does not
// hold the report; and no secret the portal issued is anywhere in it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Cipher } from '../../../main/vault/cipher';
import type { DiagnosisResult, Result } from '../../../main/ipc/contract';
import { openLogFile } from '../../../main/support/log-file';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { encodedForms } from '../../support/vault-fixtures';

let rig: ServicesRig | undefined;
let logs: TempDir | undefined;
afterEach(async () => {
  await rig?.close();
  logs?.dispose();
  rig = logs = undefined;
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
const ids = (result: DiagnosisResult) =>
  result.report.sections.flatMap((section) => section.checks.map((check) => check.id));
const find = (result: DiagnosisResult, id: string) =>
  result.report.sections.flatMap((s) => s.checks).find((check) => check.id === id);

describe('the diagnosis of the services', () => {
  it('reports every section with stable ids, in the language asked, holding no secret', async () => {
    logs = makeTempDir('netrex-logs-');
    const log = openLogFile({ folder: logs.path });
    rig = await startServicesRig({ log });
    const accountId = await rig.signInWithBrowser();
    await rig.until('accounts-changed', (list) => list.some((a) => a.cameras !== null));

    const en = value(await rig.services.handlers.runDiagnosis('en'));
    expect(en.report.sections.map((s) => s.id)).toEqual([
      'app',
      'storage',
      'way-back',
      'portal.netrex',
      'portal.camstreamer-cloud',
      'portal.demo',
      'accounts',
      'log',
    ]);
    expect(ids(en)).toEqual(
      expect.arrayContaining([
        'app.version',
        'storage.key-store',
        'storage.policy',
        'storage.vault-file',
        'storage.last-write',
        'storage.round-trip',
        'way-back.app-link',
        'way-back.portal.demo',
        'portal.demo.dns',
        'portal.demo.tcp',
        'portal.demo.tls',
        'portal.demo.http.token',
        'portal.demo.http.api',
        'portal.demo.clock',
        `account.${accountId}`,
      ]),
    );
    expect(find(en, 'storage.round-trip')?.status).toBe('ok');
    expect(find(en, 'storage.vault-file')).toMatchObject({ status: 'ok', facts: { accounts: 1 } });
    // No app-link port in this rig: the check has nothing to ask.
    expect(find(en, 'way-back.app-link')).toMatchObject({
      status: 'skip',
      detail: 'Not checked yet.',
    });
    expect(find(en, 'portal.demo.http.api')?.status).toBe('ok');
    // The built-in portals are not on loopback: a test's probes do not leave the machine.
    expect(find(en, 'portal.netrex.dns')?.code).toBe('name_not_found');
    const account = find(en, `account.${accountId}`)!;
    expect(account.status).toBe('ok');
    expect(account.detail).toMatch(
      /^State: connected\. Last successful check: 2026-11-27 12:00 UTC\. Next renewal: 2026-11-27 12:54 UTC\.$/,
    );
    const logSection = en.report.sections.find((s) => s.id === 'log')!;
    expect(logSection.lines!.some((line) => line.includes('sign-in.stored'))).toBe(true);
    expect(en.report.summary.skip).toBeGreaterThan(0);
    expect(en.text).toContain('[OK] Name lookup: 127.0.0.1: Found 127.0.0.1');

    const cs = value(await rig.services.handlers.runDiagnosis('cs'));
    expect(cs.report.language).toBe('cs');
    expect(ids(cs)).toEqual(ids(en).filter((id) => ids(cs).includes(id)));
    expect(cs.text).toContain('Diagnostika Netrex Connect');
    expect(find(cs, 'way-back.app-link')?.detail).toBe('Zatím nezkontrolováno.');

    const secrets = rig.portal.issued().filter((s) => s.length >= 8 && s !== 'operator');
    const everything = [en.text, JSON.stringify(en.report), cs.text].join('\n');
    for (const secret of secrets) {
      for (const form of encodedForms(secret)) expect(everything).not.toContain(form);
    }
  });

  it('checks the way back anew: an app link another program holds is a failure naming it', async () => {
    let checks = 0;
    rig = await startServicesRig({
      appLink: {
        check: async () => {
          checks += 1;
          return {
            scheme: 'cz.netrex.connect',
            status: 'claimed',
            launch: 'installed',
            holder: 'other-camera-app.desktop',
            repaired: true,
            elevated: null,
            detail: 'xdg-mime names another desktop entry',
            checkedAt: Date.UTC(2026, 10, 27, 12),
          };
        },
      },
    });
    await rig.services.checkWayBack(); // the start-up check, which a report would join
    const before = checks;
    const result = value(await rig.services.handlers.runDiagnosis('en'));
    expect(checks).toBe(before + 1);
    expect(find(result, 'way-back.app-link')).toMatchObject({
      status: 'fail',
      code: 'claimed',
      facts: { holder: 'other-camera-app.desktop', repaired: true },
    });
    expect(result.text).toContain(
      '[FAIL] App link (cz.netrex.connect:): Another program holds these links (other-camera-app.desktop)',
    );
    const cs = value(await rig.services.handlers.runDiagnosis('cs'));
    expect(find(cs, 'way-back.app-link')?.detail).toContain('Tyto odkazy drží jiný program');
  });

  it('saves the report the operator saw: text or JSON as the name says, or nothing when cancelled', async () => {
    rig = await startServicesRig();
    const shown = value(await rig.services.handlers.runDiagnosis('en'));
    const asText = value(await rig.services.handlers.saveDiagnosis('en'));
    expect(asText).toEqual({
      saved: true,
      path: expect.stringMatching(/netrex-diagnosis-20261127-120000\.txt$/),
    });
    if (!asText.saved) throw new Error('not saved');
    expect(readFileSync(asText.path, 'utf8')).toBe(shown.text);

    rig.onSaveDialog = () => 'report.json';
    const asJson = value(await rig.services.handlers.saveDiagnosis('en'));
    if (!asJson.saved) throw new Error('not saved');
    expect(JSON.parse(readFileSync(asJson.path, 'utf8'))).toEqual(shown.report);

    rig.onSaveDialog = () => null;
    expect(value(await rig.services.handlers.saveDiagnosis('en'))).toEqual({ saved: false });

    // A name the file system refuses (a folder is in the way): said, nothing lost.
    mkdirSync(join(rig.dir.path, 'taken.txt'));
    rig.onSaveDialog = () => 'taken.txt';
    const refused = await rig.services.handlers.saveDiagnosis('en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'report_not_saved' } });
  });

  it('is ready at its deadline even when the key store never answers', async () => {
    const hanging: Cipher = {
      backend: 'gnome_libsecret',
      isEncryptionAvailable: () => true,
      encrypt: () => new Promise(() => undefined),
      decrypt: () => new Promise(() => undefined),
    };
    // A new vault encrypts nothing at start: the services open over the key store that hangs.
    rig = await startServicesRig({ portCipher: hanging, services: { diagnosisTimeoutMs: 3000 } });
    // The services' own timers (accounts, policies, updates, retention) before any check runs.
    const servicesTimers = rig.clock.pendingTimers;
    const running = rig.services.handlers.runDiagnosis('en');
    // Every check started with its time limit on the services' clock; the limit passes.
    rig.clock.advance(3000);
    const result = value(await running);
    expect(find(result, 'storage.round-trip')).toMatchObject({
      status: 'fail',
      code: 'timed_out',
      detail:
        'The key store did not answer within 3 s: a locked keyring may be waiting for its password.',
    });
    expect(rig.clock.pendingTimers).toBeLessThanOrEqual(servicesTimers); // no check's timer is left
  });

  it('opens the log folder, and says where it is when that fails', async () => {
    logs = makeTempDir('netrex-logs-');
    rig = await startServicesRig({ log: openLogFile({ folder: logs.path }) });
    expect(value(await rig.services.handlers.openLogFolder())).toBeNull();
    expect(rig.logFolderOpened.count).toBe(1);
  });
});
