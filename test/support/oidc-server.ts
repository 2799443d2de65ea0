// A certified third-party OAuth 2.0 / OpenID Connect server (panva's
// oidc-provider) on loopback, as the standard dialect's counterpart in tests.
// Its built-in development login and consent pages are what Chromium drives;
// they import a web font from outside, which the test browser's host-resolver
// rule keeps from leaving the machine.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';
import type { Disposable } from '../../main/common/lifecycle';

export interface OidcServer extends Disposable {
  /** `http://127.0.0.1:PORT`: issuer and base URL. */
  readonly issuer: string;
  readonly provider: Provider;
  close(): Promise<void>;
}

export interface OidcServerOptions {
  /** Native clients to register (application_type native, public, PKCE). */
  readonly clients: readonly Pick<ClientMetadata, 'client_id' | 'redirect_uris'>[];
  /**
   * What the discovery document says of PKCE, as some deployed servers
   * publish it: `omitted` (no code_challenge_methods_supported), or a list in
   * place of oidc-provider's own ['S256']. The server itself still accepts
   * S256 only and requires it (its lib/helpers/pkce.js).
   */
  readonly codeChallengeMethods?: 'omitted' | readonly string[];
}

/** The development pages' form fields and buttons, for the browser tests. */
export const OIDC_PAGES = {
  login: 'input[name=login]',
  password: 'input[name=password]',
  submit: 'button.login-submit',
  cancel: 'a:has-text("[ Cancel ]")',
} as const;

export async function startOidcServer(options: OidcServerOptions): Promise<OidcServer> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A real signing key instead of the library's development-only default.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'test-1' };

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      ...client,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['netrex-connect-test-cookie-key'] },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
    },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => ({ sub, name: `Operator ${sub}`, email: `${sub}@example.test` }),
      };
    },
    // Refresh tokens only with offline_access (the library's default rule, stated here for the reader);
    // public native clients get a new refresh token on every use (rotation, its default too).
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  });
  const methods = options.codeChallengeMethods;
  if (methods !== undefined) {
    // oidc-provider writes ['S256'] itself (lib/actions/discovery.js), and its `discovery`
    // option only adds fields that are absent (lib/helpers/_/defaults.js): the document is
    // rewritten on its way out instead, by a middleware around the route (Provider#use).
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route !== 'discovery') return;
      const body = ctx.body as Record<string, unknown>;
      if (methods === 'omitted') delete body.code_challenge_methods_supported;
      else body.code_challenge_methods_supported = [...methods];
    });
  }
  handler = provider.callback();

  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { issuer, provider, close, dispose: close };
}
