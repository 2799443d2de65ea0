// What the log folder may hold, as pure rules: the names of archived files,
// when the current file is archived, and which archives go. Disk use is
// bounded by size (VS Code once wrote 342 GB because only the number of
// sessions was capped, microsoft/vscode#69160) and by age, and archives are
// numbered by time, not a single `.old.log` (electron-log's default keeps
// only two files, megahertz/electron-log#144).

export interface RetentionPolicy {
  /** The current file is archived once it is larger than this. */
  readonly maxFileBytes: number;
  /** The current file and every archive together stay under this (plus one line). */
  readonly maxTotalBytes: number;
  /** Archives older than this many days are deleted. */
  readonly keepDays: number;
}

/** 2 MB files, 10 MB in all (five files at most), 14 days. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 10 * 1024 * 1024,
  keepDays: 14,
};

export const CURRENT_LOG = 'main.log';
const DAY_MS = 24 * 60 * 60 * 1000;
const ARCHIVE = /^main\.(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-(\d+))?\.log$/;

/** `main.20261127-120000-000.log`: the UTC time the file was archived, made unique by `-2`, `-3`… */
export function archiveName(at: number, taken: (name: string) => boolean): string {
  const iso = new Date(at).toISOString(); // 2026-11-27T12:00:00.000Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
  let name = `main.${stamp}.log`;
  for (let n = 2; taken(name); n++) name = `main.${stamp}-${n}.log`;
  return name;
}

/** When an archive was made (epoch ms), or undefined when the name is not an archive's. */
export function archivedAt(name: string): number | undefined {
  const match = ARCHIVE.exec(name);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s, ms] = match.slice(1, 8).map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** Newest first: by time, then by the `-n` that made a name unique. */
function newestFirst(a: string, b: string): number {
  const order = (name: string) => Number(ARCHIVE.exec(name)?.[8] ?? 1);
  return archivedAt(b)! - archivedAt(a)! || order(b) - order(a);
}

/** Whether the current file, started at `startedAt`, must be archived before a line is written at `now`. */
export function archiveDue(
  current: { readonly size: number; readonly startedAt: number | undefined },
  now: number,
  policy: RetentionPolicy,
): 'size' | 'day' | null {
  if (current.size > policy.maxFileBytes) return 'size';
  if (current.startedAt !== undefined && current.size > 0) {
    if (Math.floor(current.startedAt / DAY_MS) !== Math.floor(now / DAY_MS)) return 'day';
  }
  return null;
}

export interface LogFolderEntry {
  readonly name: string;
  readonly size: number;
}

/**
 * The archives to delete: those older than `keepDays`, then the oldest until
 * the archives fit beside a full current file in `maxTotalBytes`. Files that
 * are not the log's are never touched.
 */
export function archivesToDelete(
  entries: readonly LogFolderEntry[],
  now: number,
  policy: RetentionPolicy,
): string[] {
  const archives = entries
    .filter((entry) => archivedAt(entry.name) !== undefined)
    .sort((a, b) => newestFirst(a.name, b.name));
  const room = Math.max(0, policy.maxTotalBytes - policy.maxFileBytes);
  const doomed: string[] = [];
  let used = 0;
  let full = false;
  for (const archive of archives) {
    const tooOld = now - archivedAt(archive.name)! > policy.keepDays * DAY_MS;
    // Once one archive does not fit, every older one goes too: no gaps in the history.
    full ||= used + archive.size > room;
    if (tooOld || full) doomed.push(archive.name);
    else used += archive.size;
  }
  return doomed;
}

/** The archives, newest first (for reading the last lines back). */
export function archivesNewestFirst(names: readonly string[]): string[] {
  return names.filter((name) => archivedAt(name) !== undefined).sort(newestFirst);
}
