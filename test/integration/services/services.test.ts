// The composition around the handler table: deep links (refusals become
// notices, held until a window asks), the loopback listener routed to the
// same entry, managed configuration, the external-URL guard, storage policy,
// restart, resume, and a dispose that leaves nothing running.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalUrlRefusedError } from '../../../main/services/external-urls';
import { AesGcmCipher } from '../../support/aes-cipher';
import { freePort } from '../../support/loopback-server';
import { ManualClock } from '../../support/manual-clock';
import { startProvider } from '../../support/provider';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { openVaultIn } from '../../support/vault-fixtures';
import { playAuthorization } from '../../support/portal-client';

let rig: ServicesRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function started(options: Parameters<typeof startServicesRig>[0] = {}) {
  rig = await startServicesRig(options);
  return rig;
}

describe('deep links', () => {
  it('refusals become notices (never thrown), held until the window’s page is ready', async () => {
    const rig = await started();
    const link = 'cz.netrex.connect:/oauth/callback/demo?code=abc1234567&state=xyz1234567';
    await expect(rig.services.handleDeepLink(link)).resolves.toBeUndefined();
    await expect(
      rig.services.handleDeepLink('cz.netrex.connect:/elsewhere'),
    ).resolves.toBeUndefined();
    await expect(rig.services.handleDeepLink('https://evil.example/')).resolves.toBeUndefined();
    expect(rig.notices()).toEqual([]);
    // The tray reads the services before any window exists: that is no page listening.
    expect(rig.services.providers().map((p) => p.id)).toContain('demo');
    rig.services.accounts();
    await rig.services.handlers.listProviders();
    await rig.services.handlers.listAccounts();
    expect(rig.notices()).toEqual([]);
    rig.services.events.windowReady();
    expect(rig.notices().map((n) => [n.level, n.code])).toEqual([
      ['error', 'not_pending'],
      ['error', 'unknown_redirect'],
      ['error', 'unknown_redirect'],
    ]);
    expect(rig.notices()[0]!.message).toMatch(/No sign-in to Demo portal is waiting/);
    // From now on they go out at once.
    await rig.services.handleDeepLink(link);
    expect(rig.notices()).toHaveLength(4);
    expect(JSON.stringify(rig.notices())).not.toContain('abc1234567');
  });

  it('"Deny" in the portal: the sign-in fails as access_denied, and the operator is told', async () => {
    const rig = await started();
    rig.services.events.windowReady(); // the window is open
    await rig.services.handlers.signIn('demo');
    const denied = await playAuthorization(rig.portal, rig.opened.at(-1)!, { decision: 'deny' });
    await rig.services.handleDeepLink(denied);
    expect(rig.signInViews().at(-1)).toMatchObject({
      phase: 'failed',
      error: { code: 'access_denied' },
    });
    expect(rig.notices().at(-1)).toMatchObject({ code: 'access_denied', level: 'error' });
    expect(rig.services.accounts()).toEqual([]);
  });

  it('a deep link that succeeds: sign-in-changed connected with the account id, accounts-changed connected', async () => {
    const rig = await started();
    const accountId = await rig.signInWithBrowser();
    const accounts = await rig.until('accounts-changed', (list) => list[0]?.cameras?.count === 3);
    expect(accounts[0]).toMatchObject({ id: accountId, state: 'connected', persisted: true });
    expect(rig.services.accounts()).toHaveLength(1);
  });

  it('the loopback listener routes the browser to the same entry', async () => {
    const rig = await started();
    const port = await freePort();
    rig.portal.settings.loopbackAnyPort = true;
    const updated = await rig.services.handlers.updateProvider('demo', {
      redirectKind: 'loopback',
      loopbackPort: port,
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { redirectUri: `http://127.0.0.1:${port}/oauth/callback/demo` },
    });
    await rig.services.handlers.signIn('demo');
    const location = await rig.playLastAuthorization();
    expect(location.startsWith(`http://127.0.0.1:${port}/oauth/callback/demo?`)).toBe(true);
    const page = await fetch(location);
    expect(page.status).toBe(200);
    // The page answers once the sign-in settled, and says how it went.
    expect(await page.text()).toContain('Netrex Connect is signed in.');
    const connected = await rig.until('sign-in-changed', (v) => v.phase === 'connected');
    expect(connected.accountId).toBeDefined();
    // The listener closed with the sign-in.
    await expect(fetch(location)).rejects.toThrow();
  });
});

describe('managed configuration', () => {
  it('a locked, ready provider with its client secret in the vault', async () => {
    const rig = await started({
      managedConfig: JSON.stringify({
        providers: [
          {
            id: 'branch',
            name: 'Branch office',
            url: 'https://video.branch.example',
            clientId: 'branch-app',
            clientSecret: 'managed-secret-12345',
          },
        ],
      }),
    });
    const listed = await rig.services.handlers.listProviders();
    const branch = listed.ok ? listed.value.find((p) => p.id === 'branch') : undefined;
    expect(branch).toMatchObject({
      origin: 'managed',
      locked: true,
      ready: true,
      clientSecretSet: true,
    });
    expect(JSON.stringify(listed)).not.toContain('managed-secret-12345');
    const disk = await openVaultIn(rig.dir.path, rig.cipher);
    expect(disk.getClientSecret({ id: 'branch', url: 'https://video.branch.example' })).toBe(
      'managed-secret-12345',
    );
    await disk.dispose();
    expect(await rig.services.handlers.setClientSecret('branch', 'other-secret')).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(rig.services.isAllowedExternalUrl('https://video.branch.example/help')).toBe(false);
  });

  it('an invalid file becomes a notice naming the field, and the app works without it', async () => {
    const rig = await started({
      managedConfig: JSON.stringify({
        providers: [{ id: 'x', name: 'X', url: 'http://x.example' }],
      }),
    });
    rig.services.events.windowReady();
    expect(rig.notices()).toMatchObject([{ level: 'warning', code: 'managed_config_invalid' }]);
    expect(rig.notices()[0]!.message).toMatch(/at providers\[0\]\.url/);
    const listed = await rig.services.handlers.listProviders();
    expect(listed.ok && listed.value.map((p) => p.id)).toEqual([
      'netrex',
      'camstreamer-cloud',
      'demo',
    ]);
  });
});

describe('a provider id that comes to name another address', () => {
  it('a managed entry over a custom portal gets neither its client secret nor its accounts', async () => {
    const clock = new ManualClock();
    const original = await startProvider({}, { clock: () => clock.now() });
    const imposter = await startProvider({}, { clock: () => clock.now() });
    try {
      const first = await startServicesRig({ clock });
      const added = await first.services.handlers.addPortal({ url: original.url, name: 'ACME' });
      if (!added.ok) throw new Error(added.error.message);
      const id = added.value.id;
      await first.services.handlers.setClientSecret(id, 'secret-of-the-original-1234');
      const signedIn = await first.services.handlers.signInWithApiToken({
        providerId: id,
        providerUrl: original.url,
        token: 'demo-operator-api-token',
      });
      expect(signedIn).toMatchObject({ ok: true, value: { state: 'connected' } });
      await first.close({ keepDir: true, keepPortal: true });

      // IT deploys an entry with the same id at another address (no secret of its own).
      rig = await startServicesRig({
        dir: first.dir,
        portal: first.portal,
        clock,
        cipher: first.cipher,
        managedConfig: JSON.stringify({
          providers: [{ id, name: 'Imposter', url: imposter.url, clientId: 'x' }],
        }),
      });
      const listed = await rig.services.handlers.listProviders();
      expect(listed.ok && listed.value.find((p) => p.id === id)).toMatchObject({
        url: imposter.url,
        clientSecretSet: false,
        ready: false,
      });
      const [account] = rig.services.accounts();
      const checked = await rig.services.handlers.checkNow(account!.id);
      expect(checked).toMatchObject({
        ok: true,
        value: { state: 'error', lastError: { code: 'provider_missing' } },
      });
      // Nothing of the account or the secret reached the other address.
      expect(imposter.stats.graphql.requests + imposter.stats.token.requests).toBe(0);
      expect(JSON.stringify(rig.transcript)).not.toContain('secret-of-the-original');
    } finally {
      await original.close();
      await imposter.close();
    }
  });
});

describe('the external-URL guard', () => {
  it('exactly the pending authorization URLs; nothing else, not even other pages of a portal', async () => {
    const rig = await started();
    const allowed = (url: string) => rig.services.isAllowedExternalUrl(url);
    await rig.services.handlers.signIn('demo');
    const pending = rig.opened.at(-1)!;
    expect(allowed(pending)).toBe(true);
    // Another state, another page of the same portal, the portal itself: no.
    const forged = new URL(pending);
    forged.searchParams.set('state', 'forged-state-1234');
    expect(allowed(forged.href)).toBe(false);
    expect(allowed(`${rig.portal.url}/api/`)).toBe(false);
    expect(allowed(`${rig.portal.url}/oauth2/auth/`)).toBe(false);
    expect(allowed('https://system2.netrex.cz/oauth2/auth/?x=1')).toBe(false);
    expect(allowed('https://cloud.camstreamer.com/')).toBe(false);
    expect(allowed('https://evil.example/')).toBe(false);
    expect(allowed('https://user:pw@system2.netrex.cz/')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed('javascript:alert(1)')).toBe(false);
    expect(allowed('not a url')).toBe(false);
    // Once the sign-in is over, its URL is no longer one to open.
    await rig.services.handlers.cancelSignIn('demo');
    expect(allowed(pending)).toBe(false);
  });

  it('an address the guard refuses ends the sign-in saying so, not blaming the browser', async () => {
    const rig = await started();
    rig.onOpenExternal = () => Promise.reject(new ExternalUrlRefusedError('address too long'));
    const answer = await rig.services.handlers.signIn('demo');
    expect(answer).toMatchObject({ ok: false, error: { code: 'sign_in_address_refused' } });
    expect(!answer.ok && answer.error.message).not.toMatch(/web browser/);
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'cancelled' });
  });

  it('a refused or failing browser ends the sign-in with a clear error', async () => {
    const rig = await started();
    rig.onOpenExternal = () => Promise.reject(new Error('xdg-open failed for https://secret'));
    const answer = await rig.services.handlers.signIn('demo');
    expect(answer).toMatchObject({ ok: false, error: { code: 'browser_unavailable' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'cancelled' });
  });
});

describe('storage, restart, resume, dispose', () => {
  it('basic_text: memory only until the operator opts in; accounts say whether they are kept', async () => {
    const rig = await started({ cipher: AesGcmCipher.random({ backend: 'basic_text' }) });
    expect(await rig.services.handlers.getStorageStatus()).toMatchObject({
      ok: true,
      value: { policy: 'memory-only', weak: true },
    });
    await rig.signInWithBrowser();
    expect(rig.services.accounts()[0]!.persisted).toBe(false);
    expect(await rig.services.handlers.setWeakStorageAllowed(true)).toMatchObject({
      ok: true,
      value: { policy: 'weak-allowed' },
    });
    await rig.until('accounts-changed', (list) => list[0]?.persisted === true);
  });

  it('a damaged vault file is set aside and the operator is told', async () => {
    const first = await startServicesRig();
    await first.close({ keepDir: true });
    writeFileSync(`${first.dir.path}/vault.json`, '{"format":"netrex-connect/token-vault",');
    rig = await startServicesRig({ dir: first.dir });
    rig.services.events.windowReady();
    expect(rig.notices()).toMatchObject([{ code: 'vault_recovered', level: 'warning' }]);
    const status = await rig.services.handlers.getStorageStatus();
    expect(status.ok && status.value.recovered?.movedTo).toMatch(/vault\.json\.corrupted-/);
  });

  it('a day without the keyring: its vault file is left alone, the operator told, sign-ins kept in memory', async () => {
    const first = await startServicesRig();
    await first.services.handlers.setWeakStorageAllowed(true); // remembered for weak sessions
    const accountId = await first.signInWithBrowser();
    await first.close({ keepDir: true, keepPortal: true });
    const sealed = readFileSync(`${first.dir.path}/vault.json`);

    rig = await startServicesRig({
      dir: first.dir,
      portal: first.portal,
      clock: first.clock,
      cipher: AesGcmCipher.random({ backend: 'basic_text' }),
    });
    rig.services.events.windowReady();
    expect(rig.notices()).toMatchObject([{ code: 'vault_file_kept', level: 'warning' }]);
    expect(rig.notices()[0]!.message).toMatch(/gnome_libsecret\) that is not available now/);
    const status = await rig.services.handlers.getStorageStatus();
    expect(status).toMatchObject({
      ok: true,
      value: { policy: 'memory-only', recovered: null, fileKept: { sealedBy: 'gnome_libsecret' } },
    });
    expect(rig.services.accounts()).toEqual([]);
    await rig.signInWithBrowser();
    expect(rig.services.accounts()[0]!.persisted).toBe(false);
    expect(readFileSync(`${first.dir.path}/vault.json`).equals(sealed)).toBe(true);
    await rig.close({ keepDir: true, keepPortal: true });

    // The keyring is back: the account it sealed is there.
    rig = await startServicesRig({
      dir: first.dir,
      portal: first.portal,
      clock: first.clock,
      cipher: first.cipher,
    });
    expect(rig.services.accounts()).toMatchObject([{ id: accountId }]);
  });

  it('a restart keeps accounts, added portals and settings', async () => {
    const first = await startServicesRig();
    const accountId = await first.signInWithBrowser();
    await first.services.handlers.addPortal({ url: 'https://portal.acme.example', name: 'ACME' });
    await first.services.handlers.updateAppSettings({ language: 'cs' });
    await first.close({ keepDir: true, keepPortal: true });
    rig = await startServicesRig({
      dir: first.dir,
      portal: first.portal,
      clock: first.clock,
      cipher: first.cipher,
    });
    expect(rig.services.accounts()).toMatchObject([{ id: accountId }]);
    await rig.until('accounts-changed', (list) => list[0]?.cameras?.count === 3);
    const providers = await rig.services.handlers.listProviders();
    expect(providers.ok && providers.value.map((p) => p.name)).toContain('ACME');
    expect(await rig.services.handlers.getAppSettings()).toMatchObject({
      value: { language: 'cs' },
    });
  });

  it('resume() re-plans: an overdue refresh runs at once', async () => {
    const rig = await started({ standIn: { accessTokenLifetimeSec: 600 } });
    await rig.signInWithBrowser();
    await rig.until('accounts-changed', (list) => list[0]?.cameras?.count === 3);
    const before = rig.services.accounts()[0]!.tokenExpiresAt!;
    rig.clock.jump(700_000);
    rig.services.resume();
    await rig.until('accounts-changed', (list) => (list[0]?.tokenExpiresAt ?? 0) > before);
    expect(rig.portal.stats.token.refresh_token).toBe(1);
  });

  it('dispose leaves no timer behind', async () => {
    const rig = await started();
    await rig.signInWithBrowser();
    await rig.services.handlers.signIn('demo');
    expect(rig.clock.pendingTimers).toBeGreaterThan(0);
    await rig.services.dispose();
    expect(rig.clock.pendingTimers).toBe(0);
  });
});
