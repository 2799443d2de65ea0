// Windows: the policy keys HKLM and HKCU\SOFTWARE\Policies\Netrex\Connect
// (Group Policy and Intune write there; machine wins), and the older JSON
// file under %ProgramData%, which any user may create and so counts only
// when its owner and ACL say an administrator wrote it. Two programs every
// Windows has do the reading, through the `run` port:
//   - PowerShell prints, for each key and file, whether it exists and its
//     security descriptor (Get-Acl … .Sddl), judged by windows-acl.ts;
//   - reg.exe exports each key that exists to a .reg file (reg-file.ts).
// Under Policies only administrators may write by default, so a key whose
// descriptor PowerShell could not give (PowerShell blocked by AppLocker, as
// in many locked-down fleets) is still read; the JSON file is not.
import { join, win32 } from 'node:path';
import { readPolicyDocument, refusedReading, unusableReading } from './policy-document';
import type { PolicyReading, PolicySource, SourceRefusal } from './policy-document';
import { jsonReading } from './policy-files';
import { POLICY_REGISTRY_KEY } from './policy-schema';
import { decodeRegFile, parseRegFile, RegFileError } from './reg-file';
import { registryValuesToInput } from './registry-policy';
import { judgeSecurityDescriptor, parseSddl, SddlError, type SecuredObject } from './windows-acl';

export interface CommandResult {
  /** The exit code; null when the program could not be started or was killed. */
  readonly code: number | null;
  readonly stdout: string;
}

/** Runs a program without a shell (execFile), with a time limit. */
export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;

export interface WindowsPolicyOptions {
  readonly run: RunCommand;
  /** A fresh private folder for reg.exe's export files, removed after. */
  readonly tempDir: () => Promise<{ readonly path: string; dispose(): Promise<void> }>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** %SystemRoot%, where reg.exe and PowerShell live. */
  readonly systemRoot: string;
  /** The older JSON file (%ProgramData%\NetrexConnect\managed.json). */
  readonly legacyFile: string;
}

export const REGISTRY_HIVES = [
  { hive: 'HKLM', long: 'HKEY_LOCAL_MACHINE', scope: 'machine' },
  { hive: 'HKCU', long: 'HKEY_CURRENT_USER', scope: 'user' },
] as const;

export type AclReport =
  | { readonly state: 'absent' }
  | { readonly state: 'sddl'; readonly sddl: string }
  /** PowerShell did not answer for it (could not run, or Get-Acl failed). */
  | { readonly state: 'unknown' };

/** Highest precedence first: HKLM, HKCU, then the older JSON file. */
export async function readWindowsPolicies(options: WindowsPolicyOptions): Promise<PolicyReading[]> {
  const keyPaths = REGISTRY_HIVES.map((h) => `Registry::${h.long}\\${POLICY_REGISTRY_KEY}`);
  const legacyFolder = win32.dirname(options.legacyFile);
  const acl = await readAcls(options, [...keyPaths, options.legacyFile, legacyFolder]);
  const readings: PolicyReading[] = [];

  for (const [index, hive] of REGISTRY_HIVES.entries()) {
    const report = acl[index]!;
    if (report.state === 'absent') continue;
    const source: PolicySource = {
      kind: 'registry',
      scope: hive.scope,
      location: `${hive.hive}\\${POLICY_REGISTRY_KEY}`,
    };
    const refusal =
      report.state === 'sddl' ? judge(report.sddl, 'registry', source.location) : null;
    if (refusal) {
      readings.push(refusedReading(source, refusal));
      continue;
    }
    const reading = await exportKey(options, hive.hive, source, report.state === 'unknown');
    if (reading) readings.push(reading);
  }

  const file = acl[keyPaths.length]!;
  if (
    file.state !== 'absent' &&
    (file.state !== 'unknown' || (await exists(options, options.legacyFile)))
  ) {
    const source: PolicySource = { kind: 'file', scope: 'machine', location: options.legacyFile };
    const folder = acl[keyPaths.length + 1]!;
    const refusal =
      file.state === 'sddl' && folder.state === 'sddl'
        ? (judge(file.sddl, 'file', options.legacyFile) ??
          judge(folder.sddl, 'folder', legacyFolder))
        : {
            reason: 'unchecked' as const,
            path: options.legacyFile,
            detail: `the owner and permissions of ${options.legacyFile} could not be read (PowerShell did not answer)`,
          };
    if (refusal) readings.push(refusedReading(source, refusal));
    else {
      try {
        readings.push(jsonReading(source, await options.readFile(options.legacyFile)));
      } catch {
        readings.push(unusableReading(source, 'it cannot be read', 'file-unreadable'));
      }
    }
  }
  return readings;
}

async function exists(options: WindowsPolicyOptions, path: string): Promise<boolean> {
  try {
    await options.readFile(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

function judge(sddl: string, object: SecuredObject, path: string): SourceRefusal | null {
  try {
    return judgeSecurityDescriptor(parseSddl(sddl), object, path);
  } catch (error) {
    if (!(error instanceof SddlError)) throw error;
    return {
      reason: 'unchecked',
      path,
      detail: `the permissions of ${path} could not be read (${error.message})`,
    };
  }
}

/** One key's values through `reg.exe export`; null when it is not there after all. */
async function exportKey(
  options: WindowsPolicyOptions,
  hive: string,
  source: PolicySource,
  mayBeAbsent: boolean,
): Promise<PolicyReading | null> {
  const temp = await options.tempDir();
  try {
    const file = join(temp.path, `${hive.toLowerCase()}.reg`);
    const regExe = win32.join(options.systemRoot, 'System32', 'reg.exe');
    // /reg:64: the 64-bit view, where Group Policy writes, whatever this process is.
    const result = await options.run(regExe, [
      'export',
      `${hive}\\${POLICY_REGISTRY_KEY}`,
      file,
      '/y',
      '/reg:64',
    ]);
    if (result.code !== 0) {
      return mayBeAbsent
        ? null
        : unusableReading(
            source,
            'the key could not be read (reg.exe export failed)',
            'file-unreadable',
          );
    }
    const keys = parseRegFile(decodeRegFile(await options.readFile(file)));
    const wanted =
      `${REGISTRY_HIVES.find((h) => h.hive === hive)!.long}\\${POLICY_REGISTRY_KEY}`.toLowerCase();
    const values = [...keys].find(([key]) => key.toLowerCase() === wanted)?.[1] ?? new Map();
    const { input, errors } = registryValuesToInput(values);
    return readPolicyDocument(source, input, errors);
  } catch (error) {
    if (error instanceof RegFileError)
      return unusableReading(source, `its export cannot be read: ${error.message}`);
    return unusableReading(source, 'the key could not be read', 'file-unreadable');
  } finally {
    await temp.dispose();
  }
}

/**
 * The PowerShell script: one line per path, `index<TAB>absent`,
 * `index<TAB>sddl<TAB>O:…`, or `index<TAB>error`. The paths are embedded as
 * single-quoted literals (a quote doubled), and the script is passed as
 * -EncodedCommand (base64 of UTF-16 LE), so no shell or quoting rule of the
 * command line applies.
 */
export function aclScript(paths: readonly string[]): string {
  const list = paths.map((p) => `'${p.replace(/'/g, "''")}'`).join(',');
  return [
    "$ErrorActionPreference = 'Stop'",
    '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
    '$i = 0',
    `foreach ($p in @(${list})) {`,
    '  if (-not (Test-Path -LiteralPath $p)) { "$i`tabsent" }',
    '  else { try { "$i`tsddl`t" + (Get-Acl -LiteralPath $p).Sddl } catch { "$i`terror" } }',
    '  $i++',
    '}',
  ].join('\n');
}

/** Reads the script's lines back; a path it said nothing sure about is `unknown`. */
export function parseAclReport(stdout: string, count: number): AclReport[] {
  const reports: AclReport[] = Array.from({ length: count }, () => ({ state: 'unknown' }));
  for (const line of stdout.split(/\r?\n/)) {
    const [index, state, sddl] = line.trim().split('\t');
    const at = Number(index);
    if (!Number.isInteger(at) || at < 0 || at >= count) continue;
    if (state === 'absent') reports[at] = { state: 'absent' };
    else if (state === 'sddl' && sddl) reports[at] = { state: 'sddl', sddl };
  }
  return reports;
}

async function readAcls(
  options: WindowsPolicyOptions,
  paths: readonly string[],
): Promise<AclReport[]> {
  const powershell = win32.join(
    options.systemRoot,
    'System32',
    'WindowsPowerShell',
    'v1.0',
    'powershell.exe',
  );
  const encoded = Buffer.from(aclScript(paths), 'utf16le').toString('base64');
  try {
    const result = await options.run(powershell, [
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      encoded,
    ]);
    return parseAclReport(result.code === 0 ? result.stdout : '', paths.length);
  } catch {
    return parseAclReport('', paths.length);
  }
}
