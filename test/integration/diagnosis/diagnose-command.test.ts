// `--diagnose` once the services are up: the real services' report written as
// text and JSON where the paths say, the sentence to print in the app's
// language (the setting, else the OS's), and exit code 1 with a plain reason
// when the folder cannot be written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDiagnoseCommand } from '../../../main/support/diagnosis/diagnose-command';
import { reportPaths } from '../../../main/support/diagnosis/report-files';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';

let rig: ServicesRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('--diagnose', () => {
  it('writes the report as text and JSON and says where, in the language of the OS', async () => {
    rig = await startServicesRig({ languages: ['cs-CZ', 'en-US'] });
    const paths = reportPaths(join(rig.dir.path, 'logs'), rig.clock.now());
    const outcome = await runDiagnoseCommand(() => rig!.services.diagnose(), paths);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).toMatch(
      new RegExp(`^Diagnostická zpráva je v ${paths.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
    );
    const text = readFileSync(paths.text, 'utf8');
    expect(text).toMatch(/^Diagnostika Netrex Connect\n/);
    const json = JSON.parse(readFileSync(paths.json, 'utf8'));
    expect(json).toMatchObject({ format: 'netrex-connect-diagnosis/1', language: 'cs' });
    // The built-in portals are off loopback: the report says so, and the sentence counts them.
    expect(outcome.message).toContain(`Selhaných kontrol: ${json.summary.fail}`);
  });

  it('follows the language setting over the OS', async () => {
    rig = await startServicesRig({ languages: ['cs-CZ'] });
    await rig.services.handlers.updateAppSettings({ language: 'en' });
    const paths = reportPaths(join(rig.dir.path, 'logs'), rig.clock.now());
    const outcome = await runDiagnoseCommand(() => rig!.services.diagnose(), paths);
    expect(outcome.message).toMatch(/^The diagnosis report is in /);
  });

  it('says it could not write, and why, with exit code 1', async () => {
    rig = await startServicesRig();
    const blocked = join(rig.dir.path, 'not-a-folder');
    writeFileSync(blocked, 'a file where the log folder should be');
    const outcome = await runDiagnoseCommand(
      () => rig!.services.diagnose(),
      reportPaths(blocked, rig.clock.now()),
    );
    expect(outcome).toEqual({
      exitCode: 1,
      message: `The diagnosis report could not be written to ${blocked} (EEXIST). Check that the folder exists and can be written, or open Settings → Diagnostics and copy the report.`,
    });
  });
});
