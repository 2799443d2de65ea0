// The policies in force, combined from every source an OS has, the first
// (highest) source winning: machine before user, and within one OS the order
// its reader gives (docs/it-deployment.md). A refused source counts for
// nothing. Portals are combined by id, so one source can add a portal and
// another set a different one. Pure: the sources are read elsewhere.
import { BUILT_IN_PROVIDERS } from '../providers/built-in';
import type { ManagedConfig, ManagedConfigError } from '../providers/managed-config';
import { ruleText } from '../providers/managed-config-rules';
import type { ProviderConfig } from '../providers/provider-config';
import type { PolicyReading, PolicySource, SourceRefusal } from './policy-document';
import { SCALAR_POLICY_NAMES, type PolicyName, type PolicyValues } from './policy-schema';

export interface EffectivePolicy {
  readonly values: PolicyValues;
  /** Where each policy in force comes from (`providers`: the first source that set any). */
  readonly sourceOf: Readonly<Partial<Record<PolicyName, PolicySource>>>;
  /** The portals and permissions, as the registry of portals takes them. */
  readonly managed: ManagedConfig;
  /** Sources that were there and refused, with why. */
  readonly refused: readonly (SourceRefusal & { readonly source: PolicySource })[];
  /** Every source that was there, highest first. */
  readonly sources: readonly PolicySource[];
}

export const NO_POLICY: EffectivePolicy = combinePolicies([]);

/** `readings` highest precedence first. */
export function combinePolicies(readings: readonly PolicyReading[]): EffectivePolicy {
  const values: Record<string, unknown> = {};
  const sourceOf: Partial<Record<PolicyName, PolicySource>> = {};
  const providers = new Map<string, ProviderConfig>();
  const clientSecrets = new Map<string, string>();
  const errors: ManagedConfigError[] = [];
  const refused: (SourceRefusal & { source: PolicySource })[] = [];

  for (const reading of readings) {
    if (reading.refused) {
      refused.push({ ...reading.refused, source: reading.source });
      continue;
    }
    errors.push(...reading.errors);
    for (const name of SCALAR_POLICY_NAMES) {
      const value = reading.values[name];
      if (value === undefined || name in values) continue;
      values[name] = value;
      sourceOf[name] = reading.source;
    }
    for (const provider of reading.providers ?? []) {
      if (providers.has(provider.id)) continue;
      providers.set(provider.id, provider);
      const secret = reading.clientSecrets.get(provider.id);
      if (secret !== undefined) clientSecrets.set(provider.id, secret);
      sourceOf.providers ??= reading.source;
    }
  }
  const used = readings.filter((r) => !r.refused).map((r) => r.source.location);
  const typed = values as PolicyValues;
  const defaultProviderId = defaultPortalOf(typed, [...providers.keys()], sourceOf, errors);
  return {
    values: typed,
    sourceOf,
    managed: {
      file: used.length ? used.join(', ') : null,
      providers: [...providers.values()],
      clientSecrets,
      allowCustomPortals: typed.allowCustomPortals ?? true,
      hideBuiltInPortals: typed.hideBuiltInPortals ?? false,
      defaultProviderId,
      errors,
    },
    refused,
    sources: readings.map((r) => r.source),
  };
}

/**
 * The default portal must be one the window lists: a portal the policies set,
 * or a built-in one that is not hidden. Otherwise it is reported and the
 * window opens as it would without it.
 */
function defaultPortalOf(
  values: PolicyValues,
  managedIds: readonly string[],
  sourceOf: Partial<Record<PolicyName, PolicySource>>,
  errors: ManagedConfigError[],
): string | null {
  const id = values.defaultPortal;
  if (!id) return null;
  const listed =
    managedIds.includes(id) ||
    (!values.hideBuiltInPortals && BUILT_IN_PROVIDERS.some((p) => p.id === id));
  if (listed) return id;
  errors.push({
    file: sourceOf.defaultPortal?.location ?? '(policy)',
    field: 'defaultPortal',
    rule: 'unknown-portal',
    message: ruleText({ rule: 'unknown-portal' }),
  });
  return null;
}

/** Two policies that would behave alike (what a change check compares). */
export function samePolicy(a: EffectivePolicy, b: EffectivePolicy): boolean {
  return fingerprint(a) === fingerprint(b);
}

function fingerprint(policy: EffectivePolicy): string {
  return JSON.stringify({
    values: policy.values,
    providers: policy.managed.providers,
    secrets: [...policy.managed.clientSecrets].sort(),
    errors: policy.managed.errors,
    refused: policy.refused,
    sourceOf: policy.sourceOf,
  });
}
