// What a provider (a portal, or a standard OAuth 2.0 / OpenID server) is:
// plain data, validated field by field. Client secrets are not part of it:
// they live in the token vault and are looked up through `ClientSecrets`.
import { z } from 'zod';
import type { Dialect, ProviderOrigin, RedirectKind } from '../common/model';
import { normalizeProviderUrl } from './portal-url';

export type { Dialect, ProviderOrigin, RedirectKind };

/** A safe slug: it becomes a path segment of the redirect URI (RFC 8252 §8.10). */
export type ProviderId = string;

export interface ProviderConfig {
  readonly id: ProviderId;
  readonly name: string;
  readonly dialect: Dialect;
  readonly origin: ProviderOrigin;
  /** Base URL (Netrex dialect) or issuer (standard dialect), normalised. */
  readonly url: string;
  /** Empty until an administrator or the user sets one. */
  readonly clientId: string;
  /** Rights (Netrex, sent comma-separated) or scopes (standard, space-separated). */
  readonly rights: readonly string[];
  readonly redirectKind: RedirectKind;
  /** Port of the loopback redirect `http://127.0.0.1:PORT/oauth/callback/<id>`. */
  readonly loopbackPort: number;
  /**
   * The portal has the loopback address registered as well as the app link,
   * so a sign-in may return through it when the app link cannot reach the app
   * (main/auth/way-back.ts). Implied by `redirectKind: 'loopback'`; absent is false.
   */
  readonly loopbackFallback?: boolean;
  /** Set by managed configuration: the UI shows the settings read-only. */
  readonly locked: boolean;
}

/**
 * The port that reaches the secrets store (the token vault implements it).
 * A secret is answered only for the address it was set for: a provider id
 * that now names another address gets none.
 */
export interface ClientSecrets {
  get(provider: Pick<ProviderConfig, 'id' | 'url'>): string | undefined;
}

/** The rights a Netrex-dialect portal documents (PROVIDER_PROTOCOL.md). */
export const NETREX_RIGHTS = [
  'read',
  'write',
  'liveview',
  'audiotransmit',
  'liveview_ptz',
  'liveview_light',
  'liveview_audioclip',
  'recordings',
  'recordings_delete',
  'events',
] as const;

export const DEFAULT_NETREX_RIGHTS: readonly string[] = ['read'];
/**
 * Standard dialect: `openid` for the account's identity and `offline_access`
 * for a refresh token (OpenID Connect Core §11), which keeps the connection
 * alive without a new sign-in.
 */
export const DEFAULT_OAUTH2_SCOPES: readonly string[] = ['openid', 'offline_access'];

/**
 * Default loopback port. The Netrex documentation does not say whether a
 * portal matches the port of a loopback redirect exactly, so the port is
 * fixed (registrable) rather than random. 28813 lies below every OS's
 * ephemeral range (Linux 32768–60999, Windows and macOS 49152–65535), so an
 * outgoing connection never happens to hold it.
 */
export const DEFAULT_LOOPBACK_PORT = 28813;

export const PROVIDER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const providerIdSchema = z
  .string()
  .regex(PROVIDER_ID_PATTERN, 'must be 1–40 lower-case letters, digits or dashes');

export const providerNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

/** RFC 6749 §2.2 allows any VSCHAR; we refuse spaces too, they are always a paste mistake. */
export const clientIdSchema = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces');

export const loopbackPortSchema = z
  .number()
  .int('must be a whole number')
  .min(1024, 'must be between 1024 and 65535')
  .max(65535, 'must be between 1024 and 65535');

export const redirectKindSchema = z.enum(['custom-scheme', 'loopback']);
export const dialectSchema = z.enum(['netrex', 'oauth2']);

/** RFC 6749 §3.3 scope-token: NQCHAR, no space, quote or backslash; commas split Netrex rights. */
const scopeToken = /^[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]+$/;

/** The longest list of rights a provider may ask for. */
export const MAX_RIGHTS = 50;

export function rightsSchema(dialect: Dialect) {
  const base = z
    .array(z.string())
    .min(1, 'must name at least one right')
    .max(MAX_RIGHTS, `must name at most ${MAX_RIGHTS} rights`)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a right');
  if (dialect === 'netrex') {
    const known = new Set<string>(NETREX_RIGHTS);
    return base.refine(
      (list) => list.every((r) => known.has(r)),
      `must be among: ${NETREX_RIGHTS.join(', ')}`,
    );
  }
  return base.refine(
    (list) => list.every((r) => scopeToken.test(r)),
    'must be scope names without spaces, quotes, commas or backslashes',
  );
}

export function defaultRights(dialect: Dialect): readonly string[] {
  return dialect === 'netrex' ? DEFAULT_NETREX_RIGHTS : DEFAULT_OAUTH2_SCOPES;
}

/** A zod refinement for a provider URL in the given dialect. */
export function providerUrlSchema(dialect: Dialect) {
  return z.string().transform((input, ctx) => {
    const result = normalizeProviderUrl(input, dialect);
    if (result.ok) return result.url;
    ctx.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  });
}

/** The whole entry, as persisted or as built from managed configuration. */
export const providerConfigSchema = z
  .object({
    id: providerIdSchema,
    name: providerNameSchema,
    dialect: dialectSchema,
    origin: z.enum(['built-in', 'managed', 'custom', 'demo']),
    url: z.string(),
    clientId: clientIdSchema,
    rights: z.array(z.string()),
    redirectKind: redirectKindSchema,
    loopbackPort: loopbackPortSchema,
    loopbackFallback: z.boolean().optional(),
    locked: z.boolean(),
  })
  .superRefine((value, ctx) => {
    const url = providerUrlSchema(value.dialect).safeParse(value.url);
    if (!url.success) ctx.addIssue({ code: 'custom', path: ['url'], message: firstMessage(url) });
    const rights = rightsSchema(value.dialect).safeParse(value.rights);
    if (!rights.success) {
      ctx.addIssue({ code: 'custom', path: ['rights'], message: firstMessage(rights) });
    }
  });

function firstMessage(result: { error?: z.ZodError }): string {
  return result.error?.issues[0]?.message ?? 'is not valid';
}

/** Field path in the form administrators read: `providers[1].url`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}
