// Whether the app is in the middle of something a restart must not cut:
// a sign-in (waiting for the browser, or exchanging the code) or a write of
// the sign-ins to disk (a refreshed token being saved). "Restart to update"
// waits for both to end.
import type { SignInView } from '../ipc/contract';
import type { TokenVault } from '../vault';

export interface BusyState {
  /** The vault the services use: the same, with its writes counted. */
  readonly vault: TokenVault;
  /** Hears every sign-in-changed view. */
  signInChanged(view: SignInView): void;
  busy(): { readonly signIn: boolean; readonly saving: boolean };
}

export function trackBusyState(inner: TokenVault, changed: () => void): BusyState {
  let writes = 0;
  const signingIn = new Set<string>();
  const counted =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      writes++;
      if (writes === 1) changed();
      try {
        return await write(...args);
      } finally {
        writes--;
        if (writes === 0) changed();
      }
    };
  const vault: TokenVault = {
    listAccounts: () => inner.listAccounts(),
    getAccount: (id) => inner.getAccount(id),
    saveAccount: counted((account) => inner.saveAccount(account)),
    removeAccount: counted((id) => inner.removeAccount(id)),
    getClientSecret: (provider) => inner.getClientSecret(provider),
    setClientSecret: counted((provider, secret) => inner.setClientSecret(provider, secret)),
    storageStatus: () => inner.storageStatus(),
    get warnings() {
      return inner.warnings;
    },
    setWeakStorageAllowed: counted((allowed) => inner.setWeakStorageAllowed(allowed)),
    // Writes everything once the keyring opens: a write like any other.
    retryKeyStore: counted(() => inner.retryKeyStore()),
    onDidChangeStatus: (listener) => inner.onDidChangeStatus(listener),
    dispose: () => inner.dispose(),
  };
  return {
    vault,
    signInChanged(view) {
      const before = signingIn.size;
      if (view.phase === 'waiting' || view.phase === 'exchanging') signingIn.add(view.providerId);
      else signingIn.delete(view.providerId);
      if ((before === 0) !== (signingIn.size === 0)) changed();
    },
    busy: () => ({ signIn: signingIn.size > 0, saving: writes > 0 }),
  };
}
