// POST /oauth2/revoke?access_token=…: the portal's own revocation (not RFC
// 7009): answers {"success":true,"message":…}; the access token and its
// refresh token (the whole grant) stop working. No client authentication is
// documented, so none is asked for.
import { jsonReply, readParams, type Handler, type Reply, type StandInRequest } from '../http';
import type { ProviderState } from '../state';

const REVOKED = { success: true, message: 'The token was revoked.' } as const;

function failure(status: number, message: string): Reply {
  return jsonReply(status, { success: false, message });
}

export function revokeEndpoint(state: ProviderState): Handler {
  return (request: StandInRequest): Reply => {
    if (request.method !== 'POST') {
      const reply = failure(405, 'The revoke endpoint takes POST only.');
      return { ...reply, headers: { ...reply.headers, allow: 'POST' } };
    }
    const read = readParams(request);
    if (!read.ok) return failure(400, read.reason);
    const token = read.params.get('access_token');
    if (!token) return failure(400, 'access_token is missing.');
    if (state.revokeAccessToken(token) === 'revoked') return jsonReply(200, REVOKED);
    // The documentation is silent on unknown tokens: a switch decides.
    if (state.settings.revokeUnknownToken === 'success') return jsonReply(200, REVOKED);
    return failure(400, 'The token is unknown or was already revoked.');
  };
}
