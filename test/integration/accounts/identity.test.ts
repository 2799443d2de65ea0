// Signing in again to an account that exists updates it instead of adding a
// second one. The Netrex protocol names no user, so there is one OAuth
// account per portal (main/accounts/identity.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { cameraList, playAuthorization } from '../../support/portal-client';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';
import { DEFAULT_CONFIG } from '../../support/provider';

let rig: AccountsRig;
afterEach(async () => {
  await rig?.close();
});

describe('account identity', () => {
  it('a second sign-in to the same portal updates the account; the replaced grant is revoked once the operator confirmed it', async () => {
    rig = await startAccountsRig();
    const first = await rig.signIn();
    await rig.accounts.checkNow(first.id);
    const old = rig.vault.getAccount(first.id)!;
    const second = await rig.signIn();
    expect(second.id).toBe(first.id);
    expect(rig.accounts.list()).toHaveLength(1);
    expect(rig.vault.listAccounts()).toHaveLength(1);
    const current = rig.vault.getAccount(first.id)!;
    expect(current.tokens.accessToken).not.toBe(old.tokens.accessToken);
    expect((await cameraList(rig.portal, old.tokens.accessToken)).status).toBe(401);
    expect((await cameraList(rig.portal, current.tokens.accessToken)).status).toBe(200);
  });

  it('without that confirmation the replaced grant is only forgotten: it still works at the portal', async () => {
    rig = await startAccountsRig();
    const first = await rig.signIn();
    const old = rig.vault.getAccount(first.id)!;
    const second = await rig.signIn(undefined, undefined, { endReplacedGrant: false });
    expect(second.id).toBe(first.id);
    const current = rig.vault.getAccount(first.id)!;
    expect(current.tokens.accessToken).not.toBe(old.tokens.accessToken);
    expect(rig.portal.stats.revoke.requests).toBe(0);
    expect((await cameraList(rig.portal, old.tokens.accessToken)).status).toBe(200);
    expect((await cameraList(rig.portal, current.tokens.accessToken)).status).toBe(200);
  });

  it('a portal that answers a new authorization with the grant it already issued: nothing is asked or revoked, the sign-in keeps working', async () => {
    rig = await startAccountsRig({ standIn: { reissueGrant: true } });
    const first = await rig.signIn();
    const held = rig.vault.getAccount(first.id)!;
    const { authorizationUrl } = await rig.engine.startAuthorization('demo');
    const result = await rig.engine.completeAuthorization(
      await playAuthorization(rig.portal, authorizationUrl),
    );
    // The portal's answer is the held grant itself.
    expect(result.tokens.accessToken).toBe(held.tokens.accessToken);
    expect(rig.accounts.grantReplacedBy(result)).toBeUndefined();
    // Even told to end the replaced grant, the app never revokes a token it has just been given.
    const again = await rig.accounts.acceptAuthorization(result, { endReplacedGrant: true });
    expect(again.id).toBe(first.id);
    expect(rig.portal.stats.revoke.requests).toBe(0);
    expect((await cameraList(rig.portal, held.tokens.accessToken)).status).toBe(200);
    await rig.accounts.checkNow(first.id);
    expect(rig.accounts.get(first.id)).toMatchObject({ state: 'connected' });
  });

  it('grantReplacedBy names the held account only while it holds a live grant the new tokens do not share', async () => {
    rig = await startAccountsRig({ standIn: { accessTokenLifetimeSec: 600 } });
    const first = await rig.signIn();
    const { authorizationUrl } = await rig.engine.startAuthorization('demo');
    const result = await rig.engine.completeAuthorization(
      await playAuthorization(rig.portal, authorizationUrl),
    );
    expect(rig.accounts.grantReplacedBy(result)).toEqual({
      accountId: first.id,
      account: 'Demo portal',
      portal: 'Demo portal',
    });
    // Expired: its tokens are gone, so a new sign-in replaces nothing the portal honours.
    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(540_000);
    await rig.untilState(first.id, 'expired');
    expect(rig.accounts.grantReplacedBy(result)).toBeUndefined();
  });

  it('discardAuthorization ends the new grant at the portal and leaves the held one alone', async () => {
    rig = await startAccountsRig();
    const first = await rig.signIn();
    const held = rig.vault.getAccount(first.id)!;
    const { authorizationUrl } = await rig.engine.startAuthorization('demo');
    const result = await rig.engine.completeAuthorization(
      await playAuthorization(rig.portal, authorizationUrl),
    );
    await rig.accounts.discardAuthorization(result);
    expect((await cameraList(rig.portal, result.tokens.accessToken)).status).toBe(401);
    expect((await cameraList(rig.portal, held.tokens.accessToken)).status).toBe(200);
    expect(rig.vault.getAccount(first.id)!.tokens.accessToken).toBe(held.tokens.accessToken);
  });

  it('discardAuthorization revokes nothing when the new tokens are the held grant (re-issued)', async () => {
    rig = await startAccountsRig({ standIn: { reissueGrant: true } });
    const first = await rig.signIn();
    const held = rig.vault.getAccount(first.id)!;
    const { authorizationUrl } = await rig.engine.startAuthorization('demo');
    const result = await rig.engine.completeAuthorization(
      await playAuthorization(rig.portal, authorizationUrl),
    );
    await rig.accounts.discardAuthorization(result);
    expect(rig.portal.stats.revoke.requests).toBe(0);
    expect((await cameraList(rig.portal, held.tokens.accessToken)).status).toBe(200);
  });

  it('an expired account signed in again comes back under the same id, connected', async () => {
    rig = await startAccountsRig({ standIn: { accessTokenLifetimeSec: 600 } });
    const first = await rig.signIn();
    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(540_000);
    await rig.untilState(first.id, 'expired');
    rig.accounts.setAuthorizing('demo', true);
    expect(rig.accounts.get(first.id)?.state).toBe('authorizing');
    const again = await rig.signIn();
    expect(again).toMatchObject({ id: first.id, state: 'connected', lastError: null });
    expect(rig.vault.getAccount(first.id)).toBeDefined();
    await rig.untilState(first.id, 'connected');
  });

  it('another user of the same Netrex portal replaces the first (the protocol names no user)', async () => {
    rig = await startAccountsRig({
      standIn: {
        users: [
          ...DEFAULT_CONFIG.users,
          { username: 'guest', password: 'guest-password', cameras: ['Lobby'] },
        ],
      },
    });
    const first = await rig.signIn();
    const guest = await rig.signIn({ username: 'guest', password: 'guest-password' });
    expect(guest.id).toBe(first.id);
    expect(guest.label).toBe('Demo portal');
    const [checked] = await rig.until(([a]) => a?.cameras?.count === 1);
    expect(checked!.cameras!.names).toEqual(['Lobby']);
  });

  it('survives a restart: the stored account is found again by its identity', async () => {
    rig = await startAccountsRig();
    const first = await rig.signIn();
    await rig.restart();
    const again = await rig.signIn();
    expect(again.id).toBe(first.id);
    expect(rig.accounts.list()).toHaveLength(1);
  });
});
