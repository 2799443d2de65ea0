// The diagnosis figure of the bench (bench/diagnosis.ts) can tell a report
// that runs its checks at once from one that runs them one after another:
// over the same rig (the stand-in answering, a loopback port that never
// answers), the services' own report has the silent portal's checks timed
// out and the stand-in's answered, while a control that bounds the same
// probes one check after another (each with the same deadline) misses the
// target, measured once. No time target is asserted for the real report
// here: speed targets live in the bench, not in tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/common/clock';
import { bounded } from '../../../main/support/diagnosis/bounded';
import { createNodeProbes } from '../../../main/support/diagnosis/node-probes';
import {
  diagnosisMet,
  openDiagnosisRig,
  timeReports,
  type DiagnosisRig,
} from '../../../bench/diagnosis';
import { startProvider, type ProviderStandIn } from '../../support/provider';

const DEADLINE_MS = 400;
const ONCE = { runs: 1, warmupRuns: 0 };

let portal: ProviderStandIn;
let rig: DiagnosisRig;
beforeAll(async () => {
  portal = await startProvider({});
  rig = await openDiagnosisRig(portal, DEADLINE_MS);
});
afterAll(async () => {
  await rig?.close();
  await portal?.close();
});

/** The control: each portal's probes, each bounded by the deadline, awaited one after another. */
async function serialChecks(urls: readonly string[]): Promise<string[]> {
  const probes = createNodeProbes({ fetch });
  const bounds = { clock: systemClock, elapsed: () => performance.now() };
  const outcomes: string[] = [];
  for (const base of urls) {
    const { hostname, port } = new URL(base);
    const steps: ((signal: AbortSignal) => Promise<unknown>)[] = [
      (signal: AbortSignal) => probes.lookup(hostname, signal),
      (signal: AbortSignal) => probes.connect(hostname, Number(port), signal),
      (signal: AbortSignal) => probes.request(`${base}/oauth2/token`, 'POST', signal),
      (signal: AbortSignal) => probes.request(`${base}/api/graphql.php`, 'POST', signal),
    ];
    for (const step of steps) outcomes.push((await bounded(bounds, DEADLINE_MS, step)).kind);
  }
  return outcomes;
}

describe('the diagnosis figure', () => {
  it("times the services' report over a silent portal and one that answers", async () => {
    let report: Awaited<ReturnType<typeof rig.services.handlers.runDiagnosis>> | undefined;
    const figures = await timeReports(
      async () => void (report = await rig.services.handlers.runDiagnosis('en')),
      DEADLINE_MS,
      ONCE,
    );
    if (!report?.ok) throw new Error('no report');
    const checks = report.value.report.sections.flatMap((s) => s.checks);
    const status = (id: string) => checks.find((c) => c.id === id)?.status;
    const silent = `portal.${rig.silentId}`;
    expect([status(`${silent}.tcp`), status(`${silent}.http.token`)]).toEqual(['ok', 'fail']);
    expect(checks.find((c) => c.id === `${silent}.http.api`)?.code).toBe('timed_out');
    expect([status('portal.demo.http.token'), status('portal.demo.http.api')]).toEqual([
      'ok',
      'ok',
    ]);
    // It waited for the silent portal: at least the deadline.
    expect(figures.reportMs.median).toBeGreaterThanOrEqual(DEADLINE_MS);
  });

  it('fails a control that runs the same checks one after another', async () => {
    let outcomes: string[] = [];
    const control = await timeReports(
      async () => void (outcomes = await serialChecks([rig.silent.url, portal.url])),
      DEADLINE_MS,
      ONCE,
    );
    expect(outcomes).toEqual([
      'done',
      'done',
      'timed_out',
      'timed_out',
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(control.ratio.median).toBeGreaterThanOrEqual(2);
    expect(diagnosisMet(control)).toBe(false);
  });
});
