// Typed vault errors. Every message is safe to show: it names the field or
// the system error code, never a token, a secret or a byte of the file.
import { ExplainedError } from '../common/explained-error';
import type { MessageParams } from '../common/model';

export type VaultErrorCode =
  /** saveAccount/setClientSecret got a value that breaks a rule (which one is said). */
  | 'invalid_input'
  /** The key store refused to encrypt. */
  | 'encrypt_failed'
  /** The file could not be written (disk full, permissions, ...). */
  | 'write_failed'
  /** Opt-in to weak storage asked for while nothing can be encrypted at all. */
  | 'weak_storage_unavailable'
  /** The vault was disposed (the app is quitting). */
  | 'disposed';

export class VaultError extends ExplainedError {
  override readonly name = 'VaultError';
  declare readonly code: VaultErrorCode;

  constructor(
    code: VaultErrorCode,
    message: string,
    /** What the message names (the key store, the system error), for the window's words. */
    params?: MessageParams,
  ) {
    super(code, message, undefined, params);
  }
}

/** `ENOSPC`, `EACCES`, ... from a Node system error; the message is not used (it may quote a path). */
export function systemErrorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'unknown error';
}

export function writeFailed(error: unknown): VaultError {
  return new VaultError(
    'write_failed',
    `The sign-in vault could not be saved to disk (${systemErrorCode(error)}). ` +
      'You stay signed in until the app closes; free some disk space or check the ' +
      'permissions of the app data folder, then sign in again to keep the sign-in.',
    { systemError: systemErrorCode(error) },
  );
}

export function encryptFailed(backend: string): VaultError {
  return new VaultError(
    'encrypt_failed',
    `The system key store (${backend}) refused to encrypt the sign-in vault. ` +
      'You stay signed in until the app closes; unlock the key store (keyring) and sign in again to keep the sign-in.',
    { backend },
  );
}
