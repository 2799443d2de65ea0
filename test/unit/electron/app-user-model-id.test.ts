// Windows: the AppUserModelID the app sets is the one electron-builder's NSIS
// installer stamps on its shortcuts. Read from the installed app-builder-lib
// 26.17 itself: AppInfo.id (out/appInfo.js) over our configuration, the NSIS
// target handing it to the script as APP_ID (out/targets/nsis/NsisTarget.js),
// and the script setting it on the Start-menu and desktop shortcuts
// (templates/nsis/include/installer.nsh).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { APP_USER_MODEL_ID, appUserModelIdFor } from '../../../main/desktop/app-identity';
import { ROOT, read } from '../../support/static-checks';

const require = createRequire(join(ROOT, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { AppInfo } = require('app-builder-lib/out/appInfo.js') as {
  AppInfo: new (info: unknown, buildVersion: null, platformOptions: unknown) => { id: string };
};
const builderLib = join(require.resolve('app-builder-lib/package.json'), '..');
const config = yaml.load(read('electron-builder.yml')) as Configuration;
const pkg = JSON.parse(read('package.json')) as { name: string; version: string };

describe('the AppUserModelID (Windows)', () => {
  it('is the id electron-builder computes for the installer from our configuration', () => {
    const info = {
      config,
      metadata: pkg,
      framework: { defaultAppIdPrefix: 'com.electron.' },
    };
    expect(new AppInfo(info, null, config.win ?? null).id).toBe(APP_USER_MODEL_ID);
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });

  it('electron-builder 26.17 hands that id to the NSIS script and stamps it on the shortcuts', () => {
    const target = readFileSync(join(builderLib, 'out/targets/nsis/NsisTarget.js'), 'utf8');
    expect(target).toMatch(/APP_ID: appInfo\.id,/);
    const installer = readFileSync(
      join(builderLib, 'templates/nsis/include/installer.nsh'),
      'utf8',
    );
    expect(installer).toContain('WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"');
    expect(installer).toContain('WinShell::SetLnkAUMI "$newDesktopLink" "${APP_ID}"');
    expect(JSON.parse(readFileSync(join(builderLib, 'package.json'), 'utf8')).version).toBe(
      '26.17.0',
    );
  });

  it('is set on Windows only (Electron has app.setAppUserModelId there only)', () => {
    expect(appUserModelIdFor('win32')).toBe(APP_USER_MODEL_ID);
    expect(appUserModelIdFor('linux')).toBeNull();
    expect(appUserModelIdFor('darwin')).toBeNull();
  });

  // In order of the text; the smoke test under the double checks the order at run time.
  it('the shell sets it first: before the single-instance lock, the sandbox, any window or tray', () => {
    const shell = read('main/electron/app-shell.ts');
    const at = (text: string) => shell.indexOf(text);
    expect(at('app.setAppUserModelId(userModelId)')).toBeGreaterThan(0);
    for (const later of [
      'app.requestSingleInstanceLock(',
      'app.enableSandbox()',
      'createMainWindow(',
      'createAppTray(',
    ]) {
      expect(at(later), later).toBeGreaterThan(at('app.setAppUserModelId(userModelId)'));
    }
  });
});
