// Which sources each OS has, highest precedence first, and reading them all.
//
//   Windows  HKLM\SOFTWARE\Policies\Netrex\Connect, HKCU\…, %ProgramData%\NetrexConnect\managed.json
//   macOS    /Library/Managed Preferences/cz.netrex.connect.plist (device profiles),
//            /Library/Managed Preferences/<user>/cz.netrex.connect.plist (user profiles),
//            /Library/Application Support/NetrexConnect/managed.json
//   Linux    /etc/netrex-connect/policy.d/*.json (a later name wins), policy.json, managed.json
//
// The older managed.json comes last everywhere: the OS's own channel wins.
// In a development run a file named by NETREX_MANAGED_CONFIG (or the test
// harness's managedConfigPath) replaces them all and is read without the
// owner check: it is the developer's own file.
import { execFile } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { toDisposable, type Disposable } from '../common/lifecycle';
import { managedConfigPath, MAX_MANAGED_CONFIG_BYTES } from '../providers/managed-config';
import { jsonFilesIn, jsonReading, readPosixPolicyFile } from './policy-files';
import { unusableReading, type PolicyReading, type PolicySource } from './policy-document';
import { POLICY_PLIST_DOMAIN } from './policy-schema';
import { LINUX_ADMINS, MACOS_ADMINS, type PosixTrust } from './posix-trust';
import { readWindowsPolicies, type RunCommand } from './windows-policy';

export type PolicyReader = () => Promise<PolicyReading[]>;

export const LINUX_POLICY_DIR = '/etc/netrex-connect';
export const MAC_MANAGED_PREFERENCES = '/Library/Managed Preferences';

export async function readLinuxPolicies(
  dir = LINUX_POLICY_DIR,
  trust: PosixTrust = LINUX_ADMINS,
): Promise<PolicyReading[]> {
  const dropIns = (await jsonFilesIn(posix.join(dir, 'policy.d'))).reverse();
  const files = [
    ...dropIns.map((name) => posix.join(dir, 'policy.d', name)),
    posix.join(dir, 'policy.json'),
    posix.join(dir, 'managed.json'),
  ];
  const readings: PolicyReading[] = [];
  for (const file of files) {
    const source: PolicySource = { kind: 'file', scope: 'machine', location: file };
    const reading = await readPosixPolicyFile(file, source, 'json', trust);
    if (reading) readings.push(reading);
  }
  return readings;
}

export async function readMacPolicies(
  user: string,
  dir = MAC_MANAGED_PREFERENCES,
  legacyFile = managedConfigPath('darwin', {}, true),
  trust: PosixTrust = MACOS_ADMINS,
): Promise<PolicyReading[]> {
  const plist = `${POLICY_PLIST_DOMAIN}.plist`;
  const candidates: [PolicySource, 'plist' | 'json'][] = [
    [{ kind: 'plist', scope: 'machine', location: posix.join(dir, plist) }, 'plist'],
    // A user name with a slash is no user's: the per-user folder is skipped.
    ...(user && !user.includes('/') && user !== '..'
      ? [
          [{ kind: 'plist', scope: 'user', location: posix.join(dir, user, plist) }, 'plist'] as [
            PolicySource,
            'plist',
          ],
        ]
      : []),
    [{ kind: 'file', scope: 'machine', location: legacyFile }, 'json'],
  ];
  const readings: PolicyReading[] = [];
  for (const [source, format] of candidates) {
    const reading = await readPosixPolicyFile(source.location, source, format, trust);
    if (reading) readings.push(reading);
  }
  return readings;
}

/** A developer's own file, read as it is (no owner check); none when it is missing. */
export async function readDevelopmentFile(file: string): Promise<PolicyReading[]> {
  const source: PolicySource = { kind: 'file', scope: 'machine', location: file };
  try {
    if ((await stat(file)).size > MAX_MANAGED_CONFIG_BYTES) {
      return [
        unusableReading(
          source,
          'it is larger than 1 MB; no policy file is that large',
          'file-too-large',
        ),
      ];
    }
    return [jsonReading(source, await readFile(file))];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    return [unusableReading(source, 'it cannot be read', 'file-unreadable')];
  }
}

export interface PolicyReaderOptions {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly packaged: boolean;
  /** The test harness's file: replaces every source, like NETREX_MANAGED_CONFIG. */
  readonly file?: string;
  /** The OS user (macOS per-user managed preferences). */
  readonly user?: string;
  readonly run?: RunCommand;
}

/** The reader for this OS. */
export function policyReaderFor(options: PolicyReaderOptions): PolicyReader {
  const override = options.packaged ? undefined : options.env.NETREX_MANAGED_CONFIG?.trim();
  const developmentFile = options.file ?? override;
  if (developmentFile) return () => readDevelopmentFile(developmentFile);
  switch (options.platform) {
    case 'win32':
      return () =>
        readWindowsPolicies({
          run: options.run ?? runWithoutShell,
          tempDir: async () => {
            const path = await mkdtemp(join(tmpdir(), 'netrex-policy-'));
            return { path, dispose: () => rm(path, { recursive: true, force: true }) };
          },
          readFile: (path) => readFile(path),
          systemRoot: options.env.SystemRoot ?? 'C:\\Windows',
          legacyFile: managedConfigPath('win32', options.env, true),
        });
    case 'darwin':
      return () => readMacPolicies(options.user ?? '');
    default:
      return () => readLinuxPolicies();
  }
}

/** execFile: no shell, a time limit, output as UTF-8 text. */
export const runWithoutShell: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: 20_000, windowsHide: true, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 },
      (error, stdout) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout: String(stdout ?? '') });
      },
    );
  });

/**
 * Linux: a watch on the policy folder and its policy.d (inotify through
 * fs.watch). Either may appear later: every event looks again, and the
 * periodic read covers a folder made after the start.
 */
export function watchLinuxPolicies(changed: () => void, dir = LINUX_POLICY_DIR): Disposable {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const arm = (): void => {
    for (const path of [dir, posix.join(dir, 'policy.d')]) {
      if (closed || watchers.has(path)) continue;
      try {
        const watcher = watch(path, { persistent: false }, () => {
          arm();
          changed();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(path);
        });
        watchers.set(path, watcher);
      } catch {
        // Not there (yet): the periodic read notices it.
      }
    }
  };
  arm();
  return toDisposable(() => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  });
}
