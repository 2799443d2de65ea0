// The app's services (createServices) over the ports the test rig uses —
// Node's fetch, AES-256-GCM, conf documents in a folder — with the portal
// stand-in as the demo portal. Unlike test/support/services-rig.ts this
// records nothing: the rig keeps every event as JSON for leak searches, which
// would add to the times and the heap being measured. The services write
// their log file (main/support/log-file.ts) into `<dir>/logs` as the app does
// (app-shell.ts hands the same file as `log` and `logFile`): whatever the log
// adds to a sign-in or a start is counted.
import { join } from 'node:path';
import type { AppPorts, AppServices } from '../main/app-services';
import { systemClock, type Clock } from '../main/common/clock';
import { createConfDocumentStore } from '../main/common/document-store';
import type { AccountSnapshot } from '../main/ipc/contract';
import { createServices, type ServiceOptions } from '../main/services';
import { openLogFile, type LogFile } from '../main/support/log-file';
import type { AesGcmCipher } from '../test/support/aes-cipher';
import { demoPortalOf } from '../test/support/demo-portal';
import { APP_INFO } from '../test/support/services-rig';

/**
 * Long enough that no periodic status check runs while a figure is measured
 * (the app's default is 5 min): only the work being timed happens.
 */
export const QUIET_PROBE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** How long a bench step may wait for the services before it calls the run broken. */
export const STEP_TIMEOUT_MS = 30_000;

export interface BenchServicesOptions {
  /** The app's data folder (vault, settings, providers documents). */
  readonly dir: string;
  readonly cipher: AesGcmCipher;
  /** The stand-in's base URL, offered as the demo portal (provider id `demo`). */
  readonly portalUrl: string;
  /** Default: the system clock, as in the app. */
  readonly clock?: Clock;
  /** Where the URL the app would open in the system browser goes. */
  readonly openExternal?: (url: string) => Promise<void>;
}

export function benchPorts(options: BenchServicesOptions, logFile?: LogFile): AppPorts {
  return {
    ...(logFile ? { log: logFile, logFile } : {}),
    fetch,
    cipher: options.cipher,
    openExternal: options.openExternal ?? (() => Promise.resolve()),
    documentStore: (name) => createConfDocumentStore(options.dir, name),
    platform: 'linux',
    appInfo: { ...APP_INFO, languages: [...APP_INFO.languages] },
    // A path that does not exist: no managed configuration, as on most machines.
    managedConfigPath: `${options.dir}/managed-config-absent.json`,
  };
}

/**
 * createServices as the app calls it, with the demo portal, quiet timers and
 * the log file in `<dir>/logs`; disposing the services closes the log too.
 */
export async function openBenchServices(
  options: BenchServicesOptions,
  extra: Pick<ServiceOptions, 'diagnosisTimeoutMs'> = {},
): Promise<AppServices> {
  // The bench closes the stand-in itself (it may run in another process).
  const demo = demoPortalOf({ url: options.portalUrl, close: () => Promise.resolve() });
  const logFile = openLogFile({ folder: join(options.dir, 'logs') });
  try {
    const services = await createServices(benchPorts(options, logFile), demo, {
      clock: options.clock ?? systemClock,
      probeIntervalMs: QUIET_PROBE_INTERVAL_MS,
      env: {},
      ...extra,
    });
    const dispose = services.dispose.bind(services);
    return Object.assign(services, {
      async dispose() {
        try {
          await dispose();
        } finally {
          logFile.dispose();
        }
      },
    });
  } catch (error) {
    logFile.dispose();
    throw error;
  }
}

/**
 * Resolves with the first account list (the current one, or one the services
 * emit) that passes `test`; rejects on a notice of level error or after
 * STEP_TIMEOUT_MS, so a broken run fails loudly instead of hanging.
 */
export function untilAccounts(
  services: AppServices,
  test: (accounts: readonly AccountSnapshot[]) => boolean,
  what: string,
): Promise<readonly AccountSnapshot[]> {
  return new Promise((resolve, reject) => {
    const subscriptions = [
      services.events.on('accounts-changed', (list) => {
        if (test(list)) finish(() => resolve(list));
      }),
      services.events.on('notice', (notice) => {
        if (notice.level === 'error' || notice.level === 'warning') {
          finish(() => reject(new Error(`${what}: the services said "${notice.message}"`)));
        }
      }),
    ];
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what}: not within ${STEP_TIMEOUT_MS} ms`))),
      STEP_TIMEOUT_MS,
    );
    function finish(settle: () => void): void {
      clearTimeout(timer);
      for (const subscription of subscriptions) void subscription.dispose();
      settle();
    }
    const now = services.accounts();
    if (test(now)) finish(() => resolve(now));
  });
}

/** Every account connected with its camera count known (the status check answered). */
export function allConnected(expected: number) {
  return (accounts: readonly AccountSnapshot[]): boolean =>
    accounts.length === expected &&
    accounts.every((a) => a.state === 'connected' && a.cameras !== null);
}
