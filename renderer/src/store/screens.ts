// Where the operator is in the window. Plain data: the store moves between
// these, views only render the current one.
import type {
  AccountSnapshot,
  PortalPolicy,
  ProviderView,
  UserFacingError,
} from '../../../main/ipc/contract';

export type Screen =
  | { readonly name: 'loading' }
  | { readonly name: 'connections' }
  | { readonly name: 'choose-portal' }
  | { readonly name: 'sign-in'; readonly providerId: string }
  | {
      readonly name: 'api-token';
      readonly providerId?: string;
      /** The name of the account a new token renews (the same name replaces it). */
      readonly label?: string;
    }
  | { readonly name: 'diagnostics' }
  | {
      readonly name: 'settings';
      readonly providerId?: string;
      /** Why the operator was sent here (a provider that is not ready). */
      readonly reason?: UserFacingError;
    };

export type ScreenName = Screen['name'];

/**
 * Where "Add account" and the first run lead: straight to signing in when
 * there is nothing to choose, else the portal choice (the sign-in screen
 * links to it too). Nothing to choose: IT's default portal while no account
 * uses it, one portal in all, or exactly one ready to sign in (its client
 * configured by IT or the operator) that no account uses yet — the others
 * would first need configuring.
 */
export function entryScreen(
  providers: readonly ProviderView[],
  accounts: readonly Pick<AccountSnapshot, 'providerId'>[] = [],
  policy: Pick<PortalPolicy, 'defaultProviderId'> = { defaultProviderId: null },
): Screen {
  const unused = (id: string) => !accounts.some((a) => a.providerId === id);
  const preferred = providers.find((p) => p.id === policy.defaultProviderId);
  if (preferred && unused(preferred.id)) return { name: 'sign-in', providerId: preferred.id };
  const [only, ...others] = providers;
  if (only && others.length === 0) return { name: 'sign-in', providerId: only.id };
  const ready = providers.filter((p) => p.ready);
  const [single] = ready;
  if (ready.length === 1 && single && unused(single.id)) {
    return { name: 'sign-in', providerId: single.id };
  }
  return { name: 'choose-portal' };
}

/** Home: the connections once there is one, else the way in. */
export function homeScreen(
  accounts: readonly Pick<AccountSnapshot, 'providerId'>[],
  providers: readonly ProviderView[],
  policy?: Pick<PortalPolicy, 'defaultProviderId'>,
): Screen {
  return accounts.length > 0 ? { name: 'connections' } : entryScreen(providers, accounts, policy);
}
