// What the "could not start" box says. Never the error's own text: it may
// quote a file path, a URL or a secret. What kind of failure it was (a system
// error code, or the error's name) and what the operator can do, in the
// app's language (edge-words.ts).
import { systemErrorCode } from '../vault/errors';
import type { EdgeWords } from './edge-words';

const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR']);

export function startupFailureMessage(error: unknown, words: EdgeWords): string {
  const code = systemErrorCode(error);
  if (FOLDER_CODES.has(code)) return words.startup.folder(code);
  if (code === 'ENOSPC' || code === 'EDQUOT') return words.startup.diskFull(code);
  const kind = code !== 'unknown error' ? code : error instanceof Error ? error.name : 'unknown';
  return words.startup.internal(kind);
}
