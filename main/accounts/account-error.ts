// Refusals and failures of the accounts, in words an operator can act on.
// Built from fixed text and the portal's configured name only: never from a
// token, a URL or a server body (the portal's own words go, cleaned, in
// `detail`).
import { ExplainedError, messageParams, portalNames } from '../common/explained-error';

export type AccountErrorCode =
  | 'unknown_account'
  | 'signed_out'
  | 'provider_missing'
  | 'provider_in_use'
  | 'api_token_rejected'
  | 'api_token_malformed'
  | 'api_token_revoked'
  | 'api_token_unsupported'
  | 'api_token_target_changed'
  | 'api_token_not_revocable'
  | 'access_rejected'
  | 'api_forbidden'
  | 'api_unavailable'
  | 'api_unexpected'
  | 'api_query_failed';

interface Context {
  readonly portal?: string;
  readonly status?: number;
  readonly count?: number;
}

/** `portal` for mid-sentence, `Portal` for the start of one. */
type MessageOf = (c: Required<Context> & { Portal: string }) => string;

const MESSAGES: Record<AccountErrorCode, MessageOf> = {
  unknown_account: () =>
    'This account is not in Netrex Connect any more. Refresh the list, or sign in again.',
  signed_out: ({ portal }) =>
    `The sign-in to ${portal} has ended, so Netrex Connect holds no access for this account. Sign in again.`,
  provider_missing: ({ portal }) =>
    `The portal of this account (${portal}) is no longer in the list of portals. Add it again, or sign out of this account.`,
  provider_in_use: ({ Portal, count }) =>
    `${Portal} still has ${count === 1 ? 'an account' : `${count} accounts`} signed in. Sign out of ${count === 1 ? 'it' : 'them'} first, then remove the portal.`,
  api_token_rejected: ({ Portal }) =>
    `${Portal} did not accept this API token. Check that you copied the whole token and that it is still valid in the portal (user icon → </> API), then paste it again.`,
  api_token_malformed: () =>
    'This does not look like an API token: it contains spaces or line breaks. Copy the token again from the portal (user icon → </> API) and paste only the token.',
  api_token_revoked: ({ portal }) =>
    `The API token is no longer valid: ${portal} rejected it. Create a new token in the portal (user icon → </> API) and sign in with it again.`,
  api_token_unsupported: ({ Portal }) =>
    `${Portal} is a standard OAuth server; personal API tokens are a feature of Netrex and CamStreamer Cloud portals. Sign in through the browser instead.`,
  api_token_target_changed: ({ portal }) =>
    `The address of ${portal} is not the one shown when you chose it, so the token was not sent anywhere. Check the portal and its address, then paste the token again.`,
  api_token_not_revocable: ({ portal }) =>
    `Netrex Connect forgot the API token, but only ${portal} can delete it: it keeps working until you delete it in the portal (user icon → </> API).`,
  access_rejected: ({ Portal }) =>
    `${Portal} no longer accepts this sign-in (its API answered that the access is not valid). Sign in again.`,
  api_forbidden: ({ Portal, status }) =>
    `${Portal} refused to list the cameras of this account (HTTP ${status}). The account may lack the right to read cameras; ask the portal's administrator.`,
  api_unavailable: ({ Portal, status }) =>
    `${Portal} is not answering its API right now (HTTP ${status}). Netrex Connect will try again by itself.`,
  api_unexpected: ({ Portal, status }) =>
    `${Portal} answered with something Netrex Connect does not understand (HTTP ${status}) instead of the camera list. It will try again; if this keeps happening, check the portal address.`,
  api_query_failed: ({ Portal }) =>
    `${Portal} accepted the sign-in but could not list the cameras. Netrex Connect will try again later.`,
};

export class AccountError extends ExplainedError {
  override readonly name = 'AccountError';
  declare readonly code: AccountErrorCode;

  constructor(
    code: AccountErrorCode,
    context: Context = {},
    /** Cleaned portal text (plainDetail), shown as such. */
    detail?: string,
  ) {
    super(
      code,
      MESSAGES[code]({ status: 0, count: 0, ...context, ...portalNames(context.portal) }),
      detail,
      messageParams({
        portal: context.portal || undefined,
        status: context.status,
        count: context.count,
      }),
    );
  }
}
