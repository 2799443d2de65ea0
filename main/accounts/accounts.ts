// The accounts: one state machine per account (account-connection.ts), on
// one or several providers, each independent. This collection loads them from
// the vault, adds or updates them on sign-in (identity.ts says which is
// which), signs them out, watches the wall clock for sleep and clock changes,
// and tells listeners every change as secret-free snapshots.
import { randomUUID } from 'node:crypto';
import { AuthError } from '../auth/auth-error';
import type { AuthorizationResult, SignInEngine } from '../auth/engine';
import { DEFAULT_TIMEOUT_MS, type Fetch } from '../auth/http';
import { systemClock, type Clock } from '../common/clock';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type {
  AccountSnapshot,
  ApiTokenSignInInput,
  SignOutReport,
  UserFacingError,
} from '../common/model';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';
import type { StoredAccount, TokenVault } from '../vault/types';
import { AccountConnection, type ConnectionContext } from './account-connection';
import { UserFacingFailure } from '../common/explained-error';
import { AccountError } from './account-error';
import { FRESH_STATUS, probeSucceeded, tokensIssued } from './account-status';
import { sharesToken, type ReplacedGrant, type ReplacementDecision } from './grant-replacement';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { apiTokenKey, cleanLabel, DEFAULT_API_TOKEN_LABEL, keyOf, oauthIdentity } from './identity';
import { lifetimeOfLoaded } from './refresh-schedule';
import { createStatusProbe, PROBE_MAX_BODY_BYTES, type StatusProbe } from './status-probe';
import { apiTokenSet, lifetimeOf, tokenSetOf, vaultTokensOf } from './tokens';

export const DEFAULT_PROBE_INTERVAL_MS = 5 * 60 * 1000;
/** How often the wall clock is compared with the timers' idea of elapsed time. */
export const WALL_CLOCK_CHECK_MS = 60 * 1000;
/** More drift than this means the computer slept or its time was changed. */
export const WALL_CLOCK_TOLERANCE_MS = 10 * 1000;

export interface AccountsOptions {
  readonly vault: Pick<
    TokenVault,
    'listAccounts' | 'saveAccount' | 'removeAccount' | 'storageStatus' | 'onDidChangeStatus'
  >;
  readonly engine: Pick<SignInEngine, 'refresh' | 'revoke' | 'checkAccess'>;
  readonly providers: { get(id: ProviderId): ProviderConfig | undefined };
  /** Electron's net.fetch in the app, Node's in tests: the status probe's requests. */
  readonly fetch: Fetch;
  readonly clock?: Clock;
  /** [0, 1): the jitter of offline retries. */
  readonly random?: () => number;
  /** How often a connected account is probed. Default 5 min. */
  readonly probeIntervalMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Per probe request. Default 15 s. */
  readonly timeoutMs?: number;
  readonly wallClockCheckMs?: number;
  /** Something the operator should hear that is not an account's state (a vault write failed). */
  readonly onNotice?: (error: UserFacingError) => void;
}

export interface Accounts extends Disposable {
  list(): AccountSnapshot[];
  get(id: string): AccountSnapshot | undefined;
  /**
   * The account whose live grant a browser sign-in would replace (its
   * identity, tokens held, none shared with the new ones); undefined when it
   * replaces nothing the portal still honours.
   */
  grantReplacedBy(result: AuthorizationResult): ReplacedGrant | undefined;
  /**
   * Adds the account a browser sign-in belongs to, or updates it (tokens,
   * label, rights). The grant it replaces is ended at the portal only when
   * `decision` says so, and never when it shares a token with the new one.
   */
  acceptAuthorization(
    result: AuthorizationResult,
    decision: ReplacementDecision,
  ): Promise<AccountSnapshot>;
  /**
   * The operator kept the earlier sign-in: the new tokens are not stored, and
   * their grant is ended at the portal (best effort) unless it shares a token
   * with one an account holds.
   */
  discardAuthorization(result: AuthorizationResult): Promise<void>;
  /** Checks the pasted token with the status probe, then stores it. Throws a user-facing error. */
  signInWithApiToken(input: ApiTokenSignInInput): Promise<AccountSnapshot>;
  /** A valid access token, renewed when needed (single flight per account). */
  getAccessToken(id: string): Promise<string>;
  checkNow(id: string): Promise<AccountSnapshot>;
  /** Revokes at the portal (best effort, reported) and removes the account. */
  signOut(id: string): Promise<SignOutReport>;
  /** After sleep or a clock change (the shell's powerMonitor 'resume'). */
  reevaluate(): void;
  /**
   * The vault holds accounts it could not open at start (its keyring has
   * opened since): they join and check themselves at once. One that a
   * sign-in of this run already replaced (the same identity) is dropped from
   * the vault: the newer sign-in wins, as a sign-in again always does.
   */
  adoptFromVault(): Promise<void>;
  /** Portal settings or a client secret changed: names in snapshots, accounts in `error` retry. */
  providersChanged(): void;
  /** A browser sign-in to this provider is waiting (or no longer). */
  setAuthorizing(providerId: ProviderId, on: boolean): void;
  countOn(providerId: ProviderId): number;
  /** When the account's tokens are renewed next (null: not planned), for the diagnosis. */
  nextRefreshAt(id: string): number | null;
  onDidChange(listener: (accounts: AccountSnapshot[]) => void): Disposable;
}

export function createAccounts(options: AccountsOptions): Accounts {
  const clock = options.clock ?? systemClock;
  const listeners = new Set<(accounts: AccountSnapshot[]) => void>();
  const byId = new Map<string, AccountConnection>();
  const leaving = new Set<string>();
  let disposed = false;

  const probe: StatusProbe = createStatusProbe({
    fetch: options.fetch,
    engine: options.engine,
    now: () => clock.now(),
    policy: {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBodyBytes: PROBE_MAX_BODY_BYTES,
    },
  });
  const context: ConnectionContext = {
    clock,
    random: options.random ?? Math.random,
    engine: options.engine,
    vault: options.vault,
    providers: options.providers,
    probe,
    probeIntervalMs: options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    changed: () => emit(),
    notice: (error) => options.onNotice?.(error),
  };

  /** Whether the vault's disk holds what its memory holds (each connection adds its own refusals). */
  const persisted = () => {
    const storage = options.vault.storageStatus();
    return storage.policy !== 'memory-only' && storage.lastWriteError === null;
  };
  const list = () => {
    const onDisk = persisted(); // once per list, not once per account
    return [...byId.values()].map((c) => c.snapshot(onDisk));
  };
  function emit(): void {
    if (disposed || listeners.size === 0) return;
    const accounts = list();
    for (const listener of [...listeners]) listener(accounts);
  }

  const require = (id: string): AccountConnection => {
    const found = leaving.has(id) ? undefined : byId.get(id);
    if (!found) throw new AccountError('unknown_account');
    return found;
  };
  const findByKey = (key: string) =>
    [...byId.values()].find((c) => !leaving.has(c.id) && keyOf(c.profile) === key);
  /** The account a sign-in's tokens belong to, by its identity. */
  const ownerOf = (result: AuthorizationResult) => {
    const provider = options.providers.get(result.providerId);
    if (!provider) throw new AuthError('unknown_provider');
    const identity = oauthIdentity(provider, result.tokens);
    return { provider, identity, existing: findByKey(identity.key) };
  };

  /** Stores `account` in the connection that has its identity, or in a new one. */
  async function upsert(
    account: Omit<StoredAccount, 'id'>,
    key: string,
    lifetimeMs: number | null,
    next: (previous: AccountConnection['status']) => AccountConnection['status'],
    replace: { readonly check?: boolean } = {},
  ): Promise<{ connection: AccountConnection; replaced: StoredAccount | undefined }> {
    const existing = findByKey(key);
    const replaced = existing?.account;
    const stored: StoredAccount = { ...account, id: existing?.id ?? randomUUID() };
    const connection = existing ?? new AccountConnection(context, stored, lifetimeMs, FRESH_STATUS);
    // Registered before anything is awaited, so a second sign-in at once finds it.
    byId.set(connection.id, connection);
    await connection.replace(stored, lifetimeMs, next(existing?.status ?? FRESH_STATUS), replace);
    return { connection, replaced };
  }

  /** An account the vault kept: it checks itself at once (refreshing first if due). */
  const load = (account: StoredAccount): void => {
    const lifetime =
      account.expiresAt === null ? null : lifetimeOfLoaded(account.expiresAt, clock.now());
    const connection = new AccountConnection(context, account, lifetime, FRESH_STATUS);
    byId.set(account.id, connection);
    connection.reevaluate();
  };
  for (const account of options.vault.listAccounts()) load(account);

  const statusSubscription = options.vault.onDidChangeStatus(() => emit());

  // Timers do not count the time a computer sleeps: a wall clock that moved
  // more than the timer says means sleep or a clock change, so every account
  // plans again (an overdue refresh runs now).
  const wallEvery = options.wallClockCheckMs ?? WALL_CLOCK_CHECK_MS;
  let wallExpected = clock.now() + wallEvery;
  let wallTimer: Disposable | undefined;
  const watchWallClock = (): void => {
    const now = clock.now();
    if (Math.abs(now - wallExpected) > WALL_CLOCK_TOLERANCE_MS) reevaluate();
    wallExpected = now + wallEvery;
    wallTimer = clock.setTimer(wallEvery, watchWallClock);
  };
  wallTimer = clock.setTimer(wallEvery, watchWallClock);

  function reevaluate(): void {
    for (const connection of byId.values()) connection.reevaluate();
  }

  return {
    list,
    get: (id) => byId.get(id)?.snapshot(persisted()),

    grantReplacedBy(result) {
      const { provider, existing } = ownerOf(result);
      const held = existing?.account;
      if (!existing || held?.method !== 'oauth' || sharesToken(held.tokens, result.tokens)) {
        return undefined;
      }
      return { accountId: existing.id, account: existing.profile.label, portal: provider.name };
    },

    async acceptAuthorization(result, decision) {
      const { provider, identity } = ownerOf(result);
      const { tokens } = result;
      const now = clock.now();
      const { connection, replaced } = await upsert(
        {
          providerId: provider.id,
          providerUrl: tokens.providerUrl,
          label: identity.label,
          method: 'oauth',
          tokens: vaultTokensOf(tokens),
          expiresAt: tokens.expiresAt,
          rights: [...tokens.rights],
          ...(identity.subject ? { subject: identity.subject } : {}),
        },
        identity.key,
        lifetimeOf(tokens),
        (previous) => tokensIssued(previous, now),
        // The camera count is asked for while the tokens are written.
        { check: true },
      );
      // The replaced grant is forgotten; it is ended at the portal too (best
      // effort) only when the operator said so, and never when it is the new one.
      if (
        replaced?.method === 'oauth' &&
        decision.endReplacedGrant &&
        !sharesToken(replaced.tokens, tokens)
      ) {
        await options.engine
          .revoke(provider.id, tokenSetOf(replaced, null, now))
          .catch(() => undefined);
      }
      return connection.snapshot(persisted());
    },

    async discardAuthorization(result) {
      const held = [...byId.values()].flatMap((c) => (c.account ? [c.account.tokens] : []));
      if (held.some((tokens) => sharesToken(tokens, result.tokens))) return;
      await options.engine.revoke(result.providerId, result.tokens).catch(() => undefined);
    },

    async signInWithApiToken(input) {
      const provider = options.providers.get(input.providerId);
      if (!provider) throw new AuthError('unknown_provider');
      const portal = provider.name;
      // The token goes to the address the operator saw, or nowhere.
      if (input.providerUrl !== provider.url) {
        throw new AccountError('api_token_target_changed', { portal });
      }
      if (provider.dialect !== 'netrex')
        throw new AccountError('api_token_unsupported', { portal });
      const token = input.token.trim();
      if (!token || /\s/.test(token)) throw new AccountError('api_token_malformed', { portal });
      const label = cleanLabel(input.label) ?? DEFAULT_API_TOKEN_LABEL;
      const outcome = await probe(provider, apiTokenSet(token, provider.url, clock.now()));
      if (outcome.kind === 'rejected') throw new AccountError('api_token_rejected', { portal });
      if (outcome.kind !== 'ok') throw new UserFacingFailure(outcome.error);
      const now = clock.now();
      const { connection } = await upsert(
        {
          providerId: provider.id,
          providerUrl: provider.url,
          label,
          method: 'api-token',
          tokens: { accessToken: token, tokenType: 'bearer' },
          // The portal says neither: the token's expiry and rights were chosen when it was made.
          expiresAt: null,
          rights: [],
        },
        apiTokenKey(provider.id, label),
        null,
        (previous) =>
          probeSucceeded(
            previous,
            now,
            outcome.cameras,
            outcome.latencyMs,
            outcome.portalClockOffsetMs,
          ),
      );
      return connection.snapshot(persisted());
    },

    getAccessToken: (id) => require(id).getAccessToken(),

    async checkNow(id) {
      const connection = require(id);
      await connection.checkNow();
      return connection.snapshot(persisted());
    },

    async signOut(id) {
      const connection = require(id);
      leaving.add(id);
      try {
        return await connection.signOut();
      } finally {
        leaving.delete(id);
        if (byId.get(id) === connection) byId.delete(id);
        emit();
      }
    },

    reevaluate,

    async adoptFromVault() {
      if (disposed) return;
      for (const account of options.vault.listAccounts()) {
        if (byId.has(account.id)) continue;
        if (findByKey(keyOf(account))) await options.vault.removeAccount(account.id);
        else load(account);
      }
      emit();
    },

    providersChanged() {
      emit();
      for (const connection of byId.values()) {
        if (connection.status.state === 'error') void connection.checkNow();
      }
    },

    setAuthorizing(providerId, on) {
      for (const connection of byId.values()) {
        const { providerId: owner, method } = connection.profile;
        if (owner === providerId && method === 'oauth') connection.authorizing = on;
      }
    },

    nextRefreshAt: (id) => byId.get(id)?.nextRefreshAt ?? null,

    countOn: (providerId) =>
      [...byId.values()].filter((c) => c.profile.providerId === providerId).length,

    onDidChange(listener) {
      listeners.add(listener);
      return toDisposable(() => void listeners.delete(listener));
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      await wallTimer?.dispose();
      // A refresh still out lands and is saved before this resolves: the
      // services close the vault right after, and a rotated refresh token
      // that never reached the disk would leave a dead one there.
      await Promise.all([...byId.values()].map((connection) => connection.dispose()));
      await statusSubscription.dispose();
      listeners.clear();
    },
  };
}
