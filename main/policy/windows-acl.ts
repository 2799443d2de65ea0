// Whether a registry key or a file on Windows can only have been written by
// an administrator, judged from its security descriptor in SDDL, as
// PowerShell's `(Get-Acl -LiteralPath …).Sddl` prints it. The format is
// Microsoft's "Security Descriptor String Format" and "ACE Strings"
// (learn.microsoft.com/windows/win32/secauthz/security-descriptor-string-format,
// …/ace-strings, …/sid-strings): `O:owner G:group D:flags(ace)(ace)…`, each
// ACE `(type;flags;rights;object;inherit object;sid)`. Pure, so recorded
// descriptors test it.
import type { SourceRefusal } from './policy-document';

export interface Ace {
  /** `A` allow, `D` deny, `OA`/`OD` object ACEs, … */
  readonly type: string;
  readonly flags: readonly string[];
  readonly mask: number;
  readonly sid: string;
}

export interface SecurityDescriptor {
  readonly owner: string;
  readonly dacl: readonly Ace[];
}

/** SID aliases that are administrators of the machine, and their full forms. */
const ADMIN_SIDS = new Set([
  'BA', // BUILTIN\Administrators
  'S-1-5-32-544',
  'SY', // NT AUTHORITY\SYSTEM (Group Policy, Intune, installers)
  'S-1-5-18',
  // NT SERVICE\TrustedInstaller
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
  'OW', // OWNER RIGHTS: the owner, already required to be one of the above
  'S-1-3-4',
]);

const SID_NAMES: Readonly<Record<string, string>> = {
  BU: 'Users',
  'S-1-5-32-545': 'Users',
  AU: 'Authenticated Users',
  'S-1-5-11': 'Authenticated Users',
  WD: 'Everyone',
  'S-1-1-0': 'Everyone',
  IU: 'Interactive users',
  'S-1-5-4': 'Interactive users',
  PU: 'Power Users',
  'S-1-5-32-547': 'Power Users',
  BG: 'Guests',
  AN: 'Anonymous',
};

/** The two-letter rights of ACE strings (generic, standard, directory-object, file, key). */
const RIGHTS: Readonly<Record<string, number>> = {
  GA: 0x10000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GX: 0x20000000,
  RC: 0x00020000,
  SD: 0x00010000,
  WD: 0x00040000,
  WO: 0x00080000,
  RP: 0x00000010,
  WP: 0x00000020,
  CC: 0x00000001,
  DC: 0x00000002,
  LC: 0x00000004,
  SW: 0x00000008,
  LO: 0x00000080,
  DT: 0x00000040,
  CR: 0x00000100,
  FA: 0x001f01ff,
  FR: 0x00120089,
  FW: 0x00120116,
  FX: 0x001200a0,
  KA: 0x000f003f,
  KR: 0x00020019,
  KW: 0x00020006,
  KX: 0x00020019,
};

const DELETE = 0x10000;
const WRITE_DAC = 0x40000;
const WRITE_OWNER = 0x80000;
const GENERIC_ALL = 0x10000000;
const GENERIC_WRITE = 0x40000000;
const TAKE_OVER = DELETE | WRITE_DAC | WRITE_OWNER | GENERIC_ALL | GENERIC_WRITE;

/**
 * The rights that let someone change what is read. A key: KEY_SET_VALUE (0x2),
 * KEY_CREATE_SUB_KEY (0x4), KEY_CREATE_LINK (0x20). A file: FILE_WRITE_DATA
 * (0x2), FILE_APPEND_DATA (0x4). A folder holding the file: only replacing
 * it, FILE_DELETE_CHILD (0x40): ProgramData lets every user create files and
 * folders, and a file a user creates is theirs, which the owner check refuses.
 */
export const WRITE_MASKS = {
  registry: 0x2 | 0x4 | 0x20 | TAKE_OVER,
  file: 0x2 | 0x4 | TAKE_OVER,
  folder: 0x40 | TAKE_OVER,
} as const;
export type SecuredObject = keyof typeof WRITE_MASKS;

export class SddlError extends Error {
  override readonly name = 'SddlError';
}

export function parseSddl(sddl: string): SecurityDescriptor {
  const text = sddl.trim();
  const owner = /^O:([A-Z]{2}|S(?:-\d+)+)/.exec(text)?.[1];
  if (!owner) throw new SddlError('the security descriptor names no owner');
  const dacl = /D:[A-Z]*((?:\([^)]*\))*)/.exec(text);
  if (!dacl) throw new SddlError('the security descriptor has no DACL');
  const aces = [...(dacl[1] ?? '').matchAll(/\(([^)]*)\)/g)].map((m) => parseAce(m[1] ?? ''));
  return { owner, dacl: aces };
}

function parseAce(text: string): Ace {
  const parts = text.split(';');
  if (parts.length < 6) throw new SddlError('an ACE has fewer than six fields');
  const [type = '', flags = '', rights = '', , , sid = ''] = parts;
  return { type, flags: pairs(flags), mask: rightsMask(rights), sid };
}

function rightsMask(rights: string): number {
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights.slice(2), 16);
  let mask = 0;
  for (const code of pairs(rights)) {
    const bits = RIGHTS[code];
    if (bits === undefined) throw new SddlError(`an ACE names an unknown right (${code})`);
    mask |= bits;
  }
  return mask >>> 0;
}

function pairs(text: string): string[] {
  return text.match(/[A-Z]{2}/g) ?? [];
}

/**
 * Refuses an object whose owner is not an administrator, or that an allow
 * ACE lets anyone else change. Inherit-only ACEs (IO) do not apply to the
 * object itself; deny ACEs are not counted (a refusal may be too strict,
 * never too lenient).
 */
export function judgeSecurityDescriptor(
  descriptor: SecurityDescriptor,
  object: SecuredObject,
  path: string,
): SourceRefusal | null {
  const what =
    object === 'folder' ? 'the folder holding it' : object === 'file' ? 'the file' : 'the key';
  if (!ADMIN_SIDS.has(descriptor.owner)) {
    return {
      reason: 'owner',
      path,
      detail: `${what} (${path}) is owned by ${nameOf(descriptor.owner)}, not by Administrators or SYSTEM`,
    };
  }
  for (const ace of descriptor.dacl) {
    if (ace.type !== 'A' || ace.flags.includes('IO') || ADMIN_SIDS.has(ace.sid)) continue;
    if ((ace.mask & WRITE_MASKS[object]) !== 0) {
      return {
        reason: 'writable',
        path,
        detail: `${what} (${path}) may be changed by ${nameOf(ace.sid)}`,
      };
    }
  }
  return null;
}

function nameOf(sid: string): string {
  const name = SID_NAMES[sid];
  return name ? `${name} (${sid})` : sid.startsWith('S-') ? `the account ${sid}` : sid;
}
