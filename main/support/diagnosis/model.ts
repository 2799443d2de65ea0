// The diagnosis report as plain data: what the operator copies or saves, what
// `--diagnose` writes, and what the Settings → Diagnostics screen shows. Every
// check has a stable id (`portal.demo.api.tls`), a status, its words in the
// report's language and, when it failed, the failure class as a code
// (`cert_untrusted`, `refused`, …), so the JSON can be read by a machine and
// the text by a person. Nothing here may hold a token, a code, a secret or a
// URL's query: the builder only ever puts names, codes, numbers and redacted
// log lines in it.

/** `skip`: not run (and not counted as passed); `info`: a fact, not a test. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip' | 'info';

export const CHECK_STATUSES: readonly CheckStatus[] = ['ok', 'warn', 'fail', 'skip', 'info'];

export type FactValue = string | number | boolean | null;

export interface DiagnosisCheck {
  /** Stable across versions and languages: what a help desk's script looks for. */
  readonly id: string;
  readonly status: CheckStatus;
  /** What was checked, in the report's language. */
  readonly title: string;
  /** What was found and, when something is wrong, what to do, in the report's language. */
  readonly detail: string;
  /** The failure class, when the check did not pass (`name_not_found`, `cert_expired`, …). */
  readonly code?: string;
  /** How long the check took (ms), for the ones that go to the network or the key store. */
  readonly ms?: number;
  /** The plain facts behind the words (a host, a port, an HTTP status, a certificate's issuer). */
  readonly facts?: Readonly<Record<string, FactValue>>;
}

export interface DiagnosisSection {
  /** `app`, `storage`, `way-back`, `portal.<id>`, `accounts`, `log`. */
  readonly id: string;
  readonly title: string;
  readonly checks: readonly DiagnosisCheck[];
  /** The log section's lines (already redacted when they were written). */
  readonly lines?: readonly string[];
}

export type ReportLanguage = 'en' | 'cs';

export interface DiagnosisReport {
  readonly format: 'netrex-connect-diagnosis/1';
  readonly language: ReportLanguage;
  /** Epoch ms at which the checks started. */
  readonly createdAt: number;
  readonly tookMs: number;
  /** How many checks ended in each status; skipped ones are not counted as passed. */
  readonly summary: Readonly<Record<CheckStatus, number>>;
  readonly sections: readonly DiagnosisSection[];
}

/** What the window and `--diagnose` get: the report and the same report as text. */
export interface DiagnosisResult {
  readonly report: DiagnosisReport;
  readonly text: string;
}

/** What a saved report became: the file's path, or nothing when the operator cancelled. */
export type SavedReport =
  { readonly saved: true; readonly path: string } | { readonly saved: false };
