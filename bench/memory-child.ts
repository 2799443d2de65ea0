// The memory figure's measuring process (bundled and started by memory.ts
// with --expose-gc). It holds only the services: the portal stand-in runs in
// the parent, so its sockets and state are not counted here.
//
// Readings, each after two full garbage collections:
//   empty — the services started over an empty data folder (no accounts);
//   full  — the services started over a copy of the 100-account folder, once
//           every account is connected with its camera count (the state the
//           window shows), the empty services disposed before.
// fetch is used once before the first reading, so loading Node's HTTP client
// (which the app's net.fetch does not even put in this heap) is in neither.
// Prints one JSON line: { emptyMb, fullMb }.
import { allConnected, openBenchServices, untilAccounts } from './bench-services';
import { fleetCipher } from './fleet';
import { quiet } from './startup';

const MB = 1024 * 1024;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`memory-child: ${name} is not set.`);
  return value;
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory-child: run with --expose-gc.');
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}

const portalUrl = env('BENCH_PORTAL_URL');
const cipher = fleetCipher(env('BENCH_FLEET_KEY'));
const size = Number(env('BENCH_FLEET_SIZE'));

await (await fetch(`${portalUrl}/`)).arrayBuffer();

const empty = await openBenchServices({ dir: env('BENCH_EMPTY_DIR'), cipher, portalUrl });
await quiet();
const emptyMb = heapAfterGc();
await empty.dispose();

const full = await openBenchServices({ dir: env('BENCH_FLEET_DIR'), cipher, portalUrl });
await untilAccounts(full, allConnected(size), 'memory');
await quiet();
const fullMb = heapAfterGc();
await full.dispose();

console.log(JSON.stringify({ emptyMb, fullMb }));
