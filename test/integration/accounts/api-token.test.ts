// Personal API tokens: checked with the status probe before anything is
// stored, never refreshed, and `expired` ("no longer valid") once the portal
// rejects them.
import { afterEach, describe, expect, it } from 'vitest';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';

const TOKEN = 'demo-operator-api-token';
let rig: AccountsRig;
afterEach(async () => {
  await rig?.close();
});

async function onDisk(id: string) {
  const disk = await rig.readDisk();
  const found = disk.getAccount(id);
  await disk.dispose();
  return found;
}

describe('API-token sign-in', () => {
  it('accepted: probed first, then stored with its cameras; no refresh ever', async () => {
    rig = await startAccountsRig();
    const account = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: `  ${TOKEN}\n`,
      label: 'Control room',
    });
    expect(account).toMatchObject({
      providerId: 'demo',
      providerName: 'Demo portal',
      label: 'Control room',
      method: 'api-token',
      state: 'connected',
      canRefresh: false,
      tokenExpiresAt: null,
      cameras: { count: 3, names: ['Entrance', 'Parking lot', 'Warehouse'] },
      lastError: null,
      persisted: true,
    });
    expect(account.latencyMs).toBeGreaterThanOrEqual(0);
    expect(rig.portal.stats.graphql.requests).toBe(1);
    expect((await onDisk(account.id))?.tokens).toEqual({
      accessToken: TOKEN,
      tokenType: 'bearer',
    });
    await expect(rig.accounts.getAccessToken(account.id)).resolves.toBe(TOKEN);
    rig.clock.advance(48 * 60 * 60 * 1000);
    expect(rig.portal.stats.token.requests).toBe(0);
  });

  it('rejected (401): refused in words, nothing stored', async () => {
    rig = await startAccountsRig();
    const refusal = await rig.accounts
      .signInWithApiToken({
        providerId: 'demo',
        providerUrl: rig.portal.url,
        token: 'not-a-token-of-this-portal',
      })
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'api_token_rejected' });
    expect((refusal as Error).message).toMatch(/Demo portal did not accept this API token/);
    expect(rig.accounts.list()).toEqual([]);
    expect(rig.vault.listAccounts()).toEqual([]);
  });

  it('later revoked at the stand-in → expired, "the API token is no longer valid"', async () => {
    rig = await startAccountsRig();
    const account = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: TOKEN,
    });
    expect(account.label).toBe('API token');
    expect(rig.portal.revokeApiToken(TOKEN)).toBe(true);
    // The periodic probe (5 min) finds it.
    rig.clock.advance(5 * 60 * 1000);
    const expired = await rig.untilState(account.id, 'expired');
    expect(expired.lastError).toMatchObject({ code: 'api_token_revoked' });
    expect(expired.lastError!.message).toMatch(/The API token is no longer valid/);
    expect(rig.portal.stats.token.requests).toBe(0);
    expect(rig.vault.getAccount(account.id)).toBeUndefined();
    expect(await onDisk(account.id)).toBeUndefined();
  });

  it('the same label again replaces the token; another label is a second account', async () => {
    rig = await startAccountsRig();
    rig.portal.addApiToken('operator', 'second-operator-api-token');
    const first = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: TOKEN,
    });
    const again = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: 'second-operator-api-token',
    });
    expect(again.id).toBe(first.id);
    expect(rig.accounts.list()).toHaveLength(1);
    expect(rig.vault.getAccount(first.id)?.tokens.accessToken).toBe('second-operator-api-token');
    const other = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: TOKEN,
      label: 'Night shift',
    });
    expect(other.id).not.toBe(first.id);
    expect(rig.accounts.list().map((a) => a.label)).toEqual(['API token', 'Night shift']);
  });

  it('an API token and an OAuth sign-in on one portal are independent', async () => {
    rig = await startAccountsRig({ standIn: { accessTokenLifetimeSec: 600 } });
    const oauth = await rig.signIn();
    const token = await rig.accounts.signInWithApiToken({
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: TOKEN,
    });
    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(540_000);
    await rig.untilState(oauth.id, 'expired');
    expect(rig.accounts.get(token.id)?.state).toBe('connected');
  });

  it('goes only to the address the operator saw: another one is refused before anything is sent', async () => {
    rig = await startAccountsRig();
    const before = rig.portal.stats.graphql.requests;
    for (const seen of ['https://system2.netrex.cz', `${rig.portal.url}/`, '']) {
      await expect(
        rig.accounts.signInWithApiToken({ providerId: 'demo', providerUrl: seen, token: TOKEN }),
      ).rejects.toMatchObject({
        code: 'api_token_target_changed',
        message: expect.stringMatching(/was not sent anywhere/),
      });
    }
    expect(rig.portal.stats.graphql.requests).toBe(before);
    expect(rig.accounts.list()).toEqual([]);
  });

  it('refusals without a request: spaces inside, an unknown portal', async () => {
    rig = await startAccountsRig();
    await expect(
      rig.accounts.signInWithApiToken({
        providerId: 'demo',
        providerUrl: rig.portal.url,
        token: 'two words',
      }),
    ).rejects.toMatchObject({ code: 'api_token_malformed' });
    await expect(
      rig.accounts.signInWithApiToken({
        providerId: 'nowhere',
        providerUrl: rig.portal.url,
        token: TOKEN,
      }),
    ).rejects.toMatchObject({ code: 'unknown_provider' });
    expect(rig.portal.stats.graphql.requests).toBe(0);
  });

  it('the portal unreachable: refused with the reason, nothing stored', async () => {
    rig = await startAccountsRig();
    await rig.portal.stop();
    const refusal = await rig.accounts
      .signInWithApiToken({
        providerId: 'demo',
        providerUrl: rig.portal.url,
        token: TOKEN,
      })
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ error: { code: 'network' } });
    expect(rig.vault.listAccounts()).toEqual([]);
  });
});
