// The accounts over real parts, for their integration tests: the portal
// stand-in on loopback (on the same manual clock, so token lifetimes are
// test time), the sign-in engine, a vault in a temporary directory sealed
// with AES-256-GCM, and the accounts collection. A browser sign-in is played
// over plain HTTP (the stand-in's login and consent forms); the Chromium
// tests do the same with a real browser.
import type { Accounts, AccountsOptions } from '../../main/accounts';
import type { ReplacementDecision } from '../../main/accounts/grant-replacement';
import { createAccounts } from '../../main/accounts';
import { createSignInEngine, type SignInEngine } from '../../main/auth/engine';
import { DEMO_LOOPBACK_PORT } from '../../main/services';
import type { AccountSnapshot, AccountState } from '../../main/ipc/contract';
import type { ProviderConfig } from '../../main/providers/provider-config';
import type { TokenVault } from '../../main/vault/types';
import { playAuthorization } from './portal-client';
import { AesGcmCipher } from './aes-cipher';
import { ManualClock } from './manual-clock';
import {
  DEFAULT_CONFIG,
  startProvider,
  type ProviderStandIn,
  type ProviderStandInConfig,
} from './provider';
import { makeTempDir, type TempDir } from './temp-dir';
import { openVaultIn } from './vault-fixtures';

export const DEMO_CLIENT = DEFAULT_CONFIG.clients[0]!;

export interface AccountsRigOptions {
  readonly standIn?: Partial<ProviderStandInConfig>;
  readonly accounts?: Partial<AccountsOptions>;
}

export interface AccountsRig {
  readonly portal: ProviderStandIn;
  readonly clock: ManualClock;
  readonly cipher: AesGcmCipher;
  readonly dir: TempDir;
  readonly provider: ProviderConfig;
  readonly engine: SignInEngine;
  vault: TokenVault;
  accounts: Accounts;
  /** Every list the accounts emitted, in order. */
  readonly emitted: AccountSnapshot[][];
  /** The states one account went through, from the emitted lists (repeats collapsed). */
  states(id: string): AccountState[];
  /** Adds a second (third…) portal: another stand-in under another provider id. */
  addPortal(id: string, portal: ProviderStandIn): ProviderConfig;
  /**
   * A browser sign-in played over HTTP: login, allow, the redirect into the
   * engine and the accounts. `decision` is what the operator answered about a
   * grant it replaces (default: end it, as confirmed in the app's dialog).
   */
  signIn(
    user?: { username: string; password: string },
    providerId?: string,
    decision?: ReplacementDecision,
  ): Promise<AccountSnapshot>;
  /** Resolves with the first list (current or emitted) that satisfies `test`. */
  until(test: (accounts: AccountSnapshot[]) => boolean): Promise<AccountSnapshot[]>;
  /** Resolves once the account is in `state`. */
  untilState(id: string, state: AccountState): Promise<AccountSnapshot>;
  /** What a fresh vault on the same files reads: what is on disk. */
  readDisk(): Promise<TokenVault>;
  /** Closes the accounts and vault and opens them again over the same files. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startAccountsRig(options: AccountsRigOptions = {}): Promise<AccountsRig> {
  const clock = new ManualClock();
  const portal = await startProvider(options.standIn ?? {}, { clock: () => clock.now() });
  const cipher = AesGcmCipher.random({ backend: 'gnome_libsecret' });
  const dir = makeTempDir('netrex-accounts-');
  const provider: ProviderConfig = {
    id: 'demo',
    name: 'Demo portal',
    dialect: 'netrex',
    origin: 'demo',
    url: portal.url,
    clientId: DEMO_CLIENT.client_id,
    rights: ['read', 'liveview'],
    redirectKind: 'custom-scheme',
    loopbackPort: DEMO_LOOPBACK_PORT,
    locked: false,
  };
  const providers = new Map([[provider.id, provider]]);
  const portals = new Map([[provider.id, portal]]);
  const engine = createSignInEngine({
    providers: { get: (id) => providers.get(id) },
    secrets: {
      get: (p) => (providers.get(p.id)?.url === p.url ? DEMO_CLIENT.client_secret : undefined),
    },
    fetch,
    clock,
  });
  const emitted: AccountSnapshot[][] = [];
  const waiters = new Set<() => void>();
  const open = async () => {
    const vault = await openVaultIn(dir.path, cipher, { clock });
    const accounts = createAccounts({
      vault,
      engine,
      providers: { get: (id) => providers.get(id) },
      fetch,
      clock,
      random: () => 0.5,
      ...options.accounts,
    });
    accounts.onDidChange((list) => {
      emitted.push(list);
      for (const wake of [...waiters]) wake();
    });
    return { vault, accounts };
  };
  let { vault, accounts } = await open();

  const rig: AccountsRig = {
    portal,
    clock,
    cipher,
    dir,
    provider,
    engine,
    get vault() {
      return vault;
    },
    get accounts() {
      return accounts;
    },
    emitted,
    states(id) {
      const seen: AccountState[] = [];
      for (const list of emitted) {
        const state = list.find((a) => a.id === id)?.state;
        if (state && seen.at(-1) !== state) seen.push(state);
      }
      return seen;
    },
    addPortal(id, other) {
      const config: ProviderConfig = { ...provider, id, name: `Portal ${id}`, url: other.url };
      providers.set(id, config);
      portals.set(id, other);
      return config;
    },
    async signIn(
      user = { username: 'operator', password: 'operator' },
      providerId = provider.id,
      decision = { endReplacedGrant: true },
    ) {
      const { authorizationUrl } = await engine.startAuthorization(providerId);
      const location = await playAuthorization(portals.get(providerId)!, authorizationUrl, user);
      const result = await engine.completeAuthorization(location);
      return rig.accounts.acceptAuthorization(result, decision);
    },
    until(test) {
      return new Promise((resolve) => {
        const check = (): boolean => {
          const list = rig.accounts.list();
          if (!test(list)) return false;
          waiters.delete(wake);
          resolve(list);
          return true;
        };
        const wake = (): void => void check();
        if (!check()) waiters.add(wake);
      });
    },
    async untilState(id, state) {
      const list = await rig.until((all) => all.find((a) => a.id === id)?.state === state);
      return list.find((a) => a.id === id)!;
    },
    readDisk: () => openVaultIn(dir.path, cipher, { clock }),
    async restart() {
      await accounts.dispose();
      await vault.dispose();
      ({ vault, accounts } = await open());
    },
    async close() {
      await accounts.dispose();
      await engine.dispose();
      await vault.dispose();
      await portal.close();
      await dir.dispose();
    },
  };
  return rig;
}
