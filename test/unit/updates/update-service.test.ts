// The update decisions in Node: when updates run at all (with a reason when
// not), what the updater's events may move, and the service on a manual
// clock over a scripted updater: it checks only once the policy allows it,
// downloads in the background, offers the restart but never while a sign-in
// runs or sign-ins are being saved, installs nothing by itself, and a failure
// leaves the running version alone and is logged by cause.
import { describe, expect, it } from 'vitest';
import type { UpdateView } from '../../../main/common/model';
import type { PolicyValues } from '../../../main/policy/policy-schema';
import {
  decideUpdates,
  nextUpdateState,
  restartBlockedBy,
  type UpdateFacts,
} from '../../../main/updates/update-state';
import { createUpdateService, type UpdaterPort } from '../../../main/updates/update-service';
import { updateFailureCause } from '../../../main/updates/update-errors';
import { ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';

const FEED = 'https://updates.example.com/netrex-connect';
const facts = (patch: Partial<UpdateFacts> = {}, policy: PolicyValues = {}): UpdateFacts => ({
  packaged: true,
  perMachine: false,
  supported: true,
  builtInFeed: null,
  policy: { updateUrl: FEED, ...policy },
  policyInvalid: false,
  ...patch,
});

describe('decideUpdates', () => {
  it.each([
    ['a development run', facts({ packaged: false }), 'development'],
    ['IT turned them off', facts({}, { updatesEnabled: false }), 'policy'],
    ['a broken update policy', facts({ policyInvalid: true }), 'policy-invalid'],
    ['no server anywhere', facts({ policy: {} }), 'no-feed'],
    ['a system electron-updater cannot install on', facts({ supported: false }), 'unsupported'],
    ['a per-machine install IT did not enable', facts({ perMachine: true }), 'per-machine-install'],
  ])('off for %s', (_, input, reason) => {
    expect(decideUpdates(input)).toEqual({ enabled: false, reason });
  });

  it('on from the policy’s server and channel; a per-machine install when IT says so', () => {
    expect(decideUpdates(facts({}, { updateChannel: 'beta' }))).toEqual({
      enabled: true,
      feed: { url: FEED, channel: 'beta' },
    });
    expect(decideUpdates(facts({ perMachine: true }, { updatesEnabled: true }))).toMatchObject({
      enabled: true,
      feed: { channel: 'latest' },
    });
    expect(
      decideUpdates(facts({ builtInFeed: 'https://built.in/feed', policy: {} })),
    ).toMatchObject({ enabled: true, feed: { url: 'https://built.in/feed' } });
  });
});

describe('nextUpdateState', () => {
  it('ignores events that do not fit the state', () => {
    const ready: UpdateView = { state: 'ready', version: '2.0.0', blocked: null };
    expect(nextUpdateState(ready, { type: 'checking' })).toBe(ready);
    expect(nextUpdateState(ready, { type: 'progress', percent: 50 })).toBe(ready);
    const idle: UpdateView = { state: 'idle', lastCheckAt: null };
    expect(nextUpdateState(idle, { type: 'downloaded', version: '2.0.0' })).toBe(idle);
    const downloading: UpdateView = { state: 'downloading', version: '2.0.0', percent: 40 };
    expect(nextUpdateState(downloading, { type: 'progress', percent: 10 })).toEqual(downloading);
    expect(nextUpdateState(downloading, { type: 'downloaded', version: '1.9.0' })).toBe(
      downloading,
    );
    expect(nextUpdateState(ready, { type: 'disabled', reason: 'policy' })).toEqual({
      state: 'disabled',
      reason: 'policy',
    });
  });

  it('blocks the restart during a sign-in first, then while saving', () => {
    expect(restartBlockedBy({ signIn: true, saving: true })).toBe('sign-in');
    expect(restartBlockedBy({ signIn: false, saving: true })).toBe('saving');
    expect(restartBlockedBy({ signIn: false, saving: false })).toBeNull();
  });
});

/** An updater that answers as scripted and records what it was asked. */
function scriptedUpdater(offer: string | null) {
  const calls: string[] = [];
  let finishDownload: ((error?: Error) => void) | undefined;
  let progress: ((percent: number) => void) | undefined;
  const port: UpdaterPort = {
    configure: (feed) => void calls.push(`configure ${feed.url} ${feed.channel}`),
    check: async () => {
      calls.push('check');
      return offer;
    },
    download: (onProgress) => {
      calls.push('download');
      progress = onProgress;
      return new Promise<void>((resolve, reject) => {
        finishDownload = (error) => (error ? reject(error) : resolve());
      });
    },
    install: () => void calls.push('install'),
    cancel: () => void calls.push('cancel'),
  };
  return {
    port,
    calls,
    progress: (p: number) => progress!(p),
    finish: (error?: Error) => finishDownload!(error),
  };
}

function service(
  updater: UpdaterPort,
  policy: { current: PolicyValues },
  busy = { signIn: false, saving: false },
) {
  const clock = new ManualClock();
  const log = recordingLog();
  const views: UpdateView[] = [];
  const updates = createUpdateService({
    updater,
    clock,
    log,
    facts: () => facts({ policy: policy.current }),
    busy: () => busy,
    emit: (view) => views.push(view),
    firstCheckMs: 1_000,
    intervalMs: 60_000,
  });
  return { updates, clock, log, views, busy };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the update service', () => {
  it('checks after the first delay, downloads in the background, offers the restart', async () => {
    const updater = scriptedUpdater('2.0.0');
    const { updates, clock, views } = service(updater.port, { current: { updateUrl: FEED } });
    expect(updater.calls).toEqual([`configure ${FEED} latest`]);
    expect(updates.status()).toEqual({ state: 'idle', lastCheckAt: null });
    clock.advance(999);
    expect(updater.calls).not.toContain('check');
    clock.advance(1);
    await settle();
    expect(updates.status()).toEqual({ state: 'downloading', version: '2.0.0', percent: 0 });
    updater.progress(42.7);
    expect(updates.status()).toMatchObject({ percent: 42 });
    updater.finish();
    await settle();
    expect(updates.status()).toEqual({ state: 'ready', version: '2.0.0', blocked: null });
    expect(views.map((v) => v.state)).toEqual([
      'idle',
      'checking',
      'downloading',
      'downloading',
      'ready',
    ]);
    // Never installs by itself, and never checks again once ready.
    clock.advance(24 * 60 * 60_000);
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(1);
    expect(updater.calls).not.toContain('install');
    expect(updates.restart()).toMatchObject({ state: 'ready' });
    expect(updater.calls.at(-1)).toBe('install');
  });

  it('never restarts during a sign-in or while sign-ins are being saved', async () => {
    const updater = scriptedUpdater('2.0.0');
    const { updates, clock, busy } = service(updater.port, { current: { updateUrl: FEED } });
    clock.advance(1_000);
    await settle();
    updater.finish();
    await settle();
    busy.signIn = true;
    updates.busyChanged();
    expect(updates.status()).toMatchObject({ state: 'ready', blocked: 'sign-in' });
    expect(() => updates.restart()).toThrow(/A sign-in is in progress/);
    busy.signIn = false;
    busy.saving = true;
    expect(() => updates.restart()).toThrow(/being saved/);
    expect(updater.calls).not.toContain('install');
    busy.saving = false;
    updates.busyChanged();
    expect(updates.status()).toMatchObject({ blocked: null });
    updates.restart();
    expect(updater.calls.at(-1)).toBe('install');
  });

  it('a failed download leaves the version alone, is logged by cause, and is tried again later', async () => {
    const updater = scriptedUpdater('2.0.0');
    const { updates, clock, log } = service(updater.port, { current: { updateUrl: FEED } });
    clock.advance(1_000);
    await settle();
    updater.finish(
      Object.assign(new Error(`sha512 checksum mismatch at ${FEED}/x?token=abc`), {
        code: 'ERR_CHECKSUM_MISMATCH',
      }),
    );
    await settle();
    expect(updates.status()).toMatchObject({
      state: 'failed',
      error: { code: 'update_failed', params: { variant: 'checksum' } },
    });
    expect(updater.calls).not.toContain('install');
    expect(log.lines.filter((l) => l.event === 'update.failed')).toEqual([
      expect.objectContaining({ level: 'warn', fields: { cause: 'checksum' } }),
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('token=abc');
    expect(() => updates.restart()).toThrow(/No update is ready/);
    clock.advance(60_000);
    await settle();
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(2);
  });

  it('a policy that turns updates off cancels the download; a new channel reconfigures', async () => {
    const updater = scriptedUpdater('2.0.0');
    const policy = { current: { updateUrl: FEED } as PolicyValues };
    const { updates, clock } = service(updater.port, policy);
    clock.advance(1_000);
    await settle();
    policy.current = { updateUrl: FEED, updatesEnabled: false };
    updates.reconfigure();
    expect(updater.calls.at(-1)).toBe('cancel');
    expect(updates.status()).toEqual({ state: 'disabled', reason: 'policy' });
    updater.finish();
    await settle();
    expect(updates.status()).toEqual({ state: 'disabled', reason: 'policy' });
    policy.current = { updateUrl: FEED, updateChannel: 'beta' };
    updates.reconfigure();
    expect(updater.calls.at(-1)).toBe(`configure ${FEED} beta`);
    expect(updates.status()).toEqual({ state: 'idle', lastCheckAt: null });
  });

  it('makes no request at all while updates are off', () => {
    const updater = scriptedUpdater('2.0.0');
    const { clock, updates } = service(updater.port, { current: {} });
    clock.advance(7 * 24 * 60 * 60_000);
    expect(updater.calls).toEqual([]);
    expect(updates.status()).toEqual({ state: 'disabled', reason: 'no-feed' });
  });
});

describe('updater errors by cause', () => {
  it.each([
    [{ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }, 'not-found'],
    [{ code: 'ERR_CHECKSUM_MISMATCH' }, 'checksum'],
    [{ code: 'ERR_UPDATER_INVALID_SIGNATURE' }, 'signature'],
    [{ code: 'ECONNREFUSED' }, 'offline'],
    [{ statusCode: 500 }, 'server'],
    [{ code: 'ERR_UPDATER_INVALID_UPDATE_INFO' }, 'invalid-feed'],
    [new Error('anything else'), 'unknown'],
  ])('%j is %s', (error, cause) => {
    expect(updateFailureCause(error)).toBe(cause);
  });
});
