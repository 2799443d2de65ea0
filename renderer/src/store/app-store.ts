// The one store of the window (GitHub Desktop style): it owns the state, is
// fed by the bridge and its events, and tells subscribers when a new state
// object exists. Views read it through useSyncExternalStore and call its
// actions; they never talk to the bridge themselves.
//
// Nothing secret is ever kept here: an API token or a client secret passes
// straight from the view's field to the bridge call and is not stored.
import type {
  AccountSnapshot,
  AddPortalInput,
  ApiTokenSignInInput,
  AppSettings,
  NetrexBridge,
  Notice,
  ProviderSettingsPatch,
  ProviderView,
  ReportLanguage,
  Result,
  SignInView,
  UserFacingError,
} from '../../../main/ipc/contract';
import { labelSaysMore } from '../format/account-name';
import { afterAccounts, afterSignIn, withNotice } from './notices';
import { entryScreen, homeScreen, type Screen } from './screens';
import { INITIAL_STATE, OPEN_POLICY, actionKey, type AppNotice, type AppState } from './state';

/** The view translates this code; the message is for logs and tests. */
const BRIDGE_UNAVAILABLE: UserFacingError = {
  code: 'bridge_unavailable',
  message: 'The app did not answer. Close the window and open it again.',
};

type StatePatch = { -readonly [K in keyof AppState]?: AppState[K] };

/** Revocation refusals whose own words tell the operator to end the access in the portal. */
const UNCONFIRMED_REVOCATION: ReadonlySet<string> = new Set([
  'revocation_failed',
  'revocation_unsupported',
  'api_token_not_revocable',
]);

export class AppStore {
  #state: AppState = INITIAL_STATE;
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: Array<() => void> = [];
  #accountsFromEvent = false;
  #localNotices = 0;
  #settingsChanges = 0;

  constructor(
    private readonly bridge: NetrexBridge,
    /** Local clock (epoch ms); the countdowns count against it. */
    private readonly now: () => number = () => Date.now(),
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getState = (): AppState => this.#state;

  /** Subscribes to the bridge's events, then loads everything the window shows. */
  async start(): Promise<void> {
    try {
      this.#unsubscribe.push(
        this.bridge.onAccountsChanged((accounts) => {
          this.#receiveAccounts(accounts);
          // While the sign-ins wait for the keyring, what is saved changes with them.
          if (this.#state.storage?.keyStoreWaiting) void this.#refreshStorage();
        }),
        this.bridge.onSignInChanged((view) => this.#receiveSignIn(view)),
        this.bridge.onNotice((notice) => this.#receiveNotice(notice)),
        this.bridge.onPolicyChanged((policy) => {
          this.#set({ policy });
          // IT's portals may have changed with it: what the window lists and offers.
          void this.#refreshPortals();
        }),
        this.bridge.onUpdateChanged((update) => this.#set({ update })),
        this.bridge.onWayBackChanged((wayBack) => this.#set({ wayBack })),
      );
    } catch {
      // No bridge at all (the page opened outside the app): say so instead of loading forever.
      this.#set({ status: 'failed', loadError: BRIDGE_UNAVAILABLE });
      return;
    }
    const [
      info,
      settings,
      providers,
      accounts,
      storage,
      setAside,
      policy,
      update,
      wayBack,
      portal,
    ] = await Promise.all([
      this.#safe(() => this.bridge.getAppInfo()),
      this.#safe(() => this.bridge.getAppSettings()),
      this.#safe(() => this.bridge.listProviders()),
      this.#safe(() => this.bridge.listAccounts()),
      this.#safe(() => this.bridge.getStorageStatus()),
      this.#safe(() => this.bridge.getSetAsideFiles()),
      this.#safe(() => this.bridge.getPolicy()),
      this.#safe(() => this.bridge.getUpdateStatus()),
      this.#safe(() => this.bridge.getWayBack()),
      this.#safe(() => this.bridge.getPortalPolicy()),
    ]);
    const failed = [info, settings, providers, accounts].find((r) => !r.ok);
    if (failed && !failed.ok) {
      this.#set({ status: 'failed', loadError: failed.error });
      return;
    }
    if (!info.ok || !settings.ok || !providers.ok || !accounts.ok) return;
    const accountList = this.#accountsFromEvent ? this.#state.accounts : accounts.value;
    // Without an answer about IT's policy the window offers what it always did.
    const portalPolicy = portal.ok ? portal.value : OPEN_POLICY;
    this.#set({
      status: 'ready',
      appInfo: info.value,
      settings: settings.value,
      providers: providers.value,
      portalPolicy,
      accounts: accountList,
      storage: storage.ok ? storage.value : null,
      setAside: setAside.ok ? setAside.value : null,
      // An event may have brought a newer one while these were on their way.
      policy:
        policy.ok && this.#state.policy === INITIAL_STATE.policy
          ? policy.value
          : this.#state.policy,
      update: this.#state.update ?? (update.ok ? update.value : null),
      // A newer state may have arrived as an event meanwhile; without one the window just says less.
      wayBack: this.#state.wayBack ?? (wayBack.ok ? wayBack.value : null),
      screen: homeScreen(accountList, providers.value, portalPolicy),
    });
    if (!storage.ok) this.#addNotice({ level: 'warning', ...storage.error });
  }

  dispose(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.#listeners.clear();
  }

  // Navigation -------------------------------------------------------------

  go(screen: Screen): void {
    const notices = this.#withoutRepeatsOf(screen);
    this.#set(notices === this.#state.notices ? { screen } : { screen, notices });
  }

  goHome(): void {
    this.go(homeScreen(this.#state.accounts, this.#state.providers, this.#state.portalPolicy));
  }

  /** "Add account": back to the way in (the portal choice, or straight to sign-in). */
  addAccount(): void {
    this.go(entryScreen(this.#state.providers, this.#state.accounts, this.#state.portalPolicy));
  }

  openSettings(providerId?: string, reason?: UserFacingError): void {
    this.go({ name: 'settings', providerId, reason });
    void this.#refreshServerFacts();
  }

  clearError(key: string): void {
    if (!(key in this.#state.errors)) return;
    const errors = { ...this.#state.errors };
    delete errors[key];
    this.#set({ errors });
  }

  dismissNotice(id: string): void {
    this.#set({ notices: this.#state.notices.filter((n) => n.id !== id) });
  }

  // Portals ----------------------------------------------------------------

  async addPortal(input: AddPortalInput): Promise<UserFacingError | null> {
    const result = await this.#call(actionKey.addPortal, () => this.bridge.addPortal(input));
    if (!result.ok) return result.error;
    this.#upsertProvider(result.value);
    this.go({ name: 'sign-in', providerId: result.value.id });
    return null;
  }

  async updateProvider(id: string, patch: ProviderSettingsPatch): Promise<UserFacingError | null> {
    const result = await this.#call(actionKey.provider(id), () =>
      this.bridge.updateProvider(id, patch),
    );
    if (!result.ok) return result.error;
    this.#upsertProvider(result.value);
    return null;
  }

  /** Write-only: the secret goes to the bridge and is forgotten; `null` removes it. */
  async setClientSecret(id: string, secret: string | null): Promise<UserFacingError | null> {
    const result = await this.#call(actionKey.secret(id), () =>
      this.bridge.setClientSecret(id, secret),
    );
    if (!result.ok) return result.error;
    this.#upsertProvider(result.value);
    return null;
  }

  async removeProvider(id: string): Promise<void> {
    const result = await this.#call(actionKey.provider(id), () => this.bridge.removeProvider(id));
    if (!result.ok) return;
    const providers = this.#state.providers.filter((p) => p.id !== id);
    this.#set({ providers, screen: { name: 'settings', providerId: providers[0]?.id } });
  }

  // Signing in -------------------------------------------------------------

  async signIn(providerId: string): Promise<void> {
    const result = await this.#call(actionKey.signIn(providerId), () =>
      this.bridge.signIn(providerId),
    );
    if (result.ok) this.#receiveSignIn(result.value);
  }

  /**
   * "Sign in again" on an account whose browser sign-in expired: the operator
   * renews their own sign-in, so it goes straight to the browser.
   */
  async renewSignIn(providerId: string): Promise<void> {
    this.go({ name: 'sign-in', providerId });
    await this.signIn(providerId);
  }

  /** Signs in again, the browser returning through the portal's local address this time. */
  async signInViaLoopback(providerId: string): Promise<void> {
    const result = await this.#call(actionKey.signIn(providerId), () =>
      this.bridge.signInViaLoopback(providerId),
    );
    if (result.ok) this.#receiveSignIn(result.value);
  }

  /**
   * A fresh sign-in whose link the main process puts on the clipboard (the
   * window never sees it). Answers whether it was copied.
   */
  async copySignInLink(providerId: string): Promise<boolean> {
    const result = await this.#call(actionKey.copyLink(providerId), () =>
      this.bridge.copySignInLink(providerId),
    );
    if (result.ok) this.#receiveSignIn(result.value);
    return result.ok;
  }

  async reopenBrowser(providerId: string): Promise<void> {
    const result = await this.#call(actionKey.signIn(providerId), () =>
      this.bridge.reopenBrowser(providerId),
    );
    if (result.ok) this.#receiveSignIn(result.value);
  }

  async cancelSignIn(providerId: string): Promise<void> {
    const result = await this.#call(actionKey.signIn(providerId), () =>
      this.bridge.cancelSignIn(providerId),
    );
    if (result.ok) this.#receiveSignIn(result.value);
  }

  /** "Paste the address instead": the URL the browser could not hand back. */
  async completeSignIn(url: string): Promise<UserFacingError | null> {
    const result = await this.#call(actionKey.paste, () => this.bridge.completeSignIn(url));
    if (!result.ok) return result.error;
    this.#receiveSignIn(result.value);
    return null;
  }

  /** The token is passed through, never kept: the view has cleared its field already. */
  async signInWithApiToken(input: ApiTokenSignInInput): Promise<UserFacingError | null> {
    const result = await this.#call(actionKey.apiToken, () =>
      this.bridge.signInWithApiToken(input),
    );
    if (!result.ok) return result.error;
    this.#upsertAccount(result.value);
    this.#addConnectedNotice(result.value.providerName, result.value.label, result.value.id);
    this.go({ name: 'connections' });
    return null;
  }

  // Accounts ---------------------------------------------------------------

  async checkNow(accountId: string): Promise<void> {
    const result = await this.#call(actionKey.check(accountId), () =>
      this.bridge.checkNow(accountId),
    );
    if (result.ok) this.#upsertAccount(result.value);
  }

  async signOut(accountId: string): Promise<void> {
    const account = this.#state.accounts.find((a) => a.id === accountId);
    const result = await this.#call(actionKey.signOut(accountId), () =>
      this.bridge.signOut(accountId),
    );
    if (!result.ok) return;
    const accounts = this.#state.accounts.filter((a) => a.id !== accountId);
    this.#receiveAccounts(accounts);
    const portal = account?.providerName ?? '';
    const label = account && labelSaysMore(account.label, portal) ? account.label : '';
    const values = { label, portal, reason: '' };
    const revokeError = result.value.revokeError;
    if (account?.method === 'api-token') {
      // Normal for a token: only the portal deletes it. Said once, not as a failure.
      this.#addLocalNotice('warning', 'signedOutToken', values);
    } else if (!revokeError) {
      this.#addLocalNotice('info', 'signedOut', values);
    } else {
      // A refusal that already says what to do is not followed by the same advice again.
      const advises = UNCONFIRMED_REVOCATION.has(revokeError.code);
      const key = advises ? 'revokeUnconfirmed' : 'revokeFailed';
      this.#addLocalNotice('warning', key, values, revokeError);
    }
  }

  // Storage and app settings ----------------------------------------------

  async setWeakStorageAllowed(allowed: boolean): Promise<void> {
    const result = await this.#call(actionKey.storage, () =>
      this.bridge.setWeakStorageAllowed(allowed),
    );
    if (result.ok) this.#set({ storage: result.value });
  }

  async deleteSetAsideFiles(): Promise<void> {
    const result = await this.#call(actionKey.setAside, () => this.bridge.deleteSetAsideFiles());
    if (result.ok) this.#set({ setAside: result.value });
  }

  async setSetAsideRetention(days: number): Promise<void> {
    const result = await this.#call(actionKey.setAside, () =>
      this.bridge.setSetAsideRetention(days),
    );
    if (result.ok) this.#set({ setAside: result.value });
  }

  /** Shown at once (a switch must not lag behind the click); undone if refused. */
  async updateAppSettings(patch: Partial<AppSettings>): Promise<void> {
    const seq = ++this.#settingsChanges;
    const before = this.#state.settings;
    this.#set({ settings: { ...before, ...patch } });
    const result = await this.#call(
      actionKey.appSettings,
      () => this.bridge.updateAppSettings(patch),
      { exclusive: false },
    );
    // Quick successive changes (arrow keys in the language list): the newest answer counts.
    if (seq !== this.#settingsChanges) return;
    this.#set({ settings: result.ok ? result.value : before });
  }

  /** "Restart to update": the app quits and installs, unless it must wait (its error says why). */
  async restartToUpdate(): Promise<void> {
    const result = await this.#call(actionKey.update, () => this.bridge.restartToUpdate());
    if (result.ok) this.#set({ update: result.value });
  }

  // Support: diagnosis and log ---------------------------------------------

  /** "Check again": every check now, the report in the window's language. */
  async runDiagnosis(language: ReportLanguage): Promise<void> {
    const result = await this.#call(actionKey.diagnosis, () => this.bridge.runDiagnosis(language));
    if (result.ok) this.#set({ diagnosis: result.value, diagnosisSavedTo: null });
  }

  /** Saves the report shown, where the operator chooses in the system's dialog. */
  async saveDiagnosis(language: ReportLanguage): Promise<void> {
    const result = await this.#call(actionKey.saveReport, () =>
      this.bridge.saveDiagnosis(language),
    );
    if (result.ok && result.value.saved) this.#set({ diagnosisSavedTo: result.value.path });
  }

  async openLogFolder(): Promise<void> {
    await this.#call(actionKey.logFolder, () => this.bridge.openLogFolder());
  }

  // Internals --------------------------------------------------------------

  #set(patch: StatePatch): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }

  /** Runs one bridge call: marks it busy, remembers its failure under `key`. */
  async #call<T>(
    key: string,
    run: () => Promise<Result<T>>,
    { exclusive = true } = {},
  ): Promise<Result<T>> {
    if (exclusive && this.#state.busy.includes(key)) {
      // A second click while the first is on its way: one call is enough.
      return { ok: false, error: { code: 'busy', message: '' } };
    }
    this.#set({ busy: [...this.#state.busy, key] });
    this.clearError(key);
    const result = await this.#safe(run);
    const index = this.#state.busy.indexOf(key);
    const busy = this.#state.busy.toSpliced(index, index < 0 ? 0 : 1);
    if (result.ok) this.#set({ busy });
    else this.#set({ busy, errors: { ...this.#state.errors, [key]: result.error } });
    return result;
  }

  /** The contract says nothing is thrown across the bridge; if it is, say so plainly. */
  async #safe<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run();
    } catch {
      return { ok: false, error: BRIDGE_UNAVAILABLE };
    }
  }

  #receiveAccounts(accounts: readonly AccountSnapshot[]): void {
    this.#accountsFromEvent = true;
    const screen = this.#state.screen;
    const patch: StatePatch = { accounts };
    const notices = afterAccounts(this.#state.notices, accounts);
    if (notices !== this.#state.notices) patch.notices = notices;
    // Signing out of the last account leads back to the way in.
    if (screen.name === 'connections' && accounts.length === 0 && this.#state.status === 'ready') {
      patch.screen = entryScreen(this.#state.providers, accounts, this.#state.portalPolicy);
    }
    this.#set(patch);
  }

  #receiveSignIn(view: SignInView): void {
    const known = this.#state.signIns[view.providerId];
    if (known && view.startedAt < known.view.startedAt) return; // a stale update of an older attempt
    const now = this.now();
    const localDeadline = now + view.remainingMs;
    const elapsed = Math.max(0, view.deadline - view.startedAt - view.remainingMs);
    // A waiting sign-in the operator replaced (a copied link, the local address) is one wait.
    const continues =
      known !== undefined &&
      (known.view.phase === 'waiting' || known.view.phase === 'exchanging') &&
      view.phase === 'waiting';
    const localStartedAt = continues ? known.localStartedAt : now - elapsed;
    const samePhase = known?.view.startedAt === view.startedAt && known.view.phase === view.phase;
    const phaseSince = samePhase ? known.phaseSince : now;
    const signIns = {
      ...this.#state.signIns,
      [view.providerId]: { view, localDeadline, localStartedAt, phaseSince },
    };
    const patch: StatePatch = { signIns };
    // A new attempt (or its end): what a notice said about the last one is old news.
    const notices = afterSignIn(this.#state.notices, view.providerId, view.phase);
    if (notices !== this.#state.notices) patch.notices = notices;
    const screen = this.#state.screen;
    const justConnected = view.phase === 'connected' && known?.view.phase !== 'connected';
    if (justConnected) {
      if (screen.name === 'sign-in' && screen.providerId === view.providerId) {
        patch.screen = { name: 'connections' };
      }
    }
    this.#set(patch);
    if (justConnected) {
      const portal = this.#provider(view.providerId)?.name ?? view.providerId;
      const label = this.#state.accounts.find((a) => a.id === view.accountId)?.label ?? '';
      this.#addConnectedNotice(portal, label, view.accountId);
    }
  }

  /**
   * "Connected to <portal>", naming the account when its label says more than
   * the portal's name; about that account, so it ends when the account does.
   */
  #addConnectedNotice(portal: string, label: string, accountId: string | undefined): void {
    const named = labelSaysMore(label, portal);
    this.#addLocalNotice(
      'info',
      named ? 'connectedAs' : 'connected',
      { portal, label: named ? label : '', reason: '' },
      undefined,
      accountId === undefined ? undefined : { account: accountId },
    );
  }

  /**
   * What discovery learned about each standard server since the portals were
   * listed (ProviderView.server): only that field is taken from the new list,
   * so an answer overtaken by a save cannot bring back older settings.
   */
  async #refreshServerFacts(): Promise<void> {
    const result = await this.#safe(() => this.bridge.listProviders());
    if (!result.ok) return;
    const facts = new Map(result.value.map((p) => [p.id, p.server]));
    let changed = false;
    const providers = this.#state.providers.map((provider) => {
      const server = facts.get(provider.id);
      if (JSON.stringify(server) === JSON.stringify(provider.server)) return provider;
      changed = true;
      const next: { -readonly [K in keyof ProviderView]: ProviderView[K] } = { ...provider };
      if (server) next.server = server;
      else delete next.server;
      return next;
    });
    if (changed) this.#set({ providers });
  }

  #provider(id: string): ProviderView | undefined {
    return this.#state.providers.find((p) => p.id === id);
  }

  #upsertProvider(provider: ProviderView): void {
    const index = this.#state.providers.findIndex((p) => p.id === provider.id);
    const providers =
      index < 0
        ? [...this.#state.providers, provider]
        : this.#state.providers.with(index, provider);
    this.#set({ providers });
  }

  #upsertAccount(account: AccountSnapshot): void {
    const index = this.#state.accounts.findIndex((a) => a.id === account.id);
    const accounts =
      index < 0 ? [...this.#state.accounts, account] : this.#state.accounts.with(index, account);
    this.#set({ accounts });
  }

  /** IT's portals and what it allows, again (a policy changed while the app runs). */
  async #refreshPortals(): Promise<void> {
    const [providers, portal] = await Promise.all([
      this.#safe(() => this.bridge.listProviders()),
      this.#safe(() => this.bridge.getPortalPolicy()),
    ]);
    this.#set({
      ...(providers.ok ? { providers: providers.value } : {}),
      ...(portal.ok ? { portalPolicy: portal.value } : {}),
    });
  }

  /** The storage status again (the keyring opened, or a sign-in was kept in memory meanwhile). */
  async #refreshStorage(): Promise<void> {
    const storage = await this.#safe(() => this.bridge.getStorageStatus());
    if (storage.ok) this.#set({ storage: storage.value });
  }

  /**
   * A refused sign-in link reaches the window twice: as the failed sign-in
   * (the sign-in screen explains it, with the next step) and as a notice (for
   * when that screen is not open). It is shown once: not as a notice while its
   * sign-in screen is open, and the notice goes when that screen opens.
   */
  #receiveNotice(received: Notice): void {
    // Its time is the window's, so it fades on the window's clock.
    const { providerId, ...notice } = { ...received, at: this.now() };
    if (notice.code === 'vault_keyring_opened') void this.#refreshStorage();
    const signIn = Object.values(this.#state.signIns).find(({ view }) => {
      const error = view.phase === 'failed' ? view.error : undefined;
      return error?.code === notice.code && notice.message.startsWith(error.message);
    })?.view.providerId;
    if (signIn === undefined) {
      // About a sign-in (a link for a cancelled one): it ends when that sign-in changes.
      return this.#addNotice(
        providerId === undefined ? notice : { ...notice, about: { signIn: providerId } },
      );
    }
    const screen = this.#state.screen;
    if (screen.name === 'sign-in' && screen.providerId === signIn) return;
    this.#addNotice({ ...notice, signIn });
  }

  /** The notices without those that repeat a refusal `screen` explains. */
  #withoutRepeatsOf(screen: Screen): readonly AppNotice[] {
    const notices = this.#state.notices;
    if (screen.name !== 'sign-in' || !notices.some((n) => n.signIn === screen.providerId)) {
      return notices;
    }
    return notices.filter((n) => n.signIn !== screen.providerId);
  }

  #addNotice(notice: Omit<AppNotice, 'id' | 'at'> & Partial<Pick<AppNotice, 'id' | 'at'>>): void {
    const full: AppNotice = {
      ...notice,
      id: notice.id ?? `local-${++this.#localNotices}`,
      at: notice.at ?? this.now(),
    };
    this.#set({ notices: withNotice(this.#state.notices, full, this.now()) });
  }

  /** A notice the window itself raises; its words come from the translations. */
  #addLocalNotice(
    level: AppNotice['level'],
    key: NonNullable<AppNotice['local']>['key'],
    values: NonNullable<AppNotice['local']>['values'],
    error?: UserFacingError,
    about?: AppNotice['about'],
  ): void {
    const local = error ? { key, values, error } : { key, values };
    this.#addNotice({
      level,
      code: key,
      message: error?.message ?? '',
      local,
      ...(about ? { about } : {}),
    });
  }
}
