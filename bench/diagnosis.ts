// Figure 6, the diagnosis report: with one portal that never answers (a
// loopback port that takes the connection and says nothing) and one that
// answers (the stand-in), the time from asking the services for the report
// to having it, against the report's own deadline (the check time limit the
// services are given). Every check runs at once and each is bounded
// (main/support/diagnosis/bounded.ts), so the report is ready about one
// deadline after it starts; one that waited for its checks one after another
// would take a deadline per silent check (two here: the token endpoint and
// the API). The built-in portals stay, as in the app (they cannot be
// removed); on this machine their names do not resolve, and those checks are
// bounded like the others.
import { createServer, type Server, type Socket } from 'node:net';
import type { AppServices } from '../main/app-services';
import { AesGcmCipher } from '../test/support/aes-cipher';
import type { PortalAddress } from '../test/support/portal-client';
import { makeTempDir } from '../test/support/temp-dir';
import { openBenchServices } from './bench-services';
import { since, summarise, type Summary } from './stats';

/** The report is ready within its deadline plus this share of it. */
export const DIAGNOSIS_SLACK = 0.1;

export interface DiagnosisFigures {
  /** Asking for the report → the report (ms). */
  readonly reportMs: Summary;
  /** Report time / deadline, per run. */
  readonly ratio: Summary;
  readonly deadlineMs: number;
  readonly runs: number;
  readonly warmupRuns: number;
}

/** Times `report` `runs` times (after `warmupRuns`) against `deadlineMs`. */
export async function timeReports(
  report: () => Promise<unknown>,
  deadlineMs: number,
  { runs, warmupRuns }: { runs: number; warmupRuns: number },
): Promise<DiagnosisFigures> {
  if (!(deadlineMs > 0))
    throw new Error(`A deadline is a positive number of ms, not ${deadlineMs}.`);
  const times: number[] = [];
  for (let run = 0; run < warmupRuns + runs; run++) {
    const start = performance.now();
    await report();
    const ms = since(start);
    if (run >= warmupRuns) times.push(ms);
  }
  return {
    reportMs: summarise(times),
    ratio: summarise(times.map((ms) => ms / deadlineMs)),
    deadlineMs,
    runs,
    warmupRuns,
  };
}

/** Whether the report met its target: the median within the deadline plus 10 %. */
export function diagnosisMet(figures: DiagnosisFigures): boolean {
  return figures.ratio.median <= 1 + DIAGNOSIS_SLACK;
}

export interface SilentPortal {
  readonly url: string;
  close(): Promise<void>;
}

/** A loopback port that accepts every connection and never sends a byte. */
export async function startSilentPortal(): Promise<SilentPortal> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // the client gives up by resetting
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface DiagnosisRig {
  readonly services: AppServices;
  readonly silent: SilentPortal;
  /** The silent portal's provider id. */
  readonly silentId: string;
  close(): Promise<void>;
}

/** The services with the stand-in as the demo portal and a silent portal added. */
export async function openDiagnosisRig(
  portal: PortalAddress,
  deadlineMs: number,
): Promise<DiagnosisRig> {
  const dir = makeTempDir('netrex-bench-diagnosis-');
  const silent = await startSilentPortal();
  let services: AppServices | undefined;
  try {
    services = await openBenchServices(
      {
        dir: dir.path,
        cipher: AesGcmCipher.random({ backend: 'gnome_libsecret' }),
        portalUrl: portal.url,
      },
      { diagnosisTimeoutMs: deadlineMs },
    );
    const { handlers } = services;
    const added = await handlers.addPortal({ url: silent.url, name: 'Silent portal' });
    if (!added.ok) throw new Error(`The silent portal was refused: ${added.error.code}`);
    const opened = services;
    return {
      services: opened,
      silent,
      silentId: added.value.id,
      async close() {
        await opened.dispose();
        await silent.close();
        dir.dispose();
      },
    };
  } catch (error) {
    await services?.dispose();
    await silent.close();
    dir.dispose();
    throw error;
  }
}

/** The figure: the services' own report, as Settings or --diagnose asks for it. */
export async function benchDiagnosis(
  portal: PortalAddress,
  plan: { runs: number; warmupRuns: number; deadlineMs: number },
): Promise<DiagnosisFigures> {
  const rig = await openDiagnosisRig(portal, plan.deadlineMs);
  try {
    return await timeReports(
      async () => {
        const result = await rig.services.handlers.runDiagnosis('en');
        if (!result.ok) throw new Error(`The report failed: ${result.error.code}`);
      },
      plan.deadlineMs,
      plan,
    );
  } finally {
    await rig.close();
  }
}
