// The list of providers the app can sign in to: built-in portals, those IT
// deployed (managed, possibly locked), the demo stand-in, and portals the user
// added. The user's part (added portals, edits) is persisted through the
// DocumentStore port; nothing secret is stored here.
import type { z } from 'zod';
import type { DocumentStore } from '../common/document-store';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type {
  AddPortalInput,
  PortalPolicy,
  ProviderSettingsPatch,
  UserFacingError,
} from '../common/model';
import { BUILT_IN_PROVIDERS } from './built-in';
import type { ManagedConfig } from './managed-config';
import { normalizeProviderUrl } from './portal-url';
import { ProviderError } from './provider-error';
import {
  clientIdSchema,
  DEFAULT_LOOPBACK_PORT,
  defaultRights,
  fieldPath,
  loopbackPortSchema,
  providerConfigSchema,
  providerNameSchema,
  redirectKindSchema,
  rightsSchema,
  type ProviderConfig,
  type ProviderId,
} from './provider-config';

export interface ProviderRegistry {
  /** The portals the window offers (a built-in IT hides is not among them). */
  list(): readonly ProviderConfig[];
  /** Any portal, hidden ones too: an account signed in before IT hid its portal keeps working. */
  get(id: ProviderId): ProviderConfig | undefined;
  /** Adds an "other portal" (Netrex dialect) or a standard OAuth 2.0 / OpenID server. */
  addPortal(input: AddPortalInput): ProviderConfig;
  update(id: ProviderId, patch: ProviderSettingsPatch): ProviderConfig;
  /** Only portals the user added can be removed. */
  remove(id: ProviderId): void;
  onDidChange(listener: () => void): Disposable;
  /** Problems met while loading (unreadable settings file, managed configuration errors). */
  readonly warnings: readonly UserFacingError[];
  /** False while IT forbids adding portals by hand (it may change while the app runs). */
  readonly allowCustomPortals: boolean;
  /** What IT allows and prefers in the window. */
  policy(): PortalPolicy;
  /** IT's portals and permissions changed (a policy was edited while the app runs). */
  setManaged(managed: ManagedConfig): void;
}

export interface ProviderRegistryOptions {
  readonly store: DocumentStore;
  readonly managed?: ManagedConfig;
  /** The demo stand-in portal (`npm run demo`); never persisted. */
  readonly demo?: readonly ProviderConfig[];
}

type Override = {
  -readonly [
    K in 'name' | 'clientId' | 'rights' | 'redirectKind' | 'loopbackPort'
  ]?: ProviderConfig[K];
};

interface StoredDocument {
  version: 1;
  custom: ProviderConfig[];
  overrides: Record<string, Override>;
}

const FIELD_LABELS: Record<string, string> = {
  url: 'address',
  name: 'name',
  clientId: 'client ID',
  rights: 'list of rights',
  redirectKind: 'redirect kind',
  loopbackPort: 'loopback port',
};

export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const { store } = options;
  let managed = options.managed;
  const warnings: UserFacingError[] = [];
  const listeners = new Set<() => void>();
  const doc = loadDocument(store, warnings);
  const allowCustomPortals = (): boolean => managed?.allowCustomPortals ?? true;
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const fixed = (): ProviderConfig[] => {
    const byId = new Map<string, ProviderConfig>();
    for (const p of BUILT_IN_PROVIDERS) byId.set(p.id, p);
    for (const p of options.demo ?? []) byId.set(p.id, p);
    for (const p of managed?.providers ?? []) byId.set(p.id, p);
    return [...byId.values()];
  };

  /** Every portal, hidden built-ins too. */
  const all = (): ProviderConfig[] => {
    const result = fixed().map((p) => (p.locked ? p : applyOverride(p, doc.overrides[p.id])));
    const taken = new Set(result.map((p) => p.id));
    for (const custom of doc.custom) if (!taken.has(custom.id)) result.push(custom);
    return result;
  };

  // A built-in IT configures is a managed portal; one it does not is hidden when IT says so.
  const hidden = (p: ProviderConfig): boolean =>
    Boolean(managed?.hideBuiltInPortals) && p.origin === 'built-in';
  const list = (): ProviderConfig[] => all().filter((p) => !hidden(p));

  const save = (): void => {
    store.write({ version: 1, custom: doc.custom, overrides: doc.overrides });
    changed();
  };

  const require = (id: ProviderId): ProviderConfig => {
    const found = all().find((p) => p.id === id);
    if (!found) {
      throw new ProviderError('unknown_provider', 'This portal is not in the list any more.');
    }
    return found;
  };

  for (const custom of doc.custom) {
    if (fixed().some((p) => p.id === custom.id)) {
      warnings.push({
        code: 'provider_shadowed',
        message: `Your portal "${custom.name}" has the same id as a portal your administrator configured, so only theirs is shown.`,
        params: { portal: custom.name },
      });
    }
  }

  return {
    warnings,
    get allowCustomPortals() {
      return allowCustomPortals();
    },
    setManaged(next) {
      managed = next;
      changed();
    },
    list,
    get: (id) => all().find((p) => p.id === id),

    policy() {
      const wanted = managed?.defaultProviderId ?? null;
      return {
        customPortalsAllowed: allowCustomPortals(),
        defaultProviderId: wanted && list().some((p) => p.id === wanted) ? wanted : null,
      };
    },

    addPortal(input) {
      if (!allowCustomPortals()) {
        throw new ProviderError(
          'custom_portals_disabled',
          'Your administrator does not allow adding portals on this computer. Ask them to add it to the managed configuration.',
        );
      }
      const dialect = input.dialect ?? 'netrex';
      const url = normalizeProviderUrl(input.url, dialect);
      if (!url.ok) {
        throw invalid('url', `The address is not valid: ${url.reason}.`, `url-${url.problem}`);
      }
      // Hidden portals count: the same address added by hand would be a second copy of one.
      const existing = all().find((p) => p.dialect === dialect && p.url === url.url);
      if (existing) {
        throw new ProviderError(
          'duplicate',
          `This address is already in the list as "${existing.name}".`,
          'url',
          { portal: existing.name },
        );
      }
      const host = new URL(url.url).host;
      const name = validate('name', providerNameSchema, input.name ?? host);
      const config: ProviderConfig = {
        id: uniqueId(url.url, new Set(all().map((p) => p.id))),
        name,
        dialect,
        origin: 'custom',
        url: url.url,
        clientId: '',
        rights: defaultRights(dialect),
        redirectKind: 'custom-scheme',
        loopbackPort: DEFAULT_LOOPBACK_PORT,
        locked: false,
      };
      doc.custom.push(config);
      save();
      return config;
    },

    update(id, patch) {
      const current = require(id);
      if (current.locked) {
        throw new ProviderError(
          'locked',
          `${current.name} is set up by your administrator and cannot be changed here.`,
          undefined,
          { portal: current.name },
        );
      }
      const change: Override = {};
      if (patch.name !== undefined) change.name = validate('name', providerNameSchema, patch.name);
      if (patch.clientId !== undefined) {
        change.clientId = validate('clientId', clientIdSchema, patch.clientId);
      }
      if (patch.rights !== undefined) {
        change.rights = validate('rights', rightsSchema(current.dialect), [...patch.rights]);
      }
      if (patch.redirectKind !== undefined) {
        change.redirectKind = validate('redirectKind', redirectKindSchema, patch.redirectKind);
      }
      if (patch.loopbackPort !== undefined) {
        change.loopbackPort = validate('loopbackPort', loopbackPortSchema, patch.loopbackPort);
      }
      const index = doc.custom.findIndex((p) => p.id === id);
      if (current.origin === 'custom' && index >= 0) {
        doc.custom[index] = { ...current, ...change };
      } else {
        doc.overrides[id] = { ...doc.overrides[id], ...change };
      }
      save();
      return require(id);
    },

    remove(id) {
      const current = require(id);
      const index = doc.custom.findIndex((p) => p.id === id);
      if (current.origin !== 'custom' || index < 0) {
        throw new ProviderError(
          'not_removable',
          `${current.name} comes with the app or from your administrator and cannot be removed.`,
          undefined,
          { portal: current.name },
        );
      }
      doc.custom.splice(index, 1);
      delete doc.overrides[id];
      save();
    },

    onDidChange(listener) {
      listeners.add(listener);
      return toDisposable(() => void listeners.delete(listener));
    },
  };
}

function applyOverride(config: ProviderConfig, override: Override | undefined): ProviderConfig {
  if (!override) return config;
  const { rights, ...rest } = override;
  // Saved rights apply only while they are valid for the provider's dialect.
  const keepRights = rights && rightsSchema(config.dialect).safeParse(rights).success;
  return { ...config, ...rest, ...(keepRights ? { rights } : {}) };
}

/** `variant` names the rule for the window's words: the field, or `url-<problem>`. */
function invalid(field: string, message: string, variant = field): ProviderError {
  return new ProviderError('invalid_input', message, field, { variant });
}

function validate<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(
    field,
    `The ${FIELD_LABELS[field] ?? field} ${result.error.issues[0]?.message ?? 'is not valid'}.`,
  );
}

/** `https://portal.acme.example/x` → `portal-acme-example-x`, made unique with -2, -3… */
function uniqueId(url: string, taken: ReadonlySet<string>): ProviderId {
  const { hostname, port, pathname } = new URL(url);
  const slug =
    `${hostname}${port ? `-${port}` : ''}${pathname}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'portal';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

function loadDocument(store: DocumentStore, warnings: UserFacingError[]): StoredDocument {
  const doc: StoredDocument = { version: 1, custom: [], overrides: {} };
  const read = store.read();
  if (read.kind === 'missing') return doc;
  const setAside = (reason: string): StoredDocument => {
    const movedTo = store.moveAside(read.kind === 'unreadable' ? 'unreadable' : 'invalid');
    warnings.push({
      code: 'provider_settings_unreadable',
      message: `Your portal settings could not be read (${reason}). The file was moved aside to ${movedTo}; the built-in portals are available, add your own portals again.`,
      params: { path: movedTo },
    });
    return doc;
  };
  if (read.kind === 'unreadable') return setAside(read.reason);
  const { custom, overrides } = read.document as { custom?: unknown; overrides?: unknown };
  // A list or map of the wrong type cannot be read entry by entry: set the
  // file aside rather than ignore it, or the next save would write over it.
  const isMap = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  if (
    (custom !== undefined && !Array.isArray(custom)) ||
    (overrides !== undefined && !isMap(overrides))
  ) {
    return setAside('its layout is not one this app writes');
  }
  for (const [index, entry] of (Array.isArray(custom) ? custom : []).entries()) {
    const parsed = providerConfigSchema.safeParse(entry);
    if (parsed.success && parsed.data.origin === 'custom') {
      doc.custom.push(parsed.data as ProviderConfig);
    } else {
      const field = parsed.success ? 'origin' : fieldPath(parsed.error.issues[0]?.path ?? []);
      warnings.push({
        code: 'provider_settings_invalid',
        message: `A saved portal (entry ${index + 1}, ${field || 'entry'}) is not valid and was skipped. Add it again.`,
        params: { entry: index + 1, field: field || 'entry' },
      });
    }
  }
  if (isMap(overrides)) {
    for (const [id, value] of Object.entries(overrides as object)) {
      if (value && typeof value === 'object')
        doc.overrides[id] = sanitizeOverride(value as Override);
    }
  }
  return doc;
}

/** Keeps only the override fields that still validate (a hand-edited file may hold anything). */
function sanitizeOverride(raw: Override): Override {
  const out: Override = {};
  const name = providerNameSchema.safeParse(raw.name);
  if (name.success) out.name = name.data;
  const clientId = clientIdSchema.safeParse(raw.clientId);
  if (clientId.success) out.clientId = clientId.data;
  if (Array.isArray(raw.rights) && raw.rights.every((r) => typeof r === 'string')) {
    out.rights = raw.rights;
  }
  const kind = redirectKindSchema.safeParse(raw.redirectKind);
  if (kind.success) out.redirectKind = kind.data;
  const port = loopbackPortSchema.safeParse(raw.loopbackPort);
  if (port.success) out.loopbackPort = port.data;
  return out;
}
