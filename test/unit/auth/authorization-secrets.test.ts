import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { newAuthorizationSecrets } from '../../../main/auth/authorization-secrets';

const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

describe('authorization secrets', () => {
  it('computes the RFC 7636 Appendix B challenge', async () => {
    await expect(
      calculatePKCECodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    ).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('draws state and verifier from 32 random bytes, base64url, and pairs the S256 challenge', async () => {
    const draws = await Promise.all(Array.from({ length: 50 }, () => newAuthorizationSecrets()));
    for (const { state, codeVerifier, codeChallenge } of draws) {
      // 43 base64url characters = 32 bytes: at least 32 random bytes of state (issue),
      // and a verifier inside RFC 7636 §4.1's 43–128 unreserved characters.
      expect(state).toMatch(BASE64URL_43);
      expect(codeVerifier).toMatch(BASE64URL_43);
      expect(Buffer.from(state, 'base64url')).toHaveLength(32);
      expect(Buffer.from(codeVerifier, 'base64url')).toHaveLength(32);
      expect(codeChallenge).toBe(await calculatePKCECodeChallenge(codeVerifier));
      expect(state).not.toBe(codeVerifier);
    }
    const all = draws.flatMap((d) => [d.state, d.codeVerifier]);
    expect(new Set(all).size).toBe(all.length);
  });
});
