// Managed configuration: the portals IT deploys so an operator only clicks
// "Sign in", with their clients, possibly locked. The policies that carry it
// (registry, managed preferences, /etc files: main/policy/) hand their
// `providers` list here, entry by entry. The first way IT had, a JSON file,
// still counts where only an administrator could have written it:
//
//   Windows  %ProgramData%\NetrexConnect\managed.json
//   macOS    /Library/Application Support/NetrexConnect/managed.json
//   Linux    /etc/netrex-connect/managed.json
//   any OS   the file named by the NETREX_MANAGED_CONFIG environment variable,
//            in development only: an installed app ignores it, or a shortcut
//            pointing it at a missing file would lift IT's lockdown
//
// An invalid entry never stops the app: it is skipped and reported with the
// source and the field (`providers[1].url`), never its value.
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
  /** The source: a file's path, or a registry key (`HKLM\SOFTWARE\Policies\Netrex\Connect`). */
  readonly file: string;
  /** Where in it: `providers[1].url`, or `(file)` for the source as a whole. */
  readonly field: string;
  readonly message: string;
  /**
   * The broken part may have been a restriction, so what it may restrict
   * stays restricted until it is corrected (fail closed).
   */
  readonly locks?: boolean;
}

export interface ManagedConfig {
  /** The sources read, or null when there is none. */
  readonly file: string | null;
  readonly providers: readonly ProviderConfig[];
  /** Client secrets IT deployed, by provider id; the composition root hands them to the vault. */
  readonly clientSecrets: ReadonlyMap<string, string>;
  /** False when IT forbids adding portals by hand. */
  readonly allowCustomPortals: boolean;
  readonly errors: readonly ManagedConfigError[];
}

/**
 * The documented per-OS path of the JSON file, unless NETREX_MANAGED_CONFIG
 * points elsewhere in a development run. A packaged (installed) app never
 * follows the variable: anyone who can edit a shortcut could point it at a
 * missing file and so lift IT's lockdown (NETREX_USER_DATA_DIR is ignored
 * there too).
 */
export function managedConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  packaged = false,
): string {
  const override = packaged ? undefined : env[MANAGED_CONFIG_ENV]?.trim();
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'NetrexConnect', 'managed.json');
  }
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/NetrexConnect/managed.json');
  }
  return '/etc/netrex-connect/managed.json';
}

export const managedEntrySchema = z.strictObject({
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
type ManagedEntry = z.infer<typeof managedEntrySchema>;

/** Every field a portal entry may hold, for the documentation's test. */
export const MANAGED_ENTRY_FIELDS: readonly string[] = Object.keys(managedEntrySchema.shape);

/** The portals a list of entries sets, and what was wrong with them. */
export interface ManagedEntries {
  readonly providers: readonly ProviderConfig[];
  readonly clientSecrets: ReadonlyMap<string, string>;
}

/**
 * Reads a `providers` list entry by entry: a broken entry is skipped whole and
 * reported at its field (`providers[1].url`), the others still count.
 */
export function readManagedEntries(
  list: readonly unknown[],
  fail: (field: string, message: string) => void,
): ManagedEntries {
  const providers: ProviderConfig[] = [];
  const clientSecrets = new Map<string, string>();
  list.forEach((raw, index) => {
    const at = (sub: readonly PropertyKey[]) => fieldPath(['providers', index, ...sub]);
    const entry = managedEntrySchema.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues) fail(at(issue.path), entryIssueMessage(issue));
      return;
    }
    if (providers.some((p) => p.id === entry.data.id)) {
      fail(at(['id']), 'this id appears earlier in the list; each provider is listed once');
      return;
    }
    const built = toProviderConfig(entry.data, (sub, message) => fail(at([sub]), message));
    if (!built) return;
    providers.push(built);
    if (entry.data.clientSecret) clientSecrets.set(built.id, entry.data.clientSecret);
  });
  return { providers, clientSecrets };
}

/** A field name, not a value; still, only a plain short one is repeated back. */
export function isPlainName(key: string): boolean {
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
  // What could not be read may have been a restriction: it stays restricted meanwhile.
  const locks = error.field === '(file)' || error.locks === true;
  const where = error.field === '(file)' ? '' : ` at ${error.field}`;
  const consequence = locks
    ? 'Until it is corrected, what it may restrict stays restricted here (adding portals by hand, personal API tokens, updates)'
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
