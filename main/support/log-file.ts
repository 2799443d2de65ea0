// The app's log file: main.log in the app's log folder, written through
// electron-log's file transport (its Node entry, no Electron needed). We keep
// its synchronous append (a line is on disk before the next statement runs,
// so a crash loses nothing already logged), its path handling and its
// size trigger; the rest is ours:
//
// - every line passes the redaction step (log-redaction.ts) first;
// - `archiveLogFn` renames the full file to a dated archive and prunes the
//   folder by age and total size (log-retention.ts), instead of the one
//   `.old.log` electron-log keeps by default; a rename that fails (a file
//   held open by a virus scanner on Windows) keeps the last quarter of the
//   file instead, so it cannot grow past its cap (megahertz/electron-log#145);
// - the file is also archived when the UTC day changes, so retention counts
//   days even for an app that logs little;
// - the level is ours (the operator's setting, IT's policy), read per line.
import electronLog from 'electron-log/node';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { Log, LogLevel } from '../common/log';
import { createRedactor } from './log-redaction';
import {
  archiveDue,
  archiveName,
  archivesNewestFirst,
  archivesToDelete,
  CURRENT_LOG,
  DEFAULT_RETENTION,
  type RetentionPolicy,
} from './log-retention';
import { createLogWriter, effectiveLevel, type LevelSource } from './log-writer';

export interface LogFileOptions {
  /** The app's log folder (Electron's app.getPath('logs') in the app). */
  readonly folder: string;
  /** Epoch ms: line times, archive names and retention. */
  readonly now?: () => number;
  readonly retention?: RetentionPolicy;
}

export interface LogFile extends Log, Disposable {
  readonly folder: string;
  /** The file being written now. */
  readonly path: string;
  /** Sets (or clears, with null) the level one source asks for; IT's policy wins over the setting. */
  setLevel(source: LevelSource, level: LogLevel | null): void;
  level(): LogLevel;
  /** The last `count` lines written (from the current file, then the archives), oldest first. */
  recentLines(count: number): string[];
  /** Secrets the app holds: removed from every later line in every form (log-redaction.ts). */
  knowSecrets(source: () => Iterable<string>): Disposable;
}

/** What the services may do with the log file (AppPorts.logFile). */
export type LogFileControl = Pick<
  LogFile,
  'folder' | 'setLevel' | 'level' | 'recentLines' | 'knowSecrets'
>;

/** Only what we use of electron-log's File (its `reset` is not in the typings). */
interface TransportFile {
  readonly path: string;
  readonly size: number;
  reset?: () => void;
}

let instances = 0;

export function openLogFile(options: LogFileOptions): LogFile {
  const now = options.now ?? Date.now;
  const retention = options.retention ?? DEFAULT_RETENTION;
  const folder = options.folder;
  const path = join(folder, CURRENT_LOG);
  const levels: Partial<Record<LevelSource, LogLevel | null>> = {};
  const secretSources = new Set<() => Iterable<string>>();
  const redactor = createRedactor({
    knownSecrets: () => [...secretSources].flatMap((source) => [...source()]),
  });

  // A logger of our own: the default instance stays untouched (and silent).
  const logger = electronLog.create({ logId: `netrex-log-file-${++instances}` });
  for (const transport of Object.values(logger.transports)) if (transport) transport.level = false;
  const transport = logger.transports.file;
  transport.level = 'silly'; // our writer filters by level before a line gets here
  transport.sync = true;
  transport.maxSize = retention.maxFileBytes;
  transport.resolvePathFn = () => path;
  // The line is finished text: no template, no printf-style %s handling.
  transport.transforms = [({ data }) => data.map(String).join(' ')];
  transport.archiveLogFn = (file) => archive(file.path);

  let startedAt = firstLineTime(path);
  let disposed = false;
  prune();

  function archive(current: string): void {
    try {
      renameSync(
        current,
        join(
          folder,
          archiveName(now(), (name) => exists(join(folder, name))),
        ),
      );
    } catch {
      keepTail(current, Math.round(retention.maxFileBytes / 4));
    }
    startedAt = undefined;
    prune();
  }

  function prune(): void {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return; // no folder yet: nothing to prune
    }
    const entries = names.flatMap((name) => {
      const size = sizeOf(join(folder, name));
      return size === undefined ? [] : [{ name, size }];
    });
    for (const name of archivesToDelete(entries, now(), retention)) {
      rmSync(join(folder, name), { force: true });
    }
  }

  const writer = createLogWriter({
    redactor,
    now,
    threshold: () => effectiveLevel(levels),
    sink(line, level) {
      if (disposed) return;
      const file = transport.getFile() as unknown as TransportFile;
      if (archiveDue({ size: file.size, startedAt }, now(), retention) === 'day') {
        archive(file.path);
        file.reset?.();
      }
      startedAt ??= now();
      logger[level](line);
    },
  });

  return {
    ...writer,
    folder,
    path,
    setLevel(source, level) {
      levels[source] = level;
    },
    level: () => effectiveLevel(levels),
    recentLines(count) {
      const lines: string[] = [];
      const files = [CURRENT_LOG, ...archivesNewestFirst(safeReaddir(folder))];
      for (const name of files) {
        if (lines.length >= count) break;
        const text = readText(join(folder, name));
        const fileLines = text.split(/\r?\n/).filter((line) => line.length > 0);
        lines.unshift(...fileLines.slice(-(count - lines.length)));
      }
      // Written redacted; a secret learnt since is taken out on the way back too.
      return lines.map((line) => redactor.knownOnly(line));
    },
    knowSecrets(source) {
      secretSources.add(source);
      return toDisposable(() => void secretSources.delete(source));
    },
    dispose() {
      disposed = true;
      secretSources.clear();
    },
  };
}

/** The time of the file's first line (our lines start with an ISO time), if it has one. */
function firstLineTime(path: string): number | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(32);
      const read = readSync(fd, head, 0, head.length, 0);
      const at = Date.parse(head.toString('utf8', 0, read).split(' ')[0] ?? '');
      return Number.isNaN(at) ? statSync(path).mtimeMs : at;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** The last `bytes` of the file, from a line start, marked as cropped. */
function keepTail(path: string, bytes: number): void {
  try {
    const text = readFileSync(path, 'utf8');
    const tail = text.slice(-bytes);
    const fromLine = tail.indexOf('\n') + 1;
    writeFileSync(path, `[log cropped: it could not be archived]\n${tail.slice(fromLine)}`);
  } catch {
    // Nothing more to do: electron-log reports write failures itself.
  }
}

function exists(path: string): boolean {
  return sizeOf(path) !== undefined;
}

function sizeOf(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
