// Managed configuration: a JSON file IT deploys so an operator only clicks
// "Sign in". It preconfigures providers and their clients and can lock them.
//
//   Windows  %ProgramData%\NetrexConnect\managed.json
//   macOS    /Library/Application Support/NetrexConnect/managed.json
//   Linux    /etc/netrex-connect/managed.json
//   any OS   the file named by the NETREX_MANAGED_CONFIG environment variable
//
// An invalid file never stops the app: each broken part is skipped and
// reported with the file and the field (`providers[1].url`), never its value.
import * as nodeFs from 'node:fs';
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import type { UserFacingError } from '../common/model';
import { BUILT_IN_PROVIDERS } from './built-in';
import {
  clientIdSchema,
  DEFAULT_LOOPBACK_PORT,
  defaultRights,
  dialectSchema,
  fieldPath,
  loopbackPortSchema,
  providerIdSchema,
  providerNameSchema,
  providerUrlSchema,
  redirectKindSchema,
  rightsSchema,
  type ProviderConfig,
} from './provider-config';

export const MANAGED_CONFIG_ENV = 'NETREX_MANAGED_CONFIG';
/** A real file is a few KB; anything far larger is not read. */
export const MAX_MANAGED_CONFIG_BYTES = 1024 * 1024;

export interface ManagedConfigError {
  readonly file: string;
  /** Where in the file: `providers[1].url`, or `(file)` for the file as a whole. */
  readonly field: string;
  readonly message: string;
}

export interface ManagedConfig {
  /** The file read, or null when there is none. */
  readonly file: string | null;
  readonly providers: readonly ProviderConfig[];
  /** Client secrets IT deployed, by provider id; the composition root hands them to the vault. */
  readonly clientSecrets: ReadonlyMap<string, string>;
  /** False when IT forbids adding portals by hand. */
  readonly allowCustomPortals: boolean;
  readonly errors: readonly ManagedConfigError[];
}

export interface ManagedConfigFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  statSync(path: string): { size: number };
}

/** The documented per-OS path, unless NETREX_MANAGED_CONFIG points elsewhere. */
export function managedConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const override = env[MANAGED_CONFIG_ENV]?.trim();
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'NetrexConnect', 'managed.json');
  }
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/NetrexConnect/managed.json');
  }
  return '/etc/netrex-connect/managed.json';
}

const entrySchema = z.strictObject({
  id: providerIdSchema,
  name: providerNameSchema.optional(),
  dialect: dialectSchema.optional(),
  url: z.string().optional(),
  clientId: clientIdSchema.optional(),
  clientSecret: z.string().min(1, 'must not be empty').max(500).optional(),
  rights: z.array(z.string()).optional(),
  redirectKind: redirectKindSchema.optional(),
  loopbackPort: loopbackPortSchema.optional(),
  loopbackFallback: z.boolean().optional(),
  locked: z.boolean().optional(),
});
type ManagedEntry = z.infer<typeof entrySchema>;

/** The top level, field by field: one broken or unknown field costs only itself. */
const TOP_LEVEL = {
  $schema: z.string(),
  allowCustomPortals: z.boolean(),
  providers: z.array(z.unknown()),
} as const;

/** Every field the file may hold, top level and entry, for the documentation's test. */
export const MANAGED_CONFIG_FIELDS: readonly string[] = [
  ...Object.keys(TOP_LEVEL),
  ...Object.keys(entrySchema.shape),
];

export function loadManagedConfig(file: string, fs: ManagedConfigFs = nodeFs): ManagedConfig {
  const errors: ManagedConfigError[] = [];
  const fail = (field: string, message: string): ManagedConfigError => {
    const error = { file, field, message };
    errors.push(error);
    return error;
  };
  // A file IT deployed but that cannot be read keeps portals added by hand
  // out: its lockdown may be what could not be read (fail closed).
  const empty = (present: boolean): ManagedConfig => ({
    file: present ? file : null,
    providers: [],
    clientSecrets: new Map(),
    allowCustomPortals: !present,
    errors,
  });

  let text: string;
  try {
    if (fs.statSync(file).size > MAX_MANAGED_CONFIG_BYTES) {
      fail('(file)', 'the file is larger than 1 MB; no managed configuration file is that large');
      return empty(true);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return empty(false);
    fail(
      '(file)',
      code === 'EACCES' ? 'the file cannot be read (permission denied)' : 'the file cannot be read',
    );
    return empty(true);
  }

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    fail('(file)', 'the file is not valid JSON');
    return empty(true);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    fail('(file)', 'the file must hold one JSON object');
    return empty(true);
  }
  const top = readTopLevel(json as Record<string, unknown>, fail);

  const providers: ProviderConfig[] = [];
  const clientSecrets = new Map<string, string>();
  (top.providers ?? []).forEach((raw, index) => {
    const at = (sub: readonly PropertyKey[]) => fieldPath(['providers', index, ...sub]);
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues) fail(at(issue.path), entryIssueMessage(issue));
      return;
    }
    if (providers.some((p) => p.id === entry.data.id)) {
      fail(at(['id']), 'this id appears earlier in the file; each provider is listed once');
      return;
    }
    const built = toProviderConfig(entry.data, (sub, message) => fail(at([sub]), message));
    if (!built) return;
    providers.push(built);
    if (entry.data.clientSecret) clientSecrets.set(built.id, entry.data.clientSecret);
  });

  return {
    file,
    providers,
    clientSecrets,
    allowCustomPortals: top.allowCustomPortals,
    errors,
  };
}

/**
 * Each known top-level field on its own; an unknown one (a comment, a typo)
 * is reported and ignored, never a reason to drop the rest. A broken
 * `allowCustomPortals` counts as false: IT meant to set it.
 */
function readTopLevel(
  json: Record<string, unknown>,
  fail: (field: string, message: string) => void,
): { providers?: readonly unknown[]; allowCustomPortals: boolean } {
  for (const key of Object.keys(json)) {
    if (!Object.hasOwn(TOP_LEVEL, key)) {
      const name = isPlainName(key) ? fieldPath([key]) : '(a field with an odd name)';
      fail(
        name,
        `is not a setting Netrex Connect knows (${Object.keys(TOP_LEVEL).join(', ')}); it is ignored`,
      );
    }
  }
  const field = <K extends keyof typeof TOP_LEVEL>(key: K) => {
    if (json[key] === undefined) return undefined;
    const parsed = TOP_LEVEL[key].safeParse(json[key]);
    if (parsed.success) return parsed.data as z.infer<(typeof TOP_LEVEL)[K]>;
    fail(fieldPath([key]), parsed.error.issues[0]?.message ?? 'is not valid');
    return null;
  };
  field('$schema');
  const providers = field('providers');
  const allowCustomPortals = field('allowCustomPortals');
  return {
    ...(providers ? { providers } : {}),
    allowCustomPortals: allowCustomPortals === null ? false : (allowCustomPortals ?? true),
  };
}

/** A field name, not a value; still, only a plain short one is repeated back. */
function isPlainName(key: string): boolean {
  return /^[\w$-]{1,40}$/.test(key);
}

/**
 * An entry's issue in words. Every field of an entry must be known: a
 * misspelt `locked` or `clientId` would change what the entry means, so the
 * entry is skipped, naming the unknown fields when their names are plain.
 */
function entryIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const names = issue.keys.filter(isPlainName);
  const odd = issue.keys.length - names.length;
  const listed = [...names.map((k) => `"${k}"`), ...(odd ? [`${odd} with an odd name`] : [])];
  return `has fields Netrex Connect does not know (${listed.join(', ')}), so the entry is skipped`;
}

/** Applies an entry over the built-in of the same id, or makes a new managed provider. */
function toProviderConfig(
  entry: ManagedEntry,
  fail: (field: string, message: string) => void,
): ProviderConfig | undefined {
  const base = BUILT_IN_PROVIDERS.find((p) => p.id === entry.id);
  if (base && entry.url !== undefined) {
    fail('url', 'a built-in portal keeps its address; give the provider a new id to use another');
    return undefined;
  }
  if (base && entry.dialect !== undefined && entry.dialect !== base.dialect) {
    fail('dialect', 'a built-in portal keeps its dialect; give the provider a new id');
    return undefined;
  }
  if (!base && (entry.url === undefined || entry.name === undefined)) {
    fail(
      entry.url === undefined ? 'url' : 'name',
      'is required for a provider that is not built in',
    );
    return undefined;
  }
  const dialect = base?.dialect ?? entry.dialect ?? 'netrex';
  const url = base ? base.url : providerUrlSchema(dialect).safeParse(entry.url);
  if (typeof url !== 'string' && !url.success) {
    fail('url', url.error.issues[0]?.message ?? 'is not valid');
    return undefined;
  }
  const rights = entry.rights ?? base?.rights ?? defaultRights(dialect);
  const rightsCheck = rightsSchema(dialect).safeParse(rights);
  if (!rightsCheck.success) {
    fail('rights', rightsCheck.error.issues[0]?.message ?? 'is not valid');
    return undefined;
  }
  return {
    id: entry.id,
    name: entry.name ?? base?.name ?? entry.id,
    dialect,
    origin: 'managed',
    url: typeof url === 'string' ? url : url.data,
    clientId: entry.clientId ?? '',
    rights,
    redirectKind: entry.redirectKind ?? 'custom-scheme',
    loopbackPort: entry.loopbackPort ?? DEFAULT_LOOPBACK_PORT,
    ...(entry.loopbackFallback ? { loopbackFallback: true } : {}),
    // Managed entries are locked unless IT says otherwise: that is why they exist.
    locked: entry.locked ?? true,
  };
}

export function managedConfigErrorToUserFacing(error: ManagedConfigError): UserFacingError {
  // What could not be read may have been the lockdown: portals are not added by hand meanwhile.
  const locks = error.field === '(file)' || error.field === 'allowCustomPortals';
  const where = error.field === '(file)' ? '' : ` at ${error.field}`;
  const consequence = locks
    ? 'Until it is corrected, portals cannot be added by hand here'
    : 'Netrex Connect ignores that part and works without it';
  return {
    code: 'managed_config_invalid',
    params:
      error.field === '(file)'
        ? { file: error.file, variant: 'file' }
        : locks
          ? { file: error.file, variant: 'lockdown', field: error.field }
          : { file: error.file, variant: 'entry', field: error.field },
    message:
      `The managed configuration ${error.file} is not valid${where}: ${error.message}. ` +
      `${consequence}; ask your administrator to correct the file.`,
  };
}
