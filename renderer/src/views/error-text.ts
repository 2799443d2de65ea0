// The words for a UserFacingError. The main process writes `message` for the
// operator; only the errors the window raises itself are translated here.
import type { TFunction } from 'i18next';
import type { UserFacingError } from '../../../main/ipc/contract';

export function errorText(t: TFunction, error: UserFacingError): string {
  if (error.code === 'bridge_unavailable') return t('errors.bridgeUnavailable');
  return error.message;
}
