// What the parser accepts, the vault can keep: every token answer either
// fails with invalid_token_response at once, or yields tokens the vault's own
// schema stores (a whole-millisecond expiry that fits, rights and tokens
// within its limits). Both dialects, through the engine's refresh, against a
// scripted server on loopback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import type { TokenSet } from '../../../main/auth/token-set';
import { TOKEN_LIMITS } from '../../../main/common/token-limits';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { accountSchema } from '../../../main/vault/vault-format';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';
import { AuthError } from '../../../main/auth/auth-error';

const HELD: Omit<TokenSet, 'providerUrl'> = {
  accessToken: 'at-old-123456',
  refreshToken: 'rt-old-123456',
  tokenType: 'bearer',
  expiresAt: null,
  rights: ['read'],
  rightsReported: true,
  obtainedAt: 0,
};

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

/** What the accounts would hand the vault for these tokens. */
function storable(tokens: TokenSet) {
  return accountSchema.safeParse({
    id: 'acc-1',
    providerId: 'p',
    providerUrl: tokens.providerUrl,
    label: 'Label',
    method: 'oauth',
    tokens: {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    },
    expiresAt: tokens.expiresAt,
    rights: [...tokens.rights],
  });
}

for (const dialect of ['netrex', 'oauth2'] as const) {
  describe(`token answers the vault can keep (${dialect})`, () => {
    let server: ScriptedServer;
    let engine: SignInEngine;
    let clock: ManualClock;
    const tokenPath = dialect === 'netrex' ? '/oauth2/token' : '/token';
    const answer = (json: Record<string, unknown>) =>
      server.on(tokenPath, {
        json: { access_token: 'at-new-123456', token_type: 'bearer', ...json },
      });
    const refreshed = () => engine.refresh('p', { ...HELD, providerUrl: server.url });

    beforeEach(async () => {
      server = await startScriptedServer();
      clock = new ManualClock();
      server.on('/.well-known/openid-configuration', () => ({
        json: {
          issuer: server.url,
          authorization_endpoint: `${server.url}/authorize`,
          token_endpoint: `${server.url}/token`,
          code_challenge_methods_supported: ['S256'],
        },
      }));
      const provider: ProviderConfig = {
        id: 'p',
        name: 'Test Portal',
        dialect,
        origin: 'custom',
        url: server.url,
        clientId: 'client-1',
        rights: ['read'],
        redirectKind: 'custom-scheme',
        loopbackPort: 28813,
        locked: false,
      };
      engine = createSignInEngine({
        providers: { get: (id) => (id === 'p' ? provider : undefined) },
        secrets: { get: () => 'client-secret-0123456789' },
        fetch,
        clock,
        timeoutMs: 1_000,
      });
    });
    afterEach(async () => {
      await engine.dispose();
      await server.close();
    });

    it('a fractional lifetime becomes a whole-millisecond expiry', async () => {
      answer({ expires_in: 600.0004 });
      const tokens = await refreshed();
      expect(tokens.expiresAt).toBe(clock.now() + 600_000);
      expect(storable(tokens).success).toBe(true);
    });

    it.each([1e300, 1e12, TOKEN_LIMITS.maxExpiresInSeconds + 1])(
      'an absurd lifetime (%d s) is an unknown expiry, not a date past any calendar',
      async (expiresIn) => {
        answer({ expires_in: expiresIn });
        const tokens = await refreshed();
        expect(tokens.expiresAt).toBeNull();
        expect(storable(tokens).success).toBe(true);
      },
    );

    it('a lifetime of ten years is kept as it is', async () => {
      answer({ expires_in: TOKEN_LIMITS.maxExpiresInSeconds });
      const tokens = await refreshed();
      expect(tokens.expiresAt).toBe(clock.now() + TOKEN_LIMITS.maxExpiresInSeconds * 1000);
      expect(storable(tokens).success).toBe(true);
    });

    it.each([
      [
        'more rights than the vault keeps',
        { scope: Array.from({ length: TOKEN_LIMITS.maxRights + 1 }, (_, i) => `r${i}`).join(' ') },
        /rights/,
      ],
      [
        'a right longer than the vault keeps',
        { scope: `read ${'x'.repeat(TOKEN_LIMITS.maxRightLength + 1)}` },
        /right/,
      ],
      [
        'an access token longer than the vault keeps',
        { access_token: 'a'.repeat(TOKEN_LIMITS.maxTokenLength + 1) },
        /access_token/,
      ],
      [
        'a refresh token longer than the vault keeps',
        { refresh_token: 'r'.repeat(TOKEN_LIMITS.maxTokenLength + 1) },
        /refresh_token/,
      ],
    ])('refuses %s at once, saying which rule', async (_name, json, reason) => {
      answer(json);
      const error = await failure(refreshed());
      expect(error).toMatchObject({ code: 'invalid_token_response' });
      expect(error.reason).toMatch(reason);
    });

    it('the largest answer within the limits is stored', async () => {
      answer({
        access_token: 'a'.repeat(TOKEN_LIMITS.maxTokenLength),
        refresh_token: 'r'.repeat(TOKEN_LIMITS.maxTokenLength),
        scope: Array.from({ length: TOKEN_LIMITS.maxRights }, (_, i) =>
          `${i}`.padEnd(TOKEN_LIMITS.maxRightLength, 'x'),
        ).join(' '),
        expires_in: 3600,
      });
      const tokens = await refreshed();
      expect(tokens.rights).toHaveLength(TOKEN_LIMITS.maxRights);
      expect(storable(tokens).success).toBe(true);
    });
  });
}
