// What the token vault keeps and the surface it offers. These types carry
// tokens and secrets: they are main-process only and never cross the bridge
// (the UI gets AccountSnapshot and StorageStatus, main/common/model.ts,
// which have no field for a token).
import type { Clock } from '../common/clock';
import type { Disposable } from '../common/lifecycle';
import type { DocumentStore } from '../common/document-store';
import type { SignInMethod, StorageStatus, UserFacingError } from '../common/model';
import type { Cipher } from './cipher';

export interface VaultTokens {
  readonly accessToken: string;
  /** Absent for personal API tokens and portals that issue none. */
  readonly refreshToken?: string;
  /** As the portal said (`Bearer` when it did not). */
  readonly tokenType: string;
}

/** Which provider something belongs to: its id and its address (base URL or issuer). */
export interface ProviderAddress {
  readonly id: string;
  readonly url: string;
}

/** One signed-in account with its tokens. */
export interface StoredAccount {
  readonly id: string;
  readonly providerId: string;
  /**
   * The provider's address when the account signed in: the tokens go there
   * only. A provider id that now names another address is not this
   * account's portal (empty: an account from a version-1 file whose portal
   * was already gone).
   */
  readonly providerUrl: string;
  /** What the UI shows: the portal's user name, e-mail or a label the user typed. */
  readonly label: string;
  readonly method: SignInMethod;
  readonly tokens: VaultTokens;
  /** Epoch ms at which the access token expires; null when unknown or never. */
  readonly expiresAt: number | null;
  /** Rights the portal granted (or, when it did not say, the ones requested). */
  readonly rights: readonly string[];
  /**
   * From the ID token (standard dialect only): `sub` (with `iss`) identifies
   * the person across sign-ins, so signing in again updates the account
   * instead of adding a second one. The ID token itself is not kept (it only
   * holds personal data the app has no use for once signed in).
   */
  readonly subject?: { readonly sub: string; readonly issuer?: string };
}

export interface OpenTokenVaultOptions {
  /** The vault file (sealed tokens and secrets). */
  readonly store: DocumentStore;
  /** A small non-secret settings file: the user's weak-storage opt-in. */
  readonly settingsStore: DocumentStore;
  readonly cipher: Cipher;
  /** `process.platform`; on `linux` the key store backend decides the policy. */
  readonly platform: string;
  /** Only `now()` is used: for the time a damaged file was set aside. */
  readonly clock?: Pick<Clock, 'now'>;
  /** Where each provider is now: binds the entries of a version-1 file (see vault-format.ts). */
  readonly providerUrlOf?: (providerId: string) => string | undefined;
}

export interface TokenVault extends Disposable {
  /** Every account, in the order first saved. */
  listAccounts(): StoredAccount[];
  getAccount(id: string): StoredAccount | undefined;
  /**
   * Adds or replaces the account with this id. Visible to `getAccount` at
   * once; resolves once it is on disk (when the policy keeps tokens on disk),
   * so a rotated refresh token is persisted before the caller forgets the
   * old one. Rejects with a VaultError when the account is invalid or the
   * write failed (the account is then still kept in memory for the session).
   */
  saveAccount(account: StoredAccount): Promise<void>;
  /** Removes the account (no-op when unknown); resolves once written. */
  removeAccount(id: string): Promise<void>;

  /** The provider's client secret, only when it was set for this very address. */
  getClientSecret(provider: ProviderAddress): string | undefined;
  /**
   * Sets the secret for the provider at this address (`null` removes it).
   * Resolves once written, like saveAccount.
   */
  setClientSecret(provider: ProviderAddress, secret: string | null): Promise<void>;

  storageStatus(): StorageStatus;
  /**
   * Problems met while opening that the operator should hear and the storage
   * status does not carry (a damaged storage-choice file, set aside).
   */
  readonly warnings: readonly UserFacingError[];
  /**
   * The user's explicit choice to keep tokens on disk although the key store
   * is weak (Linux `basic_text`). Remembered across restarts. Rejects with
   * `weak-storage-unavailable` when encryption is unavailable altogether
   * (there is nothing to opt in to).
   */
  setWeakStorageAllowed(allowed: boolean): Promise<StorageStatus>;
  onDidChangeStatus(listener: (status: StorageStatus) => void): Disposable;
  /**
   * While the saved sign-ins wait for their key store (`keyStoreWaiting`):
   * asks it again. When it opens them, they join what memory holds (memory
   * wins for the same account) and, where the policy keeps tokens on disk,
   * everything is written. Resolves with the status either way; never throws.
   */
  retryKeyStore(): Promise<StorageStatus>;

  /** Waits for pending writes, then forgets every token; later calls reject. */
  dispose(): Promise<void>;
}
