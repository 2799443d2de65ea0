// Refusals of the provider settings (adding a portal, editing, removing), in
// words an operator can act on. Values typed by the user are never quoted back.
import { ExplainedError } from '../common/explained-error';
import type { MessageParams } from '../common/model';

export type ProviderErrorCode =
  | 'invalid_input'
  | 'unknown_provider'
  | 'locked'
  | 'not_removable'
  | 'duplicate'
  | 'custom_portals_disabled';

export class ProviderError extends ExplainedError {
  override readonly name = 'ProviderError';
  declare readonly code: ProviderErrorCode;

  constructor(
    code: ProviderErrorCode,
    message: string,
    /** The settings field at fault, e.g. `url`, `rights`. */
    readonly field?: string,
    /** What the message names (the portal) and, for invalid_input, which rule (`variant`). */
    params?: MessageParams,
  ) {
    super(code, message, undefined, params);
  }
}
