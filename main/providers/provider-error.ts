// Refusals of the provider settings (adding a portal, editing, removing), in
// words an operator can act on. Values typed by the user are never quoted back.
import type { UserFacingError } from '../common/model';

export type ProviderErrorCode =
  | 'invalid_input'
  | 'unknown_provider'
  | 'locked'
  | 'not_removable'
  | 'duplicate'
  | 'custom_portals_disabled';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    /** The settings field at fault, e.g. `url`, `rights`. */
    readonly field?: string,
  ) {
    super(message);
  }

  toUserFacing(): UserFacingError {
    return { code: this.code, message: this.message };
  }
}
