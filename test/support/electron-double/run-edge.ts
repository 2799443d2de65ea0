// Runs a built main bundle (out/main/index.mjs, or any entry) in a Node child
// process with 'electron' resolved to the typed double (register.mjs), and
// hands back the record the double wrote at shutdown. Also builds what it
// runs: the app with the project's own build script into a folder of the
// test's, and the double's child entry with esbuild.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildConfig, EdgeRecord } from './scenario';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = join(HERE, '../../..');
const REGISTER = join(HERE, 'register.mjs');

/** `node scripts/build.mjs --out=DIR [--demo]`: the app exactly as `npm start` builds it. */
export function buildAppInto(dir: string, options: { demo?: boolean } = {}): void {
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/build.mjs'), `--out=${dir}`, ...(options.demo ? ['--demo'] : [])],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`The build failed:\n${built.stdout}\n${built.stderr}`);
}

/** The double as one ES module for the child (its TypeScript, bundled). */
export async function bundleDoubleInto(dir: string): Promise<string> {
  const outfile = join(dir, 'electron-double.mjs');
  await build({
    entryPoints: [join(HERE, 'child-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'warning',
  });
  return outfile;
}

export interface EdgeRun {
  readonly record: EdgeRecord;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunEdgeOptions {
  /** The entry to run (the built out/main/index.mjs). */
  readonly main: string;
  /** The bundled double (bundleDoubleInto). */
  readonly double: string;
  readonly config: ChildConfig;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** A guard against a child that never ends, not a wait: it fails the run. */
  readonly timeoutMs?: number;
}

export function runEdge(options: RunEdgeOptions): Promise<EdgeRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.config.userData,
    XDG_CONFIG_HOME: join(options.config.userData, 'xdg-config'),
    LANG: 'en_US.UTF-8',
    NETREX_ELECTRON_DOUBLE_MODULE: options.double,
    NETREX_ELECTRON_DOUBLE: JSON.stringify(options.config),
    NETREX_USER_DATA_DIR: options.config.userData,
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', REGISTER, options.main, ...(options.args ?? [])],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (!existsSync(options.config.recordPath)) {
        reject(
          new Error(
            `The app under the double ended (${signal ?? code}) without a record.\n` +
              `stdout:\n${stdout}\nstderr:\n${stderr}`,
          ),
        );
        return;
      }
      const record = JSON.parse(readFileSync(options.config.recordPath, 'utf8')) as EdgeRecord;
      resolve({ record, code, stdout, stderr });
    });
  });
}
