// The policies in force while the app runs (VS Code's IPolicyService, after
// vscode/src/vs/platform/policy): read once before any service that obeys
// them exists, then again whenever a source may have changed. On Linux a
// watch on /etc/netrex-connect (and policy.d) notices an edit at once,
// debounced; on every OS the sources are read again every few minutes and on
// resume, because Windows and macOS give a plain process no notice of a
// Group Policy refresh or a new profile (the host calls `refresh`). A
// removed policy counts as a change too (vscode#244997).
import type { Clock } from '../common/clock';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { Log } from '../common/log';
import { combinePolicies, samePolicy, type EffectivePolicy } from './effective-policy';
import type { PolicyReader } from './policy-sources';

export const POLICY_CHECK_INTERVAL_MS = 5 * 60_000;
export const POLICY_WATCH_DEBOUNCE_MS = 500;

export interface PolicyService extends Disposable {
  current(): EffectivePolicy;
  /** Reads every source again; true when the policy in force changed. */
  refresh(): Promise<boolean>;
  onDidChange(listener: (policy: EffectivePolicy) => void): Disposable;
}

export interface PolicyServiceOptions {
  readonly read: PolicyReader;
  readonly clock: Clock;
  readonly log: Log;
  readonly intervalMs?: number;
  /**
   * Calls `changed` when a watched source may have changed (Linux: fs.watch
   * on the policy folders); absent where the OS gives no such notice.
   */
  readonly watch?: (changed: () => void) => Disposable;
}

export async function startPolicyService(options: PolicyServiceOptions): Promise<PolicyService> {
  const { clock, log } = options;
  const listeners = new Set<(policy: EffectivePolicy) => void>();
  let current = combinePolicies(await options.read());
  let disposed = false;
  let reading: Promise<boolean> | null = null;
  let again = false;
  logPolicy(log, current);

  const readOnce = async (): Promise<boolean> => {
    const next = combinePolicies(await options.read());
    if (disposed || samePolicy(current, next)) return false;
    current = next;
    logPolicy(log, current);
    for (const listener of [...listeners]) listener(current);
    return true;
  };
  // One read at a time; a request during a read runs once more after it.
  const refresh = (): Promise<boolean> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      let changed = false;
      do {
        again = false;
        changed = (await readOnce()) || changed;
      } while (again && !disposed);
      reading = null;
      return changed;
    })();
    return reading;
  };

  let periodic: Disposable | undefined;
  const schedule = (): void => {
    periodic = clock.setTimer(options.intervalMs ?? POLICY_CHECK_INTERVAL_MS, () => {
      void refresh().finally(() => !disposed && schedule());
    });
  };
  schedule();

  let debounce: Disposable | undefined;
  const watching = options.watch?.(() => {
    void debounce?.dispose();
    debounce = clock.setTimer(POLICY_WATCH_DEBOUNCE_MS, () => void refresh());
  });

  return {
    current: () => current,
    refresh,
    onDidChange(listener) {
      listeners.add(listener);
      return toDisposable(() => void listeners.delete(listener));
    },
    async dispose() {
      disposed = true;
      listeners.clear();
      await periodic?.dispose();
      await debounce?.dispose();
      await watching?.dispose();
    },
  };
}

function logPolicy(log: Log, policy: EffectivePolicy): void {
  log.info('policy.read', {
    sources: policy.sources.map((s) => s.location).join(', ') || 'none',
    set: Object.keys(policy.values).join(',') || 'none',
    portals: policy.managed.providers.length,
    errors: policy.managed.errors.length,
    refused: policy.refused.length,
  });
  for (const refusal of policy.refused) {
    log.warn('policy.source_refused', {
      source: refusal.source.location,
      reason: refusal.reason,
      path: refusal.path,
    });
  }
}
