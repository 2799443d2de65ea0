// What the services write to the log file, against the portal stand-in: each
// sign-in's steps with timings and outcome codes (and which way the redirect
// came), refreshes and their outcomes, status checks, the key store decided
// at start, resume and stop. The lines are read from the real file, and none
// holds a secret the portal issued, in any form.
import { afterEach, describe, expect, it } from 'vitest';
import { openLogFile, type LogFile } from '../../../main/support/log-file';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { encodedForms } from '../../support/vault-fixtures';

let running: ServicesRig | undefined;
let logs: TempDir | undefined;
afterEach(async () => {
  await running?.close();
  logs?.dispose();
  running = logs = undefined;
});

async function start(options: Parameters<typeof startServicesRig>[0] = {}) {
  logs = makeTempDir('netrex-logs-');
  let clockNow = () => Date.UTC(2026, 10, 27, 12);
  const file: LogFile = openLogFile({ folder: logs.path, now: () => clockNow() });
  const started = await startServicesRig({ ...options, log: file });
  running = started;
  clockNow = () => started.clock.now();
  return { rig: started, file };
}

/** `event key=value …` of every line, without the time and level. */
const events = (file: LogFile) => file.recentLines(500).map((line) => line.slice(31));
const named = (file: LogFile, event: string) =>
  events(file).filter((line) => line.split(' ')[0] === event);

function secretHits(file: LogFile, secrets: readonly string[]): string[] {
  const text = file.recentLines(10_000).join('\n');
  return secrets.flatMap((secret) =>
    [...encodedForms(secret), encodeURIComponent(secret), Buffer.from(secret).toString('base64')]
      .filter((form) => text.includes(form))
      .map((form) => `${secret.slice(0, 7)}… as ${form === secret ? 'raw' : 'encoded'}`),
  );
}

describe('the log of the services', () => {
  it('logs a browser sign-in step by step, then its check; no line holds a secret', async () => {
    const { rig, file } = await start();
    const accountId = await rig.signInWithBrowser();
    await rig.until('accounts-changed', (list) => list.some((a) => a.cameras !== null));
    expect(named(file, 'storage.opened')).toEqual([
      'storage.opened backend=gnome_libsecret encryption=true weak=false policy=encrypted',
    ]);
    expect(named(file, 'sign-in.started')).toEqual([
      'sign-in.started providerId=demo route=app-link reason=unchecked doubtful=false',
    ]);
    expect(named(file, 'sign-in.browser-opened')[0]).toMatch(/^\S+ providerId=demo ms=\d+$/);
    expect(named(file, 'sign-in.redirect-arrived')).toEqual([
      'sign-in.redirect-arrived way=app-link',
    ]);
    expect(named(file, 'sign-in.exchanged')[0]).toMatch(
      /^\S+ providerId=demo way=app-link ms=\d+ waitedMs=\d+ expiresInS=3600 refreshable=true$/,
    );
    expect(named(file, 'sign-in.stored')[0]).toBe(
      `sign-in.stored providerId=demo accountId=${accountId} ms=0 persisted=true`,
    );
    expect(named(file, 'account.added')[0]).toContain(`accountId=${accountId} providerId=demo`);
    const issued = rig.portal.issued().filter((s) => s.length >= 8 && s !== 'operator');
    expect(issued.length).toBeGreaterThan(3);
    expect(secretHits(file, issued)).toEqual([]);
  });

  it('says which way a pasted address came, and logs a refused one with its code only', async () => {
    const { rig, file } = await start();
    await rig.services.handlers.signIn('demo');
    const location = await rig.playLastAuthorization();
    await rig.services.handlers.completeSignIn(location);
    expect(named(file, 'sign-in.redirect-arrived')).toEqual([
      'sign-in.redirect-arrived way=pasted',
    ]);
    // The same address again: the code was used, the state is no longer pending.
    await rig.services.handlers.completeSignIn(location);
    expect(named(file, 'sign-in.exchange-failed')).toEqual([
      'sign-in.exchange-failed way=pasted error=replayed',
    ]);
    expect(events(file).join('\n')).not.toContain('code=');
  });

  it('logs a refresh with its duration, a refresh the portal refuses, and checks that fail', async () => {
    const { rig, file } = await start({ standIn: { accessTokenLifetimeSec: 600 } });
    const accountId = await rig.signInWithBrowser();
    await rig.until('accounts-changed', (list) => list.some((a) => a.cameras !== null));
    rig.clock.advance(541_000); // the refresh is due 60 s before expiry
    await rig.until('accounts-changed', (list) =>
      list.some(
        (a) => a.state === 'connected' && (a.tokenExpiresAt ?? 0) > rig.clock.now() + 590_000,
      ),
    );
    expect(named(file, 'account.refresh-started')).toEqual([
      `account.refresh-started accountId=${accountId} providerId=demo`,
    ]);
    expect(named(file, 'account.refreshed')).toEqual([
      `account.refreshed accountId=${accountId} ms=0 expiresInS=600`,
    ]);

    rig.portal.faults.inject('graphql', { kind: '503', retryAfterSec: 30 });
    await rig.services.handlers.checkNow(accountId);
    expect(named(file, 'account.checked').at(-1)).toBe(
      `account.checked accountId=${accountId} status=offline error=api_unavailable nextRetryInS=30`,
    );

    rig.portal.invalidateRefreshTokens();
    rig.clock.advance(600_000);
    await rig.until('accounts-changed', (list) => list.some((a) => a.state === 'expired'));
    expect(named(file, 'account.refresh-failed').at(-1)).toMatch(
      new RegExp(
        `^account.refresh-failed accountId=${accountId} ms=\\d+ status=expired error=\\w+$`,
      ),
    );
  });

  it('logs resume and stop; debug lines (a check that finds nothing new) only once asked', async () => {
    const { rig, file } = await start();
    const accountId = await rig.signInWithBrowser();
    await rig.until('accounts-changed', (list) => list.some((a) => a.cameras !== null));
    // The first check is news (info); one that finds the same is a debug line.
    expect(named(file, 'account.checked')).toHaveLength(1);
    rig.clock.advance(1000);
    await rig.services.handlers.checkNow(accountId);
    expect(named(file, 'account.checked')).toHaveLength(1);
    file.setLevel('setting', 'debug');
    rig.clock.advance(1000);
    await rig.services.handlers.checkNow(accountId);
    expect(named(file, 'account.checked')).toHaveLength(2);
    expect(named(file, 'account.checked').at(-1)).toMatch(
      new RegExp(
        `^account.checked accountId=${accountId} status=connected latencyMs=\\d+ cameras=3$`,
      ),
    );
    expect(file.recentLines(1)[0]).toContain(' DEBUG account.checked');
    rig.services.resume();
    expect(named(file, 'app.resumed')).toEqual(['app.resumed accounts=1']);
    await rig.close();
    running = undefined;
    expect(named(file, 'services.stopping')).toHaveLength(1);
  });
});
