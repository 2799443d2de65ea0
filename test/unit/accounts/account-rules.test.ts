// The pure rules of the accounts: backoff, refresh margin, identity and
// labels, the camera list, and snapshots that cannot carry a token.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRESH_STATUS, toSnapshot } from '../../../main/accounts/account-status';
import { DEFAULT_BACKOFF, retryDelay } from '../../../main/accounts/backoff';
import {
  apiTokenKey,
  cleanLabel,
  keyOf,
  MAX_LABEL_LENGTH,
  oauthIdentity,
} from '../../../main/accounts/identity';
import { refreshDueAt, refreshMargin } from '../../../main/accounts/refresh-schedule';
import { cameraSummary, MAX_CAMERA_NAMES } from '../../../main/accounts/status-probe';
import type { TokenSet } from '../../../main/auth/token-set';
import type { ProviderConfig } from '../../../main/providers/provider-config';

const PORTAL: ProviderConfig = {
  id: 'acme',
  name: 'ACME',
  dialect: 'netrex',
  origin: 'custom',
  url: 'https://video.acme.example',
  clientId: 'app',
  rights: ['read'],
  redirectKind: 'custom-scheme',
  loopbackPort: 28813,
  locked: false,
};
const SSO: ProviderConfig = { ...PORTAL, id: 'sso', name: 'Corp SSO', dialect: 'oauth2' };
const tokens = (claims?: TokenSet['idTokenClaims']): TokenSet => ({
  providerUrl: PORTAL.url,
  accessToken: 'at',
  tokenType: 'bearer',
  expiresAt: null,
  rights: [],
  rightsReported: false,
  obtainedAt: 0,
  ...(claims ? { idTokenClaims: claims } : {}),
});

describe('retryDelay', () => {
  it('grows exponentially between half and all of the ceiling, and stops at the cap', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.initialMs * 2 ** attempt);
        const delay = retryDelay(attempt, () => r);
        return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
      }),
    );
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, () => 1))).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
    expect(retryDelay(0, () => 0)).toBe(5_000);
    // A random source out of range cannot break the bounds.
    expect(retryDelay(0, () => 7)).toBe(10_000);
  });

  it("waits at least the portal's Retry-After, never beyond the ceiling", () => {
    const half = () => 0.5;
    // The portal asks for more than the backoff: its wish wins.
    expect(retryDelay(0, half, DEFAULT_BACKOFF, 30_000)).toBe(30_000);
    // Less than the backoff: the backoff stands (no hammering because a portal said 0).
    expect(retryDelay(0, half, DEFAULT_BACKOFF, 1_000)).toBe(7_500);
    expect(retryDelay(0, half, DEFAULT_BACKOFF, 0)).toBe(7_500);
    // Days (or a hostile number): capped at the ceiling, 5 min.
    expect(retryDelay(0, half, DEFAULT_BACKOFF, 3 * 86_400_000)).toBe(300_000);
    expect(retryDelay(0, half, DEFAULT_BACKOFF, Number.MAX_SAFE_INTEGER)).toBe(300_000);
    // Nonsense changes nothing.
    for (const odd of [NaN, -1, Infinity, undefined])
      expect(retryDelay(0, half, DEFAULT_BACKOFF, odd)).toBe(7_500);
    fc.assert(
      fc.property(fc.nat(60), fc.double({ noNaN: true }), (attempt, asked) => {
        const plain = retryDelay(attempt, half);
        const delay = retryDelay(attempt, half, DEFAULT_BACKOFF, asked);
        return delay >= plain && delay <= DEFAULT_BACKOFF.maxMs && Number.isInteger(delay);
      }),
    );
  });
});

describe('refresh margin', () => {
  it('max(60 s, 10 % of the lifetime), never more than half of it', () => {
    expect(refreshMargin(3_600_000)).toBe(360_000);
    expect(refreshMargin(300_000)).toBe(60_000);
    expect(refreshMargin(90_000)).toBe(45_000);
    expect(refreshMargin(0)).toBe(0);
    expect(refreshDueAt(1_000_000, 600_000)).toBe(940_000);
    fc.assert(
      fc.property(fc.nat(10 ** 10), (lifetime) => {
        const margin = refreshMargin(lifetime);
        return margin <= lifetime / 2 && (margin >= 60_000 || margin === lifetime / 2);
      }),
    );
  });
});

describe('identity', () => {
  it('Netrex: one OAuth account per portal, labelled with the portal name', () => {
    const id = oauthIdentity(PORTAL, tokens());
    expect(id).toEqual({
      key: keyOf({ method: 'oauth', providerId: 'acme', label: 'x' }),
      label: 'ACME',
    });
  });

  it('standard: iss + sub; label from preferred_username, e-mail, then name', () => {
    const claims = { sub: 'u1', iss: 'https://sso.example', name: 'Jana', email: 'j@x.example' };
    const id = oauthIdentity(SSO, tokens(claims));
    expect(id.subject).toEqual({ issuer: 'https://sso.example', sub: 'u1' });
    expect(id.label).toBe('j@x.example');
    expect(oauthIdentity(SSO, tokens({ ...claims, preferred_username: 'jana' })).label).toBe(
      'jana',
    );
    expect(oauthIdentity(SSO, tokens({ sub: 'u1' })).label).toBe('Corp SSO');
    expect(keyOf({ method: 'oauth', providerId: 'sso', label: 'any', subject: id.subject })).toBe(
      id.key,
    );
    expect(oauthIdentity(SSO, tokens({ ...claims, sub: 'u2' })).key).not.toBe(id.key);
  });

  it('API tokens: provider + label; keys cannot collide through separators', () => {
    expect(apiTokenKey('a', 'b c')).not.toBe(apiTokenKey('a b', 'c'));
    expect(keyOf({ method: 'api-token', providerId: 'acme', label: 'Desk' })).toBe(
      apiTokenKey('acme', 'Desk'),
    );
  });

  it('labels are plain text, trimmed and capped', () => {
    expect(cleanLabel('  Night\nshift\u202e ')).toBe('Night shift');
    expect(cleanLabel('   ')).toBeUndefined();
    expect(cleanLabel(42)).toBeUndefined();
    expect(cleanLabel('x'.repeat(500))).toHaveLength(MAX_LABEL_LENGTH);
  });
});

describe('cameraSummary', () => {
  it('counts every camera, keeps cleaned names up to the cap, refuses other shapes', () => {
    expect(cameraSummary({ cameraList: [{ name: 'A' }, { name: 'B\u0007' }, {}] }, 't')).toEqual({
      count: 3,
      names: ['A', 'B'],
    });
    const many = Array.from({ length: MAX_CAMERA_NAMES + 10 }, (_, i) => ({ name: `c${i}` }));
    const summary = cameraSummary({ cameraList: many }, 't')!;
    expect(summary.count).toBe(MAX_CAMERA_NAMES + 10);
    expect(summary.names).toHaveLength(MAX_CAMERA_NAMES);
    expect(cameraSummary({ cameraList: 'no' }, 't')).toBeUndefined();
    expect(cameraSummary(null, 't')).toBeUndefined();
  });

  it('a camera named after the token does not carry it to the UI', () => {
    const secret = 'nxs_at_secret_value_123';
    const summary = cameraSummary({ cameraList: [{ name: `cam ${secret}` }] }, secret)!;
    expect(JSON.stringify(summary)).not.toContain(secret);
  });
});

describe('toSnapshot', () => {
  it('has no token field, and an expired account neither refreshes nor reads as memory-only', () => {
    const profile = {
      id: 'a1',
      providerId: 'acme',
      providerUrl: PORTAL.url,
      label: 'ACME',
      method: 'oauth' as const,
      expiresAt: 5,
      rights: ['read'],
    };
    const base = {
      id: 'a1',
      profile,
      canRefresh: true,
      status: FRESH_STATUS,
      authorizing: false,
      provider: PORTAL,
      persisted: true,
    };
    const held = toSnapshot({ ...base, tokensHeld: true });
    expect(Object.keys(held).sort()).toEqual(
      [
        'id',
        'providerId',
        'providerName',
        'providerUrl',
        'label',
        'method',
        'state',
        'rights',
        'tokenExpiresAt',
        'canRefresh',
        'cameras',
        'lastCheckAt',
        'lastSuccessAt',
        'latencyMs',
        'nextRetryAt',
        'lastError',
        'persisted',
      ].sort(),
    );
    expect(held).toMatchObject({ canRefresh: true, persisted: true, providerName: 'ACME' });
    const gone = toSnapshot({
      ...base,
      tokensHeld: false,
      status: { ...FRESH_STATUS, state: 'expired' },
      authorizing: true,
      provider: undefined,
    });
    expect(gone).toMatchObject({
      canRefresh: false,
      // No tokens held: nothing waits in memory for the disk, whatever the storage does.
      persisted: true,
      state: 'authorizing',
      providerName: 'acme',
      providerUrl: '',
    });
    // Tokens held where the vault keeps them in memory only: said.
    expect(toSnapshot({ ...base, tokensHeld: true, persisted: false }).persisted).toBe(false);
    expect(toSnapshot({ ...base, tokensHeld: false, persisted: false }).persisted).toBe(true);
  });
});
