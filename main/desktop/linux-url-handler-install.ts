// Reads and changes who opens `cz.netrex.connect:` on Linux, on real files:
// looks the desktop entries up where the spec says, asks xdg-mime for the
// scheme's default (the tool xdg-open itself consults, so the answer is the
// browser's), and carries out a repair plan (linux-url-handler.ts): writes or
// removes the user's entry, makes it the default with `xdg-mime default`, and
// refreshes the user's MIME cache with update-desktop-database where that is
// installed (desktop-file-utils; GIO and xdg-mime read the entries without it).
// No Electron: tested in Node against a temporary home and the real xdg-mime.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applicationsDirs,
  desktopEntryFacts,
  linuxRepairPlan,
  urlHandlerEntryText,
  userApplicationsDir,
  type FoundEntry,
  type LinuxHandlerState,
  type LinuxRepairPlan,
} from './linux-url-handler';
import type { RunCommand } from './os-command';

/** A desktop entry is a few hundred bytes; anything larger is not read. */
const MAX_ENTRY_BYTES = 64 * 1024;

export interface LinuxUrlHandlerOptions {
  readonly scheme: string;
  /** The app's desktop id, `cz.netrex.connect.desktop` (CHROME_DESKTOP). */
  readonly desktopId: string;
  readonly name: string;
  /** The environment the browser sees (os-command.ts hostEnvironment). */
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly run: RunCommand;
}

export interface LinuxRepairOutcome {
  readonly plan: LinuxRepairPlan;
  /** The steps that failed, in words for the log and the report; empty when all went. */
  readonly failures: readonly string[];
}

export interface LinuxUrlHandler {
  /** What xdg-mime says and which entries exist; null when xdg-mime is not installed. */
  inspect(): Promise<LinuxHandlerState | null>;
  /** Makes the scheme start `program` (with `args` before the link). */
  repair(program: string, args: readonly string[]): Promise<LinuxRepairOutcome>;
}

export function createLinuxUrlHandler(options: LinuxUrlHandlerOptions): LinuxUrlHandler {
  const { scheme, desktopId, env, home, run } = options;
  const mimeType = `x-scheme-handler/${scheme}`;
  const dirs = applicationsDirs(env, home);
  const userDir = userApplicationsDir(env, home);
  const userPath = join(userDir, desktopId);

  const readEntry = (dir: string, id: string): FoundEntry | null => {
    const path = join(dir, id);
    try {
      const text = readFileSync(path, 'utf8');
      if (text.length > MAX_ENTRY_BYTES) return null;
      return { ...desktopEntryFacts(text, scheme), path, user: dir === userDir };
    } catch {
      return null;
    }
  };
  /** The first entry of `id` along the search path, as the OS finds it. */
  const findEntry = (id: string): FoundEntry | null => {
    // A desktop id is a file name: one with a path separator is not ours to look up.
    if (id.includes('/') || id === '' || id.startsWith('.')) return null;
    for (const dir of dirs) {
      const found = readEntry(dir, id);
      if (found) return found;
    }
    return null;
  };

  const inspect = async (): Promise<LinuxHandlerState | null> => {
    const query = await run('xdg-mime', ['query', 'default', mimeType]);
    if (query === 'missing') return null;
    const defaultId = query.code === 0 ? (query.stdout.trim().split(/\r?\n/)[0] ?? '') : '';
    const userEntry = readEntry(userDir, desktopId);
    let systemEntry: FoundEntry | null = null;
    for (const dir of dirs.slice(1)) {
      systemEntry = readEntry(dir, desktopId);
      if (systemEntry) break;
    }
    return { defaultId, defaultEntry: findEntry(defaultId), userEntry, systemEntry };
  };

  const writeUserEntry = (program: string, args: readonly string[]): void => {
    const text = urlHandlerEntryText({
      scheme,
      program,
      args,
      name: options.name,
      wmClass: desktopId.replace(/\.desktop$/, ''),
    });
    mkdirSync(userDir, { recursive: true });
    // Written whole or not at all: a half-written entry would be a broken handler.
    const temporary = `${userPath}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, text, { mode: 0o644 });
      chmodSync(temporary, 0o644);
      renameSync(temporary, userPath);
    } finally {
      rmSync(temporary, { force: true });
    }
  };

  return {
    inspect,
    async repair(program, args) {
      const state = await inspect();
      const failures: string[] = [];
      if (!state) {
        return {
          plan: { steps: [], blockedBy: null },
          failures: ['xdg-mime is not installed (package xdg-utils)'],
        };
      }
      const plan = linuxRepairPlan(state, program);
      if (plan.blockedBy)
        failures.push('a desktop entry of the same name that the app did not write is in the way');
      let changedEntries = false;
      for (const step of plan.steps) {
        try {
          if (step === 'write-user-entry') {
            writeUserEntry(program, args);
            changedEntries = true;
          } else if (step === 'remove-user-entry') {
            rmSync(userPath, { force: true });
            changedEntries = true;
          } else {
            const set = await run('xdg-mime', ['default', desktopId, mimeType]);
            if (set === 'missing' || set.code !== 0) {
              failures.push(
                `xdg-mime default failed (${set === 'missing' ? 'missing' : `exit ${set.code}`})`,
              );
            }
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          failures.push(`${step} failed (${code})`);
          break;
        }
      }
      if (changedEntries && existsSync(userDir)) {
        // Best effort: refreshes mimeinfo.cache where desktop-file-utils is installed.
        await run('update-desktop-database', [userDir]);
      }
      return { plan, failures };
    },
  };
}
