// Sign-out: revoked at the portal (its API then refuses the token) and
// removed from the vault; a revocation that fails is reported and never
// keeps the account.
import { afterEach, describe, expect, it } from 'vitest';
import { cameraList, refresh as refreshAtPortal } from '../../support/portal-client';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';

let rig: AccountsRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function connected(options: Parameters<typeof startAccountsRig>[0] = {}) {
  const started = await startAccountsRig(options);
  rig = started;
  const account = await started.signIn();
  await started.accounts.checkNow(account.id);
  return { rig: started, account, stored: started.vault.getAccount(account.id)! };
}

async function onDisk(rig: AccountsRig, id: string) {
  const disk = await rig.readDisk();
  const found = disk.getAccount(id);
  await disk.dispose();
  return found;
}

describe('sign-out', () => {
  it('revokes at the stand-in (its API then answers 401) and removes the account', async () => {
    const { rig, account, stored } = await connected();
    const report = await rig.accounts.signOut(account.id);
    expect(report).toEqual({ accountId: account.id, revoked: true });
    expect(rig.portal.stats.revoke.requests).toBe(1);
    expect((await cameraList(rig.portal, stored.tokens.accessToken)).status).toBe(401);
    expect((await refreshAtPortal(rig.portal, stored.tokens.refreshToken!)).body.error).toBe(
      'invalid_grant',
    );
    expect(rig.accounts.list()).toEqual([]);
    expect(rig.emitted.at(-1)).toEqual([]);
    expect(rig.vault.getAccount(account.id)).toBeUndefined();
    expect(await onDisk(rig, account.id)).toBeUndefined();
    await expect(rig.accounts.checkNow(account.id)).rejects.toMatchObject({
      code: 'unknown_account',
    });
  });

  it('with the revoke endpoint failing, removal still happens and the failure is reported', async () => {
    const { rig, account, stored } = await connected();
    rig.portal.faults.inject('revoke', { kind: '500' });
    const report = await rig.accounts.signOut(account.id);
    expect(report).toMatchObject({
      accountId: account.id,
      revoked: false,
      revokeError: { code: 'portal_error' },
    });
    expect(report.revokeError!.message).toMatch(/Demo portal/);
    expect(rig.accounts.list()).toEqual([]);
    expect(await onDisk(rig, account.id)).toBeUndefined();
    // The report tells the truth: the portal still honours the token.
    expect((await cameraList(rig.portal, stored.tokens.accessToken)).status).toBe(200);
  });

  it('with the portal unreachable, removal still happens and the failure is reported', async () => {
    const { rig, account } = await connected();
    await rig.portal.stop();
    const report = await rig.accounts.signOut(account.id);
    expect(report).toMatchObject({ revoked: false, revokeError: { code: 'network' } });
    expect(rig.accounts.list()).toEqual([]);
    expect(await onDisk(rig, account.id)).toBeUndefined();
  });

  it('a refresh in flight lands first, so the newest tokens are the ones revoked', async () => {
    const { rig, account } = await connected({ standIn: { accessTokenLifetimeSec: 600 } });
    rig.portal.faults.latency('token', 150);
    rig.clock.jump(600_000);
    const token = rig.accounts.getAccessToken(account.id);
    const report = await rig.accounts.signOut(account.id);
    const renewed = await token;
    expect(report.revoked).toBe(true);
    expect((await cameraList(rig.portal, renewed)).status).toBe(401);
    expect(await onDisk(rig, account.id)).toBeUndefined();
  });

  it('an expired account has nothing to revoke and is removed', async () => {
    const { rig, account } = await connected({ standIn: { accessTokenLifetimeSec: 600 } });
    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(540_000);
    await rig.untilState(account.id, 'expired');
    rig.portal.resetStats();
    const report = await rig.accounts.signOut(account.id);
    expect(report).toEqual({ accountId: account.id, revoked: false });
    expect(rig.portal.stats.revoke.requests).toBe(0);
    expect(rig.accounts.list()).toEqual([]);
  });
});
