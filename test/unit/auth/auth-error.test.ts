import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  authErrorFromOAuthCode,
  MAX_DETAIL_LENGTH,
  plainDetail,
  type AuthErrorCode,
} from '../../../main/auth/auth-error';

const ALL_CODES: AuthErrorCode[] = [
  'access_denied',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unknown_redirect',
  'not_pending',
  'state_mismatch',
  'incomplete_redirect',
  'replayed',
  'timed_out',
  'superseded',
  'cancelled',
  'iss_mismatch',
  'missing_code',
  'portal_error',
  'network',
  'timeout',
  'invalid_token_response',
  'discovery_failed',
  'pkce_unsupported',
  'loopback_unavailable',
  'not_configured',
  'unknown_provider',
  'no_refresh_token',
  'revocation_failed',
  'revocation_unsupported',
  'disposed',
];

describe('AuthError', () => {
  it('has a plain-English message for every code, naming the portal where it matters', () => {
    for (const code of ALL_CODES) {
      const error = new AuthError(code, { portal: 'ACME Cams', port: 28813 });
      expect(error.message.length, code).toBeGreaterThan(20);
      expect(error.message, code).toMatch(/[.!]$/);
      expect(error.message, code).not.toMatch(/undefined|\$\{|\[object/);
      expect(error.toUserFacing()).toEqual({
        code,
        message: error.message,
        params: expect.objectContaining({ portal: 'ACME Cams' }),
      });
    }
    expect(new AuthError('access_denied', { portal: 'ACME Cams' }).message).toMatch(
      /^You declined the request in ACME Cams.*Allow\.$/,
    );
  });

  it('hands the window the plain values its own words need, and nothing else', () => {
    const secret = 'code-6f1b2c3d4e5f';
    expect(
      new AuthError('timed_out', { portal: 'ACME Cams', minutes: 5, secrets: [secret] }).params,
    ).toEqual({ portal: 'ACME Cams', count: 5 });
    expect(new AuthError('timed_out').params).toEqual({ count: 10 });
    expect(new AuthError('timeout', { portal: 'ACME Cams', seconds: 1 }).params).toEqual({
      portal: 'ACME Cams',
      count: 1,
    });
    expect(new AuthError('loopback_unavailable', { port: 28813 }).params).toEqual({ port: 28813 });
    expect(new AuthError('network', { port: 28813, minutes: 3 }).params).toBeUndefined();
    const refused = new AuthError('not_configured', {
      portal: 'ACME Cams',
      explanation: 'ACME Cams has no client ID yet.',
      params: { variant: 'client-id-netrex' },
    });
    expect(refused.toUserFacing().params).toEqual({
      portal: 'ACME Cams',
      variant: 'client-id-netrex',
    });
    // The server's words stay in `detail`, never in params.
    const denied = new AuthError('access_denied', { portal: 'ACME Cams', detail: `no ${secret}` });
    expect(denied.toUserFacing().params).toEqual({ portal: 'ACME Cams' });
  });

  it('tells trouble (keep tokens, retry) from a dead grant', () => {
    const retryable = ALL_CODES.filter((c) => new AuthError(c).retryable);
    expect(retryable.sort()).toEqual(
      [
        'network',
        'portal_error',
        'revocation_failed',
        'server_error',
        'temporarily_unavailable',
        'timeout',
      ].sort(),
    );
    expect(new AuthError('invalid_grant').grantDead).toBe(true);
    expect(new AuthError('invalid_grant').retryable).toBe(false);
    expect(new AuthError('network').grantDead).toBe(false);
  });

  it('maps RFC 6749 codes, and unknown ones to portal_error with the code in the detail', () => {
    expect(authErrorFromOAuthCode('access_denied', {}).code).toBe('access_denied');
    expect(authErrorFromOAuthCode('unsupported_grant_type', {}).code).toBe('unauthorized_client');
    const odd = authErrorFromOAuthCode('slow_down', { detail: 'wait' });
    expect(odd.toUserFacing()).toMatchObject({ code: 'portal_error', detail: 'slow_down: wait' });
  });
});

describe('plainDetail (untrusted error_description)', () => {
  it('keeps markup as inert text, caps length, removes control and bidi characters', () => {
    const hostile =
      '<script>alert(1)</script>\u0000\u202e<img src=x onerror=alert(2)>\r\n\t' +
      'A'.repeat(10 * 1024);
    const detail = plainDetail(hostile)!;
    expect(detail.length).toBeLessThanOrEqual(MAX_DETAIL_LENGTH);
    expect(detail.startsWith('<script>alert(1)</script> <img src=x onerror=alert(2)> AAA')).toBe(
      true,
    );
    expect(detail.endsWith('…')).toBe(true);
    expect(detail).not.toMatch(/[\p{Cc}\u202e]/u);
  });

  it('removes the secrets of the flow even when the server echoes them', () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA';
    expect(plainDetail(`code ${code} was already used`, [code, undefined])).toBe(
      'code [removed] was already used',
    );
  });

  it('holds for any text: capped, no control characters, no secret left whole', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.string({ minLength: 6, maxLength: 40 }),
        (text, secret) => {
          const detail = plainDetail(`${text}${secret}${text}`, [secret]);
          if (detail === undefined) return;
          expect(detail.length).toBeLessThanOrEqual(MAX_DETAIL_LENGTH);
          expect(detail).not.toMatch(/[\p{Cc}\p{Cf}]/u);
          if (!/[\s\p{Cc}\p{Cf}\u2028\u2029]/u.test(secret)) expect(detail).not.toContain(secret);
        },
      ),
    );
  });

  it('gives undefined for nothing useful', () => {
    expect(plainDetail(undefined)).toBeUndefined();
    expect(plainDetail(42)).toBeUndefined();
    expect(plainDetail(' \n ')).toBeUndefined();
  });
});
