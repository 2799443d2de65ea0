// A macOS managed-preferences file as the schema's input. Configuration
// profiles (Jamf, Intune, a .mobileconfig) install the payload of the domain
// cz.netrex.connect as /Library/Managed Preferences/[user/]cz.netrex.connect.plist,
// usually binary (bplist00), sometimes XML; the `plist` package reads both.
// Plist types map onto JSON's: <true/>/<false/> booleans, <string>, <integer>,
// <array>, <dict>. A <date> or <data> is no policy's type and is reported.
// The parser (and its XML DOM) is loaded on first use: only macOS reads
// plists, and every start elsewhere would pay for it.
import type { PlistValue } from 'plist';

export class PlistError extends Error {
  override readonly name = 'PlistError';
}

const BINARY_MAGIC = 'bplist00';

export async function parseManagedPreferences(bytes: Uint8Array): Promise<{
  input: unknown;
  errors: { field: string; message: string }[];
}> {
  const { parse, parseBinary } = await import('plist');
  let value: PlistValue;
  try {
    const binary = Buffer.from(bytes.subarray(0, 8)).toString('latin1') === BINARY_MAGIC;
    value = binary ? parseBinary(bytes) : parse(new TextDecoder().decode(bytes));
  } catch {
    throw new PlistError('it is not a property list (neither binary nor XML)');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isLeaf(value)) {
    throw new PlistError('it must hold one dictionary of policies');
  }
  const errors: { field: string; message: string }[] = [];
  const input: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // Keys macOS or a profile tool adds beside the payload's own.
    if (key.startsWith('Payload') || key === 'PolicyLastModified') continue;
    const converted = toJson(entry);
    if (converted === undefined) {
      errors.push({ field: key, message: 'holds a date or data, which no policy takes' });
    } else input[key] = converted;
  }
  return { input, errors };
}

function isLeaf(value: object): boolean {
  return value instanceof Date || value instanceof Uint8Array;
}

/** JSON's value for a plist value; undefined for a date or data anywhere inside. */
function toJson(value: PlistValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isLeaf(value)) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(toJson);
    return items.includes(undefined) ? undefined : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const converted = toJson(entry);
    if (converted === undefined) return undefined;
    out[key] = converted;
  }
  return out;
}
