// The app's own updates as a state machine (after VS Code's
// platform/update/common/update.ts): whether they run at all, with a reason
// when not, and what the updater's events may move. Pure: the service feeds
// it the policy and the updater's events, and shows its state.
import type { UpdateDisabledReason, UpdateView, UserFacingError } from '../common/model';
import type { PolicyValues, UpdateChannel } from '../policy/policy-schema';

export type UpdateState = UpdateView;

export interface UpdateFeed {
  /** The folder holding latest.yml (an electron-builder "generic" feed). */
  readonly url: string;
  readonly channel: UpdateChannel;
}

export interface UpdateFacts {
  /** An installed app (app.isPackaged): a development run never updates itself. */
  readonly packaged: boolean;
  /** Installed for every user of the machine (Program Files): IT deploys its versions. */
  readonly perMachine: boolean;
  /** The updater can install on this system (electron-updater has an updater for it). */
  readonly supported: boolean;
  /** The feed the build carries (app-update.yml), if any. */
  readonly builtInFeed: string | null;
  readonly policy: PolicyValues;
  /** An update policy was set but broken (it counts as off). */
  readonly policyInvalid: boolean;
}

export type UpdateDecision =
  | { readonly enabled: true; readonly feed: UpdateFeed }
  | { readonly enabled: false; readonly reason: UpdateDisabledReason };

/**
 * Whether updates run, and from where. The policy comes first: IT may turn
 * them off, pin a channel, or name the server. A per-machine install updates
 * itself only when IT says so explicitly (`updatesEnabled: true`): its
 * installer needs an administrator, and a silent per-machine update has been
 * known to uninstall the app without reinstalling it (electron-builder#4474).
 */
export function decideUpdates(facts: UpdateFacts): UpdateDecision {
  const { policy } = facts;
  if (!facts.packaged) return { enabled: false, reason: 'development' };
  if (facts.policyInvalid) return { enabled: false, reason: 'policy-invalid' };
  if (policy.updatesEnabled === false) return { enabled: false, reason: 'policy' };
  if (!facts.supported) return { enabled: false, reason: 'unsupported' };
  const url = policy.updateUrl ?? facts.builtInFeed;
  if (!url) return { enabled: false, reason: 'no-feed' };
  if (facts.perMachine && policy.updatesEnabled !== true) {
    return { enabled: false, reason: 'per-machine-install' };
  }
  return { enabled: true, feed: { url, channel: policy.updateChannel ?? 'latest' } };
}

/** What happened, from the service (decisions) or the updater (its events). */
export type UpdateEvent =
  | { readonly type: 'disabled'; readonly reason: UpdateDisabledReason }
  | { readonly type: 'enabled' }
  | { readonly type: 'checking' }
  | { readonly type: 'not-available'; readonly at: number }
  | { readonly type: 'available'; readonly version: string }
  | { readonly type: 'progress'; readonly percent: number }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'failed'; readonly error: UserFacingError }
  | { readonly type: 'blocked'; readonly by: 'sign-in' | 'saving' | null };

export const INITIAL_UPDATE_STATE: UpdateState = { state: 'disabled', reason: 'development' };

/**
 * The next state. An event that does not fit the state is ignored (an
 * updater may report late: a progress after a failure, a second download);
 * once an update is ready nothing but a policy that turns updates off moves
 * it, so the app never checks or downloads again meanwhile.
 */
export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'disabled':
      return { state: 'disabled', reason: event.reason };
    case 'enabled':
      return state.state === 'disabled' ? { state: 'idle', lastCheckAt: null } : state;
    case 'checking':
      return state.state === 'idle' || state.state === 'failed' ? { state: 'checking' } : state;
    case 'not-available':
      return state.state === 'checking' ? { state: 'idle', lastCheckAt: event.at } : state;
    case 'available':
      return state.state === 'checking'
        ? { state: 'downloading', version: event.version, percent: 0 }
        : state;
    case 'progress':
      return state.state === 'downloading'
        ? { ...state, percent: Math.max(state.percent, Math.min(100, Math.floor(event.percent))) }
        : state;
    case 'downloaded':
      return state.state === 'downloading' && state.version === event.version
        ? { state: 'ready', version: event.version, blocked: null }
        : state;
    case 'failed':
      return state.state === 'checking' || state.state === 'downloading'
        ? { state: 'failed', error: event.error }
        : state;
    case 'blocked':
      return state.state === 'ready' && state.blocked !== event.by
        ? { ...state, blocked: event.by }
        : state;
  }
}

/** Why "Restart to update" must wait now; null when it may go. */
export function restartBlockedBy(busy: {
  readonly signIn: boolean;
  readonly saving: boolean;
}): 'sign-in' | 'saving' | null {
  if (busy.signIn) return 'sign-in';
  if (busy.saving) return 'saving';
  return null;
}
