// The update check and download against a feed on loopback, through
// electron-updater's own code: its AppImageUpdater (the Linux updater),
// GenericProvider reading a real latest-linux.yml, and the download with its
// sha512 check (builder-util-runtime's doDownload). What stands in for
// Electron: electron-updater takes an AppAdapter in its constructor
// (AppUpdater.js: "if (app == null) … ElectronAppAdapter … ElectronHttpExecutor,
// else httpExecutor = null"), so this test gives it a Node adapter and an
// executor whose requests go through Node's http instead of Electron's net
// (test/support/node-update-executor.ts). Electron's net stack itself and
// installing (quitAndInstall needs the app's process) cannot run here.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppImageUpdater, type AppUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateView } from '../../../main/common/model';
import { electronUpdaterPort } from '../../../main/updates/electron-updater-port';
import { createUpdateService } from '../../../main/updates/update-service';
import { updateFailureCause } from '../../../main/updates/update-errors';
import { listenOnLoopback, type LoopbackServer } from '../../support/loopback-server';
import { ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import { NodeUpdateExecutor } from '../../support/node-update-executor';

const INSTALLER = 'Netrex-Connect-2.0.0.AppImage';
const RELEASE = Buffer.from('#!/bin/sh\necho "Netrex Connect 2.0.0"\n'.repeat(2000));

interface Feed {
  server: LoopbackServer;
  /** What the server sends for the installer (the release, or tampered bytes). */
  body: Buffer;
  version: string;
  requests: string[];
}

/** latest-linux.yml as electron-builder writes it for an AppImage. */
function latestYml(version: string, file: Buffer): string {
  const sha512 = createHash('sha512').update(file).digest('base64');
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${INSTALLER}`,
    `    sha512: ${sha512}`,
    `    size: ${file.length}`,
    `path: ${INSTALLER}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

let dir: TempDir;
let feed: Feed;
let appImage: string | undefined;
beforeEach(async () => {
  dir = makeTempDir('netrex-updater-');
  const state = { body: RELEASE, version: '2.0.0', requests: [] as string[] };
  const server = await listenOnLoopback((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    state.requests.push(path);
    if (path === '/feed/latest-linux.yml') {
      response.writeHead(200, { 'content-type': 'text/yaml' });
      response.end(latestYml(state.version, RELEASE));
    } else if (path === `/feed/${INSTALLER}`) {
      response.writeHead(200, { 'content-length': state.body.length });
      response.end(state.body);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  feed = Object.assign(state, { server });
  // The updater's config as electron-builder writes it into resources/.
  writeFileSync(
    join(dir.path, 'app-update.yml'),
    'provider: generic\nurl: https://updates.invalid/netrex-connect\nupdaterCacheDirName: netrex-connect-updater\n',
  );
  // AppImageUpdater replaces the running AppImage ($APPIMAGE); here a file of our own.
  appImage = process.env.APPIMAGE;
  process.env.APPIMAGE = join(dir.path, 'Netrex-Connect-1.0.0.AppImage');
  writeFileSync(process.env.APPIMAGE, 'old');
});
afterEach(async () => {
  if (appImage === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = appImage;
  await feed.server.close();
  dir.dispose();
});

function nodeUpdater(): AppUpdater {
  const updater = new AppImageUpdater(null, {
    version: '1.0.0',
    name: 'Netrex Connect',
    isPackaged: true,
    appUpdateConfigPath: join(dir.path, 'app-update.yml'),
    userDataPath: join(dir.path, 'userData'),
    baseCachePath: join(dir.path, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  (updater as unknown as { httpExecutor: unknown }).httpExecutor = new NodeUpdateExecutor();
  // No old AppImage's block map to diff against here: the full download, with its sha512.
  updater.disableDifferentialDownload = true;
  return updater;
}

const cacheFiles = () => {
  const pending = join(dir.path, 'cache', 'netrex-connect-updater', 'pending');
  return existsSync(pending) ? readdirSync(pending) : [];
};

describe('electron-updater against a feed on loopback', () => {
  it('the port turns off download and install-on-quit before anything else', () => {
    const updater = nodeUpdater();
    expect(updater.autoDownload).toBe(true); // electron-updater's default (AppUpdater.js)
    expect(updater.autoInstallOnAppQuit).toBe(true);
    electronUpdaterPort(updater);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
  });

  it('finds the newer version, downloads it and checks its sha512', async () => {
    const port = electronUpdaterPort(nodeUpdater());
    port.configure({ url: `${feed.server.url}/feed`, channel: 'latest' });
    expect(await port.check()).toBe('2.0.0');
    const progress: number[] = [];
    await port.download((percent) => progress.push(percent));
    expect(cacheFiles().sort()).toEqual([INSTALLER, 'update-info.json']);
    const downloaded = readFileSync(
      join(dir.path, 'cache', 'netrex-connect-updater', 'pending', INSTALLER),
    );
    expect(downloaded.equals(RELEASE)).toBe(true);
    expect(feed.requests).toEqual(['/feed/latest-linux.yml', `/feed/${INSTALLER}`]);
  });

  it('answers nothing newer when the feed offers the running version', async () => {
    feed.version = '1.0.0';
    const port = electronUpdaterPort(nodeUpdater());
    port.configure({ url: `${feed.server.url}/feed`, channel: 'latest' });
    expect(await port.check()).toBeNull();
  });

  it('refuses a download whose bytes do not match latest.yml, keeping nothing', async () => {
    feed.body = Buffer.from(RELEASE.toString().replace('2.0.0', '6.6.6'));
    const port = electronUpdaterPort(nodeUpdater());
    port.configure({ url: `${feed.server.url}/feed`, channel: 'latest' });
    expect(await port.check()).toBe('2.0.0');
    const failure = await port.download(() => undefined).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    expect(updateFailureCause(failure)).toBe('checksum');
    expect(cacheFiles()).toEqual([]);
  });

  it('a channel the feed does not have is a clear failure', async () => {
    const port = electronUpdaterPort(nodeUpdater());
    port.configure({ url: `${feed.server.url}/feed`, channel: 'beta' });
    const failure = await port.check().catch((error: unknown) => error);
    expect(updateFailureCause(failure)).toBe('not-found');
    expect(feed.requests).toEqual(['/feed/beta-linux.yml']);
  });

  it('through the update service: checked, downloaded, verified, "Restart to update" offered', async () => {
    const clock = new ManualClock();
    const views: UpdateView[] = [];
    let ready!: () => void;
    const readyNow = new Promise<void>((resolve) => (ready = resolve));
    const updates = createUpdateService({
      updater: electronUpdaterPort(nodeUpdater()),
      clock,
      log: recordingLog(),
      facts: () => ({
        packaged: true,
        perMachine: false,
        supported: true,
        builtInFeed: null,
        policy: { updateUrl: `${feed.server.url}/feed` },
        policyInvalid: false,
      }),
      busy: () => ({ signIn: false, saving: false }),
      emit: (view) => {
        views.push(view);
        if (view.state === 'ready' || view.state === 'failed') ready();
      },
      firstCheckMs: 1_000,
    });
    clock.advance(1_000);
    await readyNow;
    expect(updates.status()).toEqual({ state: 'ready', version: '2.0.0', blocked: null });
    expect(views.map((v) => v.state)).toContain('downloading');
    updates.dispose();
  });
});
