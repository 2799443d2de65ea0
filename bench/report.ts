// What a bench run reports: the targets, bench/results.json (medians, their
// spreads, run counts, the machine, the date) and the table printed at the end.
import { cpus, loadavg, totalmem } from 'node:os';
import type { BundleFigures } from './bundle';
import type { ConnectFigures } from './connect';
import { DIAGNOSIS_SLACK, diagnosisMet, type DiagnosisFigures } from './diagnosis';
import type { MemoryFigures } from './memory';
import type { RendererFigures } from './renderer-startup';
import type { StartupFigures } from './startup';
import { rounded, type Summary } from './stats';
import type { StormFigures } from './storm';

export const TARGETS = {
  /** Ours / floor (the bare protocol plus one durable write). */
  connectFloorRatio: 1.2,
  /** The window / its static floor, 100 and 3 accounts. */
  windowFloorRatio100: 3,
  windowFloorRatio3: 2,
  /** The diagnosis report / its deadline. */
  diagnosisRatio: 1 + DIAGNOSIS_SLACK,
  stormTokenRequests: 1,
  /** p99 ≤ the refresh round trip + this. */
  stormSlackMs: 10,
  servicesMs: 100,
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
  /** The window with 100 accounts, and with 3. */
  readonly renderer: RendererFigures;
  readonly renderer3: RendererFigures;
  readonly diagnosis: DiagnosisFigures;
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
  const {
    connect,
    connectInProcess,
    connectFar,
    storm,
    startup,
    renderer,
    renderer3,
    diagnosis,
    memory,
    bundle,
  } = figures;
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
      floorRatio: med(connect.floorRatio, 3),
      target: `ours / floor <= ${TARGETS.connectFloorRatio}`,
      met: connect.floorRatio.median <= TARGETS.connectFloorRatio,
      bareRatio: med(connect.ratio, 3),
      bareRatioNote: 'information, no target: ours / the bare protocol, which keeps nothing',
      oursMs: med(connect.ours),
      floorMs: med(connect.floor),
      bareMs: med(connect.baseline),
      sealedBytes: connect.sealedBytes,
      runs: connect.pairs,
      warmupRuns: connect.warmupPairs,
      spread: {
        floorRatio: spread(connect.floorRatio, 3),
        bareRatio: spread(connect.ratio, 3),
        oursMs: spread(connect.ours),
        floorMs: spread(connect.floor),
        bareMs: spread(connect.baseline),
      },
      ratioIs:
        'the median of per-round ratios (ours, the floor and the bare protocol measured back to back, taking turns first)',
      floorIs:
        'oauth4webapi: the code checked, one token request, the tokens sealed (AES-256-GCM) into a blob of sealedBytes (our vault file with the account) and written atomically and durably (temporary file, write, fsync, rename, folder fsync), one GraphQL request',
      bareIs: 'the same without the sealed durable write',
      includesLog: 'the services write their log file as the app does (main/support/log-file.ts)',
      portalIs:
        'the stand-in in a Node process of its own on loopback, shared by all three (a real portal is another machine: it answers while the app does its own work)',
      portalInProcess: {
        note: 'informational, no target: the same pairs with the stand-in in the bench process (the method before 2026-11-28): every synchronous step of the app, the fsync-ed vault write above all, also stops the portal',
        floorRatio: med(connectInProcess.floorRatio, 3),
        bareRatio: med(connectInProcess.ratio, 3),
        oursMs: med(connectInProcess.ours),
        floorMs: med(connectInProcess.floor),
        bareMs: med(connectInProcess.baseline),
        runs: connectInProcess.pairs,
        warmupRuns: connectInProcess.warmupPairs,
        spread: {
          floorRatio: spread(connectInProcess.floorRatio, 3),
          bareRatio: spread(connectInProcess.ratio, 3),
        },
      },
      portalFarAway: {
        note: 'informational, no target: the same pairs with the stand-in (own process) answering token and GraphQL requests after a delay',
        latencyMs: connectFar.latencyMs,
        floorRatio: med(connectFar.floorRatio, 3),
        bareRatio: med(connectFar.ratio, 3),
        oursMs: med(connectFar.ours),
        floorMs: med(connectFar.floor),
        bareMs: med(connectFar.baseline),
        runs: connectFar.pairs,
        spread: {
          floorRatio: spread(connectFar.floorRatio, 3),
          bareRatio: spread(connectFar.ratio, 3),
        },
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
      allConnectedMs: med(startup.allConnected),
      firstServicesRunMs: Number(startup.firstRunMs.toFixed(2)),
      accounts: 100,
      target: { servicesMs: TARGETS.servicesMs },
      met: { servicesMs: startup.ready.median <= TARGETS.servicesMs },
      ready:
        'createServices resolved: vault read, decrypted and validated, providers, engine, 100 account machines built and each one’s next step planned, handlers made',
      runs: startup.runs,
      warmupRuns: startup.warmupRuns,
      spread: {
        servicesMs: spread(startup.ready),
        allConnectedMs: spread(startup.allConnected),
      },
    },
    window: {
      accounts100: windowFigures(renderer, TARGETS.windowFloorRatio100),
      accounts3: windowFigures(renderer3, TARGETS.windowFloorRatio3),
      timed:
        'navigation start -> every account card in the DOM of the Connections screen (Chromium, new context per run)',
      floorIs:
        'the same final DOM and CSS as a static page with no script: the first run’s document as Chromium held it, scripts and module preloads removed, served by the same server with the same headers and stylesheet, timed the same way',
      ratioIs:
        'the median of per-pair ratios (ours and the floor back to back, taking turns first)',
    },
    diagnosis: {
      ratio: med(diagnosis.ratio, 3),
      target: `report time / deadline <= ${TARGETS.diagnosisRatio}`,
      met: diagnosisMet(diagnosis),
      reportMs: med(diagnosis.reportMs),
      deadlineMs: diagnosis.deadlineMs,
      deadlineIs: 'the check time limit the services are given (diagnosisTimeoutMs)',
      setup:
        'one portal that never answers (a loopback port that takes the connection and says nothing), the stand-in answering, the two built-in portals whose names do not resolve here',
      runs: diagnosis.runs,
      warmupRuns: diagnosis.warmupRuns,
      spread: { ratio: spread(diagnosis.ratio, 3), reportMs: spread(diagnosis.reportMs) },
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

function windowFigures(figures: RendererFigures, target: number) {
  return {
    ratio: med(figures.ratio, 3),
    target: `window / floor <= ${target}`,
    targetRatio: target,
    met: figures.ratio.median <= target,
    oursMs: med(figures.cardsInDom),
    floorMs: med(figures.floorCardsInDom),
    nextFrameMs: med(figures.nextFrame),
    scriptDoneMs: med(figures.scriptDone),
    floorHtmlBytes: figures.floorHtmlBytes,
    runs: figures.runs,
    warmupRuns: figures.warmupRuns,
    spread: {
      ratio: spread(figures.ratio, 3),
      oursMs: spread(figures.cardsInDom),
      floorMs: spread(figures.floorCardsInDom),
      scriptDoneMs: spread(figures.scriptDone),
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
  const ms = (x: number, digits = 2) => `${f(x, digits)} ms`;
  const w100 = r.window.accounts100;
  const w3 = r.window.accounts3;
  const rows: string[][] = [
    ['figure', 'median', 'IQR (p25–p75)', 'runs', 'target', 'result'],
    [
      '1. connect: ours / floor',
      f(r.connect.floorRatio, 2),
      iqr(r.connect.spread.floorRatio, 2),
      `${r.connect.runs}`,
      `<= ${TARGETS.connectFloorRatio}`,
      verdict(r.connect.met),
    ],
    [
      '   connect: ours / bare protocol',
      f(r.connect.bareRatio, 2),
      iqr(r.connect.spread.bareRatio, 2),
      `${r.connect.runs}`,
      'info',
      '',
    ],
    [
      '   connect: ours | floor | bare',
      `${ms(r.connect.oursMs)} | ${ms(r.connect.floorMs)} | ${ms(r.connect.bareMs)}`,
      iqr(r.connect.spread.oursMs, 2, ' ms'),
      `${r.connect.runs}`,
      '',
      '',
    ],
    [
      '   (portal in the bench process: ours / floor)',
      f(r.connect.portalInProcess.floorRatio, 2),
      iqr(r.connect.portalInProcess.spread.floorRatio, 2),
      `${r.connect.portalInProcess.runs}`,
      'info',
      '',
    ],
    [
      `   (portal ${r.connect.portalFarAway.latencyMs} ms away: ours / floor)`,
      f(r.connect.portalFarAway.floorRatio, 2),
      iqr(r.connect.portalFarAway.spread.floorRatio, 2),
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
      ms(r.storm.p99Ms),
      iqr(r.storm.spread.p99Ms, 2, ' ms'),
      `${r.storm.runs}`,
      `<= ${f(r.storm.targetP99Ms, 2)} ms`,
      verdict(r.storm.met.p99),
    ],
    [
      '   storm: bare refresh round trip',
      ms(r.storm.refreshRttMs),
      iqr(r.storm.spread.refreshRttMs, 2, ' ms'),
      `${r.storm.refreshRttSamples}`,
      'reference',
      '',
    ],
    [
      '3. start-up: services ready (100 accounts)',
      ms(r.startup.servicesMs, 1),
      iqr(r.startup.spread.servicesMs, 1, ' ms'),
      `${r.startup.runs}`,
      `<= ${TARGETS.servicesMs} ms`,
      verdict(r.startup.met.servicesMs),
    ],
    [
      '   start-up: all 100 connected',
      ms(r.startup.allConnectedMs, 1),
      iqr(r.startup.spread.allConnectedMs, 1, ' ms'),
      `${r.startup.runs}`,
      'info',
      '',
    ],
    [
      '   window, 100 cards: ours / static floor',
      f(w100.ratio, 2),
      iqr(w100.spread.ratio, 2),
      `${w100.runs}`,
      `<= ${w100.targetRatio}`,
      verdict(w100.met),
    ],
    [
      '   window, 100 cards: ours | floor | script done',
      `${ms(w100.oursMs, 1)} | ${ms(w100.floorMs, 1)} | ${ms(w100.scriptDoneMs, 1)}`,
      iqr(w100.spread.oursMs, 1, ' ms'),
      `${w100.runs}`,
      'info',
      '',
    ],
    [
      '   window, 3 cards: ours / static floor',
      f(w3.ratio, 2),
      iqr(w3.spread.ratio, 2),
      `${w3.runs}`,
      `<= ${w3.targetRatio}`,
      verdict(w3.met),
    ],
    [
      '   window, 3 cards: ours | floor | script done',
      `${ms(w3.oursMs, 1)} | ${ms(w3.floorMs, 1)} | ${ms(w3.scriptDoneMs, 1)}`,
      iqr(w3.spread.oursMs, 1, ' ms'),
      `${w3.runs}`,
      'info',
      '',
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
    [
      '6. diagnosis: report / deadline',
      f(r.diagnosis.ratio, 3),
      iqr(r.diagnosis.spread.ratio, 3),
      `${r.diagnosis.runs}`,
      `<= ${f(TARGETS.diagnosisRatio, 2)}`,
      verdict(r.diagnosis.met),
    ],
    [
      `   diagnosis: report (deadline ${r.diagnosis.deadlineMs} ms)`,
      ms(r.diagnosis.reportMs, 1),
      iqr(r.diagnosis.spread.reportMs, 1, ' ms'),
      `${r.diagnosis.runs}`,
      'info',
      '',
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
