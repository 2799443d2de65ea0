// The report's words, in English and Czech: what each check looked at and,
// for each failure class, what it means and what to do. Times are written in
// UTC (a help desk elsewhere reads the same moment), durations in plain units.
import type { FailureClass } from './failure-class';
import type { ReportLanguage } from './model';
import { csWords } from './words-cs';
import { enWords } from './words-en';

export type HttpRole = 'token' | 'api' | 'discovery';

export interface NetworkFailureContext {
  readonly host: string;
  readonly port: number;
  readonly seconds: number;
  readonly reason?: string;
  /** For certificates: its issuer, when it could be read. */
  readonly issuer?: string;
  /** For certificates: the names it is for. */
  readonly names?: readonly string[];
  /** For certificates: the date it ends or starts. */
  readonly date?: number;
}

export interface ReportWords {
  readonly heading: string;
  readonly created: (at: number, tookMs: number) => string;
  readonly summary: (counts: Record<string, number>) => string;
  readonly statusLabel: Record<'ok' | 'warn' | 'fail' | 'skip' | 'info', string>;
  readonly sections: {
    readonly app: string;
    readonly storage: string;
    readonly wayBack: string;
    readonly portal: (name: string) => string;
    readonly accounts: string;
    readonly log: (count: number) => string;
  };
  readonly app: {
    readonly version: (name: string, version: string) => string;
    readonly runtime: string;
    readonly runtimeDetail: (electron: string, chromium: string, node: string) => string;
    readonly os: string;
    readonly install: string;
    readonly installKind: (kind: string) => string;
    readonly started: string;
    readonly startedHow: (atLogin: boolean) => string;
    readonly language: (setting: string, shown: ReportLanguage) => string;
  };
  readonly storage: {
    readonly keyStore: string;
    readonly keyStoreDetail: (backend: string, weak: boolean, available: boolean) => string;
    readonly policy: string;
    readonly policyDetail: (policy: string) => string;
    readonly vaultFile: string;
    readonly vaultFileOk: (accounts: number) => string;
    readonly vaultFileMissing: string;
    readonly vaultFileRecovered: (damage: string) => string;
    readonly vaultFileKept: (sealedBy: string | null, damage: string | undefined) => string;
    readonly lastWrite: string;
    readonly lastWriteFailed: (code: string) => string;
    readonly lastWriteOk: string;
    readonly roundTrip: string;
    readonly roundTripOk: (ms: number) => string;
    readonly roundTripFailed: string;
    readonly roundTripTimedOut: (seconds: number) => string;
    readonly roundTripSkipped: string;
    readonly keyringWait: string;
    readonly keyringWaitDetail: (sealedBy: string, since: number, unsaved: boolean) => string;
  };
  readonly wayBack: { readonly unavailable: string; readonly title: string };
  readonly portal: {
    readonly address: string;
    readonly addressDetail: (url: string, dialect: string, redirect: string) => string;
    readonly notConfigured: string;
    readonly badAddress: string;
    readonly dns: (host: string) => string;
    readonly dnsOk: (addresses: readonly string[], ms: number) => string;
    readonly tcp: (host: string, port: number) => string;
    readonly tcpOk: (ms: number) => string;
    readonly tls: (host: string, port: number) => string;
    readonly tlsOk: (subject: string, issuer: string, until: number, protocol: string) => string;
    readonly tlsPlain: string;
    readonly http: (role: HttpRole) => string;
    readonly httpOk: (status: number, ms: number) => string;
    readonly httpStatus: (status: number) => string;
    readonly proxy: string;
    readonly proxyDetail: (pac: string) => string;
    readonly proxyUnknown: string;
    readonly clock: string;
    readonly clockOk: (offsetMs: number) => string;
    readonly clockSkew: (offsetMs: number) => string;
    readonly clockUnknown: string;
    readonly failure: (kind: FailureClass, context: NetworkFailureContext) => string;
  };
  readonly accounts: {
    readonly none: string;
    readonly title: (label: string, portal: string) => string;
    readonly detail: (facts: {
      state: string;
      lastSuccessAt: number | null;
      error: string | null;
      nextRefreshAt: number | null;
      nextRetryAt: number | null;
      persisted: boolean;
    }) => string;
  };
  readonly log: { readonly none: string };
  /** `--diagnose` on the command line. */
  readonly command: {
    readonly written: (text: string, json: string, failed: number) => string;
    readonly notWritten: (folder: string, reason: string) => string;
    readonly handedOver: (text: string) => string;
  };
}

export function reportWords(language: ReportLanguage): ReportWords {
  return language === 'cs' ? csWords : enWords;
}
