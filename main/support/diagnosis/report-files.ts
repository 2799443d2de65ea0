// The report as files: the text for a person, the JSON for a machine (the
// same report, stable check ids). What a name ending says is what is written,
// so a native save dialog's choice decides the format, never the page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosisResult, ReportLanguage } from './model';

export type ReportFormat = 'text' | 'json';

/** `netrex-diagnosis-20261127-120000.txt` (UTC), for a save dialog or `--diagnose`. */
export function reportFileName(at: number, format: ReportFormat): string {
  const iso = new Date(at).toISOString();
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
  return `netrex-diagnosis-${stamp}.${format === 'json' ? 'json' : 'txt'}`;
}

/** The format a chosen file name asks for: `.json` is JSON, anything else text. */
export function formatOfPath(path: string): ReportFormat {
  return /\.json$/i.test(path) ? 'json' : 'text';
}

export function reportContent(result: DiagnosisResult, format: ReportFormat): string {
  return format === 'json' ? `${JSON.stringify(result.report, null, 2)}\n` : result.text;
}

/** Writes the report in the format its name asks for. Throws what the file system throws. */
export function writeReportFile(path: string, result: DiagnosisResult): void {
  writeFileSync(path, reportContent(result, formatOfPath(path)), { encoding: 'utf8', mode: 0o600 });
}

export interface ReportPaths {
  readonly text: string;
  readonly json: string;
}

/** Where `--diagnose` writes a report made at `at`: both files in the log folder. */
export function reportPaths(folder: string, at: number): ReportPaths {
  return {
    text: join(folder, reportFileName(at, 'text')),
    json: join(folder, reportFileName(at, 'json')),
  };
}

/** The report's language for a language setting: the setting, else the first OS language we ship. */
export function reportLanguageFor(
  setting: 'system' | 'en' | 'cs',
  osLanguages: readonly string[],
): ReportLanguage {
  if (setting !== 'system') return setting;
  for (const tag of osLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'cs' || base === 'en') return base;
  }
  return 'en';
}
