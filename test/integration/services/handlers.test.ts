// Every bridge method through the handler table of the real services, against
// the portal stand-in; arguments that break a rule are refused by name; and
// no answer or event carries a secret the portal issued or the user typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_METHODS, type Result } from '../../../main/ipc/contract';
import { cameraList } from '../../support/portal-client';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { openVaultIn } from '../../support/vault-fixtures';
import { startProvider } from '../../support/provider';

const API_TOKEN = 'demo-operator-api-token';
const TYPED_SECRET = 'acme-client-secret-7f3a9c';

let rig: ServicesRig;
const called = new Set<string>();
/** Calls a handler with any arguments (as a page could), records the answer. */
async function call(method: string, ...args: unknown[]): Promise<Result<unknown>> {
  called.add(method);
  const handler = (
    rig.services.handlers as unknown as Record<
      string,
      (...a: unknown[]) => Promise<Result<unknown>>
    >
  )[method]!;
  return rig.record(await handler(...args));
}
async function value<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
  const result = await call(method, ...args);
  if (!result.ok)
    throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  rig = await startServicesRig();
});
afterAll(async () => {
  // Every method was exercised.
  expect([...called].sort()).toEqual([...BRIDGE_METHODS].sort());
  // No answer and no event holds a secret: what the stand-in issued or holds, and what the user typed.
  const secrets = [...rig.portal.issued(), TYPED_SECRET, API_TOKEN].filter((s) => s.length >= 12);
  expect(secrets.length).toBeGreaterThan(5);
  const everything = rig.transcript.join('\n');
  for (const secret of secrets) expect(everything).not.toContain(secret);
  await rig.close();
});

describe('the handler table', () => {
  it('app info and settings (start at login through the login item, remembered)', async () => {
    expect(await value('getAppInfo')).toMatchObject({ name: 'Netrex Connect', demo: true });
    expect(await value('getAppSettings')).toEqual({
      language: 'system',
      startAtLogin: false,
      detailedLog: false,
    });
    expect(await value('updateAppSettings', { language: 'cs', startAtLogin: true })).toEqual({
      language: 'cs',
      startAtLogin: true,
      detailedLog: false,
    });
    expect(rig.loginItem.enabled).toBe(true);
    expect(await value('getAppSettings')).toEqual({
      language: 'cs',
      startAtLogin: true,
      detailedLog: false,
    });
  });

  it('providers: the built-ins and the ready demo; add, configure, secret (write-only), remove', async () => {
    const providers =
      await value<{ id: string; ready: boolean; origin: string }[]>('listProviders');
    expect(providers.map((p) => [p.id, p.origin, p.ready])).toEqual([
      ['netrex', 'built-in', false],
      ['camstreamer-cloud', 'built-in', false],
      ['demo', 'demo', true],
    ]);
    const added = await value<{ id: string; ready: boolean; clientSecretSet: boolean }>(
      'addPortal',
      { url: 'https://portal.acme.example/', name: 'ACME' },
    );
    expect(added).toMatchObject({
      name: 'ACME',
      origin: 'custom',
      url: 'https://portal.acme.example',
      ready: false,
    });
    const configured = await value('updateProvider', added.id, {
      clientId: 'acme-app',
      rights: ['read', 'liveview'],
    });
    expect(configured).toMatchObject({
      clientId: 'acme-app',
      ready: false,
      clientSecretSet: false,
    });
    const withSecret = await value('setClientSecret', added.id, `  ${TYPED_SECRET} `);
    expect(withSecret).toMatchObject({ ready: true, clientSecretSet: true });
    expect(JSON.stringify(withSecret)).not.toContain(TYPED_SECRET);
    expect(await value('setClientSecret', added.id, null)).toMatchObject({
      clientSecretSet: false,
    });
    expect(await value('removeProvider', added.id)).toBeNull();
    expect((await value<{ id: string }[]>('listProviders')).map((p) => p.id)).not.toContain(
      added.id,
    );
  });

  it('provider refusals in words: a built-in cannot be removed, the demo secret cannot be replaced', async () => {
    expect(await call('removeProvider', 'netrex')).toMatchObject({
      ok: false,
      error: { code: 'not_removable' },
    });
    expect(await call('setClientSecret', 'demo', TYPED_SECRET)).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await call('updateProvider', 'nowhere', { name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_provider' },
    });
    const bad = await call('addPortal', { url: 'http://portal.acme.example' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sign-in: browser opened with the authorization URL, reopen, cancel', async () => {
    const view = await value<{ phase: string; remainingMs: number }>('signIn', 'demo');
    expect(view).toMatchObject({ providerId: 'demo', phase: 'waiting', remainingMs: 600_000 });
    const url = rig.opened.at(-1)!;
    expect(url.startsWith(`${rig.portal.url}/oauth2/auth/?`)).toBe(true);
    expect(rig.services.isAllowedExternalUrl(url)).toBe(true);
    rig.clock.advance(60_000);
    expect(await value('reopenBrowser', 'demo')).toMatchObject({
      phase: 'waiting',
      remainingMs: 540_000,
    });
    expect(rig.opened.at(-1)).toBe(url);
    expect(await value('cancelSignIn', 'demo')).toMatchObject({
      phase: 'cancelled',
      error: { code: 'cancelled' },
    });
    expect(await call('reopenBrowser', 'demo')).toMatchObject({
      ok: false,
      error: { code: 'not_pending' },
    });
    expect(rig.signInViews().map((v) => v.phase)).toEqual(['waiting', 'cancelled']);
  });

  it('the way back: its state, and a fresh sign-in link copied by the main process (never answered to the window)', async () => {
    const status = await value<{ appLink: { status: string }; portals: { providerId: string }[] }>(
      'getWayBack',
    );
    expect(status.appLink.status).toBe('unknown'); // no host check in this rig
    expect(status.portals.map((p) => p.providerId)).toEqual([
      'netrex',
      'camstreamer-cloud',
      'demo',
    ]);
    const copied = await value('copySignInLink', 'demo');
    expect(copied).toMatchObject({ providerId: 'demo', phase: 'waiting' });
    const link = rig.clipboard.at(-1)!;
    expect(link.startsWith(`${rig.portal.url}/oauth2/auth/?`)).toBe(true);
    expect(JSON.stringify(copied)).not.toContain(new URL(link).searchParams.get('state')!);
    expect(await value('signInViaLoopback', 'demo')).toMatchObject({
      phase: 'waiting',
      wayBack: { route: 'loopback', reason: 'chosen' },
    });
    expect(await value('cancelSignIn', 'demo')).toMatchObject({ phase: 'cancelled' });
    // A built-in has only the app link registered: said, in words, nothing started.
    expect(await call('signInViaLoopback', 'netrex')).toMatchObject({
      ok: false,
      error: { code: 'loopback_not_registered', params: { portal: 'Netrex' } },
    });
    expect(await call('copySignInLink', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'unknown_provider' },
    });
  });

  it('a pasted address completes the sign-in: connected with the account id, then 3 cameras', async () => {
    await value('signIn', 'demo');
    const location = await rig.playLastAuthorization();
    const done = await value<{ phase: string; accountId: string }>('completeSignIn', location);
    expect(done).toMatchObject({ providerId: 'demo', phase: 'connected', remainingMs: 0 });
    const accounts = await rig.until('accounts-changed', (list) =>
      list.some((a) => a.id === done.accountId && a.cameras?.count === 3),
    );
    expect(accounts).toHaveLength(1);
    expect(
      rig
        .signInViews()
        .slice(-3)
        .map((v) => v.phase),
    ).toEqual(['waiting', 'exchanging', 'connected']);
    // The same address again: refused, in words.
    expect(await call('completeSignIn', location)).toMatchObject({
      ok: false,
      error: { code: 'replayed' },
    });
  });

  it('accounts: list, check now, API-token sign-in, sign-out revoking at the portal', async () => {
    const [oauth] = await value<{ id: string }[]>('listAccounts');
    expect(await value('checkNow', oauth!.id)).toMatchObject({
      state: 'connected',
      cameras: { count: 3 },
    });
    const byToken = await value<{ id: string }>('signInWithApiToken', {
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: API_TOKEN,
      label: 'Desk',
    });
    expect(byToken).toMatchObject({ method: 'api-token', label: 'Desk', cameras: { count: 3 } });
    expect(await value('listAccounts')).toHaveLength(2);
    const rejected = await call('signInWithApiToken', {
      providerId: 'demo',
      providerUrl: rig.portal.url,
      token: 'wrong-token-value',
    });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'api_token_rejected' } });

    // What the portal issued, read from the vault file (the bridge never carries it).
    const disk = await openVaultIn(rig.dir.path, rig.cipher);
    const accessToken = disk.getAccount(oauth!.id)!.tokens.accessToken;
    await disk.dispose();
    expect(await value('signOut', oauth!.id)).toEqual({ accountId: oauth!.id, revoked: true });
    expect((await cameraList(rig.portal, accessToken)).status).toBe(401);
    expect(await value('signOut', byToken.id)).toMatchObject({
      revoked: false,
      revokeError: { code: 'api_token_not_revocable' },
    });
    expect(await value('listAccounts')).toEqual([]);
    expect(await call('checkNow', oauth!.id)).toMatchObject({
      ok: false,
      error: { code: 'unknown_account' },
    });
  });

  it('a portal with accounts cannot be removed until they are signed out', async () => {
    const other = await startProvider({}, { clock: () => rig.clock.now() });
    try {
      const added = await value<{ id: string }>('addPortal', { url: other.url, name: 'Branch' });
      const account = await value<{ id: string }>('signInWithApiToken', {
        providerId: added.id,
        providerUrl: other.url,
        token: API_TOKEN,
      });
      const refused = await call('removeProvider', added.id);
      expect(refused).toMatchObject({ ok: false, error: { code: 'provider_in_use' } });
      expect((refused as { error: { message: string } }).error.message).toMatch(
        /^Branch still has an account signed in\. Sign out of it first/,
      );
      await value('signOut', account.id);
      expect(await value('removeProvider', added.id)).toBeNull();
    } finally {
      await other.close();
    }
  });

  it("IT's portal policy: without a managed configuration, portals may be added and none comes first", async () => {
    expect(await value('getPortalPolicy')).toEqual({
      customPortalsAllowed: true,
      defaultProviderId: null,
    });
  });

  it('storage status, and the weak-storage choice (nothing to change on a protected key store)', async () => {
    expect(await value('getStorageStatus')).toEqual({
      backend: 'gnome_libsecret',
      encryptionAvailable: true,
      weak: false,
      policy: 'encrypted',
      recovered: null,
      fileKept: null,
      lastWriteError: null,
    });
    expect(await value('setWeakStorageAllowed', true)).toMatchObject({ policy: 'encrypted' });
  });

  it('vault files set aside: none here; the retention is a setting (set-aside-files.test.ts has the rest)', async () => {
    expect(await value('getSetAsideFiles')).toEqual({ retentionDays: 30, files: [] });
    expect(await value('setSetAsideRetention', 90)).toEqual({ retentionDays: 90, files: [] });
    expect(await value('deleteSetAsideFiles')).toEqual({ retentionDays: 90, files: [] });
  });

  it('policy and updates: nothing set by IT in the test rig; updates off in a development run', async () => {
    expect(await value('getPolicy')).toEqual({});
    expect(await value('getUpdateStatus')).toEqual({ state: 'disabled', reason: 'development' });
    const restart = await call('restartToUpdate');
    expect(restart).toMatchObject({
      ok: false,
      error: { code: 'update_restart_refused', params: { variant: 'not-ready' } },
    });
  });

  it('diagnosis: a report in the language asked, saved where the dialog says; the log folder', async () => {
    const report = await value<{ report: { language: string } }>('runDiagnosis', 'cs');
    expect(report.report.language).toBe('cs');
    expect(await value('saveDiagnosis', 'cs')).toMatchObject({ saved: true });
    // This rig keeps no log file: "Show logs" still opens the host's folder.
    expect(await value('openLogFolder')).toBeNull();
    expect(await value('updateAppSettings', { detailedLog: true })).toMatchObject({
      detailedLog: true,
    });
  });

  it('invalid arguments are refused naming the method, the argument and the rule, never the value', async () => {
    const cases: [string, unknown[], RegExp][] = [
      ['signIn', [42], /signIn: providerId: /],
      ['signIn', [], /signIn: wrong arguments \(it takes providerId\)/],
      ['checkNow', [''], /checkNow: accountId: must not be empty/],
      ['addPortal', [{ url: 'https://x.example', colour: 'red' }], /addPortal: input/],
      [
        'setClientSecret',
        ['demo', `${TYPED_SECRET}\n`],
        /setClientSecret: secret: must not contain control characters/,
      ],
      [
        'signInWithApiToken',
        [{ providerId: 'demo', providerUrl: rig.portal.url, token: `${API_TOKEN}\u0000` }],
        /signInWithApiToken: input\.token: must not contain control characters/,
      ],
      [
        'updateProvider',
        ['demo', { loopbackPort: 1.5 }],
        /updateProvider: patch\.loopbackPort: must be a whole number/,
      ],
      ['setWeakStorageAllowed', ['yes'], /setWeakStorageAllowed: allowed: /],
      ['getAppInfo', ['extra'], /getAppInfo: too many arguments \(it takes no arguments\)/],
      ['runDiagnosis', ['de'], /runDiagnosis: language: /],
      ['saveDiagnosis', ['/etc/passwd'], /saveDiagnosis: language: /],
    ];
    for (const [method, args, rule] of cases) {
      const result = await call(method, ...args);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const message = (result as { error: { message: string } }).error.message;
      expect(message).toMatch(rule);
      expect(message).not.toContain(TYPED_SECRET);
      expect(message).not.toContain(API_TOKEN);
    }
  });
});
