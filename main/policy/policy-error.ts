// Refusals because IT set a policy, in words an operator can act on.
import { ExplainedError } from '../common/explained-error';

export type PolicyErrorCode = 'set_by_policy';

export class PolicyError extends ExplainedError {
  override readonly name = 'PolicyError';
  declare readonly code: PolicyErrorCode;

  /** `variant` names the setting: `api-tokens`, `weak-storage`, `launch-at-login`. */
  constructor(variant: 'api-tokens' | 'weak-storage' | 'launch-at-login') {
    super('set_by_policy', MESSAGES[variant], undefined, { variant });
  }
}

const MESSAGES = {
  'api-tokens':
    'Your organisation does not allow signing in with a personal API token on this computer. Sign in through the portal in your browser instead.',
  'weak-storage':
    'Your organisation does not allow keeping sign-ins on disk without a keyring. They stay in memory until the app closes; set up a system keyring to stay signed in.',
  'launch-at-login':
    'Your organisation sets whether Netrex Connect starts at login on this computer, so it cannot be changed here.',
} as const;
