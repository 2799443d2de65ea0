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

function probe() {
  const sent: string[] = [];
  const run = createStatusProbe({
    fetch: (url) => {
      sent.push(url);
      return Promise.resolve(Response.json({ data: { cameraList: [] } }));
    },
    engine: { checkAccess: () => Promise.reject(new Error('not reached')) },
    policy: { timeoutMs: 1_000, maxBodyBytes: 1_024 },
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
});
