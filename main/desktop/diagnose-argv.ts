// `--diagnose` on the command line: the app writes the diagnosis report (text
// and JSON) into its log folder and says where, then quits. When a copy is
// already running, the new one cannot run the checks (it would open the same
// vault): it picks the file names, hands them to the running copy through
// requestSingleInstanceLock's additionalData (Electron: docs/api/app.md,
// `app.requestSingleInstanceLock([additionalData])` and the 'second-instance'
// event's fourth argument), says where the report will be, and quits. Pure.
import { join } from 'node:path';
import type { ReportPaths } from '../support/diagnosis/report-files';

export const DIAGNOSE_FLAG = '--diagnose';

/** Whether the command line asks for the report (the exact flag; Chromium's own switches never match). */
export function diagnoseRequested(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === DIAGNOSE_FLAG);
}

/** What a second copy hands the running one. */
export function diagnoseRequestData(paths: ReportPaths): { readonly diagnose: ReportPaths } {
  return { diagnose: paths };
}

const NAME = /^netrex-diagnosis-\d{8}-\d{6}\.(txt|json)$/;

/**
 * The paths a second copy asked for, when they are report names in this
 * copy's own log folder; anything else (another folder, another name, a
 * shape that is not ours) is refused: another process never picks where
 * this one writes.
 */
export function acceptDiagnoseRequest(data: unknown, folder: string): ReportPaths | undefined {
  if (!data || typeof data !== 'object' || !('diagnose' in data)) return undefined;
  const asked = (data as { diagnose: unknown }).diagnose;
  if (!asked || typeof asked !== 'object') return undefined;
  const { text, json } = asked as { text?: unknown; json?: unknown };
  if (typeof text !== 'string' || typeof json !== 'string') return undefined;
  const inFolder = (path: string, ending: string) => {
    const name = path.slice(folder.length + 1);
    return path === join(folder, name) && NAME.test(name) && name.endsWith(ending);
  };
  return inFolder(text, '.txt') && inFolder(json, '.json') ? { text, json } : undefined;
}
