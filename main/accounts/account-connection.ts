// One account's state machine (the states are described in account-status.ts):
// its status, the status check, and the one timer that wakes it for whatever
// is due next — the refresh ahead of expiry, the periodic probe, or the retry
// while offline. The tokens, their single-flight renewal and their entry in
// the vault are its grant's (account-grant.ts); here is what each renewal,
// probe and failure means for the state.
//
// Every asynchronous step remembers the grant's `generation` it started
// with; a sign-in that replaces the tokens meanwhile makes its result moot.
import { AuthError } from '../auth/auth-error';
import type { AccountSnapshot, SignOutReport, UserFacingError } from '../common/model';
import { PendingWork } from '../common/pending-work';
import type { StoredAccount } from '../vault/types';
import { toUserFacing, UserFacingFailure } from '../common/explained-error';
import { AccountError } from './account-error';
import { AccountGrant, type GrantContext } from './account-grant';
import * as status from './account-status';
import type { AccountProfile } from './account-status';
import { retryDelay, type BackoffPolicy } from './backoff';
import type { ProbeOutcome, StatusProbe } from './status-probe';
import { WakeTimer } from './wake-timer';

export interface ConnectionContext extends GrantContext {
  /** [0, 1): the jitter of offline retries. */
  readonly random: () => number;
  readonly probe: StatusProbe;
  readonly probeIntervalMs: number;
  readonly backoff: BackoffPolicy;
}

export class AccountConnection {
  readonly id: string;
  readonly #ctx: ConnectionContext;
  readonly #grant: AccountGrant;
  #status: status.AccountStatus;
  #authorizing = false;
  /** The check running, and the generation of the tokens it was started for. */
  #check: { readonly generation: number; readonly done: Promise<void> } | undefined;
  readonly #timer: WakeTimer;
  /** Work that must finish before the vault closes: refreshes, saves, a sign-out. */
  readonly #pending = new PendingWork();

  constructor(
    ctx: ConnectionContext,
    account: StoredAccount,
    lifetimeMs: number | null,
    initial: status.AccountStatus,
  ) {
    this.#ctx = ctx;
    this.id = account.id;
    this.#grant = new AccountGrant(ctx, this.#pending, account, lifetimeMs, {
      started: () => this.#move(status.refreshing(this.#status)),
      renewed: () => this.#move(status.tokensIssued(this.#status, this.#ctx.clock.now())),
      failed: (error) => this.#refreshFailed(error),
      settled: () => this.#schedule(),
    });
    this.#status = initial;
    this.#timer = new WakeTimer(ctx.clock, () => this.#wake());
  }

  get account(): StoredAccount | undefined {
    return this.#grant.account;
  }

  get profile(): AccountProfile {
    return this.#grant.profile;
  }

  get status(): status.AccountStatus {
    return this.#status;
  }

  /** When the tokens are renewed next (null: they cannot be, or the grant ended). */
  get nextRefreshAt(): number | null {
    return this.#grant.held && !this.#grant.closed ? this.#grant.refreshDueAt() : null;
  }

  snapshot(persisted: boolean): AccountSnapshot {
    const grant = this.#grant;
    return status.toSnapshot({
      id: this.id,
      profile: grant.profile,
      canRefresh: grant.canRefresh,
      tokensHeld: grant.held,
      status: this.#status,
      authorizing: this.#authorizing,
      provider: grant.provider(),
      persisted: persisted && !grant.storeRefused,
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
    this.#grant.replace(account, lifetimeMs);
    this.#authorizing = false;
    this.#move(next);
    // The probe settles into the state itself; nothing to wait for or report here.
    if (check) void this.checkNow().catch(() => undefined);
    await this.#grant.save(account);
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
    const generation = this.#grant.generation;
    if (running?.generation === generation) return running.done;
    const start = (): Promise<void> => this.#runCheck();
    const done: Promise<void> = (running ? running.done.then(start, start) : start()).finally(
      () => {
        if (this.#check?.done !== done) return;
        this.#check = undefined;
        this.#schedule();
      },
    );
    this.#check = { generation, done };
    return done;
  }

  /** After sleep or a clock change: what is due now runs, the rest is planned again. */
  reevaluate(): void {
    this.#timer.resetGap();
    this.#schedule();
  }

  /** Revokes at the portal (best effort) and removes the tokens from the vault. */
  signOut(): Promise<SignOutReport> {
    this.#timer.dispose();
    return this.#pending.track(this.#grant.end());
  }

  /**
   * Nothing new starts; resolves once the work already running has landed: a
   * refresh in flight and its save (the portal may have rotated the refresh
   * token, so the new one must reach the disk before the vault closes), a
   * sign-out's removal.
   */
  async dispose(): Promise<void> {
    this.#grant.close();
    this.#timer.dispose();
    await this.#pending.settled();
  }

  // Tokens -----------------------------------------------------------------

  async #validAccount(retrying: boolean): Promise<StoredAccount> {
    const account = this.#grant.require();
    if (!this.#grant.refreshDue()) return account;
    const now = this.#ctx.clock.now();
    const stillValid = account.expiresAt !== null && account.expiresAt > now;
    const waiting = this.#status.state === 'offline' && (this.#status.nextRetryAt ?? 0) > now;
    // Offline, a caller does not hammer the portal: the token serves while it lasts.
    if (waiting && !retrying) {
      if (stillValid) return account;
      throw new UserFacingFailure(this.#status.lastError ?? offlineError(this.#grant.portal()));
    }
    try {
      return await this.#grant.refreshOnce();
    } catch (error) {
      // Renewal failed but the tokens were kept: the current one serves while it lasts.
      const current = this.#grant.account;
      const expiresAt = current?.expiresAt ?? null;
      if (current && expiresAt !== null && expiresAt > this.#ctx.clock.now()) return current;
      throw error;
    }
  }

  async #refreshFailed(error: unknown): Promise<void> {
    if (error instanceof AuthError && error.code === 'disposed') return;
    if (error instanceof AuthError && error.grantDead) return this.#expire(error.toUserFacing());
    if (error instanceof AuthError && error.retryable)
      return this.#goOffline(error.toUserFacing(), error.retryAfterMs);
    this.#fail(toUserFacing(error));
  }

  // Checks -----------------------------------------------------------------

  async #runCheck(): Promise<void> {
    const grant = this.#grant;
    if (!grant.held || grant.closed) return;
    const generation = grant.generation;
    const provider = grant.provider();
    if (!provider) {
      const portal = grant.profile.providerId;
      return this.#fail(new AccountError('provider_missing', { portal }).toUserFacing());
    }
    let account: StoredAccount;
    try {
      account = await this.#validAccount(true);
    } catch {
      return; // the failed refresh has moved the state already
    }
    let outcome = await this.#ctx.probe(provider, grant.tokenSet(account));
    // A 401 earns one renewal and one more try, never a loop.
    if (outcome.kind === 'rejected' && generation === grant.generation && grant.canRefresh) {
      try {
        account = await grant.refreshOnce();
      } catch {
        return;
      }
      outcome = await this.#ctx.probe(provider, grant.tokenSet(account));
    }
    if (generation !== grant.generation || grant.closed) return;
    await this.#apply(outcome, provider.name);
  }

  async #apply(outcome: ProbeOutcome, portal: string): Promise<void> {
    const now = this.#ctx.clock.now();
    switch (outcome.kind) {
      case 'ok':
        return this.#move(
          status.probeSucceeded(
            this.#status,
            now,
            outcome.cameras,
            outcome.latencyMs,
            outcome.portalClockOffsetMs,
          ),
        );
      case 'rejected': {
        const method = this.#grant.profile.method;
        const code = method === 'api-token' ? 'api_token_revoked' : 'access_rejected';
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
    this.#timer.dispose();
    const at = this.#ctx.clock.now();
    await this.#grant.forget();
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
    const grant = this.#grant;
    if (!grant.held || grant.closed || grant.refreshing || this.#check) return null;
    const s = this.#status;
    if (s.state === 'offline' || s.state === 'error') return s.nextRetryAt;
    let due = (s.lastCheckAt ?? -Infinity) + this.#ctx.probeIntervalMs;
    const renewAt = grant.refreshDueAt();
    const expiresAt = grant.profile.expiresAt;
    if (renewAt !== null) {
      due = Math.min(due, renewAt);
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
    if (this.#status.state === 'connected' && this.#grant.refreshDue()) {
      void this.#grant.refreshOnce().catch(() => undefined);
    } else {
      void this.checkNow();
    }
  }
}

function offlineError(portal: string): UserFacingError {
  return new AuthError('network', { portal }).toUserFacing();
}
