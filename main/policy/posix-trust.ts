// Whether a policy file on Linux or macOS can only have been written by an
// administrator: the file and every folder above it are owned by root, and
// no one else may write to them (a world-writable folder counts only with
// the sticky bit, which keeps others from replacing what root put there, as
// /tmp has). Pure: the caller gives the stat of each path (POSIX stat(2)
// fields: st_uid, st_gid, st_mode), so recorded shapes test it too.
import type { SourceRefusal } from './policy-document';

export interface PathStat {
  readonly path: string;
  readonly uid: number;
  readonly gid: number;
  /** st_mode: type and permission bits. */
  readonly mode: number;
}

export interface PosixTrust {
  /** Owners that are administrators: root (0). */
  readonly uids: readonly number[];
  /** Groups whose members are administrators: Linux root (0); macOS wheel (0) and admin (80). */
  readonly gids: readonly number[];
}

export const LINUX_ADMINS: PosixTrust = { uids: [0], gids: [0] };
export const MACOS_ADMINS: PosixTrust = { uids: [0], gids: [0, 80] };

const GROUP_WRITE = 0o020;
const OTHER_WRITE = 0o002;
const STICKY = 0o1000;

/**
 * `chain`: the file first, then each folder above it up to the root. The
 * first path a standard user could have written (or could replace) is named.
 */
export function judgePosixChain(
  chain: readonly PathStat[],
  trust: PosixTrust,
): SourceRefusal | null {
  for (const [index, entry] of chain.entries()) {
    const what = index === 0 ? 'the file' : 'a folder above it';
    if (!trust.uids.includes(entry.uid)) {
      return {
        reason: 'owner',
        path: entry.path,
        detail: `${what} (${entry.path}) is owned by user id ${entry.uid}, not by root`,
      };
    }
    const stickyFolder = index > 0 && (entry.mode & STICKY) !== 0;
    if ((entry.mode & OTHER_WRITE) !== 0 && !stickyFolder) {
      return {
        reason: 'writable',
        path: entry.path,
        detail: `${what} (${entry.path}) may be written by every user (mode ${octal(entry.mode)})`,
      };
    }
    if ((entry.mode & GROUP_WRITE) !== 0 && !trust.gids.includes(entry.gid) && !stickyFolder) {
      return {
        reason: 'writable',
        path: entry.path,
        detail: `${what} (${entry.path}) may be written by group id ${entry.gid} (mode ${octal(entry.mode)})`,
      };
    }
  }
  return null;
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
