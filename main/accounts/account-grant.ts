// An account's grant as the app holds it: the tokens the portal issued (until
// the grant ends), the profile that goes with them, and their entry in the
// vault. It renews the tokens in single flight, saves what a refresh brought
// before the old refresh token is forgotten, and ends the grant at sign-out
// (revocation at the portal, removal from the vault). What the renewals mean
// for the account's state is its connection's (account-connection.ts).
//
// Every replacement of the tokens (a new sign-in) starts a new `generation`:
// an answer still out for the tokens it replaced is moot.
import { AuthError } from '../auth/auth-error';
import type { SignInEngine } from '../auth/engine';
import type { TokenSet } from '../auth/token-set';
import type { Clock } from '../common/clock';
import { toUserFacing } from '../common/explained-error';
import type { SignOutReport, UserFacingError } from '../common/model';
import type { PendingWork } from '../common/pending-work';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';
import { VaultError } from '../vault/errors';
import type { StoredAccount, TokenVault, VaultTokens } from '../vault/types';
import { AccountError } from './account-error';
import type { AccountProfile } from './account-status';
import { refreshDueAt } from './refresh-schedule';
import { lifetimeOf, tokenSetOf, vaultTokensOf } from './tokens';

export interface GrantContext {
  readonly clock: Clock;
  readonly engine: Pick<SignInEngine, 'refresh' | 'revoke'>;
  readonly vault: Pick<TokenVault, 'saveAccount' | 'removeAccount'>;
  readonly providers: { get(id: ProviderId): ProviderConfig | undefined };
  /** The machine moved: the collection tells the UI. */
  readonly changed: () => void;
  /** Something the operator should hear that is not the account's state (a vault write failure). */
  readonly notice: (error: UserFacingError) => void;
}

/** How the grant's refreshes show in the account's state. */
export interface RenewalListener {
  started(): void;
  /** The tokens a refresh brought are held (and saved, unless the vault failed). */
  renewed(): void;
  /** A refresh of the tokens still held failed (a moot one is not told). */
  failed(error: unknown): Promise<void>;
  /** A refresh settled, whichever way: what is due next may have changed. */
  settled(): void;
}

export class AccountGrant {
  readonly id: string;
  readonly #ctx: GrantContext;
  /** Refreshes and saves: the vault must not close before they land. */
  readonly #pending: PendingWork;
  readonly #listener: RenewalListener;
  #profile: AccountProfile;
  /** Null once the grant ended: the tokens are gone from memory and from the vault. */
  #tokens: VaultTokens | null;
  #lifetimeMs: number | null;
  #generation = 0;
  #refresh: Promise<StoredAccount> | undefined;
  /** Signing out or disposed: no refresh starts, no token is handed out. */
  #closed = false;
  /**
   * The vault refused the current tokens (they break its rules): they live in
   * this grant only, whatever the vault writes for the others.
   */
  #storeRefused = false;

  constructor(
    ctx: GrantContext,
    pending: PendingWork,
    account: StoredAccount,
    lifetimeMs: number | null,
    listener: RenewalListener,
  ) {
    this.#ctx = ctx;
    this.#pending = pending;
    this.#listener = listener;
    this.id = account.id;
    const { tokens, ...profile } = account;
    this.#profile = profile;
    this.#tokens = tokens;
    this.#lifetimeMs = lifetimeMs;
  }

  get account(): StoredAccount | undefined {
    return this.#tokens ? { ...this.#profile, tokens: this.#tokens } : undefined;
  }

  /** When expired, the last one known (its tokens are gone from the vault). */
  get profile(): AccountProfile {
    return this.#profile;
  }

  get generation(): number {
    return this.#generation;
  }

  get held(): boolean {
    return this.#tokens !== null;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get refreshing(): boolean {
    return this.#refresh !== undefined;
  }

  /** Whether the vault refused the current tokens (a failed write is the vault's status). */
  get storeRefused(): boolean {
    return this.#storeRefused;
  }

  get canRefresh(): boolean {
    return this.#profile.method === 'oauth' && !!this.#tokens?.refreshToken;
  }

  /** Nothing new starts: no refresh, no token handed out. */
  close(): void {
    this.#closed = true;
  }

  /**
   * New tokens from a sign-in: they replace whatever was held, and answers
   * still out for the old ones are moot.
   */
  replace(account: StoredAccount, lifetimeMs: number | null): void {
    this.#generation++;
    const { tokens, ...profile } = account;
    this.#profile = profile;
    this.#tokens = tokens;
    this.#lifetimeMs = lifetimeMs;
  }

  /** The account with its tokens; throws once signed out or the grant ended. */
  require(): StoredAccount {
    const account = this.account;
    if (!account || this.#closed) throw this.#signedOut();
    return account;
  }

  /** When the refresh ahead of expiry is due; null when the tokens cannot renew or never expire. */
  refreshDueAt(): number | null {
    const expiresAt = this.#profile.expiresAt;
    if (expiresAt === null || !this.canRefresh) return null;
    return refreshDueAt(expiresAt, this.#lifetimeMs ?? 0);
  }

  refreshDue(): boolean {
    const due = this.refreshDueAt();
    return due !== null && this.#ctx.clock.now() >= due;
  }

  tokenSet(account: StoredAccount): TokenSet {
    return tokenSetOf(account, this.#lifetimeMs, this.#ctx.clock.now());
  }

  /**
   * The account's provider: the one with its id, still at the address the
   * account signed in to. An id that now names another address (a managed
   * entry over a custom portal) is not this account's portal: it reads as
   * missing, and nothing of the account is sent there.
   */
  provider(): ProviderConfig | undefined {
    const provider = this.#ctx.providers.get(this.#profile.providerId);
    return provider?.url === this.#profile.providerUrl ? provider : undefined;
  }

  portal(): string {
    return this.provider()?.name ?? this.#profile.providerId;
  }

  /** Single flight: every caller during a refresh shares its one request. */
  refreshOnce(): Promise<StoredAccount> {
    if (this.#closed) return Promise.reject(this.#signedOut());
    this.#refresh ??= this.#pending.track(
      this.#runRefresh().finally(() => {
        this.#refresh = undefined;
        this.#listener.settled();
      }),
    );
    return this.#refresh;
  }

  async #runRefresh(): Promise<StoredAccount> {
    const before = this.require();
    const generation = this.#generation;
    this.#listener.started();
    let tokens: TokenSet;
    try {
      tokens = await this.#ctx.engine.refresh(before.providerId, this.tokenSet(before));
    } catch (error) {
      if (generation === this.#generation) await this.#listener.failed(error);
      throw error;
    }
    if (generation !== this.#generation) return this.require();
    const next: StoredAccount = {
      ...before,
      tokens: vaultTokensOf(tokens),
      expiresAt: tokens.expiresAt,
      rights: tokens.rightsReported ? [...tokens.rights] : before.rights,
    };
    // The new refresh token is on disk before the old one is forgotten.
    await this.save(next);
    if (generation !== this.#generation) return this.require();
    this.#tokens = next.tokens;
    this.#profile = { ...this.#profile, expiresAt: next.expiresAt, rights: next.rights };
    this.#lifetimeMs = lifetimeOf(tokens);
    this.#listener.renewed();
    return next;
  }

  async save(account: StoredAccount): Promise<void> {
    const refusedBefore = this.#storeRefused;
    try {
      await this.#pending.track(this.#ctx.vault.saveAccount(account));
      this.#storeRefused = false;
    } catch (error) {
      // A failed write keeps the account in the vault's memory (its status
      // says the disk lags); refused tokens are not in the vault at all.
      this.#storeRefused = error instanceof VaultError && error.code === 'invalid_input';
      // The vault keeps the account in memory for the session; the operator hears why.
      this.#ctx.notice(toUserFacing(error));
    }
    // `persisted` in the snapshots changed: a probe may have told the UI meanwhile.
    if (this.#storeRefused !== refusedBefore) this.#ctx.changed();
  }

  /** The grant is dead: the tokens leave memory and the vault (a failed removal is told). */
  async forget(): Promise<void> {
    this.#tokens = null;
    try {
      await this.#ctx.vault.removeAccount(this.id);
    } catch (failure) {
      this.#ctx.notice(toUserFacing(failure));
    }
  }

  /**
   * Sign-out: nothing new starts, the grant is revoked at the portal (best
   * effort, reported) and the tokens leave memory and the vault.
   */
  async end(): Promise<SignOutReport> {
    this.#closed = true;
    // A refresh in flight lands first, so the newest tokens are the ones revoked.
    await this.#refresh?.catch(() => undefined);
    const account = this.account;
    const portal = this.portal();
    let revokeError: UserFacingError | undefined;
    if (account?.method === 'oauth') {
      try {
        await this.#ctx.engine.revoke(account.providerId, this.tokenSet(account));
      } catch (error) {
        revokeError = toUserFacing(
          error,
          new AuthError('revocation_failed', { portal }).toUserFacing(),
        );
      }
    } else if (account) {
      revokeError = new AccountError('api_token_not_revocable', { portal }).toUserFacing();
    }
    this.#tokens = null;
    await this.#ctx.vault.removeAccount(this.id);
    return {
      accountId: this.id,
      revoked: account?.method === 'oauth' && !revokeError,
      ...(revokeError ? { revokeError } : {}),
    };
  }

  #signedOut(): AccountError {
    return new AccountError('signed_out', { portal: this.portal() });
  }
}
