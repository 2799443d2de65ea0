// What a bench run reports: the targets, bench/results.json (medians, their
// spreads, run counts, the machine, the date) and the table printed at the end.
import { cpus, loadavg, totalmem } from 'node:os';
import type { BundleFigures } from './bundle';
import type { ConnectFigures } from './connect';
import type { MemoryFigures } from './memory';
import type { RendererFigures } from './renderer-startup';
import type { StartupFigures } from './startup';
import { rounded, type Summary } from './stats';
import type { StormFigures } from './storm';

export const TARGETS = {
  connectRatio: 1.25,
  stormTokenRequests: 1,
  /** p99 ≤ the refresh round trip + this. */
  stormSlackMs: 10,
  servicesMs: 100,
  rendererMs: 300,
  heapMb: 30,
  gzipKb: 120,
} as const;

export interface Figures {
  /** Against the stand-in in a process of its own (the target figure). */
  readonly connect: ConnectFigures;
  /** The same against the stand-in in the bench's own process (no target; the older method). */
  readonly connectInProcess: ConnectFigures;
  /** The same comparison with the stand-in's token and GraphQL answers delayed (no target). */
  readonly connectFar: ConnectFigures & { readonly latencyMs: number };
  readonly storm: StormFigures;
  readonly startup: StartupFigures;
  readonly renderer: RendererFigures;
  readonly memory: MemoryFigures;
  readonly bundle: BundleFigures;
}

type Spread = Omit<Summary, 'n' | 'median'>;

function spread(summary: Summary, digits = 2): Spread {
  const { p25, p75, min, max } = rounded(summary, digits);
  return { p25, p75, min, max };
}

const med = (summary: Summary, digits = 2) => rounded(summary, digits).median;

export function buildResults(
  figures: Figures,
  run: { startedAt: Date; durationSec: number; quick: boolean; loadAtStart: number[] },
) {
  const { connect, connectInProcess, connectFar, storm, startup, renderer, memory, bundle } =
    figures;
  const stormLimit = storm.refreshRtt.median + TARGETS.stormSlackMs;
  return {
    date: run.startedAt.toISOString(),
    durationSec: Number(run.durationSec.toFixed(1)),
    quick: run.quick,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverageAtStart: run.loadAtStart.map((x) => Number(x.toFixed(2))),
      loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
    },
    method:
      'Each figure is the median over the runs counted in "runs" (warm-up runs excluded); ' +
      '"spread" gives the interquartile range (p25–p75) and min–max of the same runs. ' +
      'Times in ms, memory in MB (2^20 bytes), bundle in KB (1000 bytes).',
    connect: {
      oursMs: med(connect.ours),
      baselineMs: med(connect.baseline),
      ratio: med(connect.ratio, 3),
      target: `ours / baseline <= ${TARGETS.connectRatio}`,
      met: connect.ratio.median <= TARGETS.connectRatio,
      runs: connect.pairs,
      warmupRuns: connect.warmupPairs,
      spread: {
        oursMs: spread(connect.ours),
        baselineMs: spread(connect.baseline),
        ratio: spread(connect.ratio, 3),
      },
      ratioIs: 'the median of per-pair ratios (ours and baseline measured back to back)',
      portalIs:
        'the stand-in in a Node process of its own on loopback, shared by ours and the baseline (a real portal is another machine: it answers while the app does its own work)',
      portalInProcess: {
        note: 'informational, no target: the same pairs with the stand-in in the bench process (the method before 2026-11-28): every synchronous step of the app, the fsync-ed vault write above all, also stops the portal',
        oursMs: med(connectInProcess.ours),
        baselineMs: med(connectInProcess.baseline),
        ratio: med(connectInProcess.ratio, 3),
        runs: connectInProcess.pairs,
        warmupRuns: connectInProcess.warmupPairs,
        spread: {
          oursMs: spread(connectInProcess.ours),
          baselineMs: spread(connectInProcess.baseline),
          ratio: spread(connectInProcess.ratio, 3),
        },
      },
      portalFarAway: {
        note: 'informational, no target: the same pairs with the stand-in (own process) answering token and GraphQL requests after a delay',
        latencyMs: connectFar.latencyMs,
        oursMs: med(connectFar.ours),
        baselineMs: med(connectFar.baseline),
        ratio: med(connectFar.ratio, 3),
        runs: connectFar.pairs,
        spread: { ratio: spread(connectFar.ratio, 3) },
      },
    },
    storm: {
      calls: storm.calls,
      tokenRequests: med(storm.tokenRequests, 0),
      tokenRequestsPerRun: storm.tokenRequestsPerRun,
      p99Ms: med(storm.p99),
      refreshRttMs: med(storm.refreshRtt),
      maxWaitMs: med(storm.maxWait),
      target: `token requests = 1 in every run; p99 <= refreshRttMs + ${TARGETS.stormSlackMs}`,
      targetP99Ms: Number(stormLimit.toFixed(2)),
      met: {
        tokenRequests: storm.tokenRequests.min === 1 && storm.tokenRequests.max === 1,
        p99: storm.p99.median <= stormLimit,
      },
      runs: storm.runs,
      warmupRuns: storm.warmupRuns,
      refreshRttSamples: storm.refreshRtt.n,
      spread: {
        p99Ms: spread(storm.p99),
        refreshRttMs: spread(storm.refreshRtt),
        maxWaitMs: spread(storm.maxWait),
      },
    },
    startup: {
      servicesMs: med(startup.ready),
      rendererMs: med(renderer.cardsInDom),
      allConnectedMs: med(startup.allConnected),
      rendererNextFrameMs: med(renderer.nextFrame),
      firstServicesRunMs: Number(startup.firstRunMs.toFixed(2)),
      accounts: 100,
      target: { servicesMs: TARGETS.servicesMs, rendererMs: TARGETS.rendererMs },
      met: {
        servicesMs: startup.ready.median <= TARGETS.servicesMs,
        rendererMs: renderer.cardsInDom.median <= TARGETS.rendererMs,
      },
      ready:
        'createServices resolved: vault read, decrypted and validated, providers, engine, 100 account machines built and each one’s next step planned, handlers made',
      renderer:
        'navigation start -> 100 account cards in the DOM of the Connections screen (Chromium, new context per run)',
      runs: { services: startup.runs, renderer: renderer.runs },
      warmupRuns: { services: startup.warmupRuns, renderer: renderer.warmupRuns },
      spread: {
        servicesMs: spread(startup.ready),
        rendererMs: spread(renderer.cardsInDom),
        allConnectedMs: spread(startup.allConnected),
      },
    },
    memory: {
      heapMb: med(memory.delta),
      emptyHeapMb: med(memory.empty),
      fullHeapMb: med(memory.full),
      target: `heap(100 accounts) - heap(no accounts) <= ${TARGETS.heapMb} MB`,
      met: memory.delta.median <= TARGETS.heapMb,
      runs: memory.runs,
      spread: { heapMb: spread(memory.delta) },
    },
    bundle: {
      gzipKb: Number(bundle.gzipKb.toFixed(1)),
      rawKb: Number(bundle.rawKb.toFixed(1)),
      files: bundle.files,
      target: `<= ${TARGETS.gzipKb} KB gzip`,
      met: bundle.gzipKb <= TARGETS.gzipKb,
      runs: 1,
      spread: 'none: the size of one build is deterministic',
    },
  };
}

export type Results = ReturnType<typeof buildResults>;

/** The table printed at the end of a run. */
export function formatTable(r: Results): string {
  const f = (x: number, digits = 1) => x.toFixed(digits);
  const iqr = (s: Spread, digits = 1, unit = '') =>
    `${f(s.p25, digits)}–${f(s.p75, digits)}${unit}`;
  const verdict = (met: boolean) => (met ? 'ok' : 'MISSED');
  const rows: string[][] = [
    ['figure', 'median', 'IQR (p25–p75)', 'runs', 'target', 'result'],
    [
      '1. connect: ours (portal in own process)',
      `${f(r.connect.oursMs, 2)} ms`,
      iqr(r.connect.spread.oursMs, 2, ' ms'),
      `${r.connect.runs}`,
      '',
      '',
    ],
    [
      '   connect: baseline (oauth4webapi)',
      `${f(r.connect.baselineMs, 2)} ms`,
      iqr(r.connect.spread.baselineMs, 2, ' ms'),
      `${r.connect.runs}`,
      '',
      '',
    ],
    [
      '   connect: ours / baseline',
      f(r.connect.ratio, 2),
      iqr(r.connect.spread.ratio, 2),
      `${r.connect.runs}`,
      `<= ${TARGETS.connectRatio}`,
      verdict(r.connect.met),
    ],
    [
      '   (portal in the bench process: ours / baseline)',
      f(r.connect.portalInProcess.ratio, 2),
      iqr(r.connect.portalInProcess.spread.ratio, 2),
      `${r.connect.portalInProcess.runs}`,
      'info',
      '',
    ],
    [
      `   (portal ${r.connect.portalFarAway.latencyMs} ms away: ours / baseline)`,
      f(r.connect.portalFarAway.ratio, 2),
      iqr(r.connect.portalFarAway.spread.ratio, 2),
      `${r.connect.portalFarAway.runs}`,
      'info',
      '',
    ],
    [
      `2. storm: token requests (${r.storm.calls} calls)`,
      `${r.storm.tokenRequests}`,
      `${Math.min(...r.storm.tokenRequestsPerRun)}–${Math.max(...r.storm.tokenRequestsPerRun)} (min–max)`,
      `${r.storm.runs}`,
      '= 1 every run',
      verdict(r.storm.met.tokenRequests),
    ],
    [
      '   storm: p99 wait',
      `${f(r.storm.p99Ms, 2)} ms`,
      iqr(r.storm.spread.p99Ms, 2, ' ms'),
      `${r.storm.runs}`,
      `<= ${f(r.storm.targetP99Ms, 2)} ms`,
      verdict(r.storm.met.p99),
    ],
    [
      '   storm: bare refresh round trip',
      `${f(r.storm.refreshRttMs, 2)} ms`,
      iqr(r.storm.spread.refreshRttMs, 2, ' ms'),
      `${r.storm.refreshRttSamples}`,
      'reference',
      '',
    ],
    [
      '3. start-up: services ready (100 accounts)',
      `${f(r.startup.servicesMs)} ms`,
      iqr(r.startup.spread.servicesMs, 1, ' ms'),
      `${r.startup.runs.services}`,
      `<= ${TARGETS.servicesMs} ms`,
      verdict(r.startup.met.servicesMs),
    ],
    [
      '   start-up: all 100 connected',
      `${f(r.startup.allConnectedMs)} ms`,
      iqr(r.startup.spread.allConnectedMs, 1, ' ms'),
      `${r.startup.runs.services}`,
      'info',
      '',
    ],
    [
      '   start-up: window, 100 cards in DOM',
      `${f(r.startup.rendererMs)} ms`,
      iqr(r.startup.spread.rendererMs, 1, ' ms'),
      `${r.startup.runs.renderer}`,
      `<= ${TARGETS.rendererMs} ms`,
      verdict(r.startup.met.rendererMs),
    ],
    [
      '4. memory: heap, 100 accounts over none',
      `${f(r.memory.heapMb, 2)} MB`,
      iqr(r.memory.spread.heapMb, 2, ' MB'),
      `${r.memory.runs}`,
      `<= ${TARGETS.heapMb} MB`,
      verdict(r.memory.met),
    ],
    [
      '5. bundle: renderer JS, gzip',
      `${f(r.bundle.gzipKb)} KB`,
      'deterministic',
      '1',
      `<= ${TARGETS.gzipKb} KB`,
      verdict(r.bundle.met),
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const m = r.machine;
  return [
    `Netrex Connect benchmarks — ${r.date}${r.quick ? ' (QUICK: fewer runs)' : ''}`,
    `${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end`,
    '',
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    '',
    `${r.durationSec} s. Medians over the runs shown; IQR = 25th–75th percentile. Details: bench/results.json`,
  ].join('\n');
}
