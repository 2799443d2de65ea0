// Runs one of the OS's own tools (xdg-mime, reg, whoami) and answers what it
// printed: no shell, a time limit, a cap on what is read, no window on
// Windows. The tools the app runs print nothing secret; their output is
// still never logged whole.
import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

export interface CommandResult {
  /** The exit code; null when the tool was stopped (time limit, signal). */
  readonly code: number | null;
  readonly stdout: string;
}

/**
 * Runs `program` with `args`. Answers `missing` when the program does not
 * exist (ENOENT): "not installed" is an answer, not a failure.
 */
export type RunCommand = (
  program: string,
  args: readonly string[],
) => Promise<CommandResult | 'missing'>;

export const COMMAND_TIMEOUT_MS = 5_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

/** A RunCommand over child_process.execFile, with `env` for every tool it runs. */
export function commandRunner(env: NodeJS.ProcessEnv): RunCommand {
  return (program, args) =>
    new Promise((resolve) => {
      execFile(
        program,
        [...args],
        {
          env,
          timeout: COMMAND_TIMEOUT_MS,
          maxBuffer: MAX_OUTPUT_BYTES,
          windowsHide: true,
          encoding: 'utf8',
        },
        (error, stdout) => {
          if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
            resolve('missing');
            return;
          }
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout: String(stdout ?? '') });
        },
      );
    });
}

/** The variables an AppImage's AppRun points into its own mount (electron-builder's appImageUtil.js). */
const APPIMAGE_PATH_VARIABLES = [
  'PATH',
  'LD_LIBRARY_PATH',
  'XDG_DATA_DIRS',
  'GSETTINGS_SCHEMA_DIR',
];

/**
 * The environment the OS's tools should see: the one a browser sees. Inside
 * an AppImage, electron-builder's AppRun puts `$APPDIR/usr/share` first in
 * XDG_DATA_DIRS (and its folders in PATH and LD_LIBRARY_PATH); a browser
 * opening a link knows nothing of them, so they are taken out again.
 */
export function hostEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const appDir = env.APPDIR;
  if (!appDir) return { ...env };
  const inside = (entry: string) =>
    entry === appDir || entry.startsWith(appDir.endsWith('/') ? appDir : `${appDir}/`);
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of APPIMAGE_PATH_VARIABLES) {
    const value = env[name];
    if (value === undefined) continue;
    const kept = value.split(delimiter).filter((entry) => entry !== '' && !inside(entry));
    if (kept.length > 0) out[name] = kept.join(delimiter);
    else delete out[name];
  }
  return out;
}
