// The portal stand-in in a process of its own (its CLI, bundled once), for
// the connect figure: a real portal is another machine, so while the app
// blocks on its own work (a synchronous, fsync'd vault write) the portal goes
// on answering. In the same process the stand-in would wait for the app's
// event loop, and no overlap of the app's work with a request could show.
// Ours and the baseline talk to the same child, so the comparison stays fair.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundleNodeScript } from '../test/support/node-script';
import type { Endpoint } from '../test/support/provider';
import { makeTempDir } from '../test/support/temp-dir';

const READY_TIMEOUT_MS = 30_000;
const LISTENING = /^Provider stand-in listening on (http:\/\/127\.0\.0\.1:\d+)$/;

export interface PortalProcess {
  readonly url: string;
  /** Delays every answer of `endpoint` by `ms` (the stand-in's fault API over HTTP). */
  latency(endpoint: Endpoint, ms: number): Promise<void>;
  /** Removes every latency and fault. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the stand-in (default configuration) on 127.0.0.1, a free port, in a child Node. */
export async function startPortalProcess(): Promise<PortalProcess> {
  const build = makeTempDir('netrex-bench-portal-');
  let child: ChildProcess | undefined;
  try {
    const script = await bundleNodeScript(
      fileURLToPath(new URL('../test/support/provider/cli.ts', import.meta.url)),
      join(build.path, 'portal.mjs'),
    );
    child = spawn(process.execPath, [script, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await listeningUrl(child);
    child.stdout!.resume(); // nothing more is expected; never let the pipe fill
    const faults = `${url}/__stand-in/faults`;
    const send = async (init: RequestInit): Promise<void> => {
      const response = await fetch(faults, init);
      if (!response.ok)
        throw new Error(`The stand-in refused ${init.method} (HTTP ${response.status}).`);
    };
    const running = child;
    return {
      url,
      latency: (endpoint, ms) =>
        send({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ endpoint, latencyMs: ms }),
        }),
      clear: () => send({ method: 'DELETE' }),
      async close() {
        if (running.exitCode === null && running.signalCode === null) {
          const exited = once(running, 'exit');
          running.kill('SIGTERM');
          await exited;
        }
        build.dispose();
      },
    };
  } catch (error) {
    child?.kill('SIGKILL');
    build.dispose();
    throw error;
  }
}

/** The one line the CLI prints once it listens. */
async function listeningUrl(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill('SIGKILL'), READY_TIMEOUT_MS);
  try {
    for await (const line of lines) {
      const match = LISTENING.exec(line.trim());
      if (match) return match[1]!;
    }
    throw new Error(`The stand-in process ended before it listened (exit ${child.exitCode}).`);
  } finally {
    clearTimeout(timer);
    lines.close();
  }
}
