// `npm run bench`: measures and reports (it is not a test). Builds nothing
// itself (the npm script builds the renderer first), starts the portal
// stand-in on loopback (and, for the connect figure, another one in a child
// process), measures the six figures one after the other,
// prints a table and writes bench/results.json. Closes everything it started,
// so the process ends by itself.
//
// BENCH_QUICK=1 takes fewer runs, to try the bench out; the JSON says so.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, startProvider } from '../test/support/provider';
import { measureBundle } from './bundle';
import { benchConnect } from './connect';
import { benchDiagnosis } from './diagnosis';
import { startPortalProcess } from './portal-process';
import { fleetUsers, prepareFleet, type Fleet } from './fleet';
import { benchMemory } from './memory';
import { benchRenderer } from './renderer-startup';
import { buildResults, formatTable } from './report';
import { benchStartup } from './startup';
import { benchStorm } from './storm';

/** How far away the informational second connect comparison puts the portal. */
const FAR_PORTAL_LATENCY_MS = 20;
/** The usual operator's window, against the 100-account one. */
const SMALL_FLEET = 3;
/** The check time limit the diagnosis figure's services are given (the app's: 4 s). */
const DIAGNOSIS_DEADLINE_MS = 2000;

const quick = process.env.BENCH_QUICK === '1';
const PLAN = quick
  ? {
      connect: { pairs: 8, warmupPairs: 2 },
      connectInProcess: { pairs: 8, warmupPairs: 2 },
      connectFar: { pairs: 4, warmupPairs: 1 },
      storm: { runs: 5, warmupRuns: 1 },
      startup: { runs: 5, warmupRuns: 1 },
      memory: { runs: 2 },
      renderer: { runs: 3, warmupRuns: 1 },
      diagnosis: { runs: 1, warmupRuns: 0, deadlineMs: DIAGNOSIS_DEADLINE_MS },
    }
  : {
      connect: { pairs: 101, warmupPairs: 5 },
      connectInProcess: { pairs: 51, warmupPairs: 5 },
      connectFar: { pairs: 15, warmupPairs: 2 },
      storm: { runs: 41, warmupRuns: 3 },
      startup: { runs: 41, warmupRuns: 2 },
      memory: { runs: 5 },
      renderer: { runs: 25, warmupRuns: 2 },
      diagnosis: { runs: 5, warmupRuns: 1, deadlineMs: DIAGNOSIS_DEADLINE_MS },
    };

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

function step(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const clockStart = performance.now();
  const loadAtStart = loadavg();

  step('renderer bundle');
  const bundle = measureBundle();

  // The connect figure signs in as `operator`; the fleet users are the 100 accounts.
  const portal = await startProvider({ users: [...DEFAULT_CONFIG.users, ...fleetUsers()] });
  let fleet: Fleet | undefined;
  let smallFleet: Fleet | undefined;
  try {
    // The connect figure talks to a stand-in in its own process, as the app
    // talks to a portal on another machine (ours and the baseline alike).
    const remote = await startPortalProcess();
    let connect, connectFar;
    try {
      step(`connect latency, portal in its own process, ${PLAN.connect.pairs} pairs`);
      connect = await benchConnect(remote, PLAN.connect);

      step(`connect latency with the portal ${FAR_PORTAL_LATENCY_MS} ms away (informational)`);
      await remote.latency('token', FAR_PORTAL_LATENCY_MS);
      await remote.latency('graphql', FAR_PORTAL_LATENCY_MS);
      connectFar = await benchConnect(remote, PLAN.connectFar);
    } finally {
      await remote.close();
    }

    step(
      `connect latency, portal in this process (informational), ${PLAN.connectInProcess.pairs} pairs`,
    );
    const connectInProcess = await benchConnect(portal, PLAN.connectInProcess);

    step(`refresh storm, ${PLAN.storm.runs} runs`);
    const storm = await benchStorm(PLAN.storm);

    step('preparing 100 accounts');
    fleet = await prepareFleet(portal);

    step(`start-up with ${fleet.size} accounts, ${PLAN.startup.runs} runs`);
    const startup = await benchStartup(portal, fleet, PLAN.startup);

    step(`memory, ${PLAN.memory.runs} processes`);
    const memory = await benchMemory(portal, fleet, PLAN.memory);

    step(`window with ${fleet.size} accounts in Chromium, ${PLAN.renderer.runs} runs`);
    const renderer = await benchRenderer(portal, fleet, PLAN.renderer);

    smallFleet = await prepareFleet(portal, SMALL_FLEET);
    step(`window with ${smallFleet.size} accounts in Chromium, ${PLAN.renderer.runs} runs`);
    const renderer3 = await benchRenderer(portal, smallFleet, PLAN.renderer);

    step(
      `diagnosis report, a silent portal and one answering, deadline ${DIAGNOSIS_DEADLINE_MS} ms, ${PLAN.diagnosis.runs} runs`,
    );
    const diagnosis = await benchDiagnosis(portal, PLAN.diagnosis);

    const results = buildResults(
      {
        connect,
        connectInProcess,
        connectFar: { ...connectFar, latencyMs: FAR_PORTAL_LATENCY_MS },
        storm,
        startup,
        renderer,
        renderer3,
        diagnosis,
        memory,
        bundle,
      },
      {
        startedAt,
        durationSec: (performance.now() - clockStart) / 1000,
        quick,
        loadAtStart,
      },
    );
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(formatTable(results));
  } finally {
    fleet?.dispose();
    smallFleet?.dispose();
    await portal.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
