// Vault files set aside after damage. When the saved sign-ins cannot be read
// the file is renamed `vault.json.<reason>-<time>` (DocumentStore.moveAside)
// instead of being overwritten: it is the evidence, and a keyring that comes
// back may still open it. But it may hold live tokens, so it is not kept
// forever: each is deleted once the retention period (a setting, 30 days by
// default) has passed since it was set aside, and the operator can delete
// them at once in Settings → Saved sign-ins.
//
// Only names moveAside makes are touched: `<file>.<slug>-<ISO time with
// : and . as ->[-<n>]`, regular files in the vault's own folder. The time in
// the name is when the file was set aside (the rename keeps the old mtime).
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SetAsideFile } from '../common/model';

export const DEFAULT_SET_ASIDE_RETENTION_DAYS = 30;
/** The retention the setting accepts, in whole days. */
export const MIN_SET_ASIDE_RETENTION_DAYS = 1;
export const MAX_SET_ASIDE_RETENTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** When `name` (a file beside `documentPath`) was set aside, or null when moveAside did not make it. */
export function setAsideTime(documentPath: string, name: string): number | null {
  const pattern = new RegExp(
    `^${escapeRegExp(basename(documentPath))}\\.[a-z0-9-]+?-` +
      '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z(?:-\\d+)?$',
  );
  const match = pattern.exec(name);
  if (!match) return null;
  const [, date, hours, minutes, seconds, millis] = match;
  const at = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(at) ? null : at;
}

/** The files set aside from `documentPath`, oldest first, with when each will be deleted. */
export function findSetAsideFiles(documentPath: string, retentionDays: number): SetAsideFile[] {
  const folder = dirname(documentPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: SetAsideFile[] = [];
  for (const name of names) {
    const setAsideAt = setAsideTime(documentPath, name);
    if (setAsideAt === null) continue;
    const path = join(folder, name);
    try {
      if (!lstatSync(path).isFile()) continue;
    } catch {
      continue;
    }
    files.push({ path, setAsideAt, deleteAt: setAsideAt + retentionDays * DAY_MS });
  }
  return files.sort((a, b) => a.setAsideAt - b.setAsideAt || a.path.localeCompare(b.path));
}

export interface RemovedFiles {
  readonly removed: readonly string[];
  /** Files that could not be deleted (permissions, in use): still on disk. */
  readonly failed: readonly string[];
}

export function removeFiles(files: readonly SetAsideFile[]): RemovedFiles {
  const removed: string[] = [];
  const failed: string[] = [];
  for (const file of files) {
    try {
      rmSync(file.path);
      removed.push(file.path);
    } catch {
      failed.push(file.path);
    }
  }
  return { removed, failed };
}

/** Deletes the set-aside files whose retention has passed at `now`. */
export function removeExpired(
  documentPath: string,
  retentionDays: number,
  now: number,
): RemovedFiles {
  return removeFiles(
    findSetAsideFiles(documentPath, retentionDays).filter((file) => file.deleteAt <= now),
  );
}
