// Errors that explain themselves to the operator. Every error class of the
// services (AuthError, AccountError, ProviderError, VaultError) extends
// ExplainedError: its message is built from fixed text and names the app
// chose (a portal's configured name), never from a URL, a server body, a
// token or a secret, so it may be shown. Anything else that is thrown may
// quote anything: it is never shown, the operator gets INTERNAL_ERROR.
import type { MessageParams, UserFacingError } from './model';

export class ExplainedError extends Error {
  override readonly name: string = 'ExplainedError';

  constructor(
    /** Stable machine code, e.g. `access_denied`, `write_failed`. */
    readonly code: string,
    message: string,
    /** Untrusted text from the portal, already made plain and capped by the subclass. */
    readonly detail?: string,
    /** The plain values the message names (see MessageParams); never a secret. */
    readonly params?: MessageParams,
  ) {
    super(message);
  }

  toUserFacing(): UserFacingError {
    return {
      code: this.code,
      message: this.message,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }
}

/** `values` without the undefined ones; undefined when none is left. */
export function messageParams(
  values: Readonly<Record<string, string | number | undefined>>,
): MessageParams | undefined {
  const kept = Object.entries(values).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/** A failure that already has its words (a probe's outcome, a refusal passed on). */
export class UserFacingFailure extends ExplainedError {
  override readonly name = 'UserFacingFailure';

  constructor(readonly error: UserFacingError) {
    super(error.code, error.message, error.detail, error.params);
  }

  override toUserFacing(): UserFacingError {
    return this.error;
  }
}

/** For anything that is not an ExplainedError: its own text may quote anything. */
export const INTERNAL_ERROR: UserFacingError = Object.freeze({
  code: 'internal_error',
  message:
    'Something went wrong inside Netrex Connect. Try again; if it keeps happening, restart the app.',
});

/** An ExplainedError's own words; anything else gets `fallback`. */
export function toUserFacing(
  error: unknown,
  fallback: UserFacingError = INTERNAL_ERROR,
): UserFacingError {
  return error instanceof ExplainedError ? error.toUserFacing() : fallback;
}

/**
 * A portal's name for messages: `portal` mid-sentence, `Portal` to start
 * one; "the portal" when the name is not known.
 */
export function portalNames(name: string | undefined): { portal: string; Portal: string } {
  const portal = name || 'the portal';
  return { portal, Portal: portal[0]!.toUpperCase() + portal.slice(1) };
}
