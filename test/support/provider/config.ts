// The stand-in portal's configuration: registered client applications, user
// accounts, and the switches for everything PROVIDER_PROTOCOL.md says the
// documentation leaves open. Validated with zod; an error names the field.
import { z } from 'zod';

/** The ten rights (scopes) the portal documents, in the documentation's order. */
export const RIGHTS = [
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
export type Right = (typeof RIGHTS)[number];

export function isRight(value: string): value is Right {
  return (RIGHTS as readonly string[]).includes(value);
}

/** The optional fields of a token answer; `access_token` is always sent. */
export const TOKEN_RESPONSE_FIELDS = [
  'token_type',
  'expires_in',
  'refresh_token',
  'scope',
] as const;
export type TokenResponseField = (typeof TOKEN_RESPONSE_FIELDS)[number];

const nonEmpty = z.string().min(1, 'must not be empty');

const redirectUriSchema = nonEmpty.refine(
  (value) => URL.canParse(value) && !value.includes('#'),
  'must be an absolute URL without a fragment (RFC 6749 §3.1.2)',
);

const clientSchema = z.strictObject({
  client_id: nonEmpty,
  client_secret: nonEmpty,
  name: nonEmpty,
  redirect_uris: z.array(redirectUriSchema).min(1, 'must list at least one redirect URL'),
});

/** A bare string is a token with the default right (`read`) and no expiry. */
const apiTokenSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { token: value } : value),
  z.strictObject({
    token: nonEmpty,
    rights: z.array(z.enum(RIGHTS)).default(['read']),
    /** ISO 8601 date-time; the portal lets a token expire (optional). */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

const userSchema = z.strictObject({
  username: nonEmpty,
  password: nonEmpty,
  cameras: z.array(nonEmpty).default([]),
  apiTokens: z.array(apiTokenSchema).default([]),
});

/** Switches read on every request (mutable at run time through `portal.settings`). */
const settingsShape = {
  /** Lifetime of an access token, in seconds. */
  accessTokenLifetimeSec: z.number().int().positive().default(3600),
  /** Whether the portal issues refresh tokens at all (and accepts the refresh_token grant). */
  refreshTokens: z.boolean().default(true),
  /** Whether a refresh answers with a new refresh token (the old one then dies). */
  rotateRefreshTokens: z.boolean().default(true),
  /** For how long a replaced refresh token is still accepted (Auth0/Okta leeway); 0 = dead at once. */
  rotationGraceSec: z.number().int().nonnegative().default(0),
  /** `optional`: a code_challenge is bound when sent; `required`: a request without one is refused. */
  pkce: z.enum(['required', 'optional']).default('optional'),
  /** Which optional fields a token answer carries. */
  tokenResponseFields: z.array(z.enum(TOKEN_RESPONSE_FIELDS)).default([...TOKEN_RESPONSE_FIELDS]),
  /** How long an authorization code can be exchanged, in seconds. */
  codeLifetimeSec: z.number().int().positive().default(60),
  /**
   * What revoking an unknown (or already revoked) token answers; the
   * documentation is silent. `success`: 200 `{"success":true}` as RFC 7009
   * §2.2 asks; `error`: 400 `{"success":false,"message":…}`.
   */
  revokeUnknownToken: z.enum(['success', 'error']).default('success'),
  /**
   * Whether a loopback redirect URL may use any port (RFC 8252 §7.3). The
   * documentation only says "must equal one of the registered URLs", so the
   * default is exact matching.
   */
  loopbackAnyPort: z.boolean().default(false),
  /**
   * Whether the token endpoint takes the client's credentials in HTTP Basic
   * (RFC 6749 §2.3.1). The documentation shows only `client_id` and
   * `client_secret` as parameters, so it is off: an app that relied on Basic
   * would pass here and might fail at a real portal.
   */
  basicClientAuth: z.boolean().default(false),
  /**
   * Whether a new authorization of a user who already has a live grant for
   * the client answers with that grant's current tokens instead of new ones.
   * The documentation does not say; some servers do it, so the app must not
   * take "new sign-in" to mean "new tokens". Off: a new grant each time.
   */
  reissueGrant: z.boolean().default(false),
};

export const settingsSchema = z.strictObject(settingsShape);
export type ProviderSettings = z.output<typeof settingsSchema>;

export interface ClientConfig {
  readonly client_id: string;
  readonly client_secret: string;
  readonly name: string;
  readonly redirect_uris: readonly string[];
}

export type ApiTokenConfig =
  | string
  | { readonly token: string; readonly rights?: readonly Right[]; readonly expiresAt?: string };

export interface UserConfig {
  readonly username: string;
  readonly password: string;
  readonly cameras?: readonly string[];
  readonly apiTokens?: readonly ApiTokenConfig[];
}

/** What `startProvider` and the CLI's `--config` file take; every key is optional. */
export interface ProviderStandInConfig extends Partial<ProviderSettings> {
  readonly clients: readonly ClientConfig[];
  readonly users: readonly UserConfig[];
}

/**
 * The loopback port the demo client registers: below every OS's ephemeral
 * range. The app's demo provider uses the same (main/services DEMO_LOOPBACK_PORT).
 */
export const DEMO_LOOPBACK_PORT = 28814;

/** The documented default: one client, user operator/operator with three cameras. */
export const DEFAULT_CONFIG: ProviderStandInConfig = {
  clients: [
    {
      client_id: 'netrex-connect-demo',
      client_secret: 'demo-client-secret',
      name: 'Netrex Connect (demo)',
      redirect_uris: [
        'cz.netrex.connect:/oauth/callback/demo',
        `http://127.0.0.1:${DEMO_LOOPBACK_PORT}/oauth/callback/demo`,
      ],
    },
  ],
  users: [
    {
      username: 'operator',
      password: 'operator',
      cameras: ['Entrance', 'Parking lot', 'Warehouse'],
      apiTokens: [{ token: 'demo-operator-api-token', rights: ['read'] }],
    },
  ],
};

const configSchema = z
  .strictObject({
    clients: z.array(clientSchema).min(1, 'must list at least one client application'),
    users: z.array(userSchema),
    ...settingsShape,
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.clients.forEach((client, index) => {
      if (seen.has(client.client_id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clients', index, 'client_id'],
          message: `duplicate client_id "${client.client_id}"`,
        });
      }
      seen.add(client.client_id);
    });
    const usernames = new Set<string>();
    const tokens = new Set<string>();
    config.users.forEach((user, index) => {
      if (usernames.has(user.username)) {
        ctx.addIssue({
          code: 'custom',
          path: ['users', index, 'username'],
          message: `duplicate username "${user.username}"`,
        });
      }
      usernames.add(user.username);
      user.apiTokens.forEach(({ token }, tokenIndex) => {
        if (tokens.has(token)) {
          // The token itself is a secret: name only where it is.
          ctx.addIssue({
            code: 'custom',
            path: ['users', index, 'apiTokens', tokenIndex],
            message: 'duplicate API token (each token belongs to one user)',
          });
        }
        tokens.add(token);
      });
    });
  });

/** The validated, defaulted configuration the portal runs with. */
export type EffectiveConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {
  /** e.g. `clients[0].redirect_uris[1]` */
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`Invalid stand-in config at ${path || '(root)'}: ${reason}`);
    this.name = 'ConfigError';
    this.path = path;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/**
 * Validates a (partial) configuration. Keys left out take the default's
 * value: `{ users: [...] }` keeps the default client. Throws a ConfigError
 * naming the first wrong field.
 */
export function parseConfig(input: unknown): EffectiveConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('', 'must be a JSON object');
  }
  const merged = { ...DEFAULT_CONFIG, ...(input as Record<string, unknown>) };
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new ConfigError('', 'is not valid');
    const field = formatPath(issue.path);
    // For unknown keys zod reports the parent path and lists the keys.
    const extra = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
    const path = extra ? (field ? `${field}.${extra}` : extra) : field;
    throw new ConfigError(path, extra ? 'unknown field' : issue.message);
  }
  return result.data;
}

/** The switches part of an effective config, as a fresh mutable object. */
export function settingsOf(config: EffectiveConfig): ProviderSettings {
  return {
    accessTokenLifetimeSec: config.accessTokenLifetimeSec,
    refreshTokens: config.refreshTokens,
    rotateRefreshTokens: config.rotateRefreshTokens,
    rotationGraceSec: config.rotationGraceSec,
    pkce: config.pkce,
    tokenResponseFields: [...config.tokenResponseFields],
    codeLifetimeSec: config.codeLifetimeSec,
    revokeUnknownToken: config.revokeUnknownToken,
    loopbackAnyPort: config.loopbackAnyPort,
    basicClientAuth: config.basicClientAuth,
    reissueGrant: config.reissueGrant,
  };
}
