// Figure 4, memory: the V8 heap the services use with 100 accounts, over
// the same services started with none. Each run is a fresh Node process
// (memory-child.ts, bundled once, started with --expose-gc) talking to the
// stand-in in this process, so nothing this process holds is counted.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleNodeScript } from '../test/support/node-script';
import type { ProviderStandIn } from '../test/support/provider';
import { makeTempDir } from '../test/support/temp-dir';
import type { Fleet } from './fleet';
import { summarise, type Summary } from './stats';

const run = promisify(execFile);
const CHILD_TIMEOUT_MS = 60_000;

export interface MemoryFigures {
  /** Heap with 100 accounts minus heap with none, MB (2^20 bytes). */
  readonly delta: Summary;
  readonly empty: Summary;
  readonly full: Summary;
  readonly runs: number;
}

export async function benchMemory(
  portal: ProviderStandIn,
  fleet: Fleet,
  { runs }: { runs: number },
): Promise<MemoryFigures> {
  const build = makeTempDir('netrex-bench-memory-');
  try {
    const child = await bundleNodeScript(
      fileURLToPath(new URL('./memory-child.ts', import.meta.url)),
      join(build.path, 'memory-child.mjs'),
    );
    const empties: number[] = [];
    const fulls: number[] = [];
    for (let i = 0; i < runs; i++) {
      const reading = await measureOnce(child, portal, fleet);
      empties.push(reading.emptyMb);
      fulls.push(reading.fullMb);
    }
    return {
      delta: summarise(fulls.map((full, i) => full - empties[i]!)),
      empty: summarise(empties),
      full: summarise(fulls),
      runs,
    };
  } finally {
    build.dispose();
  }
}

async function measureOnce(
  child: string,
  portal: ProviderStandIn,
  fleet: Fleet,
): Promise<{ emptyMb: number; fullMb: number }> {
  const fleetDir = fleet.copy();
  const emptyDir = makeTempDir('netrex-bench-empty-');
  try {
    const { stdout } = await run(process.execPath, ['--expose-gc', child], {
      timeout: CHILD_TIMEOUT_MS,
      env: {
        ...process.env,
        BENCH_PORTAL_URL: portal.url,
        BENCH_FLEET_DIR: fleetDir.path,
        BENCH_EMPTY_DIR: emptyDir.path,
        BENCH_FLEET_KEY: fleet.keyHex,
        BENCH_FLEET_SIZE: String(fleet.size),
      },
    });
    const line = stdout.trim().split('\n').at(-1) ?? '';
    const reading = JSON.parse(line) as { emptyMb?: unknown; fullMb?: unknown };
    if (typeof reading.emptyMb !== 'number' || typeof reading.fullMb !== 'number') {
      throw new Error(`The memory child printed no reading: ${line.slice(0, 200)}`);
    }
    return { emptyMb: reading.emptyMb, fullMb: reading.fullMb };
  } finally {
    fleetDir.dispose();
    emptyDir.dispose();
  }
}
