// The report as text, for copying into a mail or a ticket and for the saved
// `.txt`: one line per check (`[FAIL] title: detail`, GCM's layout), each
// section under its title, the summary first, the log lines last.
import type { DiagnosisReport } from './model';
import type { ReportWords } from './words';

export function reportText(report: DiagnosisReport, words: ReportWords): string {
  const out: string[] = [
    words.heading,
    '='.repeat(words.heading.length),
    words.created(report.createdAt, report.tookMs),
    words.summary(report.summary),
  ];
  for (const section of report.sections) {
    out.push('', section.title, '-'.repeat(section.title.length));
    for (const check of section.checks) {
      const code = check.code ? ` [${check.code}]` : '';
      out.push(`[${words.statusLabel[check.status]}] ${check.title}: ${check.detail}${code}`);
    }
    for (const line of section.lines ?? []) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}
