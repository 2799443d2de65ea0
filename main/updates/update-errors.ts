// An updater's failure in words an operator can act on, by cause (after
// desktop's squirrel-error-parser). electron-updater names its failures with
// codes (builder-util-runtime's newError(message, code)) and Node's network
// errors with theirs; the raw text may hold the feed's address, so it is
// never shown or logged, only the cause.
import type { UserFacingError } from '../common/model';

export type UpdateFailureCause =
  'offline' | 'not-found' | 'checksum' | 'signature' | 'server' | 'invalid-feed' | 'unknown';

const WORDS: Readonly<Record<UpdateFailureCause, string>> = {
  offline: 'The update server could not be reached. The app tries again later.',
  'not-found':
    'The update server has no release information for this app (latest.yml is missing). Tell your administrator.',
  checksum:
    'The downloaded update did not match its checksum, so it was thrown away. The app tries again later.',
  signature:
    'The downloaded update is not signed by the publisher of this app, so it was refused. Tell your administrator.',
  server: 'The update server answered with an error. The app tries again later.',
  'invalid-feed':
    'The release information on the update server cannot be read. Tell your administrator.',
  unknown: 'The update could not be downloaded. The app tries again later.',
};

/** The cause of an updater's error, from its code (never its message's address). */
export function updateFailureCause(error: unknown): UpdateFailureCause {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return 'not-found';
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(message))
    return 'checksum';
  if (
    code === 'ERR_UPDATER_INVALID_SIGNATURE' ||
    /not signed by the application owner/i.test(message)
  ) {
    return 'signature';
  }
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    code === 'ERR_UPDATER_INVALID_VERSION'
  ) {
    return 'invalid-feed';
  }
  if (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ENETUNREACH'].includes(
      code,
    )
  ) {
    return 'offline';
  }
  if (typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number') return 'server';
  return 'unknown';
}

export function updateFailure(error: unknown): UserFacingError {
  const cause = updateFailureCause(error);
  return { code: 'update_failed', message: WORDS[cause], params: { variant: cause } };
}
