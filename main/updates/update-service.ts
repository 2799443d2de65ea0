// The app's updates while it runs: configured from the policy (reconfigured
// when it changes), a check a little after the start and then every few
// hours, the download in the background, and "Restart to update" offered
// once it is downloaded and verified, never while a sign-in runs or sign-ins
// are being saved. Nothing installs by itself: not on quit, not silently.
// A failed or refused update changes nothing of the running version; it is
// logged with its cause. The updater itself (electron-updater, with its
// checksum and signature checks left on) is behind UpdaterPort.
import type { Clock } from '../common/clock';
import type { Disposable } from '../common/lifecycle';
import type { Log } from '../common/log';
import type { UpdateView, UserFacingError } from '../common/model';
import { ExplainedError } from '../common/explained-error';
import {
  decideUpdates,
  INITIAL_UPDATE_STATE,
  nextUpdateState,
  restartBlockedBy,
  type UpdateDecision,
  type UpdateEvent,
  type UpdateFacts,
  type UpdateFeed,
} from './update-state';
import { updateFailure } from './update-errors';

export interface UpdaterPort {
  /** Points the updater at a feed (setFeedURL, channel). */
  configure(feed: UpdateFeed): void;
  /** Asks the feed; the version offered, or null when there is nothing newer. */
  check(): Promise<string | null>;
  /** Downloads what `check` found and verifies it; progress in percent. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits and installs what was downloaded. */
  install(): void;
  /** Stops a check or download in progress (policy turned updates off). */
  cancel(): void;
}

export interface UpdateServiceOptions {
  /** Null where no updater exists (tests of the decisions alone, development runs). */
  readonly updater: UpdaterPort | null;
  readonly clock: Clock;
  readonly log: Log;
  /** The facts but the policy, which `facts` reads each time. */
  readonly facts: () => UpdateFacts;
  /** Whether a sign-in runs now, or sign-ins are being written. */
  readonly busy: () => { readonly signIn: boolean; readonly saving: boolean };
  readonly emit: (view: UpdateView) => void;
  /** First check after the start (default 60 s), then every `intervalMs` (default 4 h). */
  readonly firstCheckMs?: number;
  readonly intervalMs?: number;
}

export interface UpdateService extends Disposable {
  status(): UpdateView;
  /** The policy (or the facts) changed: decide again, cancel or start. */
  reconfigure(): void;
  /** Checks now (the window's "Check now", and tests). */
  checkNow(): Promise<void>;
  /** A sign-in started or ended, a write began or landed: whether a restart may go now. */
  busyChanged(): void;
  /** "Restart to update": throws UpdateRefusal while it must wait. */
  restart(): UpdateView;
}

export class UpdateRefusal extends ExplainedError {
  override readonly name = 'UpdateRefusal';
  constructor(variant: 'sign-in' | 'saving' | 'not-ready') {
    super(
      'update_restart_refused',
      variant === 'sign-in'
        ? 'A sign-in is in progress. Finish or cancel it, then restart to update.'
        : variant === 'saving'
          ? 'Your sign-ins are being saved. Restart to update in a moment.'
          : 'No update is ready to install.',
      undefined,
      { variant },
    );
  }
}

export const FIRST_UPDATE_CHECK_MS = 60_000;
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60_000;

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { clock, log, updater } = options;
  let state: UpdateView = INITIAL_UPDATE_STATE;
  let decision: UpdateDecision = { enabled: false, reason: 'development' };
  let timer: Disposable | undefined;
  let generation = 0;
  let disposed = false;

  // Read through a call: `state` changes across the awaits below.
  const stateNow = (): UpdateView => state;
  const move = (event: UpdateEvent): void => {
    const next = nextUpdateState(state, event);
    if (next === state) return;
    if (next.state !== state.state || event.type === 'blocked') {
      log.info('update.state', {
        state: next.state,
        ...(next.state === 'disabled' ? { reason: next.reason } : {}),
        ...('version' in next ? { version: next.version } : {}),
      });
    }
    state = next;
    options.emit(state);
  };

  const schedule = (ms: number): void => {
    void timer?.dispose();
    timer = clock.setTimer(ms, () => void run(generation));
  };

  const run = async (ticket: number): Promise<void> => {
    if (disposed || ticket !== generation || !decision.enabled || !updater) return;
    if (state.state !== 'idle' && state.state !== 'failed') return;
    move({ type: 'checking' });
    try {
      const version = await updater.check();
      if (ticket !== generation) return;
      if (!version) {
        move({ type: 'not-available', at: clock.now() });
      } else {
        move({ type: 'available', version });
        await updater.download((percent) => {
          if (ticket === generation) move({ type: 'progress', percent });
        });
        if (ticket !== generation) return;
        move({ type: 'downloaded', version });
        move({ type: 'blocked', by: restartBlockedBy(options.busy()) });
      }
    } catch (error) {
      if (ticket !== generation) return;
      const failure: UserFacingError = updateFailure(error);
      log.warn('update.failed', { cause: failure.params?.variant ?? 'unknown' });
      move({ type: 'failed', error: failure });
    }
    if (ticket === generation && stateNow().state !== 'ready') {
      schedule(options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
    }
  };

  const reconfigure = (): void => {
    const next = decideUpdates(options.facts());
    const same =
      next.enabled === decision.enabled &&
      (next.enabled && decision.enabled
        ? next.feed.url === decision.feed.url && next.feed.channel === decision.feed.channel
        : !next.enabled && !decision.enabled && next.reason === decision.reason);
    if (same && state !== INITIAL_UPDATE_STATE) return;
    decision = next;
    generation++;
    void timer?.dispose();
    if (!next.enabled) {
      if (state.state === 'checking' || state.state === 'downloading') updater?.cancel();
      move({ type: 'disabled', reason: next.reason });
      return;
    }
    if (state.state === 'ready') return; // a verified download waits for its restart
    if (state.state !== 'disabled') {
      updater?.cancel();
      state = { state: 'disabled', reason: 'policy' };
    }
    updater?.configure(next.feed);
    log.info('update.configured', { channel: next.feed.channel });
    move({ type: 'enabled' });
    schedule(options.firstCheckMs ?? FIRST_UPDATE_CHECK_MS);
  };

  reconfigure();

  return {
    status: () => state,
    reconfigure,
    checkNow: () => run(generation),
    busyChanged: () => move({ type: 'blocked', by: restartBlockedBy(options.busy()) }),
    restart() {
      if (state.state !== 'ready' || !updater) throw new UpdateRefusal('not-ready');
      const blocked = restartBlockedBy(options.busy());
      move({ type: 'blocked', by: blocked });
      if (blocked) throw new UpdateRefusal(blocked);
      log.info('update.restart', { version: state.version });
      updater.install();
      return state;
    },
    dispose() {
      disposed = true;
      generation++;
      void timer?.dispose();
    },
  };
}
