// GET/POST /oauth2/auth/: the authorization request (RFC 6749 §4.1.1), then
// the login form, then the consent dialog. Until client_id and redirect_uri
// are proven, errors are a page, never a redirect (RFC 6749 §4.1.2.1). The
// request's parameters wait in a server-side PendingAuthorization whose opaque
// id rides in a hidden field, so no cookie is needed.
import { isRight, type Right } from '../config';
import { errorPage, loginPage, consentPage } from '../pages';
import {
  htmlReply,
  readParams,
  redirectReply,
  type Handler,
  type Reply,
  type StandInRequest,
} from '../http';
import type { PendingAuthorization, ProviderState } from '../state';

/** S256 of 32+ bytes, base64url without padding, is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::\d{1,5})?(\/.*)?$/;

export function authorizeEndpoint(state: ProviderState): Handler {
  return (request: StandInRequest): Reply => {
    if (request.method !== 'GET' && request.method !== 'POST') {
      const reply = htmlReply(405, errorPage('Method not allowed', 'Use GET or POST.'));
      return { ...reply, headers: { ...reply.headers, allow: 'GET, POST' } };
    }
    const read = readParams(request);
    if (!read.ok) return htmlReply(400, errorPage('Invalid request', read.reason));
    const params = read.params;
    if (request.method === 'POST' && params.has('pending')) return continueSignIn(state, params);
    return startSignIn(state, params);
  };
}

function startSignIn(state: ProviderState, params: Map<string, string>): Reply {
  const clientId = params.get('client_id');
  if (!clientId) {
    return htmlReply(400, errorPage('Invalid request', 'The request has no client_id.'));
  }
  const client = state.findClient(clientId);
  if (!client) {
    return htmlReply(
      400,
      errorPage('Unknown application', 'No client application with this client_id exists.'),
    );
  }
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) {
    return htmlReply(400, errorPage('Invalid request', 'The request has no redirect_uri.'));
  }
  const registered = client.redirect_uris.some((uri) =>
    redirectMatches(uri, redirectUri, state.settings.loopbackAnyPort),
  );
  if (!registered) {
    return htmlReply(
      400,
      errorPage(
        'Redirect URL not registered',
        `The redirect_uri is not one of the redirect URLs registered for ${client.name}.`,
      ),
    );
  }

  // From here on the redirect target is trusted: errors go back to the client.
  const stateParam = params.get('state');
  const refuse = (error: string, description: string): Reply =>
    redirectReply(
      redirectWith(redirectUri, { error, error_description: description, state: stateParam }),
    );

  const responseType = params.get('response_type');
  if (!responseType) return refuse('invalid_request', 'response_type is missing.');
  if (responseType !== 'code') {
    return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  }

  const scope = params.get('scope');
  if (!scope) return refuse('invalid_scope', 'scope is missing: list the rights, comma-separated.');
  const rights: Right[] = [];
  for (const item of scope.split(',')) {
    if (!isRight(item)) {
      return refuse('invalid_scope', `Unknown right "${item}" (rights are comma-separated).`);
    }
    if (!rights.includes(item)) rights.push(item);
  }

  const codeChallenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (codeChallenge === undefined) {
    if (method !== undefined) {
      return refuse('invalid_request', 'code_challenge_method was sent without code_challenge.');
    }
    if (state.settings.pkce === 'required') {
      return refuse('invalid_request', 'code_challenge (S256) is required.');
    }
  } else {
    if (method === undefined || method === 'plain') {
      return refuse('invalid_request', 'code_challenge_method plain is not accepted: use S256.');
    }
    if (method !== 'S256') {
      return refuse('invalid_request', 'code_challenge_method must be S256.');
    }
    if (!S256_CHALLENGE.test(codeChallenge)) {
      return refuse('invalid_request', 'code_challenge is not a base64url S256 digest.');
    }
  }

  const pending = state.createPending({
    client,
    redirectUri,
    rights,
    state: stateParam,
    codeChallenge,
  });
  return htmlReply(200, loginPage(pending));
}

function continueSignIn(state: ProviderState, params: Map<string, string>): Reply {
  const pending = state.findPending(params.get('pending') ?? '');
  if (!pending) {
    return htmlReply(
      400,
      errorPage(
        'Sign-in expired',
        'This sign-in page expired or was already used. Start the sign-in again from the application.',
      ),
    );
  }
  const decision = params.get('decision');
  if (decision !== undefined) return decide(state, pending, decision);

  const username = params.get('username') ?? '';
  const user = state.authenticateUser(username, params.get('password') ?? '');
  if (!user) {
    return htmlReply(
      200,
      loginPage(pending, { message: 'Wrong username or password. Try again.', username }),
    );
  }
  pending.username = user.username;
  return htmlReply(200, consentPage(pending, user.username));
}

function decide(state: ProviderState, pending: PendingAuthorization, decision: string): Reply {
  const username = pending.username;
  if (username === undefined) {
    return htmlReply(200, loginPage(pending, { message: 'Sign in first.' }));
  }
  if (decision !== 'allow' && decision !== 'deny') {
    return htmlReply(400, errorPage('Invalid request', 'decision must be allow or deny.'));
  }
  state.finishPending(pending);
  if (decision === 'deny') {
    return redirectReply(
      redirectWith(pending.redirectUri, {
        error: 'access_denied',
        error_description: 'The user refused access.',
        state: pending.state,
      }),
    );
  }
  const code = state.issueCode({ ...pending, username });
  return redirectReply(redirectWith(pending.redirectUri, { code, state: pending.state }));
}

/** Exact string match; with `loopbackAnyPort`, a loopback URL may differ in its port only. */
export function redirectMatches(registered: string, candidate: string, anyPort: boolean): boolean {
  if (registered === candidate) return true;
  if (!anyPort) return false;
  const a = LOOPBACK.exec(registered);
  const b = LOOPBACK.exec(candidate);
  return !!a && !!b && a[1] === b[1] && (a[2] ?? '') === (b[2] ?? '');
}

function redirectWith(redirectUri: string, values: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}
