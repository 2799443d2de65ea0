// Static: the edge's part in policies and updates, with the Electron and
// electron-updater facts it rests on.
//   - Development overrides end in a packaged app: the shell hands
//     app.isPackaged to the services (AppPorts.packaged), which then ignore
//     NETREX_MANAGED_CONFIG.
//   - The updater exists only in a packaged app and is made passive before
//     anything else: electron-updater's `autoUpdater` is a getter that builds
//     the platform's updater on first use (node_modules/electron-updater/out/
//     main.js, doLoadAutoUpdater: NsisUpdater on win32, MacUpdater on darwin,
//     AppImageUpdater elsewhere), with autoDownload and autoInstallOnAppQuit
//     true (AppUpdater.js constructor); electronUpdaterPort sets both false
//     at once (tested against the real class in
//     test/integration/updates/electron-updater-feed.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, ROOT } from '../../support/static-checks';

const shell = read('main/electron/app-shell.ts');
const updater = read('main/electron/updater.ts');
const installed = (file: string) =>
  readFileSync(join(ROOT, 'node_modules/electron-updater/out', file), 'utf8');

describe('static: policies and updates at the edge', () => {
  it('tells the services whether the app is packaged', () => {
    expect(shell).toMatch(/packaged: app\.isPackaged,/);
  });

  it('makes the updater only when packaged, through the port that turns it passive', () => {
    const guard = updater.indexOf('if (!app.isPackaged) return undefined;');
    const load = updater.indexOf("await import('electron-updater')");
    expect(guard).toBeGreaterThan(0);
    expect(load).toBeGreaterThan(guard);
    expect(updater).toMatch(/port: electronUpdaterPort\(autoUpdater\)/);
    expect(shell).toMatch(/const updater = await createUpdaterPort\(\);/);
    expect(shell).toMatch(/\.\.\.\(updater \? \{ updater \} : \{\}\)/);
  });

  it('electron-updater (as installed) builds its updater lazily, per platform, with both defaults on', () => {
    const main = installed('main.js');
    expect(main).toMatch(/function doLoadAutoUpdater\(\)/);
    expect(main).toMatch(/process\.platform === "win32"[\s\S]*NsisUpdater/);
    expect(main).toMatch(/get: \(\) => \{[\s\S]*doLoadAutoUpdater\(\)/);
    const appUpdater = installed('AppUpdater.js');
    expect(appUpdater).toContain('this.autoDownload = true;');
    expect(appUpdater).toContain('this.autoInstallOnAppQuit = true;');
    // Setting `channel` would also allow downgrades: the port passes it in setFeedURL instead.
    expect(appUpdater).toMatch(/set channel\(value\) \{[\s\S]*this\.allowDowngrade = true;/);
    expect(read('main/updates/electron-updater-port.ts')).not.toMatch(/\.channel\s*=/);
  });
});
