// What the "could not start" box says. Never the error's own text: it may
// quote a file path, a URL or a secret. What kind of failure it was (a system
// error code, or the error's name) and what the operator can do.
import { systemErrorCode } from '../vault/errors';

const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR']);

export function startupFailureMessage(error: unknown): string {
  const code = systemErrorCode(error);
  if (FOLDER_CODES.has(code)) {
    return (
      `Netrex Connect cannot use its data folder (${code}). ` +
      'Check that your user account may read and write the app data folder, then start the app again.'
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return `Netrex Connect cannot write its data folder: the disk is full (${code}). Free some space, then start the app again.`;
  }
  const kind = code !== 'unknown error' ? code : error instanceof Error ? error.name : 'unknown';
  return (
    `Netrex Connect could not start because of an internal error (${kind}). ` +
    'Start it again; if this keeps happening, reinstall the app or ask your administrator.'
  );
}
