// Registry export files (.reg), as `reg.exe export KEY FILE` and Registry
// Editor write them: "Windows Registry Editor Version 5.00", then `[KEY]`
// sections of `"name"=value` lines, in UTF-16 LE with a byte-order mark.
// The value forms are Microsoft's ("How to add, modify, or delete registry
// subkeys and values by using a .reg file", learn.microsoft.com/troubleshoot/
// windows-server/performance/add-modify-delete-registry-subkeys-values):
//   "text"            REG_SZ, with \\ and \" escaped
//   dword:0000002a    REG_DWORD, eight hex digits
//   hex(b):…          REG_QWORD, little-endian bytes
//   hex(2):…          REG_EXPAND_SZ, UTF-16 LE bytes ending in 00,00
//   hex(7):…          REG_MULTI_SZ, UTF-16 LE strings each ending in 00,00, then 00,00
//   hex:…             REG_BINARY
// A long hex value goes on over lines ending in `\`. `@` names the default
// value. The app reads the policy keys this way (reg.exe export, not
// reg.exe query, whose output is in the console's code page and cannot tell
// a REG_SZ's spaces from its separators), and the round-trip test writes one.

export type RegValue =
  | { readonly type: 'REG_SZ' | 'REG_EXPAND_SZ'; readonly value: string }
  | { readonly type: 'REG_DWORD'; readonly value: number }
  | { readonly type: 'REG_QWORD'; readonly value: bigint }
  | { readonly type: 'REG_MULTI_SZ'; readonly value: readonly string[] }
  | { readonly type: 'REG_BINARY' | 'REG_NONE'; readonly value: Uint8Array };

/** Values by key path (as written in the file), each by name ('' for the default value). */
export type RegExport = ReadonlyMap<string, ReadonlyMap<string, RegValue>>;

export const REG_HEADER = 'Windows Registry Editor Version 5.00';

export class RegFileError extends Error {
  override readonly name = 'RegFileError';
}

/** Decodes the bytes reg.exe wrote: UTF-16 LE with a BOM (UTF-8 accepted too). */
export function decodeRegFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export function parseRegFile(text: string): RegExport {
  const lines = joinContinuations(text.split(/\r\n|\n|\r/));
  if (lines[0]?.trim() !== REG_HEADER) {
    throw new RegFileError(`the export does not start with "${REG_HEADER}"`);
  }
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const [index, raw] of lines.slice(1).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      keys.set(section[1]!, current);
      continue;
    }
    if (!current) throw new RegFileError(`line ${index + 2} holds a value before any [key]`);
    const [name, data] = splitNameAndData(line, index + 2);
    current.set(name, parseData(data, index + 2));
  }
  return keys;
}

function joinContinuations(lines: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of lines) {
    const text = pending ? pending + line.trimStart() : line;
    if (text.endsWith('\\') && /^(?:@|")[^]*=hex/.test(text)) {
      pending = text.slice(0, -1);
      continue;
    }
    pending = '';
    out.push(text);
  }
  if (pending) out.push(pending);
  return out;
}

function splitNameAndData(line: string, at: number): [string, string] {
  if (line.startsWith('@=')) return ['', line.slice(2)];
  if (!line.startsWith('"')) throw new RegFileError(`line ${at} is not "name"=value`);
  const { text, end } = readQuoted(line, 0, at);
  if (line[end] !== '=') throw new RegFileError(`line ${at} has no = after the value's name`);
  return [text, line.slice(end + 1)];
}

/** A quoted string from `start` (its opening quote): the text and the index after the closing one. */
function readQuoted(line: string, start: number, at: number): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      text += line[++i] ?? '';
    } else if (char === '"') {
      return { text, end: i + 1 };
    } else text += char;
  }
  throw new RegFileError(`line ${at} has a quote that is not closed`);
}

function parseData(data: string, at: number): RegValue {
  if (data.startsWith('"')) {
    const { text, end } = readQuoted(data, 0, at);
    if (end !== data.length) throw new RegFileError(`line ${at} has text after a quoted value`);
    return { type: 'REG_SZ', value: text };
  }
  const dword = /^dword:([0-9a-fA-F]{8})$/.exec(data);
  if (dword) return { type: 'REG_DWORD', value: Number.parseInt(dword[1]!, 16) };
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/.exec(data);
  if (!hex) throw new RegFileError(`line ${at} holds a value of a form .reg files do not have`);
  const bytes = hexBytes(hex[2]!, at);
  switch ((hex[1] ?? '3').toLowerCase()) {
    case '0':
      return { type: 'REG_NONE', value: bytes };
    case '1':
      return { type: 'REG_SZ', value: utf16(bytes).replace(/\0+$/, '') };
    case '2':
      return { type: 'REG_EXPAND_SZ', value: utf16(bytes).replace(/\0+$/, '') };
    case '3':
      return { type: 'REG_BINARY', value: bytes };
    case '4':
      return { type: 'REG_DWORD', value: new DataView(bytes.buffer).getUint32(0, true) };
    case '7':
      return { type: 'REG_MULTI_SZ', value: multiSz(utf16(bytes)) };
    case 'b':
      if (bytes.length !== 8)
        throw new RegFileError(`line ${at} holds a QWORD that is not 8 bytes`);
      return { type: 'REG_QWORD', value: new DataView(bytes.buffer).getBigUint64(0, true) };
    default:
      return { type: 'REG_BINARY', value: bytes };
  }
}

function hexBytes(list: string, at: number): Uint8Array {
  const parts = list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) {
    throw new RegFileError(`line ${at} holds a hex value that is not comma-separated bytes`);
  }
  return Uint8Array.from(parts.map((p) => Number.parseInt(p, 16)));
}

function utf16(bytes: Uint8Array): string {
  return new TextDecoder('utf-16le').decode(bytes);
}

/** REG_MULTI_SZ: strings each ended by NUL, the list ended by one more NUL. */
function multiSz(text: string): string[] {
  const trimmed = text.replace(/\0\0$/, '\0');
  const strings = trimmed.split('\0');
  if (strings.at(-1) === '') strings.pop();
  return strings;
}

// Writing: for the admin templates' sample.reg and the round-trip test.

/** A .reg file's text; written to disk as UTF-16 LE with a BOM, as reg.exe does. */
export function formatRegFile(keys: RegExport): string {
  const out = [REG_HEADER, ''];
  for (const [key, values] of keys) {
    out.push(`[${key}]`);
    for (const [name, value] of values) out.push(formatValue(name, value));
    out.push('');
  }
  return out.join('\r\n');
}

export function encodeRegFile(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return Uint8Array.from([0xff, 0xfe, ...body]);
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function formatValue(name: string, value: RegValue): string {
  const head = name === '' ? '@=' : `${quote(name)}=`;
  switch (value.type) {
    case 'REG_SZ':
      return /[\r\n]/.test(value.value)
        ? wrapHex(head, 'hex(1):', utf16Bytes(`${value.value}\0`))
        : head + quote(value.value);
    case 'REG_DWORD':
      return `${head}dword:${value.value.toString(16).padStart(8, '0')}`;
    case 'REG_EXPAND_SZ':
      return wrapHex(head, 'hex(2):', utf16Bytes(`${value.value}\0`));
    case 'REG_MULTI_SZ':
      return wrapHex(head, 'hex(7):', utf16Bytes(`${value.value.map((s) => `${s}\0`).join('')}\0`));
    case 'REG_QWORD': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigUint64(0, value.value, true);
      return wrapHex(head, 'hex(b):', bytes);
    }
    case 'REG_NONE':
      return wrapHex(head, 'hex(0):', value.value);
    case 'REG_BINARY':
      return wrapHex(head, 'hex:', value.value);
  }
}

function utf16Bytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'utf16le'));
}

/** Hex bytes as Registry Editor wraps them: lines under 80 characters, ending in `,\`. */
function wrapHex(head: string, prefix: string, bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  let line = head + prefix;
  for (const [i, byte] of hex.entries()) {
    const piece = byte + (i < hex.length - 1 ? ',' : '');
    if (line.length + piece.length > 77) {
      lines.push(`${line}\\`);
      line = '  ';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}
