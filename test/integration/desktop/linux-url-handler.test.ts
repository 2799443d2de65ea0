// The Linux way back on real files: a temporary home with its own XDG
// folders, desktop entries written as the deb and another application would
// have them, and the real xdg-mime (xdg-utils) answering and setting the
// scheme's default, as xdg-open does for the browser. Then the whole check
// and repair (app-link-check.ts) over them.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppLaunch } from '../../../main/desktop/app-launch';
import { checkAppLink, type AppLinkSystem } from '../../../main/desktop/app-link-check';
import {
  createLinuxUrlHandler,
  type LinuxUrlHandler,
} from '../../../main/desktop/linux-url-handler-install';
import { commandRunner, hostEnvironment } from '../../../main/desktop/os-command';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const SCHEME = 'cz.netrex.connect';
const ID = 'cz.netrex.connect.desktop';
const xdgMime = ['/usr/bin/xdg-mime', '/usr/local/bin/xdg-mime'].find((p) => existsSync(p));
if (!xdgMime) console.log('skipped: xdg-mime is not installed (apt-get install xdg-utils)');

let temp: TempDir;
let env: NodeJS.ProcessEnv;
let userApps: string;
let systemApps: string;

/** An executable file standing for a program (GIO ignores entries whose program is missing). */
function program(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return path;
}

function entry(dir: string, id: string, lines: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, id);
  writeFileSync(path, ['[Desktop Entry]', 'Type=Application', ...lines, ''].join('\n'));
  return path;
}

function handler(): LinuxUrlHandler {
  return createLinuxUrlHandler({
    scheme: SCHEME,
    desktopId: ID,
    name: 'Netrex Connect',
    env,
    home: temp.path,
    run: commandRunner(env),
  });
}

beforeEach(() => {
  temp = makeTempDir('netrex-xdg-');
  userApps = join(temp.path, 'data', 'applications');
  systemApps = join(temp.path, 'system', 'applications');
  // Nothing of the machine's own desktop: only these folders, xdg-mime's generic mode.
  env = {
    PATH: process.env.PATH,
    HOME: temp.path,
    XDG_DATA_HOME: join(temp.path, 'data'),
    XDG_CONFIG_HOME: join(temp.path, 'config'),
    XDG_CONFIG_DIRS: join(temp.path, 'etc-xdg'),
    XDG_DATA_DIRS: join(temp.path, 'system'),
  };
});
afterEach(() => temp.dispose());

describe.skipIf(!xdgMime)('the Linux way back on real files, with the real xdg-mime', () => {
  it('AppImage on a fresh system: not registered, then the entry is installed and made the default', async () => {
    const appImage = program(join(temp.path, 'Apps', 'Netrex Connect-0.1.0.AppImage'));
    const linux = handler();
    expect(await linux.inspect()).toEqual({
      defaultId: '',
      defaultEntry: null,
      userEntry: null,
      systemEntry: null,
    });

    const outcome = await linux.repair(appImage, []);
    expect(outcome).toEqual({
      plan: { steps: ['write-user-entry', 'set-default'], blockedBy: null },
      failures: [],
    });
    const file = join(userApps, ID);
    expect(readFileSync(file, 'utf8')).toContain(`Exec="${appImage}" %u\n`);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(temp.path, 'config', 'mimeapps.list'), 'utf8')).toContain(
      `x-scheme-handler/${SCHEME}=${ID}`,
    );
    const after = await linux.inspect();
    expect(after?.defaultId).toBe(ID);
    expect(after?.defaultEntry).toMatchObject({
      program: appImage,
      user: true,
      writtenByApp: true,
    });
  });

  it('the AppImage moved: the next start from the new place rewrites the entry', async () => {
    const linux = handler();
    await linux.repair(program(join(temp.path, 'Downloads', 'Netrex.AppImage')), []);
    const moved = program(join(temp.path, 'Apps', 'Netrex.AppImage'));
    const outcome = await linux.repair(moved, []);
    expect(outcome.plan.steps).toEqual(['write-user-entry', 'set-default']);
    expect((await linux.inspect())?.defaultEntry?.program).toBe(moved);
  });

  it('the deb started after the AppImage: the AppImage’s entry goes, the deb’s own entry is the default', async () => {
    const deb = program(join(temp.path, 'opt', 'Netrex Connect', 'netrex-connect'));
    // As electron-builder writes it for the deb (LinuxTargetHelper.computeDesktopEntry).
    entry(systemApps, ID, [
      'Name=Netrex Connect',
      `Exec="${deb}" %U`,
      `MimeType=x-scheme-handler/${SCHEME};`,
    ]);
    const linux = handler();
    await linux.repair(program(join(temp.path, 'Netrex.AppImage')), []);
    expect((await linux.inspect())?.defaultEntry).toMatchObject({ user: true });

    const outcome = await linux.repair(deb, []);
    expect(outcome.plan.steps).toEqual(['remove-user-entry', 'set-default']);
    expect(existsSync(join(userApps, ID))).toBe(false);
    expect((await linux.inspect())?.defaultEntry).toMatchObject({ program: deb, user: false });
  });

  it('a user entry of the same name the app did not write is left alone, and the check says who holds the scheme', async () => {
    const mine = entry(userApps, ID, [
      'Name=My own wrapper',
      'Exec=/usr/local/bin/my-wrapper %u',
      `MimeType=x-scheme-handler/${SCHEME};`,
    ]);
    const before = readFileSync(mine, 'utf8');
    const check = await checkAppLink(systemOver(launchOf(program(join(temp.path, 'N.AppImage')))));
    expect(check).toMatchObject({
      status: 'claimed',
      holder: '/usr/local/bin/my-wrapper',
      repaired: true,
      detail: 'a desktop entry of the same name that the app did not write is in the way',
    });
    expect(readFileSync(mine, 'utf8')).toBe(before);
  });

  it('check and repair: another application holding the scheme is named, then the scheme is taken back', async () => {
    const other = program(join(temp.path, 'usr', 'bin', 'other'));
    entry(systemApps, 'other.desktop', [
      'Name=Other App',
      `Exec=${other} %u`,
      `MimeType=x-scheme-handler/${SCHEME};`,
    ]);
    mkdirSync(join(temp.path, 'config'), { recursive: true });
    writeFileSync(
      join(temp.path, 'config', 'mimeapps.list'),
      `[Default Applications]\nx-scheme-handler/${SCHEME}=other.desktop\n`,
    );
    const system = systemOver(launchOf(program(join(temp.path, 'Netrex.AppImage'))));
    expect(await checkAppLink(system, { repair: false })).toMatchObject({
      status: 'claimed',
      holder: 'Other App',
      repaired: false,
    });
    expect(await checkAppLink(system)).toMatchObject({
      status: 'registered',
      holder: null,
      repaired: true,
      launch: 'appimage',
      detail: null,
    });
    // Checked again at the next sign-in: nothing to repair.
    expect(await checkAppLink(system)).toMatchObject({ status: 'registered', repaired: false });
  });

  it('without xdg-mime the check takes Electron’s answer and says so', async () => {
    env = { ...env, PATH: join(temp.path, 'no-such-bin') };
    const system = systemOver(launchOf(join(temp.path, 'N.AppImage')), { isDefault: () => false });
    expect(await checkAppLink(system)).toMatchObject({
      status: 'not-registered',
      repaired: true,
      detail: 'xdg-mime is not installed (package xdg-utils)',
    });
  });

  it('inside an AppImage, the tools see the browser’s environment: AppRun’s folders are taken out', () => {
    const appDir = '/tmp/.mount_Netrex';
    expect(
      hostEnvironment({
        APPDIR: appDir,
        PATH: `${appDir}:${appDir}/usr/sbin:/usr/bin`,
        XDG_DATA_DIRS: `${appDir}/usr/share/::/usr/share/gnome:/usr/share/`,
        LD_LIBRARY_PATH: `${appDir}/usr/lib`,
        HOME: '/home/op',
      }),
    ).toEqual({
      APPDIR: appDir,
      PATH: '/usr/bin',
      XDG_DATA_DIRS: '/usr/share/gnome:/usr/share/',
      HOME: '/home/op',
    });
  });
});

function launchOf(appImage: string): AppLaunch {
  return { kind: 'appimage', program: appImage, args: [] };
}

/** The check's system over the real files; Electron's own calls as browser_linux.cc answers without an installed entry. */
function systemOver(launch: AppLaunch, electron: Partial<AppLinkSystem> = {}): AppLinkSystem {
  return {
    platform: 'linux',
    scheme: SCHEME,
    launch,
    isDefault: () => false,
    setDefault: () => false,
    handlerName: () => '',
    linux: { desktopId: ID, handler: handler() },
    now: () => 1,
    ...electron,
  };
}

// GIO (which Electron's isDefaultProtocolClient uses, and GNOME's xdg-open
// through `gio open`) skips an entry whose program is not an executable file:
// an AppImage moved away leaves a link that opens nothing.
const gio = ['/usr/bin/gio'].find((p) => existsSync(p));
describe.skipIf(!xdgMime || !gio)('GIO, as GNOME resolves the scheme', () => {
  it('an entry whose program is not executable is no handler at all', async () => {
    const appImage = program(join(temp.path, 'Netrex.AppImage'));
    await handler().repair(appImage, []);
    const gioDefault = async () => {
      const answer = await commandRunner(env)('gio', ['mime', `x-scheme-handler/${SCHEME}`]);
      return answer === 'missing' ? 'missing' : answer.stdout.split('\n')[0];
    };
    expect(await gioDefault()).toMatch(new RegExp(`^Default application .*${ID}`));
    chmodSync(appImage, 0o644);
    expect(await gioDefault()).toMatch(/^No default applications/);
  });
});
