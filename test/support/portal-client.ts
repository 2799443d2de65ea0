// Drives the stand-in over plain HTTP the way a browser and the app would:
// the authorization request, the login and consent forms, the token, revoke
// and GraphQL requests, without a browser. For the stand-in's own tests, the
// rigs that play the operator's browser, the adversarial runs and the bench.
import { createHash, randomBytes } from 'node:crypto';
import type { ProviderStandIn } from './provider';

/** Only the address is used: a stand-in in this process or in another one (the bench's). */
export type PortalAddress = Pick<ProviderStandIn, 'url'>;

export const CLIENT_ID = 'netrex-connect-demo';
export const CLIENT_SECRET = 'demo-client-secret';
export const REDIRECT_URI = 'cz.netrex.connect:/oauth/callback/demo';

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function makePkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(
  portal: PortalAddress,
  params: Record<string, string | undefined>,
  path = '/oauth2/auth/',
): string {
  const url = new URL(path, portal.url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}

/** The usual authorization request parameters; override or drop (undefined) any. */
export function authorizeParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'read,liveview',
    state: 'st4te-123',
    ...overrides,
  };
}

export async function get(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The hidden `pending` field of a login or consent page. */
export function pendingId(html: string): string {
  const match = /name="pending" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no pending field on the page');
  return match[1];
}

/** Where a redirect to the app points (custom scheme or loopback). */
export function redirectLocation(response: Response): string {
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) {
    throw new Error(`expected a 302 redirect, got ${response.status}`);
  }
  return location;
}

/** The query of a redirect to the app (custom scheme or loopback). */
export function redirectParams(response: Response): URLSearchParams {
  return new URL(redirectLocation(response)).searchParams;
}

/** Who signs in on the login form (default `operator`) and what they decide (default allow). */
export interface SignInOptions {
  readonly username?: string;
  readonly password?: string;
  readonly decision?: 'allow' | 'deny';
}

/** Opens the authorization URL, signs in, decides; returns the final response (the redirect). */
export async function signIn(
  portal: PortalAddress,
  params: Record<string, string | undefined> = authorizeParams(),
  options: SignInOptions = {},
): Promise<Response> {
  const first = await get(authorizeUrl(portal, params));
  if (first.status !== 200) return first;
  const pending = pendingId(await first.text());
  const action = `${portal.url}/oauth2/auth/`;
  const consent = await postForm(action, {
    pending,
    username: options.username ?? 'operator',
    password: options.password ?? 'operator',
  });
  const html = await consent.text();
  if (!html.includes('name="decision"'))
    throw new Error('the login did not reach the consent page');
  return postForm(action, { pending, decision: options.decision ?? 'allow' });
}

/**
 * The operator's part of an authorization the app started: the browser
 * opens the app's authorization URL, signs in and decides. Returns where the
 * portal sends the browser back (the redirect the OS hands to the app).
 */
export async function playAuthorization(
  portal: PortalAddress,
  authorizationUrl: string,
  options: SignInOptions = {},
): Promise<string> {
  const params = Object.fromEntries(new URL(authorizationUrl).searchParams);
  return redirectLocation(await signIn(portal, params, options));
}

/** Signs in with PKCE (the usual parameters, `overrides` on top); returns the code and verifier. */
export async function obtainCode(
  portal: PortalAddress,
  overrides: Record<string, string | undefined> = {},
  options: SignInOptions = {},
): Promise<{ code: string; pkce: Pkce }> {
  const pkce = makePkce();
  const response = await signIn(
    portal,
    authorizeParams({
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      ...overrides,
    }),
    options,
  );
  const code = redirectParams(response).get('code');
  if (!code) throw new Error('no code in the redirect');
  return { code, pkce };
}

/** POST /oauth2/token with the parameters in the query string (the documented form). */
export async function tokenRequest(
  portal: PortalAddress,
  params: Record<string, string>,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown>; response: Response }> {
  const url = new URL('/oauth2/token', portal.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { method: 'POST', ...init });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, response };
}

/**
 * The app's token request for a code: the authorization_code grant, the demo
 * client's secret, and the PKCE verifier (none given: a request without one).
 */
export function codeGrant(code: string, verifier?: string): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    code,
    redirect_uri: REDIRECT_URI,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
  };
}

/** Signs in (see obtainCode) and exchanges the code; returns the token answer. */
export async function obtainTokens(
  portal: PortalAddress,
  overrides: Record<string, string | undefined> = {},
  options: SignInOptions = {},
): Promise<{ access_token: string; refresh_token: string } & Record<string, unknown>> {
  const { code, pkce } = await obtainCode(portal, overrides, options);
  const { status, body } = await tokenRequest(portal, codeGrant(code, pkce.verifier));
  if (status !== 200) throw new Error(`token request failed: ${String(body.error)}`);
  return body as { access_token: string; refresh_token: string };
}

export async function refresh(
  portal: PortalAddress,
  refreshToken: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return tokenRequest(portal, {
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    refresh_token: refreshToken,
  });
}

export async function cameraList(
  portal: PortalAddress,
  token: string | undefined,
  query = '{cameraList{name}}',
): Promise<{ status: number; body: unknown; response: Response }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${portal.url}/api/graphql.php`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json(), response };
}

export async function revoke(
  portal: PortalAddress,
  accessToken: string,
): Promise<{ status: number; body: unknown }> {
  const url = new URL('/oauth2/revoke', portal.url);
  url.searchParams.set('access_token', accessToken);
  const response = await fetch(url, { method: 'POST' });
  return { status: response.status, body: await response.json() };
}
