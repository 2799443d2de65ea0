// A copy of the project for electron-builder to package, in a temporary
// folder: package.json, package-lock.json, electron-builder.yml and build/
// as they are in the repository, node_modules linked to the repository's,
// and out/ built by scripts/build.mjs into that folder (the repository's own
// out/, which other tests serve, is never touched). electron-builder runs in
// a child process (run-electron-builder.mjs) against fake unpacked Electron
// distributions (fake-electron.ts).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Disposable } from '../../../main/common/lifecycle';
import { ROOT } from '../static-checks';
import { makeTempDir } from '../temp-dir';

export type BuilderPlatform = 'linux' | 'mac' | 'win';

export interface BuilderRun {
  readonly platform: BuilderPlatform;
  readonly targets: readonly string[];
  readonly arch: 'x64' | 'arm64';
  /** An unpacked Electron folder (fake-electron.ts). */
  readonly electronDist: string;
  /** Folders put first on PATH for electron-builder's process (a recording `codesign`). */
  readonly extraPath?: readonly string[];
}

export interface BuilderOutcome {
  /** What electron-builder handed its `effectiveOptionComputed` hook, one entry per target. */
  readonly captured: unknown[];
  /** electron-builder's output folder (`<platform>-unpacked`, `mac-arm64`, …). */
  readonly output: string;
  readonly log: string;
}

export interface BuilderProject extends Disposable {
  readonly path: string;
  run(request: BuilderRun): Promise<BuilderOutcome>;
}

const RUNNER = join(ROOT, 'test/support/packaging/run-electron-builder.mjs');

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

export async function makeBuilderProject(): Promise<BuilderProject> {
  const dir = makeTempDir('netrex-pack-');
  const path = dir.path;
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    cpSync(join(ROOT, file), join(path, file));
  }
  cpSync(join(ROOT, 'build'), join(path, 'build'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(path, 'node_modules'), 'dir');
  const built = await runNode([join(ROOT, 'scripts/build.mjs'), `--out=${join(path, 'out')}`], {
    ...process.env,
  });
  if (built.code !== 0) {
    dir.dispose();
    throw new Error(`scripts/build.mjs failed:\n${built.log}`);
  }
  let runs = 0;
  return {
    path,
    async run(request) {
      const output = join(path, `release-${++runs}`);
      mkdirSync(output);
      const captureFile = join(output, 'captured.json');
      const overrides = { electronDist: request.electronDist, directories: { output } };
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: [...(request.extraPath ?? []), process.env.PATH ?? ''].join(':'),
        // Never signs with whatever a developer's machine has.
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      };
      // builder-util's log says nothing but errors when it sees VITEST (log.js).
      delete env.VITEST;
      const { code, log } = await runNode(
        [
          RUNNER,
          JSON.stringify({
            projectDir: path,
            overrides,
            platform: request.platform,
            targets: request.targets,
            arch: request.arch,
            captureFile,
          }),
        ],
        env,
      );
      if (code !== 0) throw new Error(`electron-builder failed:\n${log}`);
      const captured = JSON.parse(readFileSync(captureFile, 'utf8')) as unknown[];
      return { captured, output, log };
    },
    dispose: () => dir.dispose(),
  };
}
