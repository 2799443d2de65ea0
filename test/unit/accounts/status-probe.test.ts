// What the status probe refuses to send: the Bearer token goes only to the
// address that issued it, and only to an address the portal rules allow
// (https, or plain http to this computer) — the same check the engine makes
// before it sends anything. Nothing is fetched when either fails.
import { describe, expect, it } from 'vitest';
import { createStatusProbe } from '../../../main/accounts/status-probe';
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
const tokens = (providerUrl: string): TokenSet => ({
  providerUrl,
  accessToken: 'at-secret-1234567890',
  tokenType: 'bearer',
  expiresAt: null,
  rights: [],
  rightsReported: false,
  obtainedAt: 0,
});

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function probe(answer: () => Response = () => Response.json({ data: { cameraList: [] } })) {
  const sent: string[] = [];
  const run = createStatusProbe({
    fetch: (url) => {
      sent.push(url);
      return Promise.resolve(answer());
    },
    engine: { checkAccess: () => Promise.reject(new Error('not reached')) },
    policy: { timeoutMs: 1_000, maxBodyBytes: 1_024 },
    now: () => NOW,
  });
  return { run, sent };
}

describe('status probe', () => {
  it('asks an allowed address of the issuing portal', async () => {
    const { run, sent } = probe();
    await expect(run(PORTAL, tokens(PORTAL.url))).resolves.toMatchObject({ kind: 'ok' });
    expect(sent).toEqual(['https://video.acme.example/api/graphql.php']);
  });

  it('sends no Bearer token to plain http outside this computer, whatever the caller passes', async () => {
    const { run, sent } = probe();
    const plain = { ...PORTAL, url: 'http://video.acme.example' };
    const outcome = await run(plain, tokens(plain.url));
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'not_configured' } });
    expect(sent).toEqual([]);
  });

  it('sends no token to a provider at another address than the one that issued it', async () => {
    const { run, sent } = probe();
    const outcome = await run(PORTAL, tokens('https://old.acme.example'));
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'provider_missing' } });
    expect(sent).toEqual([]);
  });

  it("carries a 503's or 429's Retry-After with the unreachable outcome, and nothing else's", async () => {
    const answer = (status: number, headers: Record<string, string> = {}) =>
      probe(() => new Response('busy', { status, headers })).run(PORTAL, tokens(PORTAL.url));
    await expect(answer(503, { 'retry-after': '30' })).resolves.toEqual({
      kind: 'unreachable',
      error: expect.objectContaining({ code: 'api_unavailable' }) as unknown,
      retryAfterMs: 30_000,
    });
    // The date form, against the probe's clock (no Date header here).
    const at = new Date(NOW + 90_000).toUTCString();
    await expect(answer(429, { 'retry-after': at })).resolves.toMatchObject({
      kind: 'unreachable',
      retryAfterMs: 90_000,
    });
    for (const outcome of [
      await answer(503),
      await answer(503, { 'retry-after': 'in a while' }),
      await answer(500, { 'retry-after': '30' }),
    ]) {
      expect(outcome.kind).toBe('unreachable');
      expect(outcome).not.toHaveProperty('retryAfterMs');
    }
  });
});
