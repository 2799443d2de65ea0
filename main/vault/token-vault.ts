// The token vault: accounts with their tokens, and the providers' client
// secrets. Memory is the truth for the session; the vault file mirrors it,
// sealed through the Cipher, replaced whole and atomically on every write,
// and only when the storage policy allows tokens on disk.
//
// Writes go through one queue. A save changes memory at once and resolves
// after a write that started after the change (saves made while a write is
// running share the next one), so nothing is lost or interleaved and a
// rotated refresh token is on disk before saveAccount resolves.
import { systemClock, type Clock } from '../common/clock';
import type { DocumentStore } from '../common/document-store';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { StorageStatus, UserFacingError } from '../common/model';
import type { Cipher } from './cipher';
import { encryptFailed, VaultError, writeFailed } from './errors';
import { SerialQueue } from './serial-queue';
import { decideStoragePolicy, type StoragePolicyDecision } from './storage-policy';
import type { OpenTokenVaultOptions, ProviderAddress, StoredAccount, TokenVault } from './types';
import {
  accountSchema,
  clientSecretSchema,
  describeIssues,
  emptyVaultDocument,
  openVaultDocument,
  sealVaultDocument,
  type StoredClientSecret,
  type VaultContents,
} from './vault-format';
import { keyringWaitOf, loadVaultFile } from './vault-file';
import {
  loadVaultSettings,
  saveVaultSettings,
  settingsDamagedWarning,
  type VaultSettings,
} from './vault-settings';

/** Opens the vault: reads the opt-in, decides the policy, loads the file when it may. Never throws. */
export async function openTokenVault(options: OpenTokenVaultOptions): Promise<TokenVault> {
  const vault = new LocalTokenVault(options);
  await vault.open();
  return vault;
}

class LocalTokenVault implements TokenVault {
  readonly #store: DocumentStore;
  readonly #settingsStore: DocumentStore;
  readonly #cipher: Cipher;
  readonly #platform: string;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #providerUrlOf: OpenTokenVaultOptions['providerUrlOf'];
  readonly #encryptionAvailable: boolean;

  readonly #accounts = new Map<string, StoredAccount>();
  /** By provider id; each secret is handed out for the address it was set for only. */
  readonly #clientSecrets = new Map<string, StoredClientSecret>();
  readonly #queue = new SerialQueue();
  readonly #listeners = new Set<(status: StorageStatus) => void>();

  #settings: VaultSettings = { weakStorageAllowed: false };
  readonly #warnings: UserFacingError[] = [];
  #decision: StoragePolicyDecision;
  #recovered: StorageStatus['recovered'] = null;
  /** Why the file is left alone and nothing is written (see `#diskBlocked`). */
  #fileKept: StorageStatus['fileKept'] = null;
  /** The file waits for the key store that sealed it (see `retryKeyStore`). */
  #keyStoreWaiting: { sealedBy: string; since: number } | null = null;
  /** Memory changed while waiting: it holds sign-ins the file does not. */
  #changedWhileWaiting = false;
  /** The latest write failed: memory holds more than the disk until one succeeds. */
  #lastWriteError: StorageStatus['lastWriteError'] = null;
  #pendingFlush: Promise<void> | undefined;
  #disposed = false;
  /** What listeners were last told (or the status at open), to tell them only of changes. */
  #lastStatusJson = '';

  constructor(options: OpenTokenVaultOptions) {
    this.#store = options.store;
    this.#settingsStore = options.settingsStore;
    this.#cipher = options.cipher;
    this.#platform = options.platform;
    this.#clock = options.clock ?? systemClock;
    this.#providerUrlOf = options.providerUrlOf;
    let available = false;
    try {
      available = options.cipher.isEncryptionAvailable();
    } catch {
      // A key store that cannot even answer is one that cannot encrypt.
    }
    this.#encryptionAvailable = available;
    this.#decision = this.#decide(this.#settings);
  }

  async open(): Promise<void> {
    const loaded = loadVaultSettings(this.#settingsStore, new Date(this.#clock.now()));
    this.#settings = loaded.settings;
    this.#decision = this.#decide(this.#settings);
    if (loaded.damaged) {
      this.#warnings.push(settingsDamagedWarning(loaded.damaged, this.#decision.optInOffered));
    }
    // With tokens kept off disk the file is not even read: it may have been
    // sealed by a key store that is away for now, and is left as it is.
    // An older file, or one sealed with a key the key store has rotated
    // since, is written again at once (in the current version, new key).
    if (this.#decision.persist) {
      const migrated = await this.#loadFromDisk();
      if (migrated || this.#cipher.reEncryptWanted?.() === true) {
        await this.#writeNow().catch(() => undefined); // a failure shows in the status
      }
    } else {
      await this.#noticeKeyringWait();
    }
    this.#lastStatusJson = JSON.stringify(this.storageStatus());
  }

  /** Tokens stay off disk this run: still, the operator hears when a keyring holds them back. */
  async #noticeKeyringWait(): Promise<void> {
    const sealedBy = await keyringWaitOf(this.#store, this.#cipher, this.#platform);
    if (sealedBy !== null) this.#startWaiting(sealedBy);
  }

  #startWaiting(sealedBy: string): void {
    this.#keyStoreWaiting ??= { sealedBy, since: this.#clock.now() };
  }

  async retryKeyStore(): Promise<StorageStatus> {
    if (this.#disposed) return this.storageStatus();
    return this.#queue.run(async () => {
      if (!this.#keyStoreWaiting) return this.storageStatus();
      const waiting = this.#keyStoreWaiting;
      // Asked as at start, with the key store as it is now.
      this.#keyStoreWaiting = null;
      this.#decision = this.#decide(this.#settings);
      if (this.#decision.persist) {
        await this.#loadFromDisk();
        if (!this.#keyStoreWaiting) await this.#writeNow().catch(() => undefined);
      } else {
        await this.#noticeKeyringWait();
        if (!this.#keyStoreWaiting) await this.#loadIntoMemory();
      }
      if (this.#keyStoreWaiting) this.#keyStoreWaiting = waiting;
      else this.#changedWhileWaiting = false;
      this.#emitIfChanged();
      return this.storageStatus();
    });
  }

  /** The keyring opened the file but tokens stay off disk: its sign-ins come back for this run, read only. */
  async #loadIntoMemory(): Promise<void> {
    try {
      const read = await openVaultDocument(this.#store.read(), this.#cipher, {
        platform: this.#platform,
        providerUrlOf: this.#providerUrlOf,
      });
      if (read.kind === 'ok') this.#merge(read.contents);
    } catch {
      // Memory keeps what it has; the file is untouched.
    }
  }

  get warnings(): readonly UserFacingError[] {
    return this.#warnings;
  }

  listAccounts(): StoredAccount[] {
    return [...this.#accounts.values()];
  }

  getAccount(id: string): StoredAccount | undefined {
    return this.#accounts.get(id);
  }

  async saveAccount(account: StoredAccount): Promise<void> {
    this.#assertOpen();
    const parsed = accountSchema.safeParse(account);
    if (!parsed.success) {
      throw new VaultError(
        'invalid_input',
        `The account cannot be saved: ${describeIssues(parsed.error)}.`,
        { variant: 'account' },
      );
    }
    const stored: StoredAccount = deepFreeze(parsed.data);
    this.#accounts.set(stored.id, stored);
    if (this.#keyStoreWaiting) this.#changedWhileWaiting = true;
    return this.#flush();
  }

  async removeAccount(id: string): Promise<void> {
    this.#assertOpen();
    if (!this.#accounts.delete(id)) return this.#queue.run(() => undefined);
    if (this.#keyStoreWaiting) this.#changedWhileWaiting = true;
    return this.#flush();
  }

  getClientSecret(provider: ProviderAddress): string | undefined {
    const stored = this.#clientSecrets.get(provider.id);
    return stored && stored.providerUrl === provider.url ? stored.secret : undefined;
  }

  async setClientSecret(provider: ProviderAddress, secret: string | null): Promise<void> {
    this.#assertOpen();
    const { id: providerId, url: providerUrl } = provider;
    if (typeof providerId !== 'string' || providerId.length === 0 || providerId.length > 200) {
      throw new VaultError('invalid_input', 'The client secret needs a provider id.');
    }
    if (secret === null) {
      if (!this.#clientSecrets.delete(providerId)) return this.#queue.run(() => undefined);
      return this.#flush();
    }
    if (typeof providerUrl !== 'string' || providerUrl.length === 0 || providerUrl.length > 8192) {
      throw new VaultError('invalid_input', "The client secret needs the provider's address.");
    }
    const parsed = clientSecretSchema.safeParse(secret);
    if (!parsed.success) {
      throw new VaultError(
        'invalid_input',
        'The client secret must be between 1 and 16,384 characters long; paste it again from the portal.',
        { variant: 'clientSecret' },
      );
    }
    this.#clientSecrets.set(providerId, { providerId, providerUrl, secret: parsed.data });
    return this.#flush();
  }

  storageStatus(): StorageStatus {
    return {
      backend: this.#cipher.backend,
      encryptionAvailable: this.#encryptionAvailable,
      weak: this.#decision.weak,
      policy: this.#diskBlocked ? 'memory-only' : this.#decision.policy,
      recovered: this.#recovered,
      fileKept: this.#fileKept,
      lastWriteError: this.#persisting ? this.#lastWriteError : null,
      // Only while waiting: hosts and fixtures that predate the field stay valid.
      ...(this.#keyStoreWaiting && {
        keyStoreWaiting: {
          path: this.#store.path,
          sealedBy: this.#keyStoreWaiting.sealedBy,
          since: this.#keyStoreWaiting.since,
          unsavedChanges: this.#changedWhileWaiting,
        },
      }),
    };
  }

  async setWeakStorageAllowed(allowed: boolean): Promise<StorageStatus> {
    this.#assertOpen();
    if (allowed && !this.#encryptionAvailable) {
      throw new VaultError(
        'weak_storage_unavailable',
        'This computer offers no way to encrypt the sign-ins, so they cannot be kept on disk. ' +
          'They stay in memory until the app closes; set up a system keyring to stay signed in.',
      );
    }
    return this.#queue.run(async () => {
      if (allowed === this.#settings.weakStorageAllowed) return this.storageStatus();
      const settings: VaultSettings = { weakStorageAllowed: allowed };
      const next = this.#decide(settings);
      if (next.persist && !this.#decision.persist) {
        // Opt-in: remember first (a crash then leaves no secret the setting does
        // not account for), then bring what is on disk in and write it all.
        this.#saveSettings(settings, next);
        this.#emitIfChanged();
        if (!this.#diskBlocked) {
          await this.#loadFromDisk();
          this.#emitIfChanged();
          await this.#writeNow();
        }
      } else if (!next.persist && this.#decision.persist) {
        // Opt-out: take the secrets off disk first, then remember. Memory keeps
        // every account for the rest of the session.
        if (!this.#diskBlocked) this.#writeDocument(emptyVaultDocument(this.#cipher.backend));
        this.#saveSettings(settings, next);
        this.#emitIfChanged();
      } else {
        // On a protected key store the choice changes nothing now; it is
        // remembered for a session where the key store is weak.
        this.#saveSettings(settings, next);
        this.#emitIfChanged();
      }
      return this.storageStatus();
    });
  }

  onDidChangeStatus(listener: (status: StorageStatus) => void): Disposable {
    this.#listeners.add(listener);
    return toDisposable(() => {
      this.#listeners.delete(listener);
    });
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#queue.run(() => undefined);
    this.#accounts.clear();
    this.#clientSecrets.clear();
    this.#listeners.clear();
  }

  #decide(settings: VaultSettings): StoragePolicyDecision {
    return decideStoragePolicy({
      platform: this.#platform,
      backend: this.#cipher.backend,
      encryptionAvailable: this.#encryptionAvailable,
      weakStorageAllowed: settings.weakStorageAllowed,
    });
  }

  /**
   * The file is left exactly as it is and nothing is written: a key store
   * that is away sealed it, or it is damaged and could not be moved aside
   * (this session), or its keyring cannot open it yet (until it can).
   */
  get #diskBlocked(): boolean {
    return this.#fileKept !== null || this.#keyStoreWaiting !== null;
  }

  get #persisting(): boolean {
    return this.#decision.persist && !this.#diskBlocked;
  }

  #assertOpen(): void {
    if (this.#disposed) {
      throw new VaultError('disposed', 'The sign-in vault is closed because the app is quitting.');
    }
  }

  /**
   * Merges the file into memory (memory wins), or moves a damaged file aside.
   * A file sealed by a keyring that is away today, or not yet unlocked, is not
   * damaged: it stays. True when the file should be written again (an older
   * version was read).
   */
  async #loadFromDisk(): Promise<boolean> {
    const outcome = await loadVaultFile(this.#store, this.#cipher, {
      platform: this.#platform,
      providerUrlOf: this.#providerUrlOf,
      now: () => this.#clock.now(),
    });
    switch (outcome.kind) {
      case 'ok':
        this.#merge(outcome.contents);
        return outcome.migrated;
      case 'waiting':
        this.#startWaiting(outcome.sealedBy);
        break;
      case 'kept':
        this.#fileKept = outcome.fileKept;
        break;
      case 'recovered':
        this.#recovered = outcome.recovered;
        break;
    }
    return false;
  }

  /** What the file holds joins memory; memory wins for an id it already has. */
  #merge(contents: VaultContents): void {
    for (const account of contents.accounts) {
      if (!this.#accounts.has(account.id)) this.#accounts.set(account.id, deepFreeze(account));
    }
    for (const entry of contents.clientSecrets) {
      if (!this.#clientSecrets.has(entry.providerId))
        this.#clientSecrets.set(entry.providerId, entry);
    }
  }

  #flush(): Promise<void> {
    if (this.#pendingFlush) return this.#pendingFlush;
    const flush: Promise<void> = this.#queue.run(async () => {
      // From here on, changes need the next write: this one may have sealed already.
      if (this.#pendingFlush === flush) this.#pendingFlush = undefined;
      await this.#writeNow();
    });
    this.#pendingFlush = flush;
    return flush;
  }

  /**
   * Seals the whole of memory and replaces the file. Only ever run inside the
   * queue. A failure is remembered (and reported in the status) until a
   * write succeeds: until then the disk lags behind memory.
   */
  async #writeNow(): Promise<void> {
    if (!this.#persisting) return;
    const contents: VaultContents = {
      accounts: [...this.#accounts.values()],
      clientSecrets: [...this.#clientSecrets.values()],
    };
    try {
      let document;
      try {
        document = await sealVaultDocument(contents, this.#cipher);
      } catch {
        throw encryptFailed(this.#cipher.backend);
      }
      this.#writeDocument(document);
    } catch (error) {
      this.#lastWriteError = (error as VaultError).toUserFacing();
      this.#emitIfChanged();
      throw error;
    }
    if (this.#lastWriteError) {
      this.#lastWriteError = null;
      this.#emitIfChanged();
    }
  }

  #writeDocument(document: Parameters<DocumentStore['write']>[0]): void {
    try {
      this.#store.write(document);
    } catch (error) {
      throw writeFailed(error);
    }
  }

  #saveSettings(settings: VaultSettings, decision: StoragePolicyDecision): void {
    try {
      saveVaultSettings(this.#settingsStore, settings);
    } catch (error) {
      throw writeFailed(error);
    }
    this.#settings = settings;
    this.#decision = decision;
  }

  #emitIfChanged(): void {
    const status = this.storageStatus();
    const json = JSON.stringify(status);
    if (json === this.#lastStatusJson) return;
    this.#lastStatusJson = json;
    for (const listener of [...this.#listeners]) {
      try {
        listener(status);
      } catch (error) {
        // A listener's bug must not break a write; it still surfaces.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
