// Figure 3a, start-up with 100 accounts: createServices over an app data
// folder whose vault holds 100 accounts, opened cold in this process (a fresh
// copy of the folder each run; the modules are loaded, the OS file cache is
// warm).
//
// "Ready" is when createServices resolves, as the Electron edge awaits it
// before it serves the window: the managed configuration looked up, the
// vault read, AES-GCM-decrypted and validated, the providers loaded, the
// sign-in engine made, the 100 account state machines built and each one's
// next step planned (a status check due at once), the handlers made. The 100
// status checks are queued, not awaited: their requests go out just after
// ready (none has been sent when createServices resolves). How long until all
// 100 show `connected` with a camera count is reported beside it, without a
// target.
import type { ProviderStandIn } from '../test/support/provider';
import { allConnected, openBenchServices, untilAccounts } from './bench-services';
import type { Fleet } from './fleet';
import { since, summarise, type Summary } from './stats';

export interface StartupFigures {
  readonly ready: Summary;
  /** The first (coldest) run, which is not in `ready`. */
  readonly firstRunMs: number;
  readonly allConnected: Summary;
  readonly runs: number;
  readonly warmupRuns: number;
}

export async function benchStartup(
  portal: ProviderStandIn,
  fleet: Fleet,
  { runs, warmupRuns }: { runs: number; warmupRuns: number },
): Promise<StartupFigures> {
  const ready: number[] = [];
  const connected: number[] = [];
  let firstRunMs = NaN;
  for (let run = 0; run < warmupRuns + runs; run++) {
    const dir = fleet.copy();
    try {
      await quiet();
      const start = performance.now();
      const services = await openBenchServices({
        dir: dir.path,
        cipher: fleet.cipher,
        portalUrl: portal.url,
      });
      const readyMs = since(start);
      try {
        if (services.accounts().length !== fleet.size) {
          throw new Error(`The services loaded ${services.accounts().length} accounts.`);
        }
        await untilAccounts(services, allConnected(fleet.size), 'start-up');
        const connectedMs = since(start);
        if (run === 0) firstRunMs = readyMs;
        if (run < warmupRuns) continue;
        ready.push(readyMs);
        connected.push(connectedMs);
      } finally {
        await services.dispose();
      }
    } finally {
      dir.dispose();
    }
  }
  return {
    ready: summarise(ready),
    firstRunMs,
    allConnected: summarise(connected),
    runs,
    warmupRuns,
  };
}

/** Lets whatever the previous run left (sockets closing, I/O callbacks) finish first. */
export async function quiet(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}
