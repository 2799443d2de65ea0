// Where the operator is in the window. Plain data: the store moves between
// these, views only render the current one.
import type { ProviderView, UserFacingError } from '../../../main/ipc/contract';

export type Screen =
  | { readonly name: 'loading' }
  | { readonly name: 'connections' }
  | { readonly name: 'choose-portal' }
  | { readonly name: 'sign-in'; readonly providerId: string }
  | { readonly name: 'api-token'; readonly providerId?: string }
  | {
      readonly name: 'settings';
      readonly providerId?: string;
      /** Why the operator was sent here (a provider that is not ready). */
      readonly reason?: UserFacingError;
    };

export type ScreenName = Screen['name'];

/**
 * Where "Add account" and the first run lead: straight to signing in when
 * exactly one portal is configured (nothing to choose), else the portal choice.
 */
export function entryScreen(providers: readonly ProviderView[]): Screen {
  const [only, ...others] = providers;
  if (only && others.length === 0) return { name: 'sign-in', providerId: only.id };
  return { name: 'choose-portal' };
}

/** Home: the connections once there is one, else the way in. */
export function homeScreen(accountCount: number, providers: readonly ProviderView[]): Screen {
  return accountCount > 0 ? { name: 'connections' } : entryScreen(providers);
}
