// One account's state machine (the states are described in account-status.ts):
// its tokens, the single-flight refresh, the status check, and the one timer
// that wakes it for whatever is due next — the refresh ahead of expiry, the
// periodic probe, or the retry while offline.
//
// Every asynchronous step remembers the `generation` of the tokens it started
// with; a sign-in that replaces the tokens meanwhile makes its result moot.
import { AuthError } from '../auth/auth-error';
import type { SignInEngine } from '../auth/engine';
import type { TokenSet } from '../auth/token-set';
import type { Clock } from '../common/clock';
import type { AccountSnapshot, SignOutReport, UserFacingError } from '../common/model';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';
import { VaultError } from '../vault/errors';
import type { StoredAccount, TokenVault, VaultTokens } from '../vault/types';
import { toUserFacing, UserFacingFailure } from '../common/explained-error';
import { AccountError } from './account-error';
import * as status from './account-status';
import type { AccountProfile } from './account-status';
import { retryDelay, type BackoffPolicy } from './backoff';
import { refreshDueAt } from './refresh-schedule';
import type { ProbeOutcome, StatusProbe } from './status-probe';
import { lifetimeOf, tokenSetOf, vaultTokensOf } from './tokens';
import { WakeTimer } from './wake-timer';

export interface ConnectionContext {
  readonly clock: Clock;
  readonly random: () => number;
  readonly engine: Pick<SignInEngine, 'refresh' | 'revoke'>;
  readonly vault: Pick<TokenVault, 'saveAccount' | 'removeAccount'>;
  readonly providers: { get(id: ProviderId): ProviderConfig | undefined };
  readonly probe: StatusProbe;
  readonly probeIntervalMs: number;
  readonly backoff: BackoffPolicy;
  /** The machine moved: the collection tells the UI. */
  readonly changed: () => void;
  /** Something the operator should hear that is not the account's state (a vault write failure). */
  readonly notice: (error: UserFacingError) => void;
}

export class AccountConnection {
  readonly id: string;
  readonly #ctx: ConnectionContext;
  #profile: AccountProfile;
  /** Null once expired: the tokens are gone from memory and from the vault. */
  #tokens: VaultTokens | null;
  #lifetimeMs: number | null;
  #status: status.AccountStatus;
  #authorizing = false;
  #generation = 0;
  #refresh: Promise<StoredAccount> | undefined;
  /** The check running, and the generation of the tokens it was started for. */
  #check: { readonly generation: number; readonly done: Promise<void> } | undefined;
  readonly #timer: WakeTimer;
  /** Signing out or disposed: nothing new starts. */
  #closed = false;
  /**
   * The vault refused the current tokens (they break its rules): they live in
   * this connection only, whatever the vault writes for the others.
   */
  #storeRefused = false;
  /** Work that must finish before the vault closes: refreshes, saves, a sign-out. */
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(
    ctx: ConnectionContext,
    account: StoredAccount,
    lifetimeMs: number | null,
    initial: status.AccountStatus,
  ) {
    this.#ctx = ctx;
    this.id = account.id;
    const { tokens, ...profile } = account;
    this.#profile = profile;
    this.#tokens = tokens;
    this.#lifetimeMs = lifetimeMs;
    this.#status = initial;
    this.#timer = new WakeTimer(ctx.clock, () => this.#wake());
  }

  get account(): StoredAccount | undefined {
    return this.#tokens ? { ...this.#profile, tokens: this.#tokens } : undefined;
  }

  get profile(): AccountProfile {
    return this.#profile;
  }

  get status(): status.AccountStatus {
    return this.#status;
  }

  snapshot(persisted: boolean): AccountSnapshot {
    return status.toSnapshot({
      id: this.id,
      profile: this.#profile,
      canRefresh: this.#canRefresh(),
      tokensHeld: this.#tokens !== null,
      status: this.#status,
      authorizing: this.#authorizing,
      provider: this.#provider(),
      persisted: persisted && !this.#storeRefused,
    });
  }

  set authorizing(on: boolean) {
    if (this.#authorizing === on) return;
    this.#authorizing = on;
    this.#ctx.changed();
  }

  /**
   * New tokens from a sign-in: they replace whatever was held, in any state.
   * With `check`, the status probe starts at once, before the vault write:
   * it needs only the fresh access token in memory, and its round trip can
   * overlap the write (how much depends on the fetch: Node's sends a request
   * with a body a couple of event-loop turns later, after a synchronous
   * write). Nothing is lost by it: a rotated refresh token is a refresh's,
   * not a sign-in's, and the probe's outcome and the write's land in either
   * order (a 401 removes the account through the same vault queue, after
   * the write).
   */
  async replace(
    account: StoredAccount,
    lifetimeMs: number | null,
    next: status.AccountStatus,
    { check = false }: { readonly check?: boolean } = {},
  ): Promise<void> {
    this.#generation++;
    const { tokens, ...profile } = account;
    this.#profile = profile;
    this.#tokens = tokens;
    this.#lifetimeMs = lifetimeMs;
    this.#authorizing = false;
    this.#move(next);
    // The probe settles into the state itself; nothing to wait for or report here.
    if (check) void this.checkNow().catch(() => undefined);
    await this.#save(account);
    this.#schedule();
  }

  /** A valid access token, renewed first when its refresh is due. Throws a user-facing error. */
  async getAccessToken(): Promise<string> {
    return (await this.#validAccount(false)).tokens.accessToken;
  }

  /**
   * Probes now (joining a probe already running for the same tokens);
   * settles once the state says how it went. A probe still running for
   * tokens a sign-in has since replaced is moot: a new one follows it.
   */
  checkNow(): Promise<void> {
    const running = this.#check;
    if (running?.generation === this.#generation) return running.done;
    const start = (): Promise<void> => this.#runCheck();
    const done: Promise<void> = (running ? running.done.then(start, start) : start()).finally(
      () => {
        if (this.#check?.done !== done) return;
        this.#check = undefined;
        this.#schedule();
      },
    );
    this.#check = { generation: this.#generation, done };
    return done;
  }

  /** After sleep or a clock change: what is due now runs, the rest is planned again. */
  reevaluate(): void {
    this.#timer.resetGap();
    this.#schedule();
  }

  /** Revokes at the portal (best effort) and removes the tokens from the vault. */
  signOut(): Promise<SignOutReport> {
    this.#closed = true;
    return this.#track(this.#runSignOut());
  }

  async #runSignOut(): Promise<SignOutReport> {
    this.#timer.dispose();
    // A refresh in flight lands first, so the newest tokens are the ones revoked.
    await this.#refresh?.catch(() => undefined);
    const account = this.account;
    const portal = this.#portal();
    let revokeError: UserFacingError | undefined;
    if (account?.method === 'oauth') {
      try {
        await this.#ctx.engine.revoke(account.providerId, this.#tokenSet(account));
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

  /**
   * Nothing new starts; resolves once the work already running has landed: a
   * refresh in flight and its save (the portal may have rotated the refresh
   * token, so the new one must reach the disk before the vault closes), a
   * sign-out's removal.
   */
  async dispose(): Promise<void> {
    this.#closed = true;
    this.#timer.dispose();
    while (this.#inFlight.size > 0) {
      await Promise.allSettled([...this.#inFlight]);
    }
  }

  /** Remembers `work` until it settles, so dispose can wait for it. */
  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work);
    const done = (): void => void this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  // Tokens -----------------------------------------------------------------

  async #validAccount(retrying: boolean): Promise<StoredAccount> {
    const account = this.#requireTokens();
    if (!this.#refreshDue(account)) return account;
    const now = this.#ctx.clock.now();
    const stillValid = account.expiresAt !== null && account.expiresAt > now;
    const waiting = this.#status.state === 'offline' && (this.#status.nextRetryAt ?? 0) > now;
    // Offline, a caller does not hammer the portal: the token serves while it lasts.
    if (waiting && !retrying) {
      if (stillValid) return account;
      throw new UserFacingFailure(this.#status.lastError ?? offlineError(this.#portal()));
    }
    try {
      return await this.#refreshOnce();
    } catch (error) {
      // Renewal failed but the tokens were kept: the current one serves while it lasts.
      const current = this.account;
      const expiresAt = current?.expiresAt ?? null;
      if (current && expiresAt !== null && expiresAt > this.#ctx.clock.now()) return current;
      throw error;
    }
  }

  /** Single flight: every caller during a refresh shares its one request. */
  #refreshOnce(): Promise<StoredAccount> {
    if (this.#closed) return Promise.reject(this.#signedOut());
    this.#refresh ??= this.#track(
      this.#runRefresh().finally(() => {
        this.#refresh = undefined;
        this.#schedule();
      }),
    );
    return this.#refresh;
  }

  async #runRefresh(): Promise<StoredAccount> {
    const before = this.#requireTokens();
    const generation = this.#generation;
    this.#move(status.refreshing(this.#status));
    let tokens: TokenSet;
    try {
      tokens = await this.#ctx.engine.refresh(before.providerId, this.#tokenSet(before));
    } catch (error) {
      if (generation === this.#generation) await this.#refreshFailed(error);
      throw error;
    }
    if (generation !== this.#generation) return this.#requireTokens();
    const next: StoredAccount = {
      ...before,
      tokens: vaultTokensOf(tokens),
      expiresAt: tokens.expiresAt,
      rights: tokens.rightsReported ? [...tokens.rights] : before.rights,
    };
    // The new refresh token is on disk before the old one is forgotten.
    await this.#save(next);
    if (generation !== this.#generation) return this.#requireTokens();
    this.#tokens = next.tokens;
    this.#profile = { ...this.#profile, expiresAt: next.expiresAt, rights: next.rights };
    this.#lifetimeMs = lifetimeOf(tokens);
    this.#move(status.tokensIssued(this.#status, this.#ctx.clock.now()));
    return next;
  }

  async #refreshFailed(error: unknown): Promise<void> {
    if (error instanceof AuthError && error.code === 'disposed') return;
    if (error instanceof AuthError && error.grantDead) return this.#expire(error.toUserFacing());
    if (error instanceof AuthError && error.retryable)
      return this.#goOffline(error.toUserFacing(), error.retryAfterMs);
    this.#fail(toUserFacing(error));
  }

  #refreshDue(account: StoredAccount): boolean {
    if (account.method !== 'oauth' || !account.tokens.refreshToken || account.expiresAt === null)
      return false;
    return this.#ctx.clock.now() >= refreshDueAt(account.expiresAt, this.#lifetimeMs ?? 0);
  }

  // Checks -----------------------------------------------------------------

  async #runCheck(): Promise<void> {
    if (!this.#tokens || this.#closed) return;
    const generation = this.#generation;
    const provider = this.#provider();
    if (!provider) {
      const portal = this.#profile.providerId;
      return this.#fail(new AccountError('provider_missing', { portal }).toUserFacing());
    }
    let account: StoredAccount;
    try {
      account = await this.#validAccount(true);
    } catch {
      return; // the failed refresh has moved the state already
    }
    let outcome = await this.#ctx.probe(provider, this.#tokenSet(account));
    // A 401 earns one renewal and one more try, never a loop.
    if (outcome.kind === 'rejected' && generation === this.#generation && this.#canRefresh()) {
      try {
        account = await this.#refreshOnce();
      } catch {
        return;
      }
      outcome = await this.#ctx.probe(provider, this.#tokenSet(account));
    }
    if (generation !== this.#generation || this.#closed) return;
    await this.#apply(outcome, provider.name);
  }

  async #apply(outcome: ProbeOutcome, portal: string): Promise<void> {
    const now = this.#ctx.clock.now();
    switch (outcome.kind) {
      case 'ok':
        return this.#move(
          status.probeSucceeded(this.#status, now, outcome.cameras, outcome.latencyMs),
        );
      case 'rejected': {
        const code = this.#profile.method === 'api-token' ? 'api_token_revoked' : 'access_rejected';
        return this.#expire(new AccountError(code, { portal }).toUserFacing());
      }
      case 'unreachable':
        return this.#goOffline(outcome.error, outcome.retryAfterMs);
      case 'refused':
        return this.#fail(outcome.error);
    }
  }

  // Transitions ------------------------------------------------------------

  #move(next: status.AccountStatus): void {
    this.#status = next;
    this.#ctx.changed();
  }

  /** The grant is dead: the tokens leave memory and the vault, then the state says so. */
  async #expire(error: UserFacingError): Promise<void> {
    this.#tokens = null;
    this.#timer.dispose();
    const at = this.#ctx.clock.now();
    try {
      await this.#ctx.vault.removeAccount(this.id);
    } catch (failure) {
      this.#ctx.notice(toUserFacing(failure));
    }
    this.#move(status.expired(this.#status, at, error));
  }

  /** `retryAfterMs`: the portal's Retry-After, honoured up to the backoff ceiling. */
  #goOffline(error: UserFacingError, retryAfterMs?: number): void {
    const { failures } = this.#status;
    const delay = retryDelay(failures, this.#ctx.random, this.#ctx.backoff, retryAfterMs);
    this.#move(status.wentOffline(this.#status, this.#ctx.clock.now(), error, delay));
  }

  #fail(error: UserFacingError): void {
    this.#move(
      status.failed(this.#status, this.#ctx.clock.now(), error, this.#ctx.probeIntervalMs),
    );
  }

  // Timer ------------------------------------------------------------------

  /** When the next thing is due: the retry, the refresh ahead of expiry, or the periodic probe. */
  #dueAt(): number | null {
    if (!this.#tokens || this.#closed || this.#refresh || this.#check) return null;
    const s = this.#status;
    if (s.state === 'offline' || s.state === 'error') return s.nextRetryAt;
    let due = (s.lastCheckAt ?? -Infinity) + this.#ctx.probeIntervalMs;
    const expiresAt = this.#profile.expiresAt;
    if (expiresAt !== null && this.#canRefresh()) {
      due = Math.min(due, refreshDueAt(expiresAt, this.#lifetimeMs ?? 0));
    } else if (expiresAt !== null && (s.lastCheckAt ?? -Infinity) < expiresAt) {
      // A token that cannot be renewed: find out promptly when it ends.
      due = Math.min(due, expiresAt);
    }
    return due;
  }

  #schedule(): void {
    this.#timer.plan(this.#dueAt());
  }

  #wake(): void {
    const due = this.#dueAt();
    if (due === null) return;
    if (due > this.#ctx.clock.now()) return this.#schedule();
    this.#timer.woke();
    const account = this.account;
    if (account && this.#status.state === 'connected' && this.#refreshDue(account)) {
      void this.#refreshOnce().catch(() => undefined);
    } else {
      void this.checkNow();
    }
  }

  // Helpers ----------------------------------------------------------------

  #requireTokens(): StoredAccount {
    const account = this.account;
    if (!account || this.#closed) throw this.#signedOut();
    return account;
  }

  #canRefresh(): boolean {
    return this.#profile.method === 'oauth' && !!this.#tokens?.refreshToken;
  }

  /**
   * The account's provider: the one with its id, still at the address the
   * account signed in to. An id that now names another address (a managed
   * entry over a custom portal) is not this account's portal: it reads as
   * missing, and nothing of the account is sent there.
   */
  #provider(): ProviderConfig | undefined {
    const provider = this.#ctx.providers.get(this.#profile.providerId);
    return provider?.url === this.#profile.providerUrl ? provider : undefined;
  }

  #portal(): string {
    return this.#provider()?.name ?? this.#profile.providerId;
  }

  #signedOut(): AccountError {
    return new AccountError('signed_out', { portal: this.#portal() });
  }

  #tokenSet(account: StoredAccount): TokenSet {
    return tokenSetOf(account, this.#lifetimeMs, this.#ctx.clock.now());
  }

  async #save(account: StoredAccount): Promise<void> {
    const refusedBefore = this.#storeRefused;
    try {
      await this.#track(this.#ctx.vault.saveAccount(account));
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
}

function offlineError(portal: string): UserFacingError {
  return new AuthError('network', { portal }).toUserFacing();
}
