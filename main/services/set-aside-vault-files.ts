// The vault files set aside after damage (main/vault/set-aside-files.ts):
// listed for Settings → Saved sign-ins, deleted there on request, and deleted
// by themselves once the retention period has passed — checked at start and
// then once a day on the services' clock. The period is the operator's
// setting, in a small document of its own:
//   { "version": 1, "retentionDays": 30 }
import { z } from 'zod';
import type { Clock } from '../common/clock';
import type { DocumentStore } from '../common/document-store';
import { ExplainedError } from '../common/explained-error';
import type { Disposable } from '../common/lifecycle';
import type { Log } from '../common/log';
import type { SetAsideFiles, UserFacingError } from '../common/model';
import {
  DEFAULT_SET_ASIDE_RETENTION_DAYS,
  findSetAsideFiles,
  MAX_SET_ASIDE_RETENTION_DAYS,
  MIN_SET_ASIDE_RETENTION_DAYS,
  removeExpired,
  removeFiles,
  type RemovedFiles,
} from '../vault/set-aside-files';

/** The retention document's name (`set-aside-files.json` in the app's data folder). */
export const SET_ASIDE_DOCUMENT = 'set-aside-files';
/** How often the retention is checked while the app runs. */
export const SET_ASIDE_SWEEP_MS = 24 * 60 * 60 * 1000;

const retentionDaysSchema = z
  .number()
  .int()
  .min(MIN_SET_ASIDE_RETENTION_DAYS)
  .max(MAX_SET_ASIDE_RETENTION_DAYS);
const documentSchema = z.object({ version: z.literal(1), retentionDays: retentionDaysSchema });

export interface SetAsideVaultFiles extends Disposable {
  list(): SetAsideFiles;
  /** Deletes every one now. Throws (set_aside_not_deleted) when some stay on disk. */
  deleteAll(): SetAsideFiles;
  setRetentionDays(days: number): SetAsideFiles;
  /** Deletes those whose retention has passed (also run at start and once a day). */
  sweep(): RemovedFiles;
  /** Problems met while loading (a damaged retention document, set aside). */
  readonly warnings: readonly UserFacingError[];
}

export interface SetAsideVaultFilesOptions {
  /** The vault file's path: its set-aside copies are beside it. */
  readonly vaultPath: string;
  /** Where the retention setting is kept. */
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly log: Log;
  /** A sweep could not delete some files: the operator hears it. */
  readonly notice: (error: UserFacingError) => void;
}

class SetAsideNotDeleted extends ExplainedError {
  constructor(failed: readonly string[]) {
    super(
      'set_aside_not_deleted',
      `${failed.length} set-aside sign-in file(s) could not be deleted, for example ${failed[0]}. ` +
        'Check that your user account may change the app data folder, or delete the file yourself.',
      undefined,
      { count: failed.length, path: failed[0] ?? '' },
    );
  }
}

export function createSetAsideVaultFiles(options: SetAsideVaultFilesOptions): SetAsideVaultFiles {
  const { vaultPath, store, clock, log } = options;
  const warnings: UserFacingError[] = [];
  let retentionDays = loadRetention(store, warnings, clock.now());

  const list = (): SetAsideFiles => ({
    retentionDays,
    files: findSetAsideFiles(vaultPath, retentionDays),
  });
  const report = (outcome: RemovedFiles, why: 'retention' | 'operator') => {
    if (outcome.removed.length > 0) {
      log.info('vault.set_aside_deleted', { count: outcome.removed.length, why });
    }
    if (outcome.failed.length > 0) {
      log.warn('vault.set_aside_not_deleted', { count: outcome.failed.length, why });
    }
  };
  const sweep = (): RemovedFiles => {
    const outcome = removeExpired(vaultPath, retentionDays, clock.now());
    report(outcome, 'retention');
    if (outcome.failed.length > 0) {
      options.notice(new SetAsideNotDeleted(outcome.failed).toUserFacing());
    }
    return outcome;
  };

  sweep();
  let timer: Disposable | undefined;
  const everyDay = () => {
    sweep();
    timer = clock.setTimer(SET_ASIDE_SWEEP_MS, everyDay);
  };
  timer = clock.setTimer(SET_ASIDE_SWEEP_MS, everyDay);

  return {
    warnings,
    list,
    deleteAll() {
      const outcome = removeFiles(findSetAsideFiles(vaultPath, retentionDays));
      report(outcome, 'operator');
      if (outcome.failed.length > 0) throw new SetAsideNotDeleted(outcome.failed);
      return list();
    },
    setRetentionDays(days) {
      const parsed = retentionDaysSchema.parse(days);
      store.write({ version: 1, retentionDays: parsed });
      retentionDays = parsed;
      // A shorter period applies at once.
      sweep();
      return list();
    },
    sweep,
    dispose: async () => {
      await timer?.dispose();
    },
  };
}

function loadRetention(store: DocumentStore, warnings: UserFacingError[], now: number): number {
  let read;
  try {
    read = store.read();
  } catch {
    read = { kind: 'unreadable' as const, reason: 'the file cannot be read' };
  }
  if (read.kind === 'missing') return DEFAULT_SET_ASIDE_RETENTION_DAYS;
  if (read.kind === 'ok') {
    const parsed = documentSchema.safeParse(read.document);
    if (parsed.success) return parsed.data.retentionDays;
  }
  let movedTo: string | undefined;
  try {
    movedTo = store.moveAside(read.kind === 'unreadable' ? 'corrupted' : 'invalid', new Date(now));
  } catch {
    // Left in place; the default applies this session.
  }
  warnings.push({
    code: 'set_aside_settings_unreadable',
    message:
      `The setting for how long damaged sign-in files are kept could not be read, so they are kept ${DEFAULT_SET_ASIDE_RETENTION_DAYS} days.` +
      (movedTo ? ` The file was moved aside to ${movedTo}.` : ''),
    params: {
      days: DEFAULT_SET_ASIDE_RETENTION_DAYS,
      ...(movedTo ? { variant: 'moved', path: movedTo } : {}),
    },
  });
  return DEFAULT_SET_ASIDE_RETENTION_DAYS;
}
