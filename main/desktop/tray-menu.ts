// What the tray menu shows, as plain data: that saved sign-ins wait for the
// keyring (when they do), one line per account with its state, "Sign in again" where an account needs it, "Open", "Sign in" (one
// entry per portal ready for it) and "Quit", in the app's language (the words
// come from edge-words.ts). Pure: tray.ts turns it into an Electron Menu.
import type { AccountSnapshot, AccountState, ProviderView } from '../ipc/contract';
import type { EdgeWords } from './edge-words';

export type TrayAction =
  | { readonly kind: 'open' }
  /** Starts the browser sign-in for a portal (and shows the window with its countdown). */
  | { readonly kind: 'sign-in'; readonly providerId: string }
  | { readonly kind: 'quit' };

export type TrayMenuItem =
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'action'; readonly label: string; readonly action: TrayAction }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly TrayMenuItem[] };

const NEEDS_SIGN_IN: ReadonlySet<AccountState> = new Set(['expired', 'signed-out']);

/** Tray menus are narrow; long labels are cut with an ellipsis. */
export const MAX_TRAY_LABEL = 60;

function fit(text: string): string {
  return text.length <= MAX_TRAY_LABEL ? text : `${text.slice(0, MAX_TRAY_LABEL - 1)}…`;
}

/** What the tray says about where sign-ins are kept (only the wait for the keyring, for now). */
export interface TrayStorage {
  readonly waitingForKeyring: boolean;
}

export function trayMenuModel(
  accounts: readonly AccountSnapshot[],
  providers: readonly ProviderView[],
  words: EdgeWords,
  storage: TrayStorage = { waitingForKeyring: false },
): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  // First: until the keyring opens, the saved accounts are missing from the list below.
  if (storage.waitingForKeyring) {
    items.push({ kind: 'label', label: words.tray.waitingForKeyring }, { kind: 'separator' });
  }
  if (accounts.length === 0) {
    items.push({ kind: 'label', label: words.tray.noAccounts });
  }
  for (const account of accounts) {
    const name = account.label === '' ? account.providerName : account.label;
    items.push({ kind: 'label', label: fit(words.tray.account(name, words.state[account.state])) });
    if (NEEDS_SIGN_IN.has(account.state) && account.method === 'oauth') {
      items.push({
        kind: 'action',
        label: fit(words.tray.signInAgain(account.providerName)),
        action: { kind: 'sign-in', providerId: account.providerId },
      });
    }
  }
  const ready = providers.filter((provider) => provider.ready);
  items.push(
    { kind: 'separator' },
    { kind: 'action', label: words.tray.open, action: { kind: 'open' } },
    ready.length > 0
      ? {
          kind: 'submenu',
          label: words.tray.signIn,
          items: ready.map((provider) => ({
            kind: 'action' as const,
            label: fit(provider.name),
            action: { kind: 'sign-in' as const, providerId: provider.id },
          })),
        }
      : // Nothing is configured for one-click sign-in yet: the window is where that is done.
        { kind: 'action', label: words.tray.signInInWindow, action: { kind: 'open' } },
    { kind: 'separator' },
    { kind: 'action', label: words.tray.quit, action: { kind: 'quit' } },
  );
  return items;
}

/** The tooltip: how many portals are connected, at a glance (or that sign-ins wait for the keyring). */
export function trayTooltip(
  accounts: readonly AccountSnapshot[],
  words: EdgeWords,
  storage: TrayStorage = { waitingForKeyring: false },
): string {
  if (storage.waitingForKeyring) return words.tray.tooltipWaitingForKeyring;
  const connected = accounts.filter((a) => a.state === 'connected').length;
  if (accounts.length === 0) return words.tray.tooltipNoAccounts;
  return words.tray.tooltip(connected, accounts.length);
}
