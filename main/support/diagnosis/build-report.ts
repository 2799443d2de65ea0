// The diagnosis report, built from what the services know and what the
// checks find: the app and system, where sign-ins are kept (with a round trip
// through the key store), the way back (from the engineer who owns it, when
// present), each portal layer by layer, each account, and the last log lines.
// Every check runs at once and each is bounded in time (bounded.ts), so the
// report is ready within one check's time limit even when a portal or the
// key store never answers. GCM's lessons: skipped checks are counted apart
// from passed ones; a check that throws becomes a failed check, not a crash.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../common/clock';
import type { AccountSnapshot, StorageStatus } from '../../common/model';
import type { Cipher } from '../../vault/cipher';
import { bounded, type Bounds } from './bounded';
import {
  CHECK_STATUSES,
  type CheckStatus,
  type DiagnosisCheck,
  type DiagnosisReport,
  type DiagnosisResult,
  type DiagnosisSection,
  type FactValue,
  type ReportLanguage,
} from './model';
import { checkPortal, type PortalTarget } from './portal-checks';
import type { NetworkProbes } from './probes';
import { reportText } from './report-text';
import { reportWords, type ReportWords } from './words';

/** How many log lines the report ends with. */
export const REPORT_LOG_LINES = 200;
/** Each check's time limit: the report is ready within about this long. */
export const DEFAULT_CHECK_TIMEOUT_MS = 4000;

/** What only the host knows about the program and how it runs (Electron's versions, the install). */
export interface RuntimeFacts {
  readonly electron: string;
  readonly chromium: string;
  readonly node: string;
  /** e.g. `Linux 6.8.0 x64`. */
  readonly os: string;
  /** install-kind.ts: `appimage`, `deb`, `nsis-per-user`, `development`, … */
  readonly install: string;
  readonly startedAtLogin: boolean;
}

/** One finding of the way back (registration, loopback port, elevation), as its owner reports it. */
export interface WayBackFinding {
  readonly id: string;
  readonly status: CheckStatus;
  readonly title: string;
  readonly detail: string;
  readonly code?: string;
  readonly facts?: Readonly<Record<string, FactValue>>;
}

/** Whether the saved sign-ins file can be read, without decrypting anything. */
export type VaultFileHealth =
  | { readonly kind: 'ok'; readonly accounts: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface DiagnosisSources {
  readonly appName: string;
  readonly appVersion: string;
  readonly runtime?: RuntimeFacts;
  readonly languageSetting: 'system' | 'en' | 'cs';
  readonly storage: () => StorageStatus;
  readonly vaultFile: () => VaultFileHealth;
  readonly cipher: Cipher;
  readonly portals: () => readonly PortalTarget[];
  readonly accounts: () => readonly AccountSnapshot[];
  /** When each account's tokens are renewed next (null: not planned). */
  readonly nextRefreshAt: (accountId: string) => number | null;
  readonly logLines?: (count: number) => readonly string[];
  /**
   * The way back's findings (main/support/diagnosis/way-back-findings.ts),
   * already in the report's language; absent, the section says it was not checked.
   */
  readonly wayBack?: (language: ReportLanguage) => Promise<readonly WayBackFinding[]>;
  readonly probes: NetworkProbes;
}

export interface DiagnosisOptions {
  readonly language: ReportLanguage;
  readonly clock: Clock;
  readonly elapsed?: () => number;
  readonly timeoutMs?: number;
  /** Called as each bounded check settles. */
  readonly settled?: () => void;
}

export async function buildDiagnosis(
  sources: DiagnosisSources,
  options: DiagnosisOptions,
): Promise<DiagnosisResult> {
  const words = reportWords(options.language);
  const elapsed = options.elapsed ?? (() => performance.now());
  const bounds: Bounds = { clock: options.clock, elapsed, settled: options.settled };
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const createdAt = options.clock.now();
  const started = elapsed();

  const [storage, wayBack, ...portals] = await Promise.all([
    storageSection(sources, words, bounds, timeoutMs),
    wayBackSection(sources, options.language, words, bounds, timeoutMs),
    ...sources.portals().map((portal) =>
      checkPortal(portal, {
        probes: sources.probes,
        bounds,
        timeoutMs,
        words,
        now: () => options.clock.now(),
      }),
    ),
  ]);
  const sections: DiagnosisSection[] = [
    appSection(sources, options.language, words),
    storage,
    wayBack,
    ...portals,
    accountsSection(sources, words),
    logSection(sources, words),
  ];
  const summary = Object.fromEntries(CHECK_STATUSES.map((s) => [s, 0])) as Record<
    CheckStatus,
    number
  >;
  for (const section of sections) for (const check of section.checks) summary[check.status]++;
  const report: DiagnosisReport = {
    format: 'netrex-connect-diagnosis/1',
    language: options.language,
    createdAt,
    tookMs: Math.max(0, Math.round(elapsed() - started)),
    summary,
    sections,
  };
  return { report, text: reportText(report, words) };
}

function appSection(
  sources: DiagnosisSources,
  language: ReportLanguage,
  words: ReportWords,
): DiagnosisSection {
  const info = (id: string, title: string, detail: string, facts?: Record<string, FactValue>) =>
    ({ id: `app.${id}`, status: 'info', title, detail, ...(facts ? { facts } : {}) }) as const;
  const runtime = sources.runtime;
  const checks: DiagnosisCheck[] = [
    info(
      'version',
      words.app.version(sources.appName, sources.appVersion),
      words.app.language(sources.languageSetting, language),
      {
        version: sources.appVersion,
        languageSetting: sources.languageSetting,
      },
    ),
  ];
  if (runtime) {
    checks.push(
      info(
        'runtime',
        words.app.runtime,
        words.app.runtimeDetail(runtime.electron, runtime.chromium, runtime.node),
        {
          electron: runtime.electron,
          chromium: runtime.chromium,
          node: runtime.node,
        },
      ),
      info('os', words.app.os, runtime.os, { os: runtime.os }),
      info('install', words.app.install, words.app.installKind(runtime.install), {
        install: runtime.install,
      }),
      info('started', words.app.started, words.app.startedHow(runtime.startedAtLogin), {
        atLogin: runtime.startedAtLogin,
      }),
    );
  }
  return { id: 'app', title: words.sections.app, checks };
}

async function storageSection(
  sources: DiagnosisSources,
  words: ReportWords,
  bounds: Bounds,
  timeoutMs: number,
): Promise<DiagnosisSection> {
  const status = sources.storage();
  const w = words.storage;
  const checks: DiagnosisCheck[] = [
    {
      id: 'storage.key-store',
      status: !status.encryptionAvailable || status.weak ? 'warn' : 'ok',
      ...(status.weak ? { code: 'weak_key_store' } : {}),
      title: w.keyStore,
      detail: w.keyStoreDetail(status.backend, status.weak, status.encryptionAvailable),
      facts: { backend: status.backend, weak: status.weak, encryption: status.encryptionAvailable },
    },
    {
      id: 'storage.policy',
      status: status.policy === 'memory-only' ? 'warn' : 'info',
      title: w.policy,
      detail: w.policyDetail(status.policy),
      facts: { policy: status.policy },
    },
    vaultFileCheck(status, sources.vaultFile(), w),
    status.lastWriteError
      ? {
          id: 'storage.last-write',
          status: 'fail',
          code: status.lastWriteError.code,
          title: w.lastWrite,
          detail: w.lastWriteFailed(status.lastWriteError.code),
        }
      : { id: 'storage.last-write', status: 'ok', title: w.lastWrite, detail: w.lastWriteOk },
  ];
  const waiting = status.keyStoreWaiting;
  if (waiting) {
    checks.push({
      id: 'storage.keyring-wait',
      status: 'fail',
      code: 'key_store_unavailable',
      title: w.keyringWait,
      detail: w.keyringWaitDetail(waiting.sealedBy, waiting.since, waiting.unsavedChanges),
      facts: { sealedBy: waiting.sealedBy, since: waiting.since, unsaved: waiting.unsavedChanges },
    });
  }
  const cipher = sources.cipher;
  if (!cipher.isEncryptionAvailable()) {
    checks.push({
      id: 'storage.round-trip',
      status: 'skip',
      title: w.roundTrip,
      detail: w.roundTripSkipped,
    });
  } else {
    // A throwaway value through the real key store: a locked keyring shows here (and may hang).
    const probe = randomBytes(12).toString('hex');
    const trip = await bounded(bounds, timeoutMs, async () => {
      const back = await cipher.decrypt(await cipher.encrypt(probe));
      if (back !== probe) throw new Error('the value came back changed');
    });
    checks.push(
      trip.kind === 'done'
        ? {
            id: 'storage.round-trip',
            status: 'ok',
            title: w.roundTrip,
            detail: w.roundTripOk(trip.ms),
            ms: trip.ms,
          }
        : {
            id: 'storage.round-trip',
            status: 'fail',
            code: trip.kind === 'timed_out' ? 'timed_out' : 'key_store_failed',
            title: w.roundTrip,
            detail:
              trip.kind === 'timed_out'
                ? w.roundTripTimedOut(Math.max(1, Math.round(timeoutMs / 1000)))
                : w.roundTripFailed,
            ms: trip.ms,
          },
    );
  }
  return { id: 'storage', title: words.sections.storage, checks };
}

function vaultFileCheck(
  status: StorageStatus,
  health: VaultFileHealth,
  w: ReportWords['storage'],
): DiagnosisCheck {
  const base = { id: 'storage.vault-file', title: w.vaultFile } as const;
  if (status.fileKept) {
    const { sealedBy, damage } = status.fileKept;
    return {
      ...base,
      status: 'fail',
      code: 'vault_file_kept',
      detail: w.vaultFileKept(sealedBy, damage),
    };
  }
  if (status.recovered) {
    const damage = status.recovered.damage ?? 'corrupted';
    return {
      ...base,
      status: 'warn',
      code: 'vault_recovered',
      detail: w.vaultFileRecovered(damage),
    };
  }
  if (health.kind === 'missing') return { ...base, status: 'info', detail: w.vaultFileMissing };
  if (health.kind === 'unreadable') {
    return {
      ...base,
      status: 'fail',
      code: 'vault_unreadable',
      detail: w.vaultFileRecovered(health.reason),
    };
  }
  return {
    ...base,
    status: 'ok',
    detail: w.vaultFileOk(health.accounts),
    facts: { accounts: health.accounts },
  };
}

async function wayBackSection(
  sources: DiagnosisSources,
  language: ReportLanguage,
  words: ReportWords,
  bounds: Bounds,
  timeoutMs: number,
): Promise<DiagnosisSection> {
  const title = words.sections.wayBack;
  const unavailable: DiagnosisCheck = {
    id: 'way-back.checks',
    status: 'skip',
    title: words.wayBack.title,
    detail: words.wayBack.unavailable,
  };
  if (!sources.wayBack) return { id: 'way-back', title, checks: [unavailable] };
  const found = await bounded(bounds, timeoutMs, () => sources.wayBack!(language));
  if (found.kind !== 'done') {
    return {
      id: 'way-back',
      title,
      checks: [
        {
          ...unavailable,
          status: 'fail',
          code: found.kind === 'timed_out' ? 'timed_out' : 'check_failed',
        },
      ],
    };
  }
  const checks = found.value.map((finding) => ({ ...finding, id: `way-back.${finding.id}` }));
  return { id: 'way-back', title, checks };
}

function accountsSection(sources: DiagnosisSources, words: ReportWords): DiagnosisSection {
  const accounts = sources.accounts();
  const checks: DiagnosisCheck[] = accounts.map((account) => {
    const trouble = account.state === 'expired' || account.state === 'error';
    const status: CheckStatus = trouble ? 'fail' : account.state === 'offline' ? 'warn' : 'ok';
    const nextRefreshAt = sources.nextRefreshAt(account.id);
    return {
      id: `account.${account.id}`,
      status,
      ...(account.lastError ? { code: account.lastError.code } : {}),
      title: words.accounts.title(account.label, account.providerName),
      detail: words.accounts.detail({
        state: account.state,
        lastSuccessAt: account.lastSuccessAt,
        error: account.lastError?.code ?? null,
        nextRefreshAt,
        nextRetryAt: account.nextRetryAt,
        persisted: account.persisted,
      }),
      facts: {
        portal: account.providerId,
        method: account.method,
        state: account.state,
        lastSuccessAt: iso(account.lastSuccessAt),
        lastError: account.lastError?.code ?? null,
        nextRefreshAt: iso(nextRefreshAt),
        nextRetryAt: iso(account.nextRetryAt),
      },
    };
  });
  if (checks.length === 0) {
    checks.push({
      id: 'account.none',
      status: 'info',
      title: words.sections.accounts,
      detail: words.accounts.none,
    });
  }
  return { id: 'accounts', title: words.sections.accounts, checks };
}

function logSection(sources: DiagnosisSources, words: ReportWords): DiagnosisSection {
  const lines = sources.logLines?.(REPORT_LOG_LINES) ?? [];
  return {
    id: 'log',
    title: words.sections.log(lines.length),
    checks: lines.length
      ? []
      : [{ id: 'log.lines', status: 'info', title: words.sections.log(0), detail: words.log.none }],
    lines: [...lines],
  };
}

function iso(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}
