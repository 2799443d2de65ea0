// POST /api/graphql.php with `Authorization: Bearer …` (an OAuth access token
// or a personal API token). The stand-in implements exactly the one query the
// documentation shows, `{cameraList{name}}`; anything else is a GraphQL error.
import { jsonReply, mediaType, type Handler, type Reply, type StandInRequest } from '../http';
import type { ProviderState } from '../state';

const WHY: Record<'missing' | 'unknown' | 'expired' | 'revoked', string> = {
  missing: 'No access token: send Authorization: Bearer <token>.',
  unknown: 'The access token is unknown.',
  expired: 'The access token expired.',
  revoked: 'The access token was revoked.',
};

/** 401 in RFC 6750 §3 terms; the documentation does not show the portal's own body. */
function unauthorized(reason: keyof typeof WHY): Reply {
  const challenge =
    reason === 'missing' ? 'Bearer realm="api"' : 'Bearer realm="api", error="invalid_token"';
  return jsonReply(
    401,
    {
      error: reason === 'missing' ? 'unauthorized' : 'invalid_token',
      error_description: WHY[reason],
    },
    { 'www-authenticate': challenge },
  );
}

function graphqlErrors(status: number, message: string): Reply {
  return jsonReply(status, { errors: [{ message }] });
}

export function graphqlEndpoint(state: ProviderState): Handler {
  return (request: StandInRequest): Reply => {
    if (request.method !== 'POST') {
      const reply = graphqlErrors(405, 'The API takes POST only.');
      return { ...reply, headers: { ...reply.headers, allow: 'POST' } };
    }
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return unauthorized('missing');
    const who = state.authenticateBearer(token);
    if (!who.ok) return unauthorized(who.reason);

    if (mediaType(request) !== 'application/json') {
      return graphqlErrors(400, 'Content-Type must be application/json.');
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return graphqlErrors(400, 'The request body is not valid JSON.');
    }
    const query =
      typeof body === 'object' && body !== null && 'query' in body ? body.query : undefined;
    if (typeof query !== 'string') {
      return graphqlErrors(400, 'The request body must be a JSON object with a "query" string.');
    }
    if (!isCameraListQuery(query)) {
      return graphqlErrors(200, 'The stand-in implements only the query {cameraList{name}}.');
    }
    const cameraList = state.camerasOf(who.username).map((name) => ({ name }));
    return jsonReply(200, { data: { cameraList } });
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([^\s]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * `{cameraList{name}}`, optionally as `query` or `query Name`, with any
 * whitespace, commas and comments (insignificant in GraphQL).
 */
export function isCameraListQuery(query: string): boolean {
  const source = query.replace(/#[^\n\r]*/g, '');
  const tokens = source.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]|[^\s,]/g) ?? [];
  const selection = ['{', 'cameraList', '{', 'name', '}', '}'];
  const head = tokens.length - selection.length;
  if (head < 0 || head > 2) return false;
  if (head >= 1 && tokens[0] !== 'query') return false;
  if (head === 2 && !/^[A-Za-z_]/.test(tokens[1] ?? '')) return false;
  return selection.every((token, index) => tokens[head + index] === token);
}
