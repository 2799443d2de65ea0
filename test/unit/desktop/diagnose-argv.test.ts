// `--diagnose`: the flag, the paths a second copy hands the running one, and
// the running copy's refusal of any path that is not a report name in its
// own log folder.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptDiagnoseRequest,
  diagnoseRequestData,
  diagnoseRequested,
} from '../../../main/desktop/diagnose-argv';
import { reportPaths } from '../../../main/support/diagnosis/report-files';

const FOLDER = join('/home/o/.config/Netrex Connect', 'logs');
const AT = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('--diagnose', () => {
  it('is the exact flag, anywhere on the command line', () => {
    expect(diagnoseRequested(['/opt/Netrex Connect/netrex-connect', '--diagnose'])).toBe(true);
    expect(diagnoseRequested(['electron', '.', '--diagnose', '--no-sandbox'])).toBe(true);
    for (const argv of [
      [],
      ['--diagnose=1'],
      ['--Diagnose'],
      ['cz.netrex.connect:/x?--diagnose'],
      ['--diagnosed'],
    ]) {
      expect(diagnoseRequested(argv), argv.join(' ')).toBe(false);
    }
  });

  it('names both files by the time, in the log folder', () => {
    expect(reportPaths(FOLDER, AT)).toEqual({
      text: join(FOLDER, 'netrex-diagnosis-20261127-120000.txt'),
      json: join(FOLDER, 'netrex-diagnosis-20261127-120000.json'),
    });
  });

  it('accepts from a second copy exactly the report names in its own log folder', () => {
    const paths = reportPaths(FOLDER, AT);
    expect(acceptDiagnoseRequest(diagnoseRequestData(paths), FOLDER)).toEqual(paths);
    // Round trip through what Electron sends between the copies (structured clone of JSON-like data).
    expect(acceptDiagnoseRequest(structuredClone(diagnoseRequestData(paths)), FOLDER)).toEqual(
      paths,
    );
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['another shape', { diagnose: 'yes' }],
    ['another folder', { diagnose: reportPaths('/tmp', AT) }],
    [
      'a climb out of the folder',
      {
        diagnose: {
          text: join(FOLDER, '../netrex-diagnosis-20261127-120000.txt'),
          json: join(FOLDER, 'netrex-diagnosis-20261127-120000.json'),
        },
      },
    ],
    [
      'another name',
      {
        diagnose: {
          text: join(FOLDER, 'main.log'),
          json: join(FOLDER, 'netrex-diagnosis-20261127-120000.json'),
        },
      },
    ],
    [
      'swapped endings',
      {
        diagnose: {
          text: join(FOLDER, 'netrex-diagnosis-20261127-120000.json'),
          json: join(FOLDER, 'netrex-diagnosis-20261127-120000.txt'),
        },
      },
    ],
    [
      'a sub-folder',
      {
        diagnose: {
          text: join(FOLDER, 'x', 'netrex-diagnosis-20261127-120000.txt'),
          json: join(FOLDER, 'netrex-diagnosis-20261127-120000.json'),
        },
      },
    ],
  ])('refuses %s', (_name, data) => {
    expect(acceptDiagnoseRequest(data, FOLDER)).toBeUndefined();
  });
});
