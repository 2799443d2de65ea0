// Discovery answered with a redirect, against real servers on loopback: a
// framework's trailing slash (followed, then the sign-in completes), another
// host and another port (refused, and never asked), http → https on the same
// port (followed over real TLS; a certificate made for this run and trusted
// only by this test's fetch), a second redirect (refused), and the exact
// issuer check applied to whatever arrives after the redirect.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';
import {
  makeTestCertificate,
  trustingFetch,
  type TestCertificate,
  type TrustingFetch,
} from '../../support/test-tls';

const OIDC = '/.well-known/openid-configuration';

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const outcome = await promise.then(
    () => new Error('expected an AuthError'),
    (error: unknown) => error,
  );
  if (outcome instanceof AuthError) return outcome;
  throw outcome;
}

/** Metadata of a server whose endpoints live at `base`, claiming `issuer`. */
function metadata(issuer: string, base: string) {
  return {
    issuer,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    code_challenge_methods_supported: ['S256'],
  };
}

describe('discovery answered with a redirect (real HTTP and TLS on loopback)', () => {
  let certificate: TestCertificate;
  let tls: TrustingFetch;
  let server: ScriptedServer;
  let elsewhere: ScriptedServer;
  let engine: SignInEngine;
  let provider: ProviderConfig;

  beforeAll(() => {
    certificate = makeTestCertificate();
  });

  beforeEach(async () => {
    tls = trustingFetch(certificate.cert);
    server = await startScriptedServer({ tls: certificate });
    elsewhere = await startScriptedServer({ tls: certificate });
    for (const s of [server, elsewhere]) {
      s.on('/token', {
        json: { access_token: 'at-redirect-123456', token_type: 'Bearer', expires_in: 600 },
      });
    }
    provider = {
      id: 'corp',
      name: 'Corp SSO',
      dialect: 'oauth2',
      origin: 'custom',
      url: `${server.url}/realms/cams`,
      clientId: 'native-app',
      rights: ['openid'],
      redirectKind: 'custom-scheme',
      loopbackPort: 28813,
      locked: false,
    };
    engine = createSignInEngine({
      providers: { get: (id) => (id === provider.id ? provider : undefined) },
      secrets: { get: () => undefined },
      fetch: tls.fetch,
      clock: new ManualClock(),
      timeoutMs: 5_000,
    });
  });
  afterEach(async () => {
    await engine.dispose();
    await server.close();
    await elsewhere.close();
    await tls.dispose();
  });

  async function signIn() {
    const { authorizationUrl } = await engine.startAuthorization('corp');
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const callback = `cz.netrex.connect:/oauth/callback/corp?code=code-123456&state=${state}`;
    return { authorizationUrl, result: await engine.completeAuthorization(callback) };
  }

  const asked = (s: ScriptedServer) =>
    s.requests.map((r) => `${r.secure ? 'https' : 'http'} ${r.url.pathname}`);

  it('follows a 301 to the same path plus "/", then signs in', async () => {
    server.on(`/realms/cams${OIDC}`, {
      status: 301,
      headers: { location: `/realms/cams${OIDC}/` },
    });
    server.on(`/realms/cams${OIDC}/`, { json: metadata(provider.url, server.url) });
    const { authorizationUrl, result } = await signIn();
    expect(authorizationUrl.startsWith(`${server.url}/authorize?`)).toBe(true);
    expect(result.tokens.accessToken).toBe('at-redirect-123456');
    expect(asked(server)).toEqual([
      `http /realms/cams${OIDC}`,
      `http /realms/cams${OIDC}/`,
      'http /token',
    ]);
  });

  it('checks the issuer exactly after a redirect: a document for another issuer is refused', async () => {
    server.on(`/realms/cams${OIDC}`, {
      status: 301,
      headers: { location: `/realms/cams${OIDC}/` },
    });
    // Keycloak-like: the same server, but the issuer with a trailing slash.
    server.on(`/realms/cams${OIDC}/`, { json: metadata(`${provider.url}/`, server.url) });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toEqual({
      portal: 'Corp SSO',
      variant: 'issuer-mismatch',
      claimed: `${provider.url}/`,
      configured: provider.url,
    });
  });

  it('refuses a 301 to another host and never asks it, naming the status and host only', async () => {
    const other = `http://localhost:${elsewhere.port}`;
    elsewhere.on(`/realms/cams${OIDC}`, { json: metadata(provider.url, server.url) });
    server.on(`/realms/cams${OIDC}`, {
      status: 301,
      headers: { location: `${other}/realms/cams${OIDC}?tenant=t-secret-query` },
    });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toEqual({
      portal: 'Corp SSO',
      variant: 'redirect-elsewhere',
      status: 301,
      host: `localhost:${elsewhere.port}`,
    });
    expect(error.message).toContain(
      `with a redirect (HTTP 301) to localhost:${elsewhere.port}. Netrex Connect follows a redirect only on the issuer's own server`,
    );
    const said = JSON.stringify([error.toUserFacing(), error.reason, error.stack]);
    expect(said).not.toContain('t-secret-query');
    expect(said).not.toContain('/realms/cams/.well-known');
    expect(elsewhere.requests).toEqual([]);
  });

  it('follows a 308 from http to https on the same port, over TLS trusted only by this fetch', async () => {
    // Node's own fetch (the system's trust store) refuses this server's certificate.
    await expect(fetch(`${server.secureUrl}/`)).rejects.toThrow();
    server.on(`/realms/cams${OIDC}`, (request) =>
      request.secure
        ? { json: metadata(provider.url, server.secureUrl!) }
        : { status: 308, headers: { location: `${server.secureUrl}/realms/cams${OIDC}` } },
    );
    const { authorizationUrl, result } = await signIn();
    expect(authorizationUrl.startsWith(`${server.secureUrl}/authorize?`)).toBe(true);
    expect(result.tokens.accessToken).toBe('at-redirect-123456');
    expect(asked(server)).toEqual([
      `http /realms/cams${OIDC}`,
      `https /realms/cams${OIDC}`,
      'https /token',
    ]);
  });

  it('after a 308 to https, a document naming the https issuer is refused with both issuers; configured so, it signs in', async () => {
    const httpsIssuer = `${server.secureUrl}/realms/cams`;
    server.on(`/realms/cams${OIDC}`, (request) =>
      request.secure
        ? { json: metadata(httpsIssuer, server.secureUrl!) }
        : { status: 308, headers: { location: `${server.secureUrl}/realms/cams${OIDC}` } },
    );
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toMatchObject({
      variant: 'issuer-mismatch',
      claimed: httpsIssuer,
      configured: provider.url,
    });
    expect(error.message).toContain(`set the issuer address to ${httpsIssuer}.`);
    // The administrator does what the message says.
    provider = { ...provider, url: httpsIssuer };
    const { result } = await signIn();
    expect(result.tokens.accessToken).toBe('at-redirect-123456');
    expect(asked(server).at(-2)).toBe(`https /realms/cams${OIDC}`);
  });

  it('refuses http → https on another port, and never asks it', async () => {
    elsewhere.on(`/realms/cams${OIDC}`, { json: metadata(provider.url, server.url) });
    server.on(`/realms/cams${OIDC}`, {
      status: 308,
      headers: { location: `${elsewhere.secureUrl}/realms/cams${OIDC}` },
    });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toMatchObject({
      variant: 'redirect-elsewhere',
      status: 308,
      host: `127.0.0.1:${elsewhere.port}`,
    });
    expect(elsewhere.requests).toEqual([]);
  });

  it('follows one redirect only', async () => {
    server.on(`/realms/cams${OIDC}`, { status: 301, headers: { location: '/first' } });
    server.on('/first', { status: 302, headers: { location: '/second' } });
    server.on('/second', { json: metadata(provider.url, server.url) });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toMatchObject({
      variant: 'redirect-again',
      status: 302,
      host: `127.0.0.1:${server.port}`,
    });
    expect(asked(server)).toEqual([`http /realms/cams${OIDC}`, 'http /first']);
  });

  it('names a redirect that says nowhere', async () => {
    server.on(`/realms/cams${OIDC}`, { status: 302 });
    const error = await failure(engine.startAuthorization('corp'));
    expect(error.params).toMatchObject({ variant: 'redirect-no-location', status: 302 });
  });
});
