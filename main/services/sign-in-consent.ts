// What the operator confirms around a browser sign-in, in the main process's
// own dialog (AppPorts.confirm), never in the page:
// - before the browser opens a portal added on this computer for the first
//   time (portal-trust.ts): its address is the operator's to vet;
// - after new tokens arrived that would replace a grant the app holds
//   (accounts/grant-replacement.ts): ending it at the portal is theirs to say.
// Without the port (a host with no dialog) the first is refused and the
// second answered "keep the earlier sign-in".
import type { ReplacedGrant } from '../accounts/grant-replacement';
import { operatorConfirms, requireConfirmation, type Confirm } from '../common/confirmation';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';
import type { PortalTrust } from './portal-trust';

export interface SignInConsentOptions {
  readonly confirm: Confirm | undefined;
  readonly trust: PortalTrust;
  readonly provider: (id: ProviderId) => ProviderConfig | undefined;
}

export interface SignInConsent {
  /** Before the browser opens the portal's sign-in page. Throws ConfirmationRefused. */
  beforeBrowser(providerId: ProviderId): Promise<void>;
  /** The new tokens would replace `replaced`: whether the operator wants it replaced (and ended). */
  replace(replaced: ReplacedGrant): Promise<boolean>;
}

export function createSignInConsent(options: SignInConsentOptions): SignInConsent {
  /** One question per portal at a time: a second click waits for the same answer. */
  const asking = new Map<ProviderId, Promise<void>>();

  return {
    async beforeBrowser(providerId) {
      const provider = options.provider(providerId);
      if (!provider || !options.trust.needsConfirmation(provider)) return;
      let question = asking.get(providerId);
      if (!question) {
        question = requireConfirmation(options.confirm, {
          kind: 'first-sign-in',
          portal: provider.name,
          address: provider.url,
        })
          .then(() => options.trust.confirmed(provider))
          .finally(() => asking.delete(providerId));
        asking.set(providerId, question);
      }
      await question;
    },

    replace: (replaced) =>
      operatorConfirms(options.confirm, {
        kind: 'replace-sign-in',
        portal: replaced.portal,
        account: replaced.account,
      }),
  };
}
