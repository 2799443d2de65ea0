// The policies, applied: the portals and their lockdown go to the registry,
// IT's client secrets to the vault, a forbidden weak storage takes an
// earlier opt-in back (the secrets it put on disk are taken off), a forced
// "start at login" is set in the OS; and what could not be used is said,
// once per problem. At the start and again whenever the policy changes.
import type { AppPorts } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { Log } from '../common/log';
import type { PolicyView, UserFacingError } from '../common/model';
import type { EffectivePolicy, PolicyService } from '../policy';
import { policySourceRefusalToUserFacing } from '../policy';
import { managedConfigErrorToUserFacing, type ProviderRegistry } from '../providers';
import { VaultError, type TokenVault } from '../vault';
import type { BridgeEventHub } from './bridge-events';

export function policyView(policy: EffectivePolicy): PolicyView {
  const v = policy.values;
  const view: Record<string, unknown> = {
    allowCustomPortals: v.allowCustomPortals,
    allowApiTokens: v.allowApiTokens,
    allowWeakStorage: v.allowWeakStorage,
    launchAtLogin: v.launchAtLogin,
    updatesEnabled: v.updatesEnabled,
    updateChannel: v.updateChannel,
    logLevel: v.logLevel,
  };
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return view as PolicyView;
}

export interface PolicyRulesDeps {
  readonly policies: PolicyService;
  readonly registry: ProviderRegistry;
  readonly vault: TokenVault;
  readonly hub: BridgeEventHub;
  readonly loginItem: AppPorts['loginItem'];
  readonly log: Log;
  /** Also told of every change (the updates reconfigure). */
  readonly changed: (policy: EffectivePolicy) => void;
}

/** Applies the current policy now, and each change from then on. */
export async function applyPolicies(deps: PolicyRulesDeps): Promise<Disposable> {
  const said = new Set<string>();
  const apply = async (policy: EffectivePolicy): Promise<void> => {
    for (const notice of policyNotices(policy)) {
      const key = JSON.stringify([notice.code, notice.params]);
      if (said.has(key)) continue;
      said.add(key);
      deps.hub.notice('warning', notice);
    }
    await storeManagedSecrets(policy, deps);
    await enforceWeakStorage(policy, deps);
    const forced = policy.values.launchAtLogin;
    if (forced !== undefined && deps.loginItem && deps.loginItem.get() !== forced) {
      deps.loginItem.set(forced);
      deps.log.info('policy.launch_at_login', { enabled: forced });
    }
  };
  await apply(deps.policies.current());
  let queue = Promise.resolve();
  const subscription = deps.policies.onDidChange((policy) => {
    deps.registry.setManaged(policy.managed);
    queue = queue
      .then(() => apply(policy))
      .catch((error: unknown) =>
        deps.log.warn('policy.apply_failed', {
          error: error instanceof Error ? error.name : 'error',
        }),
      )
      .then(() => {
        deps.hub.emit('policy-changed', policyView(policy));
        deps.changed(policy);
      });
  });
  return toDisposable(async () => {
    await subscription.dispose();
    await queue;
  });
}

function policyNotices(policy: EffectivePolicy): UserFacingError[] {
  return [
    ...policy.refused.map(policySourceRefusalToUserFacing),
    ...policy.managed.errors.map(managedConfigErrorToUserFacing),
  ];
}

/** Client secrets IT deployed go to the vault (written only when they changed). */
async function storeManagedSecrets(policy: EffectivePolicy, deps: PolicyRulesDeps): Promise<void> {
  const { managed } = policy;
  for (const [providerId, secret] of managed.clientSecrets) {
    const provider = managed.providers.find((p) => p.id === providerId);
    if (!provider || deps.vault.getClientSecret(provider) === secret) continue;
    try {
      await deps.vault.setClientSecret(provider, secret);
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      deps.hub.notice('warning', error.toUserFacing());
    }
  }
}

/** IT forbids weak storage: an earlier opt-in is taken back (its file emptied). */
async function enforceWeakStorage(policy: EffectivePolicy, deps: PolicyRulesDeps): Promise<void> {
  if (policy.values.allowWeakStorage !== false) return;
  if (deps.vault.storageStatus().policy !== 'weak-allowed') return;
  await deps.vault.setWeakStorageAllowed(false);
  deps.log.info('policy.weak_storage_withdrawn');
}
