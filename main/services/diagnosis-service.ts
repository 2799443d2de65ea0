// The diagnosis as the services offer it: "Check again" in Settings →
// Diagnostics (in the window's language), `--diagnose` (in the app's), and
// saving the report the operator last saw through the host's native dialog.
// The report's sources are the services' own state; its network checks go
// through the app's fetch (and the OS's proxy, where the host can say).
import type { AppPorts } from '../app-services';
import type { Clock } from '../common/clock';
import type { DocumentStore } from '../common/document-store';
import type { Accounts } from '../accounts';
import type { ProviderRegistry } from '../providers';
import {
  buildDiagnosis,
  type DiagnosisSources,
  type WayBackFinding,
} from '../support/diagnosis/build-report';
import type { DiagnosisResult, ReportLanguage, SavedReport } from '../support/diagnosis/model';
import { createNodeProbes } from '../support/diagnosis/node-probes';
import type { NetworkProbes } from '../support/diagnosis/probes';
import { reportFileName, reportContent } from '../support/diagnosis/report-files';
import type { TokenVault } from '../vault/types';
import { UserFacingFailure } from '../common/explained-error';
import type { UserFacingError } from '../common/model';

const SAVE_UNAVAILABLE: UserFacingError = {
  code: 'report_save_unavailable',
  message: 'Saving the report is not available here. Copy it instead.',
};
const NOT_SAVED: UserFacingError = {
  code: 'report_not_saved',
  message:
    'The report could not be saved there. Choose another folder (your Documents, say), or copy the report instead.',
};

export interface DiagnosisServiceDeps {
  readonly ports: AppPorts;
  readonly clock: Clock;
  readonly vault: Pick<TokenVault, 'storageStatus' | 'listAccounts'>;
  readonly vaultStore: Pick<DocumentStore, 'read'>;
  readonly registry: Pick<ProviderRegistry, 'list'>;
  readonly accounts: Pick<Accounts, 'list' | 'nextRefreshAt'>;
  readonly languageSetting: () => 'system' | 'en' | 'cs';
  readonly wayBack?: (language: ReportLanguage) => Promise<readonly WayBackFinding[]>;
  readonly timeoutMs?: number;
  /** Default: Node's probes over the app's fetch and the OS's proxy (ports). */
  readonly probes?: NetworkProbes;
}

export interface DiagnosisService {
  /** Runs every check now; the result is also kept for `save`. */
  run(language: ReportLanguage): Promise<DiagnosisResult>;
  /** The last report, through the host's save dialog; a report is made first when there is none. */
  save(language: ReportLanguage): Promise<SavedReport>;
}

export function createDiagnosisService(deps: DiagnosisServiceDeps): DiagnosisService {
  const { ports } = deps;
  const probes =
    deps.probes ??
    createNodeProbes({
      fetch: ports.fetch,
      ...(ports.resolveProxy ? { resolveProxy: ports.resolveProxy } : {}),
    });
  const sources: DiagnosisSources = {
    appName: ports.appInfo.name,
    appVersion: ports.appInfo.version,
    ...(ports.runtime ? { runtime: ports.runtime } : {}),
    get languageSetting() {
      return deps.languageSetting();
    },
    storage: () => deps.vault.storageStatus(),
    vaultFile: () => {
      const read = deps.vaultStore.read();
      if (read.kind === 'missing') return { kind: 'missing' };
      if (read.kind === 'unreadable') return { kind: 'unreadable', reason: read.reason };
      return { kind: 'ok', accounts: deps.vault.listAccounts().length };
    },
    cipher: ports.cipher,
    portals: () =>
      deps.registry.list().map((provider) => ({
        id: provider.id,
        name: provider.name,
        url: provider.url,
        dialect: provider.dialect,
        redirectKind: provider.redirectKind,
      })),
    accounts: () => deps.accounts.list(),
    nextRefreshAt: (id) => deps.accounts.nextRefreshAt(id),
    ...(ports.logFile ? { logLines: (count: number) => ports.logFile!.recentLines(count) } : {}),
    ...(deps.wayBack ? { wayBack: deps.wayBack } : {}),
    probes,
  };
  let last: DiagnosisResult | undefined;

  const run = async (language: ReportLanguage): Promise<DiagnosisResult> => {
    ports.log?.info('diagnosis.started', { language });
    last = await buildDiagnosis(sources, {
      language,
      clock: deps.clock,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
    const { summary, tookMs } = last.report;
    ports.log?.info('diagnosis.done', {
      tookMs,
      ok: summary.ok,
      failed: summary.fail,
      warnings: summary.warn,
    });
    return last;
  };

  return {
    run,
    async save(language) {
      const result = last?.report.language === language ? last : await run(language);
      if (!ports.saveReport) throw new UserFacingFailure(SAVE_UNAVAILABLE);
      let saved: SavedReport;
      try {
        saved = await ports.saveReport({
          suggestedName: reportFileName(result.report.createdAt, 'text'),
          content: (format) => reportContent(result, format),
        });
      } catch (error) {
        ports.log?.warn('diagnosis.save-failed', { error: errorCodeOf(error) });
        throw new UserFacingFailure(NOT_SAVED);
      }
      ports.log?.info('diagnosis.saved', { saved: saved.saved });
      return saved;
    },
  };
}

/** A file system error's code (EACCES, ENOSPC), never its message (it quotes the path). */
function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
