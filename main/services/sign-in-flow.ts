// A browser sign-in from the app's side: the engine makes the authorization
// URL and checks whatever comes back; this opens the system browser, turns
// the engine's phases into the bridge's SignInView (with the time left), adds
// or updates the account once the tokens are in, and routes every redirect —
// deep link, loopback listener, pasted address — through the same path.
// Redirects that nobody asked about (a deep link) never throw: a refusal
// becomes a notice. What the operator must confirm on the way (a portal added
// here, a grant the new tokens replace) is asked through `consent`.
import { AuthError } from '../auth/auth-error';
import { parseCallbackUrl } from '../auth/callback-url';
import type { AuthorizationResult, AuthorizationView, SignInEngine } from '../auth/engine';
import type { Clock } from '../common/clock';
import { ConfirmationRefused } from '../common/confirmation';
import type { PortalWayBack } from '../common/way-back';
import { DisposableStore, type Disposable } from '../common/lifecycle';
import { nullLog, type Log } from '../common/log';
import type { Accounts } from '../accounts';
import { toUserFacing, UserFacingFailure } from '../common/explained-error';
import type { Notice, SignInView, UserFacingError } from '../ipc/contract';
import type { ProviderId } from '../providers/provider-config';
import { ExternalUrlRefusedError } from './external-urls';
import type { SignInConsent } from './sign-in-consent';
import { withLoopbackChosen } from '../auth/way-back';

export interface SignInFlowOptions {
  readonly engine: SignInEngine;
  readonly accounts: Pick<
    Accounts,
    'grantReplacedBy' | 'acceptAuthorization' | 'discardAuthorization' | 'setAuthorizing'
  >;
  readonly consent: SignInConsent;
  readonly clock: Clock;
  readonly openExternal: (url: string) => Promise<void>;
  readonly isAllowedExternalUrl: (url: string) => boolean;
  readonly providerName: (id: ProviderId) => string | undefined;
  /** sign-in-changed */
  readonly emit: (view: SignInView) => void;
  /** `providerId`: the sign-in the notice is about, when the redirect names one. */
  readonly notice: (level: Notice['level'], error: UserFacingError, providerId?: string) => void;
  /** The way back a new sign-in takes (checked and repaired first: services/way-back.ts). */
  readonly wayBack: (providerId: ProviderId) => Promise<PortalWayBack>;
  /** Puts text on the OS clipboard from the main process; absent, a link cannot be copied. */
  readonly copyToClipboard?: (text: string) => void;
  /** Each sign-in's steps, with timings and outcome codes (never a URL, code or token). */
  readonly log?: Log;
}

/** How a redirect reached the app, for the log. */
export type RedirectWay = 'app-link' | 'loopback' | 'pasted';

export interface SignInFlow extends Disposable {
  /**
   * Starts the sign-in and opens the system browser. With `viaLoopback`, the
   * browser returns through the portal's loopback address whatever the app
   * link's state (the operator's choice when the app link did not bring it
   * back). Throws a user-facing error.
   */
  start(providerId: ProviderId, choice?: { readonly viaLoopback?: boolean }): Promise<SignInView>;
  /** Opens the pending authorization in the browser again. */
  reopen(providerId: ProviderId): Promise<SignInView>;
  /**
   * Starts a fresh sign-in (the pending one is superseded) and puts its link
   * on the clipboard instead of opening the browser, for another browser or
   * profile. The link never crosses to the window. Throws a user-facing error.
   */
  copyLink(providerId: ProviderId): Promise<SignInView>;
  /** Cancels the pending sign-in; answers the cancelled view (also when nothing was pending). */
  cancel(providerId: ProviderId): SignInView;
  /** A redirect URL: on success the account is added or updated and the view says which. Throws. */
  complete(url: string): Promise<SignInView>;
  /**
   * The deep-link entry: like `complete`, but a refusal becomes a notice.
   * Never throws; answers whether the sign-in connected.
   */
  handleRedirect(url: string): Promise<boolean>;
}

const BROWSER_UNAVAILABLE: UserFacingError = {
  code: 'browser_unavailable',
  message:
    'Netrex Connect could not open your web browser for the sign-in. Check that a default browser is set, then try again.',
};

/** The address was refused before any browser was asked: not the browser's fault. */
const ADDRESS_REFUSED: UserFacingError = {
  code: 'sign_in_address_refused',
  message:
    "Netrex Connect did not open the portal's sign-in page: its address is not one the app opens (https, or plain http only to this computer). Check the portal's address in its settings; if this keeps happening, tell your administrator.",
};

/** The portal a redirect names, when it is one of ours (for the notice about its sign-in). */
function providerOf(url: string): ProviderId | undefined {
  try {
    return parseCallbackUrl(url).providerId;
  } catch {
    return undefined;
  }
}
const LOOPBACK_NOT_REGISTERED = (portal: string | undefined): UserFacingError => ({
  code: 'loopback_not_registered',
  message: `${portal ?? 'The portal'} has no local address (http://127.0.0.1) registered for Netrex Connect, so the browser cannot return that way. Ask your administrator to register it, or sign in with an API token.`,
  params: { portal: portal ?? '' },
});

const CLIPBOARD_UNAVAILABLE: UserFacingError = {
  code: 'clipboard_unavailable',
  message:
    'Netrex Connect could not put the sign-in link on the clipboard. Use "Open the browser again" instead, or paste the address from the browser.',
};

export function createSignInFlow(options: SignInFlowOptions): SignInFlow {
  const { engine, accounts, clock } = options;
  const log = options.log ?? nullLog;
  const disposables = new DisposableStore();
  /** The latest view per provider, for the connected and cancelled answers. */
  const latest = new Map<ProviderId, SignInView>();
  /** Sign-ins the operator cancelled while their code was exchanged: already said, no notice. */
  const cancelledExchanges = new Set<ProviderId>();
  /** The way back of each provider's latest sign-in, told with its views. */
  const ways = new Map<ProviderId, PortalWayBack>();
  /** Providers whose waiting sign-in the operator replaces (a copied link, the local address). */
  const replacing = new Set<ProviderId>();

  const viewOf = (view: AuthorizationView, accountId?: string): SignInView => {
    const open = view.phase === 'waiting' || view.phase === 'exchanging';
    return {
      providerId: view.providerId,
      phase: view.phase,
      startedAt: view.startedAt,
      deadline: view.deadline,
      remainingMs: open ? Math.max(0, view.deadline - clock.now()) : 0,
      ...(accountId ? { accountId } : {}),
      ...(view.error ? { error: view.error } : {}),
      ...(ways.has(view.providerId) ? { wayBack: ways.get(view.providerId) } : {}),
    };
  };

  const publish = (view: SignInView): SignInView => {
    latest.set(view.providerId, view);
    options.emit(view);
    return view;
  };

  disposables.add(
    engine.onDidChange((view) => {
      const open = view.phase === 'waiting' || view.phase === 'exchanging';
      accounts.setAuthorizing(view.providerId, open);
      if (view.phase === 'failed' || view.phase === 'cancelled') {
        log.info('sign-in.ended', {
          providerId: view.providerId,
          phase: view.phase,
          error: view.error?.code,
          afterMs: clock.now() - view.startedAt,
        });
      }
      // "connected" is told once the account exists, with its id (complete below).
      if (view.phase === 'connected') return;
      // The operator replacing a waiting sign-in is not told it was superseded: the new one follows.
      if (replacing.has(view.providerId) && view.error?.code === 'superseded') return;
      publish(viewOf(view));
    }),
  );

  async function open(providerId: ProviderId, url: string): Promise<void> {
    const asked = clock.now();
    let refusal: UserFacingError | undefined;
    if (!options.isAllowedExternalUrl(url)) refusal = ADDRESS_REFUSED;
    else {
      try {
        await options.openExternal(url);
      } catch (error) {
        refusal = error instanceof ExternalUrlRefusedError ? ADDRESS_REFUSED : BROWSER_UNAVAILABLE;
      }
    }
    if (refusal) {
      log.warn('sign-in.browser-failed', { providerId, error: refusal.code });
      engine.cancelAuthorization(providerId);
      throw new UserFacingFailure(refusal);
    }
    log.info('sign-in.browser-opened', { providerId, ms: clock.now() - asked });
  }

  async function complete(url: string, way: RedirectWay = 'pasted'): Promise<SignInView> {
    const arrived = clock.now();
    log.info('sign-in.redirect-arrived', { way });
    let result: AuthorizationResult;
    try {
      result = await engine.completeAuthorization(url);
    } catch (error) {
      log.warn('sign-in.exchange-failed', { way, error: toUserFacing(error).code });
      throw error;
    }
    const { providerId } = result;
    const before = latest.get(providerId);
    log.info('sign-in.exchanged', {
      providerId,
      way,
      ms: clock.now() - arrived,
      waitedMs: before ? arrived - before.startedAt : undefined,
      expiresInS: expiresIn(result.tokens.expiresAt, clock.now()),
      refreshable: result.tokens.refreshToken !== undefined,
    });
    try {
      // Asked after the tokens are in, in the main process: a sign-in never
      // ends another grant unless the operator says so there.
      const replaced = accounts.grantReplacedBy(result);
      const endReplacedGrant = replaced ? await options.consent.replace(replaced) : false;
      if (replaced) log.info('sign-in.replace-asked', { providerId, confirmed: endReplacedGrant });
      if (replaced && !endReplacedGrant) {
        await accounts.discardAuthorization(result);
        throw new ConfirmationRefused('replace-sign-in', replaced.portal);
      }
      const storing = clock.now();
      const account = await accounts.acceptAuthorization(result, { endReplacedGrant });
      log.info('sign-in.stored', {
        providerId,
        accountId: account.id,
        ms: clock.now() - storing,
        persisted: account.persisted,
      });
      return publish({
        providerId,
        phase: 'connected',
        startedAt: before?.startedAt ?? clock.now(),
        deadline: before?.deadline ?? clock.now(),
        remainingMs: 0,
        accountId: account.id,
      });
    } catch (error) {
      const failure = toUserFacing(error);
      log.warn('sign-in.store-failed', { providerId, error: failure.code });
      publish({
        providerId,
        phase: 'failed',
        startedAt: before?.startedAt ?? clock.now(),
        deadline: before?.deadline ?? clock.now(),
        remainingMs: 0,
        error: failure,
      });
      throw new UserFacingFailure(failure);
    }
  }

  async function handleRedirect(url: string, way: RedirectWay = 'app-link'): Promise<boolean> {
    try {
      await complete(url, way);
      return true;
    } catch (error) {
      const providerId = providerOf(url);
      const cancelled = error instanceof AuthError && error.code === 'cancelled';
      if (cancelled && providerId !== undefined && cancelledExchanges.delete(providerId)) {
        return false;
      }
      options.notice('error', toUserFacing(error), providerId);
      return false;
    }
  }

  // The browser's loopback page waits for the outcome and says it.
  disposables.add(engine.onLoopbackRedirect((url) => handleRedirect(url, 'loopback')));

  /** A new authorization, asking the portal for the way back that works now. */
  async function begin(providerId: ProviderId, viaLoopback = false) {
    // A new sign-in: an earlier exchange's cancel has been said already.
    cancelledExchanges.delete(providerId);
    // A portal added here is confirmed in the main process before its first sign-in
    // (the browser opens its page, or its link goes to the clipboard).
    await options.consent.beforeBrowser(providerId);
    const checked = await options.wayBack(providerId);
    const way = viaLoopback ? withLoopbackChosen(checked) : checked;
    if (!way)
      throw new UserFacingFailure(LOOPBACK_NOT_REGISTERED(options.providerName(providerId)));
    ways.set(providerId, way);
    const waiting = engine.pending(providerId) !== undefined;
    if (waiting) replacing.add(providerId);
    let started;
    try {
      started = await engine.startAuthorization(providerId, {
        redirectKind: way.route === 'loopback' ? 'loopback' : 'custom-scheme',
      });
    } catch (error) {
      // The waiting one may be gone (superseded, untold): the window must not keep waiting for it.
      const before = latest.get(providerId);
      if (waiting && !engine.pending(providerId) && before) {
        publish({ ...before, phase: 'failed', remainingMs: 0, error: toUserFacing(error) });
      }
      throw error;
    } finally {
      replacing.delete(providerId);
    }
    log.info('sign-in.started', {
      providerId,
      route: way.route,
      reason: way.reason,
      doubtful: way.appLinkDoubtful,
    });
    return started;
  }

  return {
    async start(providerId, choice = {}) {
      const started = await begin(providerId, choice.viaLoopback === true);
      await open(providerId, started.authorizationUrl);
      return viewOf(started.pending);
    },

    async copyLink(providerId) {
      const copy = options.copyToClipboard;
      if (!copy) throw new UserFacingFailure(CLIPBOARD_UNAVAILABLE);
      const started = await begin(providerId);
      try {
        copy(started.authorizationUrl);
      } catch {
        engine.cancelAuthorization(providerId);
        throw new UserFacingFailure(CLIPBOARD_UNAVAILABLE);
      }
      log.info('sign-in.link-copied', { providerId });
      return viewOf(started.pending);
    },

    async reopen(providerId) {
      const url = engine.pendingAuthorizationUrl(providerId);
      const pending = engine.pending(providerId);
      if (!url || !pending) {
        throw new AuthError('not_pending', { portal: options.providerName(providerId) });
      }
      await open(providerId, url);
      return viewOf(pending);
    },

    cancel(providerId) {
      if (latest.get(providerId)?.phase === 'exchanging') cancelledExchanges.add(providerId);
      if (engine.cancelAuthorization(providerId)) {
        const view = latest.get(providerId);
        if (view?.phase === 'cancelled') return view;
      }
      const now = clock.now();
      return { providerId, phase: 'cancelled', startedAt: now, deadline: now, remainingMs: 0 };
    },

    complete: (url) => complete(url, 'pasted'),
    handleRedirect: (url) => handleRedirect(url, 'app-link'),
    dispose: () => disposables.dispose(),
  };
}

/** Seconds until `expiresAt`, for the log; undefined when the portal did not say. */
function expiresIn(expiresAt: number | null, now: number): number | undefined {
  return expiresAt === null ? undefined : Math.round((expiresAt - now) / 1000);
}
