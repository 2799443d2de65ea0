// Managed configuration: a JSON file IT deploys so an operator only clicks
// "Sign in". It preconfigures providers and their clients and can lock them.
//
//   Windows  %ProgramData%\NetrexConnect\managed.json
//   macOS    /Library/Application Support/NetrexConnect/managed.json
//   Linux    /etc/netrex-connect/managed.json
//   any OS   the file named by the NETREX_MANAGED_CONFIG environment variable
//
// An invalid file never stops the app: each broken part is skipped and
// reported with the file, the field (`providers[1].url`) and the rule it
// breaks (managed-config-rules.ts), never its value.
import * as nodeFs from 'node:fs';
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import type { MessageParams, UserFacingError } from '../common/model';
import { BUILT_IN_PROVIDERS } from './built-in';
import {
  isPlainName,
  ruleOfIssue,
  ruleText,
  type ManagedConfigRule,
  type RuleBroken,
} from './managed-config-rules';
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
  redirectKindSchema,
  MAX_RIGHTS,
  NETREX_RIGHTS,
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
  /** The rule broken, for the window's own words; `message` says it in English. */
  readonly rule: ManagedConfigRule;
  /** What the rule's sentence names (field names, bounds, allowed values); never a value of the file. */
  readonly values?: MessageParams;
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
  /** True when the built-in portals are listed only where an entry of the file configures them. */
  readonly hideBuiltInPortals: boolean;
  /** The portal the window opens on (its sign-in) while no account uses it; null for none. */
  readonly defaultProviderId: string | null;
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
  locked: z.boolean().optional(),
});
type ManagedEntry = z.infer<typeof entrySchema>;

/** The top level, field by field: one broken or unknown field costs only itself. */
const TOP_LEVEL = {
  $schema: z.string(),
  allowCustomPortals: z.boolean(),
  hideBuiltInPortals: z.boolean(),
  defaultPortal: providerIdSchema,
  providers: z.array(z.unknown()),
} as const;

/** Every field the file may hold, top level and entry, for the documentation's test. */
export const MANAGED_CONFIG_FIELDS: readonly string[] = [
  ...Object.keys(TOP_LEVEL),
  ...Object.keys(entrySchema.shape),
];

export function loadManagedConfig(file: string, fs: ManagedConfigFs = nodeFs): ManagedConfig {
  const errors: ManagedConfigError[] = [];
  const fail = (field: string, broken: RuleBroken): ManagedConfigError => {
    const error: ManagedConfigError = {
      file,
      field,
      rule: broken.rule,
      ...(broken.values ? { values: broken.values } : {}),
      message: ruleText(broken),
    };
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
    hideBuiltInPortals: false,
    defaultProviderId: null,
    errors,
  });

  let text: string;
  try {
    if (fs.statSync(file).size > MAX_MANAGED_CONFIG_BYTES) {
      fail('(file)', { rule: 'file-too-large' });
      return empty(true);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return empty(false);
    fail('(file)', { rule: code === 'EACCES' ? 'file-permission-denied' : 'file-unreadable' });
    return empty(true);
  }

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    fail('(file)', { rule: 'file-not-json' });
    return empty(true);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    fail('(file)', { rule: 'file-not-object' });
    return empty(true);
  }
  const top = readTopLevel(json as Record<string, unknown>, fail);

  const providers: ProviderConfig[] = [];
  const clientSecrets = new Map<string, string>();
  (top.providers ?? []).forEach((raw, index) => {
    const at = (sub: readonly PropertyKey[]) => fieldPath(['providers', index, ...sub]);
    const entry = entrySchema.safeParse(raw);
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

  return {
    file,
    providers,
    clientSecrets,
    allowCustomPortals: top.allowCustomPortals,
    hideBuiltInPortals: top.hideBuiltInPortals,
    defaultProviderId: defaultPortalOf(top, providers, fail),
    errors,
  };
}

/**
 * The default portal must be one the window lists: an entry of this file, or
 * a built-in portal that is not hidden. Otherwise it is reported and the
 * window opens as it would without it.
 */
function defaultPortalOf(
  top: TopLevel,
  providers: readonly ProviderConfig[],
  fail: (field: string, broken: RuleBroken) => void,
): string | null {
  const id = top.defaultPortal;
  if (!id) return null;
  const listed =
    providers.some((p) => p.id === id) ||
    (!top.hideBuiltInPortals && BUILT_IN_PROVIDERS.some((p) => p.id === id));
  if (listed) return id;
  fail(fieldPath(['defaultPortal']), { rule: 'unknown-portal' });
  return null;
}

/**
 * Each known top-level field on its own; an unknown one (a comment, a typo)
 * is reported and ignored, never a reason to drop the rest. A broken
 * `allowCustomPortals` counts as false: IT meant to set it.
 */
interface TopLevel {
  readonly providers?: readonly unknown[];
  readonly allowCustomPortals: boolean;
  readonly hideBuiltInPortals: boolean;
  readonly defaultPortal?: string;
}

function readTopLevel(
  json: Record<string, unknown>,
  fail: (field: string, broken: RuleBroken) => void,
): TopLevel {
  for (const key of Object.keys(json)) {
    if (!Object.hasOwn(TOP_LEVEL, key)) {
      const name = isPlainName(key) ? fieldPath([key]) : '(a field with an odd name)';
      fail(name, { rule: 'unknown-setting', values: { known: Object.keys(TOP_LEVEL).join(', ') } });
    }
  }
  const field = <K extends keyof typeof TOP_LEVEL>(key: K) => {
    if (json[key] === undefined) return undefined;
    const parsed = TOP_LEVEL[key].safeParse(json[key]);
    if (parsed.success) return parsed.data as z.infer<(typeof TOP_LEVEL)[K]>;
    const issue = parsed.error.issues[0];
    fail(fieldPath([key]), issue ? ruleOfIssue(issue, key) : { rule: 'invalid' });
    return null;
  };
  field('$schema');
  const providers = field('providers');
  const allowCustomPortals = field('allowCustomPortals');
  // Hiding is a convenience, not a lockdown: a broken value hides nothing.
  const hideBuiltInPortals = field('hideBuiltInPortals') ?? false;
  const defaultPortal = field('defaultPortal');
  return {
    ...(providers ? { providers } : {}),
    allowCustomPortals: allowCustomPortals === null ? false : (allowCustomPortals ?? true),
    hideBuiltInPortals,
    ...(defaultPortal ? { defaultPortal } : {}),
  };
}

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
  // What could not be read may have been the lockdown: portals are not added by hand meanwhile.
  const locks = error.field === '(file)' || error.field === 'allowCustomPortals';
  const where = error.field === '(file)' ? '' : ` at ${error.field}`;
  const consequence = locks
    ? 'Until it is corrected, portals cannot be added by hand here'
    : 'Netrex Connect ignores that part and works without it';
  // The rule and what it names go along, so the window says the reason in its own words.
  const reason = { ...error.values, rule: error.rule };
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
