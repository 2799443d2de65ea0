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
// source, the field (`providers[1].url`) and the rule it breaks
// (managed-config-rules.ts), never its value.
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import type { MessageParams, UserFacingError } from '../common/model';
import { BUILT_IN_PROVIDERS } from './built-in';
import { ruleOfIssue, type ManagedConfigRule, type RuleBroken } from './managed-config-rules';
import { normalizeProviderUrl } from './portal-url';
import {
  clientIdSchema,
  DEFAULT_LOOPBACK_PORT,
  defaultRights,
  dialectSchema,
  fieldPath,
  loopbackPortSchema,
  providerIdSchema,
  providerNameSchema,
  MAX_RIGHTS,
  NETREX_RIGHTS,
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
  /** The rule broken, for the window's own words; `message` says it in English. Absent: 'invalid'. */
  readonly rule?: ManagedConfigRule;
  /** What the rule's sentence names (field names, bounds, allowed values); never a value of the file. */
  readonly values?: MessageParams;
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
  /** IT hides the built-in portals it does not configure (hideBuiltInPortals). */
  readonly hideBuiltInPortals?: boolean;
  /** The portal the window opens on (defaultPortal), when the window lists it. */
  readonly defaultProviderId?: string | null;
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
  fail: (field: string, broken: RuleBroken) => void,
): ManagedEntries {
  const providers: ProviderConfig[] = [];
  const clientSecrets = new Map<string, string>();
  list.forEach((raw, index) => {
    const at = (sub: readonly PropertyKey[]) => fieldPath(['providers', index, ...sub]);
    const entry = managedEntrySchema.safeParse(raw);
    if (!entry.success) {
      // Unknown fields are named on the entry itself (the issue's path is the entry's).
      for (const issue of entry.error.issues) fail(at(issue.path), ruleOfIssue(issue));
      return;
    }
    if (providers.some((p) => p.id === entry.data.id)) {
      fail(at(['id']), { rule: 'duplicate-id' });
      return;
    }
    const built = toProviderConfig(entry.data, (sub, broken) => fail(at([sub]), broken));
    if (!built) return;
    providers.push(built);
    if (entry.data.clientSecret) clientSecrets.set(built.id, entry.data.clientSecret);
  });
  return { providers, clientSecrets };
}

/** A field name, not a value; still, only a plain short one is repeated back. */
export { isPlainName } from './managed-config-rules';

/** Applies an entry over the built-in of the same id, or makes a new managed provider. */
function toProviderConfig(
  entry: ManagedEntry,
  fail: (field: string, broken: RuleBroken) => void,
): ProviderConfig | undefined {
  const base = BUILT_IN_PROVIDERS.find((p) => p.id === entry.id);
  if (base && entry.url !== undefined) {
    fail('url', { rule: 'built-in-address' });
    return undefined;
  }
  if (base && entry.dialect !== undefined && entry.dialect !== base.dialect) {
    fail('dialect', { rule: 'built-in-dialect' });
    return undefined;
  }
  if (!base && (entry.url === undefined || entry.name === undefined)) {
    fail(entry.url === undefined ? 'url' : 'name', { rule: 'required' });
    return undefined;
  }
  const dialect = base?.dialect ?? entry.dialect ?? 'netrex';
  const url = base
    ? { ok: true as const, url: base.url }
    : normalizeProviderUrl(entry.url!, dialect);
  if (!url.ok) {
    fail('url', { rule: `url-${url.problem}` });
    return undefined;
  }
  const rights = entry.rights ?? base?.rights ?? defaultRights(dialect);
  if (!rightsSchema(dialect).safeParse(rights).success) {
    fail('rights', rightsRule(dialect, rights));
    return undefined;
  }
  return {
    id: entry.id,
    name: entry.name ?? base?.name ?? entry.id,
    dialect,
    origin: 'managed',
    url: url.url,
    clientId: entry.clientId ?? '',
    rights,
    redirectKind: entry.redirectKind ?? 'custom-scheme',
    loopbackPort: entry.loopbackPort ?? DEFAULT_LOOPBACK_PORT,
    ...(entry.loopbackFallback ? { loopbackFallback: true } : {}),
    // Managed entries are locked unless IT says otherwise: that is why they exist.
    locked: entry.locked ?? true,
  };
}

/** Which rule a list of rights the schema refused breaks (rightsSchema decides that it does). */
function rightsRule(dialect: ProviderConfig['dialect'], rights: readonly string[]): RuleBroken {
  if (rights.length === 0) return { rule: 'rights-none' };
  if (rights.length > MAX_RIGHTS) return { rule: 'rights-too-many', values: { max: MAX_RIGHTS } };
  if (new Set(rights).size !== rights.length) return { rule: 'rights-repeated' };
  return dialect === 'netrex'
    ? { rule: 'rights-unknown', values: { allowed: NETREX_RIGHTS.join(', ') } }
    : { rule: 'scopes-format' };
}

export function managedConfigErrorToUserFacing(error: ManagedConfigError): UserFacingError {
  // What could not be read may have been a restriction: it stays restricted meanwhile.
  const locks = error.field === '(file)' || error.locks === true;
  const where = error.field === '(file)' ? '' : ` at ${error.field}`;
  const consequence = locks
    ? 'Until it is corrected, what it may restrict stays restricted here (adding portals by hand, personal API tokens, updates)'
    : 'Netrex Connect ignores that part and works without it';
  // The rule and what it names go along, so the window says the reason in its own words.
  const reason = { ...error.values, rule: error.rule ?? 'invalid' };
  return {
    code: 'managed_config_invalid',
    params:
      error.field === '(file)'
        ? { ...reason, file: error.file, variant: 'file' }
        : locks
          ? { ...reason, file: error.file, variant: 'lockdown', field: error.field }
          : { ...reason, file: error.file, variant: 'entry', field: error.field },
    message:
      `The managed configuration ${error.file} is not valid${where}: ${error.message}. ` +
      `${consequence}; ask your administrator to correct the file.`,
  };
}
