// The transport-agnostic handler table: one entry per bridge method, over the
// services. The Electron edge serves it over IPC (main/electron/ipc.ts), the
// browser harness over a Playwright binding; both get the same behaviour.
//
// Every entry validates its arguments with the bridge's zod schemas (the
// harness has no dispatch in front of it), answers a Result, and never lets
// an error's own text through unless it is one of ours, whose messages are
// built never to hold a token, a code or a secret.
import type { Accounts } from '../accounts';
import { AccountError } from '../accounts';
import type { BridgeHandlers } from '../app-services';
import { AuthError } from '../auth/auth-error';
import { requireConfirmation, type Confirm } from '../common/confirmation';
import { toUserFacing } from '../common/explained-error';
import { ProviderError, type ProviderRegistry } from '../providers';
import type { ProviderConfig } from '../providers/provider-config';
import type { AppSettingsStore } from '../services/app-settings';
import type { SetAsideVaultFiles } from '../services/set-aside-vault-files';
import type { SignInFlow } from '../services/sign-in-flow';
import type { WayBackService } from '../services/way-back';
import type { ClientSecrets } from '../providers/provider-config';
import type { TokenVault } from '../vault/types';
import { PolicyError } from '../policy/policy-error';
import type { PolicyValues } from '../policy/policy-schema';
import type { DiagnosisService } from '../services/diagnosis-service';
import type { UpdateService } from '../updates/update-service';
import type {
  AppInfo,
  AppSettings,
  BridgeArgs,
  BridgeMethodName,
  BridgeValue,
  PolicyView,
  Result,
} from './contract';
import { providerView, type ServerFactsOf } from './provider-view';
import { validateBridgeArgs } from './validation';

export interface BridgeHandlerDeps {
  readonly registry: ProviderRegistry;
  readonly vault: Pick<TokenVault, 'setClientSecret' | 'storageStatus' | 'setWeakStorageAllowed'>;
  readonly secrets: ClientSecrets;
  readonly accounts: Accounts;
  readonly signIns: SignInFlow;
  readonly settings: AppSettingsStore;
  readonly appInfo: AppInfo;
  /** What discovery found about a standard server, for the settings (absent: nothing shown). */
  readonly serverFacts?: ServerFactsOf;
  /** The main process's own dialog (AppPorts.confirm); absent, what needs it is refused. */
  readonly confirm?: Confirm;
  readonly setAside: Pick<SetAsideVaultFiles, 'list' | 'deleteAll' | 'setRetentionDays'>;
  /** The policies in force (API tokens and weak storage may be forbidden). */
  readonly policy: () => PolicyValues;
  readonly policyView: () => PolicyView;
  readonly updates: Pick<UpdateService, 'status' | 'restart'>;
  readonly diagnosis: DiagnosisService;
  /** Opens the log folder (the host's), or throws a user-facing error. */
  readonly openLogFolder: () => Promise<void>;
  /** After the settings changed (the log's level follows them). */
  readonly settingsChanged?: (settings: AppSettings) => void;
  readonly wayBack: Pick<WayBackService, 'status'>;
}

type Implementation<K extends BridgeMethodName> = (
  ...args: BridgeArgs<K>
) => BridgeValue<K> | Promise<BridgeValue<K>>;

export function createBridgeHandlers(deps: BridgeHandlerDeps): BridgeHandlers {
  const { registry, vault, accounts, signIns, settings } = deps;

  function entry<K extends BridgeMethodName>(method: K, run: Implementation<K>) {
    return async (...raw: BridgeArgs<K>): Promise<Result<BridgeValue<K>>> => {
      const valid = validateBridgeArgs(method, raw);
      if (!valid.ok) return valid;
      try {
        return { ok: true, value: await run(...valid.value) };
      } catch (error) {
        return { ok: false, error: toUserFacing(error) };
      }
    };
  }

  const view = (config: ProviderConfig) => providerView(config, deps.secrets, deps.serverFacts);

  const requireProvider = (id: string): ProviderConfig => {
    const found = registry.get(id);
    if (!found) throw new AuthError('unknown_provider');
    return found;
  };

  return {
    getAppInfo: entry('getAppInfo', () => ({
      ...deps.appInfo,
      languages: [...deps.appInfo.languages],
    })),
    getAppSettings: entry('getAppSettings', () => settings.get()),
    updateAppSettings: entry('updateAppSettings', (patch) => {
      const next = settings.update(patch);
      deps.settingsChanged?.(next);
      return next;
    }),

    listProviders: entry('listProviders', () => registry.list().map(view)),
    getPortalPolicy: entry('getPortalPolicy', () => registry.policy()),
    addPortal: entry('addPortal', (input) => view(registry.addPortal(input))),
    updateProvider: entry('updateProvider', (providerId, patch) =>
      view(registry.update(providerId, patch)),
    ),
    setClientSecret: entry('setClientSecret', async (providerId, secret) => {
      const provider = requireProvider(providerId);
      if (provider.locked || provider.origin === 'demo') {
        const demo = provider.origin === 'demo';
        throw new ProviderError(
          'locked',
          demo
            ? `${provider.name} comes with its own client secret; it cannot be changed.`
            : `${provider.name} is set up by your administrator; its client secret cannot be changed here.`,
          undefined,
          { portal: provider.name, variant: demo ? 'demo-secret' : 'managed-secret' },
        );
      }
      const value = secret === null ? null : secret.trim();
      if (value === '') {
        throw new ProviderError(
          'invalid_input',
          'The client secret is empty. Paste it again from the portal.',
          'clientSecret',
          { variant: 'clientSecret' },
        );
      }
      await vault.setClientSecret(provider, value);
      accounts.providersChanged();
      return view(requireProvider(providerId));
    }),
    removeProvider: entry('removeProvider', async (providerId) => {
      const provider = requireProvider(providerId);
      const count = accounts.countOn(providerId);
      if (count > 0) throw new AccountError('provider_in_use', { portal: provider.name, count });
      registry.remove(providerId);
      signIns.cancel(providerId);
      await vault.setClientSecret(provider, null);
      return null;
    }),

    signIn: entry('signIn', (providerId) => signIns.start(providerId)),
    signInViaLoopback: entry('signInViaLoopback', (providerId) =>
      signIns.start(providerId, { viaLoopback: true }),
    ),
    reopenBrowser: entry('reopenBrowser', (providerId) => signIns.reopen(providerId)),
    cancelSignIn: entry('cancelSignIn', (providerId) => signIns.cancel(providerId)),
    completeSignIn: entry('completeSignIn', (url) => signIns.complete(url)),
    copySignInLink: entry('copySignInLink', (providerId) => signIns.copyLink(providerId)),
    getWayBack: entry('getWayBack', () => deps.wayBack.status()),
    signInWithApiToken: entry('signInWithApiToken', (input) => {
      if (deps.policy().allowApiTokens === false) throw new PolicyError('api-tokens');
      return accounts.signInWithApiToken(input);
    }),

    listAccounts: entry('listAccounts', () => accounts.list()),
    checkNow: entry('checkNow', (accountId) => accounts.checkNow(accountId)),
    signOut: entry('signOut', (accountId) => accounts.signOut(accountId)),

    getStorageStatus: entry('getStorageStatus', () => vault.storageStatus()),
    setWeakStorageAllowed: entry('setWeakStorageAllowed', async (allowed) => {
      // IT's policy first: a forbidden opt-in is not even asked about.
      if (allowed && deps.policy().allowWeakStorage === false) {
        throw new PolicyError('weak-storage');
      }
      // Turning protection down is the operator's to confirm, in the main
      // process's dialog: a page that was taken over could call this. Where
      // nothing can encrypt, the vault refuses it anyway (nothing to ask).
      const status = vault.storageStatus();
      if (allowed && status.encryptionAvailable && status.policy !== 'weak-allowed') {
        await requireConfirmation(deps.confirm, { kind: 'weak-storage', backend: status.backend });
      }
      return vault.setWeakStorageAllowed(allowed);
    }),
    getSetAsideFiles: entry('getSetAsideFiles', () => deps.setAside.list()),
    deleteSetAsideFiles: entry('deleteSetAsideFiles', () => deps.setAside.deleteAll()),
    setSetAsideRetention: entry('setSetAsideRetention', (days) =>
      deps.setAside.setRetentionDays(days),
    ),

    getPolicy: entry('getPolicy', () => deps.policyView()),
    getUpdateStatus: entry('getUpdateStatus', () => deps.updates.status()),
    restartToUpdate: entry('restartToUpdate', () => deps.updates.restart()),
    runDiagnosis: entry('runDiagnosis', (language) => deps.diagnosis.run(language)),
    saveDiagnosis: entry('saveDiagnosis', (language) => deps.diagnosis.save(language)),
    openLogFolder: entry('openLogFolder', async () => {
      await deps.openLogFolder();
      return null;
    }),
  };
}
