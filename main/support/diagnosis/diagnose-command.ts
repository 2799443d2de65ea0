// `--diagnose`, once the services are up: make the report in the app's
// language, write its text and JSON where `paths` say, and answer the
// sentence to print (and show) and the exit code. Written to be run by the
// Electron edge (main/electron/diagnose.ts) and tested in Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiagnosisResult } from './model';
import { reportContent, type ReportPaths } from './report-files';
import { reportWords } from './words';

export interface DiagnoseCommandOutcome {
  /** 0 when the report was written (whatever it found), 1 when it could not be. */
  readonly exitCode: 0 | 1;
  /** What to tell the operator, in the report's language. */
  readonly message: string;
}

export async function runDiagnoseCommand(
  diagnose: () => Promise<DiagnosisResult>,
  paths: ReportPaths,
): Promise<DiagnoseCommandOutcome> {
  const result = await diagnose();
  const words = reportWords(result.report.language);
  try {
    mkdirSync(dirname(paths.text), { recursive: true });
    writeFileSync(paths.text, reportContent(result, 'text'), { mode: 0o600 });
    writeFileSync(paths.json, reportContent(result, 'json'), { mode: 0o600 });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return {
      exitCode: 1,
      message: words.command.notWritten(
        dirname(paths.text),
        typeof code === 'string' ? code : 'error',
      ),
    };
  }
  return {
    exitCode: 0,
    message: words.command.written(paths.text, paths.json, result.report.summary.fail),
  };
}
