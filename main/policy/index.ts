// The policies module: what the rest of the main process may use.
export { combinePolicies, NO_POLICY, type EffectivePolicy } from './effective-policy';
export type { PolicyReading, PolicySource, SourceRefusal } from './policy-document';
export {
  POLICY_NAMES,
  type PolicyName,
  type PolicyValues,
  type UpdateChannel,
} from './policy-schema';
export {
  policyReaderFor,
  watchLinuxPolicies,
  type PolicyReader,
  type PolicyReaderOptions,
} from './policy-sources';
export { POLICY_CHECK_INTERVAL_MS, startPolicyService, type PolicyService } from './policy-service';
export { policySourceRefusalToUserFacing } from './policy-notices';
export { PolicyError } from './policy-error';
