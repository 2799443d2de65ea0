// The per-sign-in secrets: `state` (CSRF protection, RFC 6749 §10.12) and the
// PKCE verifier with its S256 challenge (RFC 7636). oauth4webapi draws each
// from 32 random bytes of the platform CSPRNG, base64url-encoded (43 chars).
import {
  calculatePKCECodeChallenge,
  generateRandomCodeVerifier,
  generateRandomState,
} from 'oauth4webapi';

export interface AuthorizationSecrets {
  readonly state: string;
  readonly codeVerifier: string;
  readonly codeChallenge: string;
}

export const CODE_CHALLENGE_METHOD = 'S256';

export async function newAuthorizationSecrets(): Promise<AuthorizationSecrets> {
  const codeVerifier = generateRandomCodeVerifier();
  return {
    state: generateRandomState(),
    codeVerifier,
    codeChallenge: await calculatePKCECodeChallenge(codeVerifier),
  };
}
