// What the operator hears about a policy source the app would not obey.
import type { UserFacingError } from '../common/model';
import type { PolicySource, SourceRefusal } from './policy-document';

/** A source a standard user could have written is ignored whole; the notice says why. */
export function policySourceRefusalToUserFacing(
  refusal: SourceRefusal & { readonly source: PolicySource },
): UserFacingError {
  return {
    code: 'policy_source_refused',
    params: { source: refusal.source.location, path: refusal.path, variant: refusal.reason },
    message:
      `The policies in ${refusal.source.location} were not used: ${refusal.detail}. ` +
      'Netrex Connect obeys only what an administrator alone could have written, so that ' +
      'another user of this computer cannot change your sign-in; ask your administrator ' +
      'to make it owned and writable by administrators only.',
  };
}
