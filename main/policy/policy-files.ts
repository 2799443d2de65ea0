// Policy files on Linux and macOS: read only when root alone could have
// written them (posix-trust.ts), checked on the file actually opened and on
// every folder above its real path, so a symbolic link cannot point the check
// at one file and the read at another.
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { MAX_MANAGED_CONFIG_BYTES } from '../providers/managed-config';
import { parseManagedPreferences, PlistError } from './plist-policy';
import {
  readPolicyDocument,
  refusedReading,
  unusableReading,
  type PolicyReading,
  type PolicySource,
} from './policy-document';
import { judgePosixChain, type PathStat, type PosixTrust } from './posix-trust';

export type FileFormat = 'json' | 'plist';

/** Reads one policy file; null when there is none. Never throws. */
export async function readPosixPolicyFile(
  path: string,
  source: PolicySource,
  format: FileFormat,
  trust: PosixTrust,
): Promise<PolicyReading | null> {
  let bytes: Uint8Array;
  try {
    const real = await fs.realpath(path);
    const handle = await fs.open(real, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return unusableReading(source, 'it is not a file', 'file-unreadable');
      const chain: PathStat[] = [{ path: real, uid: stat.uid, gid: stat.gid, mode: stat.mode }];
      for (let dir = dirname(real); ; dir = dirname(dir)) {
        const folder = await fs.stat(dir);
        chain.push({ path: dir, uid: folder.uid, gid: folder.gid, mode: folder.mode });
        if (dirname(dir) === dir) break;
      }
      const refusal = judgePosixChain(chain, trust);
      if (refusal) return refusedReading(source, refusal);
      if (stat.size > MAX_MANAGED_CONFIG_BYTES) {
        return unusableReading(
          source,
          'it is larger than 1 MB; no policy file is that large',
          'file-too-large',
        );
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return unusableReading(
      source,
      code === 'EACCES' ? 'it cannot be read (permission denied)' : 'it cannot be read',
      code === 'EACCES' ? 'file-permission-denied' : 'file-unreadable',
    );
  }
  return format === 'plist' ? await plistReading(source, bytes) : jsonReading(source, bytes);
}

export function jsonReading(source: PolicySource, bytes: Uint8Array): PolicyReading {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return unusableReading(source, 'it is not valid JSON', 'file-not-json');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return unusableReading(source, 'it must hold one JSON object', 'file-not-object');
  }
  return readPolicyDocument(source, json);
}

export async function plistReading(
  source: PolicySource,
  bytes: Uint8Array,
): Promise<PolicyReading> {
  try {
    const { input, errors } = await parseManagedPreferences(bytes);
    return readPolicyDocument(source, input, errors);
  } catch (error) {
    if (error instanceof PlistError) return unusableReading(source, error.message);
    throw error;
  }
}

/** The `.json` files of a folder in name order (code points, as `ls` in the C locale). */
export async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    const names = await fs.readdir(dir);
    return names
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
}
