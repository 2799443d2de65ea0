// Everything the stand-in portal remembers: sign-ins in progress, codes,
// grants, access and refresh tokens, personal API tokens, what was issued,
// and request counters. Pure in-memory domain logic with an injected clock;
// the endpoints translate its answers into HTTP.
import type { ClientConfig, EffectiveConfig, ProviderSettings, Right } from './config';
import { randomSecret, s256, sameSecret, SecretMap } from './secrets';
import { emptyStats, type ProviderStats } from './stats';

export type Clock = () => number;

/** A sign-in between the authorization request and the consent decision. */
export interface PendingAuthorization {
  readonly id: string;
  readonly client: ClientConfig;
  readonly redirectUri: string;
  readonly rights: readonly Right[];
  readonly state: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly createdAt: number;
  /** Set once the user has signed in on the login page. */
  username?: string;
}

/** A sign-in page left open longer than this must be started again. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;

interface CodeRecord {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly username: string;
  readonly rights: readonly Right[];
  readonly codeChallenge: string | undefined;
  readonly issuedAt: number;
  /** Set when the code was exchanged; a second exchange revokes this grant. */
  grant?: Grant;
}

/** One authorization: every token issued from one code, through all its refreshes. */
interface Grant {
  readonly clientId: string;
  readonly username: string;
  readonly rights: readonly Right[];
  revoked: boolean;
  /** The tokens issued last (for `reissueGrant`). */
  latest?: IssuedTokens;
}

interface AccessTokenRecord {
  readonly grant: Grant;
  readonly expiresAt: number;
}

interface RefreshTokenRecord {
  readonly grant: Grant;
  /** When rotation replaced it; it then lives only for the grace period. */
  replacedAt?: number;
  /** Killed by `invalidateRefreshTokens`. */
  invalidated: boolean;
}

interface ApiTokenRecord {
  readonly username: string;
  readonly rights: readonly Right[];
  readonly expiresAt: number | undefined;
  revoked: boolean;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly expiresIn: number;
  readonly rights: readonly Right[];
}

/** A refusal in RFC 6749 §5.2 terms; the description never quotes a secret. */
export interface GrantError {
  readonly error: 'invalid_grant' | 'invalid_scope' | 'invalid_request';
  readonly description: string;
}

export type TokenOutcome =
  ({ readonly ok: true } & IssuedTokens) | ({ readonly ok: false } & GrantError);

export type BearerOutcome =
  | { readonly ok: true; readonly username: string; readonly rights: readonly Right[] }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' };

export class ProviderState {
  readonly config: EffectiveConfig;
  readonly settings: ProviderSettings;
  readonly clock: Clock;
  stats: ProviderStats = emptyStats();

  readonly #issued = new Set<string>();
  readonly #pending = new SecretMap<PendingAuthorization>();
  readonly #codes = new SecretMap<CodeRecord>();
  readonly #accessTokens = new SecretMap<AccessTokenRecord>();
  readonly #refreshTokens = new SecretMap<RefreshTokenRecord>();
  readonly #apiTokens = new SecretMap<ApiTokenRecord>();

  constructor(config: EffectiveConfig, settings: ProviderSettings, clock: Clock) {
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    for (const client of config.clients) this.#issued.add(client.client_secret);
    for (const user of config.users) {
      this.#issued.add(user.password);
      for (const entry of user.apiTokens) {
        const expiresAt = entry.expiresAt === undefined ? undefined : Date.parse(entry.expiresAt);
        this.addApiToken(user.username, entry.token, entry.rights, expiresAt);
      }
    }
  }

  /** Every secret issued or configured, in the order it appeared. */
  issued(): string[] {
    return [...this.#issued];
  }

  /** Remembers a secret the portal received (a PKCE verifier), for leak searches. */
  noteSecret(value: string): void {
    this.#issued.add(value);
  }

  findClient(clientId: string): ClientConfig | undefined {
    return this.config.clients.find((client) => client.client_id === clientId);
  }

  /** Client authentication (RFC 6749 §2.3.1); the secret is compared in constant time. */
  authenticateClient(clientId: string, clientSecret: string): ClientConfig | undefined {
    const client = this.findClient(clientId);
    // Compare against something even for an unknown client, so timing says nothing.
    const ok = sameSecret(client?.client_secret ?? '\0unknown-client', clientSecret);
    return client && ok ? client : undefined;
  }

  authenticateUser(
    username: string,
    password: string,
  ): EffectiveConfig['users'][number] | undefined {
    const user = this.#user(username);
    const ok = sameSecret(user?.password ?? '\0unknown-user', password);
    return user && ok ? user : undefined;
  }

  // --- sign-ins in progress -------------------------------------------------

  createPending(fields: Omit<PendingAuthorization, 'id' | 'createdAt'>): PendingAuthorization {
    const pending: PendingAuthorization = {
      ...fields,
      id: randomSecret('pending'),
      createdAt: this.clock(),
    };
    this.#pending.set(pending.id, pending);
    return pending;
  }

  findPending(id: string): PendingAuthorization | undefined {
    const pending = this.#pending.get(id);
    if (!pending) return undefined;
    if (this.clock() - pending.createdAt > PENDING_LIFETIME_MS) {
      this.#pending.delete(id);
      return undefined;
    }
    return pending;
  }

  /** Ends a sign-in (the decision was taken): its id works no more. */
  finishPending(pending: PendingAuthorization): void {
    this.#pending.delete(pending.id);
  }

  // --- codes and tokens -----------------------------------------------------

  issueCode(pending: PendingAuthorization & { username: string }): string {
    const code = randomSecret('code');
    this.#codes.set(code, {
      clientId: pending.client.client_id,
      redirectUri: pending.redirectUri,
      username: pending.username,
      rights: pending.rights,
      codeChallenge: pending.codeChallenge,
      issuedAt: this.clock(),
    });
    this.#issued.add(code);
    return code;
  }

  /** The authorization_code grant (RFC 6749 §4.1.3, RFC 7636 §4.6). */
  redeemCode(request: {
    code: string;
    client: ClientConfig;
    redirectUri: string;
    codeVerifier: string | undefined;
  }): TokenOutcome {
    const record = this.#codes.get(request.code);
    const refuse = (description: string): TokenOutcome => ({
      ok: false,
      error: 'invalid_grant',
      description,
    });
    if (!record) return refuse('The authorization code is unknown.');
    if (record.grant) {
      // RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for.
      record.grant.revoked = true;
      return refuse(
        'The authorization code was already used; the tokens issued for it are revoked.',
      );
    }
    if (this.clock() - record.issuedAt >= this.settings.codeLifetimeSec * 1000) {
      return refuse('The authorization code expired.');
    }
    if (record.clientId !== request.client.client_id) {
      return refuse('The authorization code was issued to another client.');
    }
    if (record.redirectUri !== request.redirectUri) {
      return refuse('redirect_uri differs from the one in the authorization request.');
    }
    if (record.codeChallenge === undefined) {
      if (request.codeVerifier !== undefined) {
        // RFC 9700 §2.1.1: a verifier without a bound challenge is a downgrade attempt.
        return refuse(
          'code_verifier was sent, but the authorization request had no code_challenge.',
        );
      }
    } else {
      if (request.codeVerifier === undefined) {
        return refuse('code_verifier is required: the authorization request had a code_challenge.');
      }
      if (!sameSecret(s256(request.codeVerifier), record.codeChallenge)) {
        return refuse('code_verifier does not match the code_challenge.');
      }
    }
    if (this.settings.reissueGrant) {
      const live = this.#liveGrant(record.clientId, record.username);
      if (live?.latest) {
        record.grant = live;
        return { ok: true, ...live.latest };
      }
    }
    const grant: Grant = {
      clientId: record.clientId,
      username: record.username,
      rights: record.rights,
      revoked: false,
    };
    record.grant = grant;
    return { ok: true, ...this.#issueTokens(grant, grant.rights, true) };
  }

  /** The refresh_token grant (RFC 6749 §6), with optional rotation and grace period. */
  refresh(request: {
    refreshToken: string;
    client: ClientConfig;
    rights: readonly Right[] | undefined;
  }): TokenOutcome {
    const record = this.#refreshTokens.get(request.refreshToken);
    const refuse = (description: string): TokenOutcome => ({
      ok: false,
      error: 'invalid_grant',
      description,
    });
    if (!record) return refuse('The refresh token is unknown.');
    if (record.grant.revoked) return refuse('The refresh token was revoked.');
    if (record.invalidated) return refuse('The refresh token is no longer valid.');
    if (record.grant.clientId !== request.client.client_id) {
      return refuse('The refresh token was issued to another client.');
    }
    const now = this.clock();
    if (
      record.replacedAt !== undefined &&
      now - record.replacedAt >= this.settings.rotationGraceSec * 1000
    ) {
      return refuse('The refresh token was replaced by a newer one.');
    }
    let rights = record.grant.rights;
    if (request.rights) {
      const extra = request.rights.filter((right) => !record.grant.rights.includes(right));
      if (extra.length > 0) {
        return {
          ok: false,
          error: 'invalid_scope',
          description: `Rights not granted originally: ${extra.join(',')}.`,
        };
      }
      rights = request.rights;
    }
    const rotate = this.settings.rotateRefreshTokens;
    if (rotate) record.replacedAt ??= now;
    return { ok: true, ...this.#issueTokens(record.grant, rights, rotate) };
  }

  /** The user's newest unrevoked grant for the client, if any. */
  #liveGrant(clientId: string, username: string): Grant | undefined {
    let found: Grant | undefined;
    for (const { value } of this.#accessTokens.values()) {
      const { grant } = value;
      if (grant.clientId === clientId && grant.username === username && !grant.revoked) {
        found = grant;
      }
    }
    return found;
  }

  #issueTokens(grant: Grant, rights: readonly Right[], withRefresh: boolean): IssuedTokens {
    const accessToken = randomSecret('access');
    const expiresIn = this.settings.accessTokenLifetimeSec;
    this.#accessTokens.set(accessToken, { grant, expiresAt: this.clock() + expiresIn * 1000 });
    this.#issued.add(accessToken);
    let refreshToken: string | undefined;
    if (
      withRefresh &&
      this.settings.refreshTokens &&
      this.settings.tokenResponseFields.includes('refresh_token')
    ) {
      refreshToken = randomSecret('refresh');
      this.#refreshTokens.set(refreshToken, { grant, invalidated: false });
      this.#issued.add(refreshToken);
    }
    grant.latest = { accessToken, refreshToken, expiresIn, rights };
    return grant.latest;
  }

  /** Revocation: the access token's whole grant (so its refresh token too) stops working. */
  revokeAccessToken(token: string): 'revoked' | 'unknown' {
    const record = this.#accessTokens.get(token);
    if (!record || record.grant.revoked) return 'unknown';
    record.grant.revoked = true;
    return 'revoked';
  }

  /** Makes every refresh token (of one user, or of all) fail with invalid_grant. */
  invalidateRefreshTokens(username?: string): void {
    for (const { value } of this.#refreshTokens.values()) {
      if (username === undefined || value.grant.username === username) value.invalidated = true;
    }
  }

  // --- personal API tokens --------------------------------------------------

  addApiToken(
    username: string,
    token: string,
    rights: readonly Right[] = ['read'],
    expiresAt?: number,
  ): void {
    if (!this.#user(username)) throw new Error(`The stand-in has no user "${username}".`);
    if (this.#apiTokens.get(token)) throw new Error('That API token already exists.');
    this.#apiTokens.set(token, { username, rights, expiresAt, revoked: false });
    this.#issued.add(token);
  }

  revokeApiToken(token: string): boolean {
    const record = this.#apiTokens.get(token);
    if (!record || record.revoked) return false;
    record.revoked = true;
    return true;
  }

  // --- the API --------------------------------------------------------------

  /** Who a Bearer token (OAuth access token or personal API token) belongs to. */
  authenticateBearer(token: string): BearerOutcome {
    const now = this.clock();
    const access = this.#accessTokens.get(token);
    if (access) {
      if (access.grant.revoked) return { ok: false, reason: 'revoked' };
      if (now >= access.expiresAt) return { ok: false, reason: 'expired' };
      return { ok: true, username: access.grant.username, rights: access.grant.rights };
    }
    const api = this.#apiTokens.get(token);
    if (api) {
      if (api.revoked) return { ok: false, reason: 'revoked' };
      if (api.expiresAt !== undefined && now >= api.expiresAt)
        return { ok: false, reason: 'expired' };
      return { ok: true, username: api.username, rights: api.rights };
    }
    return { ok: false, reason: 'unknown' };
  }

  camerasOf(username: string): readonly string[] {
    return this.#user(username)?.cameras ?? [];
  }

  #user(username: string): EffectiveConfig['users'][number] | undefined {
    return this.config.users.find((user) => user.username === username);
  }
}
