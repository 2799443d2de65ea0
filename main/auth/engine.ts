// The sign-in engine: given a provider, the URL the system browser opens;
// given whatever URL comes back, tokens or a precise refusal. Also refresh and
// revocation. It knows no accounts and stores nothing (ARCHITECTURE.md).
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { ServerFacts, UserFacingError } from '../common/model';
import type { ClientSecrets, ProviderConfig, ProviderId } from '../providers/provider-config';
import { providerReadiness } from '../providers/readiness';
import { AuthError } from './auth-error';
import { newAuthorizationSecrets } from './authorization-secrets';
import { parseCallbackUrl } from './callback-url';
import { systemClock, type Clock } from '../common/clock';
import {
  metadataCacheKey,
  type AccessCheck,
  type DialectContext,
  type DialectSession,
  type OpenDialect,
} from './dialects/dialect';
import { openNetrexSession } from './dialects/netrex';
import { openOAuth2Session } from './dialects/oauth2';
import {
  assertAllowedAddress,
  boundedFetch,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type Fetch,
} from './http';
import {
  openLoopbackListener as openRealListener,
  type OpenLoopbackListener,
} from './loopback-listener';
import { loopbackPage, type LoopbackPageLanguage } from './loopback-page';
import { LoopbackPorts } from './loopback-ports';
import {
  PendingAuthorizations,
  type Outcome,
  type PendingAuthorization,
} from './pending-authorizations';
import { customSchemeRedirectUri, loopbackRedirectUri } from './redirect-uri';
import type { TokenSet } from './token-set';

export const DEFAULT_DEADLINE_MS = 10 * 60 * 1000;

export interface SignInEngineOptions {
  readonly providers: { get(id: ProviderId): ProviderConfig | undefined };
  readonly secrets: ClientSecrets;
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  readonly fetch: Fetch;
  readonly clock?: Clock;
  /** Per request, including reading the answer. Default 15 s. */
  readonly timeoutMs?: number;
  /** Largest answer read. Default 1 MB. */
  readonly maxBodyBytes?: number;
  /** How long a pending authorization waits for its redirect. Default 10 min. */
  readonly deadlineMs?: number;
  readonly openLoopbackListener?: OpenLoopbackListener;
  /** The language of the browser's page after a loopback redirect, asked when it is answered. */
  readonly loopbackPageLanguage?: () => LoopbackPageLanguage;
}

export type AuthorizationPhase = 'waiting' | 'exchanging' | 'connected' | 'failed' | 'cancelled';

/** What the UI may know about a sign-in in progress. No state, code, verifier or token. */
export interface AuthorizationView {
  readonly providerId: ProviderId;
  readonly phase: AuthorizationPhase;
  readonly startedAt: number;
  /** Epoch ms at which the pending authorization expires. */
  readonly deadline: number;
  readonly redirectKind: 'custom-scheme' | 'loopback';
  /** Set when failed or cancelled: `access_denied`, `timed_out`, `superseded`, `cancelled`, … */
  readonly error?: UserFacingError;
}

export interface StartedAuthorization {
  /** Open this in the system browser; it is not for display (it carries the state). */
  readonly authorizationUrl: string;
  readonly pending: AuthorizationView;
}

export interface AuthorizationResult {
  readonly providerId: ProviderId;
  readonly tokens: TokenSet;
  /** What was asked for; `tokens.rights` is what was granted (or these, when the portal did not say). */
  readonly requestedRights: readonly string[];
}

export interface StartOptions {
  /**
   * The way back to ask the portal for, when not the provider's own
   * `redirectKind`: the loopback address of a portal that has it registered
   * as a fallback (main/auth/way-back.ts decides).
   */
  readonly redirectKind?: ProviderConfig['redirectKind'];
}

export interface SignInEngine extends Disposable {
  /** Starts (or restarts: the previous one fails as `superseded`) a sign-in. Throws AuthError. */
  startAuthorization(providerId: ProviderId, options?: StartOptions): Promise<StartedAuthorization>;
  /** The URL of the pending authorization, to open the browser again; undefined when none. */
  pendingAuthorizationUrl(providerId: ProviderId): string | undefined;
  /** Every redirect URL (deep link, loopback, pasted address). Throws AuthError. */
  completeAuthorization(url: string): Promise<AuthorizationResult>;
  /**
   * True when there was a sign-in to cancel: one waiting for its redirect, or
   * one whose code is being exchanged (its request is ended; nothing connects).
   */
  cancelAuthorization(providerId: ProviderId): boolean;
  pending(providerId: ProviderId): AuthorizationView | undefined;
  /** Every phase change of every sign-in. */
  onDidChange(listener: (view: AuthorizationView) => void): Disposable;
  /**
   * A callback arrived on the loopback listener. The listener of this event
   * passes the URL to `completeAuthorization`, like a deep link, and may
   * answer (a promise of) whether the sign-in connected: the browser's page
   * then says so (anything else: a neutral page).
   */
  onLoopbackRedirect(listener: (url: string) => unknown): Disposable;
  /**
   * Throws AuthError: `invalid_grant`/`no_refresh_token` mean the grant is
   * dead; `retryable` means keep the tokens; `provider_changed` means the
   * provider id now names another address than the one that issued them
   * (nothing was sent). The same holds for revoke and checkAccess.
   */
  refresh(providerId: ProviderId, tokens: TokenSet): Promise<TokenSet>;
  revoke(providerId: ProviderId, tokens: TokenSet): Promise<void>;
  /**
   * Whether the server still accepts the access token, where its protocol can
   * say (standard dialect: userinfo); `unsupported` otherwise. Throws AuthError
   * when the server cannot be asked (`retryable` for network trouble).
   */
  checkAccess(providerId: ProviderId, tokens: TokenSet): Promise<AccessCheck>;
  /**
   * What the last discovery of the provider's server at its current address
   * found (standard dialect); undefined before one, and for a Netrex portal.
   */
  serverFacts(providerId: ProviderId): ServerFacts | undefined;
}

const DIALECTS: Record<ProviderConfig['dialect'], OpenDialect> = {
  netrex: openNetrexSession,
  oauth2: openOAuth2Session,
};

const OUTCOME_ERRORS: Record<Outcome, 'replayed' | 'superseded' | 'timed_out' | 'cancelled'> = {
  used: 'replayed',
  superseded: 'superseded',
  expired: 'timed_out',
  cancelled: 'cancelled',
};

export function createSignInEngine(options: SignInEngineOptions): SignInEngine {
  const clock = options.clock ?? systemClock;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const policy = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const store = new PendingAuthorizations();
  /** Authorizations whose code is being exchanged, by provider: Cancel still reaches them. */
  const exchanging = new Map<ProviderId, PendingAuthorization>();
  const metadataCache: DialectContext['metadataCache'] = new Map();
  const changeListeners = new Set<(view: AuthorizationView) => void>();
  const redirectListeners = new Set<(url: string) => unknown>();
  // A callback on a loopback port goes to every redirect listener; the page says "connected"
  // when one of them says the sign-in connected.
  const loopbackPorts = new LoopbackPorts(
    options.openLoopbackListener ?? openRealListener,
    async (url) => {
      const settled = await Promise.allSettled([...redirectListeners].map(async (l) => l(url)));
      const said = settled.map((s) => (s.status === 'fulfilled' ? s.value : false));
      return said.includes(true) ? 'connected' : said.includes(false) ? 'failed' : 'unknown';
    },
    (outcome) => loopbackPage(outcome, options.loopbackPageLanguage?.() ?? 'en'),
  );
  let disposed = false;

  const minutes = Math.round(deadlineMs / 60_000);
  const nameOf = (id: ProviderId) => options.providers.get(id)?.name;

  function emit(pending: PendingAuthorization, phase: AuthorizationPhase, error?: AuthError): void {
    const view = viewOf(pending, phase, error);
    for (const listener of [...changeListeners]) listener(view);
  }

  function viewOf(
    p: PendingAuthorization,
    phase: AuthorizationPhase,
    error?: AuthError,
  ): AuthorizationView {
    return {
      providerId: p.provider.id,
      phase,
      startedAt: p.startedAt,
      deadline: p.deadline,
      redirectKind: p.redirectKind,
      ...(error ? { error: error.toUserFacing() } : {}),
    };
  }

  function release(pending: PendingAuthorization): void {
    for (const resource of pending.resources.splice(0)) void resource.dispose();
  }

  /** Ends a waiting authorization that never got its redirect. */
  function end(
    pending: PendingAuthorization,
    outcome: Exclude<Outcome, 'used'>,
    code: AuthError['code'],
  ): void {
    if (!store.finish(pending.provider.id, pending.state, outcome)) return;
    release(pending);
    const error = new AuthError(code, { portal: pending.provider.name, minutes });
    emit(pending, outcome === 'cancelled' ? 'cancelled' : 'failed', error);
  }

  /**
   * `cancel`: ends every request of the session (a sign-in's, when the operator
   * cancels it). Electron's net.fetch honours the signal as Node's fetch does:
   * it rejects with the abort reason and aborts its ClientRequest
   * (lib/browser/api/net-fetch.ts, electron main at 45 nightly).
   */
  function context(provider: ProviderConfig, cancel?: AbortSignal): DialectContext {
    const bounded = boundedFetch(options.fetch, policy, provider.name);
    const fetch: Fetch = cancel
      ? (url, init) =>
          bounded(url, {
            ...init,
            signal: init.signal ? AbortSignal.any([init.signal, cancel]) : cancel,
          })
      : bounded;
    return {
      provider,
      clientSecret: options.secrets.get(provider) || undefined,
      fetch,
      now: () => clock.now(),
      metadataCache,
    };
  }

  async function openSession(
    provider: ProviderConfig,
    cancel?: AbortSignal,
  ): Promise<DialectSession> {
    assertAllowedAddress(provider);
    return guard(provider.name, () => DIALECTS[provider.dialect](context(provider, cancel)));
  }

  function requireProvider(id: ProviderId): ProviderConfig {
    if (disposed) throw new AuthError('disposed');
    const provider = options.providers.get(id);
    if (!provider) throw new AuthError('unknown_provider');
    return provider;
  }

  /** The provider that issued `tokens`, still at the address that issued them; else nothing is sent. */
  function issuerOf(id: ProviderId, tokens: TokenSet): ProviderConfig {
    const provider = requireProvider(id);
    if (tokens.providerUrl !== provider.url) {
      throw new AuthError('provider_changed', {
        portal: provider.name,
        reason: 'the tokens were issued at another address',
      });
    }
    return provider;
  }

  return {
    async startAuthorization(providerId, start = {}) {
      const provider = requireProvider(providerId);
      const redirectKind = start.redirectKind ?? provider.redirectKind;
      const readiness = providerReadiness(provider, Boolean(options.secrets.get(provider)));
      if (!readiness.ready) {
        throw new AuthError('not_configured', {
          portal: provider.name,
          explanation: readiness.reason.message,
          ...(readiness.reason.params ? { params: readiness.reason.params } : {}),
        });
      }
      const abort = new AbortController();
      const session = await openSession(provider, abort.signal);
      const secrets = await newAuthorizationSecrets();
      const resources: Disposable[] = [];
      let redirectUri = customSchemeRedirectUri(provider.id);
      if (redirectKind === 'loopback') {
        // The previous flow may hold the same port; it is superseded either way.
        const previous = store.get(provider.id);
        if (previous) end(previous, 'superseded', 'superseded');
        resources.push(await loopbackPorts.hold(provider.loopbackPort, provider.name));
        redirectUri = loopbackRedirectUri(provider.id, provider.loopbackPort);
      }
      const startedAt = clock.now();
      const pending: PendingAuthorization = {
        provider,
        state: secrets.state,
        codeVerifier: secrets.codeVerifier,
        redirectUri,
        redirectKind,
        authorizationUrl: session.authorizationUrl({
          redirectUri,
          state: secrets.state,
          codeChallenge: secrets.codeChallenge,
        }),
        startedAt,
        deadline: startedAt + deadlineMs,
        session,
        resources,
        abort,
      };
      if (disposed) {
        release(pending);
        throw new AuthError('disposed');
      }
      const previous = store.get(provider.id);
      if (previous) end(previous, 'superseded', 'superseded');
      store.put(pending);
      resources.push(clock.setTimer(deadlineMs, () => end(pending, 'expired', 'timed_out')));
      emit(pending, 'waiting');
      return { authorizationUrl: pending.authorizationUrl, pending: viewOf(pending, 'waiting') };
    },

    pendingAuthorizationUrl: (providerId) => store.get(providerId)?.authorizationUrl,

    async completeAuthorization(url) {
      if (disposed) throw new AuthError('disposed');
      const callback = parseCallbackUrl(url);
      const portal = nameOf(callback.providerId);
      const state = callback.params.get('state');
      const pending = store.get(callback.providerId);
      if (!pending || pending.state !== state) {
        const outcome = state ? store.outcomeOf(callback.providerId, state) : undefined;
        if (outcome) throw new AuthError(OUTCOME_ERRORS[outcome], { portal, minutes });
        if (!pending) throw new AuthError('not_pending', { portal });
        // Every state the app makes has the same length: a shorter one, or none, is an address
        // cut short (copied by hand), not another sign-in's. Only lengths are compared.
        if (!state || state.length < pending.state.length) {
          throw new AuthError('incomplete_redirect', {
            portal,
            reason: state ? 'state shorter than issued' : 'state missing',
          });
        }
        throw new AuthError('state_mismatch', { portal, reason: 'state differs' });
      }
      if (pending.redirectUri !== callback.redirectUri) {
        throw new AuthError('unknown_redirect', {
          portal,
          reason: 'another redirect URI than requested',
        });
      }
      if (clock.now() >= pending.deadline) {
        end(pending, 'expired', 'timed_out');
        throw new AuthError('timed_out', { portal, minutes });
      }
      // Used once: from here on this state can only be "replayed".
      store.finish(pending.provider.id, pending.state, 'used');
      exchanging.set(pending.provider.id, pending);
      emit(pending, 'exchanging');
      const cancelled = () =>
        new AuthError('cancelled', { portal, reason: 'cancelled during the token exchange' });
      try {
        const validated = pending.session.validateCallback(callback.params, pending.state);
        const tokens = await guard(pending.provider.name, () =>
          pending.session.exchangeCode(validated, {
            redirectUri: pending.redirectUri,
            codeVerifier: pending.codeVerifier,
          }),
        );
        // Cancelled while the answer was being read: the operator said no, nothing connects.
        if (pending.abort.signal.aborted) throw cancelled();
        emit(pending, 'connected');
        return {
          providerId: pending.provider.id,
          tokens,
          requestedRights: [...pending.provider.rights],
        };
      } catch (error) {
        // The cancel already said "cancelled"; the aborted request is not a portal's failure.
        if (pending.abort.signal.aborted) throw cancelled();
        const failure = asAuthError(error, pending.provider.name);
        emit(pending, 'failed', failure);
        throw failure;
      } finally {
        if (exchanging.get(pending.provider.id) === pending) exchanging.delete(pending.provider.id);
        release(pending);
      }
    },

    cancelAuthorization(providerId) {
      const pending = store.get(providerId);
      if (pending) {
        end(pending, 'cancelled', 'cancelled');
        return true;
      }
      // The code was sent and the portal has not answered: the request is ended, nothing connects.
      const waiting = exchanging.get(providerId);
      if (!waiting || waiting.abort.signal.aborted) return false;
      waiting.abort.abort();
      const portal = waiting.provider.name;
      emit(waiting, 'cancelled', new AuthError('cancelled', { portal, minutes }));
      return true;
    },

    pending(providerId) {
      const pending = store.get(providerId);
      return pending && viewOf(pending, 'waiting');
    },

    onDidChange(listener) {
      changeListeners.add(listener);
      return toDisposable(() => void changeListeners.delete(listener));
    },

    onLoopbackRedirect(listener) {
      redirectListeners.add(listener);
      return toDisposable(() => void redirectListeners.delete(listener));
    },

    async refresh(providerId, tokens) {
      const provider = issuerOf(providerId, tokens);
      const session = await openSession(provider);
      return guard(provider.name, () => session.refresh(tokens));
    },

    async revoke(providerId, tokens) {
      const provider = issuerOf(providerId, tokens);
      const session = await openSession(provider);
      await guard(provider.name, () => session.revoke(tokens));
    },

    async checkAccess(providerId, tokens) {
      const provider = issuerOf(providerId, tokens);
      const session = await openSession(provider);
      if (!session.checkAccess) return 'unsupported';
      const check = session.checkAccess.bind(session);
      return guard(provider.name, () => check(tokens));
    },

    serverFacts(providerId) {
      const provider = options.providers.get(providerId);
      return provider && metadataCache.get(metadataCacheKey(provider))?.facts;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const pending of store.all()) end(pending, 'cancelled', 'disposed');
      for (const pending of exchanging.values()) pending.abort.abort();
      await loopbackPorts.dispose();
      changeListeners.clear();
      redirectListeners.clear();
    },
  };
}

/** Anything a dialect throws leaves as an AuthError; unexpected errors are not passed on (they may hold secrets). */
function asAuthError(error: unknown, portal: string): AuthError {
  return error instanceof AuthError
    ? error
    : new AuthError('portal_error', { portal, reason: 'unexpected failure' });
}

async function guard<T>(portal: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asAuthError(error, portal);
  }
}
