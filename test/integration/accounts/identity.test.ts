// Signing in again to an account that exists updates it instead of adding a
// second one. The Netrex protocol names no user, so there is one OAuth
// account per portal (main/accounts/identity.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { cameraList } from '../../support/portal-client';
import { startAccountsRig, type AccountsRig } from '../../support/accounts-rig';
import { DEFAULT_CONFIG } from '../../support/provider';

let rig: AccountsRig;
afterEach(async () => {
  await rig?.close();
});

describe('account identity', () => {
  it('a second sign-in to the same portal updates the account; the replaced grant is revoked', async () => {
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
