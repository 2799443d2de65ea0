// The app's updater: electron-updater's `autoUpdater` (NsisUpdater on
// Windows, AppImageUpdater on Linux, MacUpdater on macOS: electron-updater's
// main.js doLoadAutoUpdater), behind the services' UpdaterPort. Made only
// when the app is packaged, and turned passive at once
// (electron-updater-port.ts: no download, no install on quit) so nothing
// happens before the policy is read; the services decide the rest.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPorts } from '../app-services';
import { installScope } from '../desktop/install-scope';
import { builtInUpdateFeed } from '../updates/built-in-feed';
import { electronUpdaterPort } from '../updates/electron-updater-port';

export async function createUpdaterPort(): Promise<AppPorts['updater']> {
  if (!app.isPackaged) return undefined;
  // Loaded here, not at the top: its autoUpdater getter builds the platform's updater on first use.
  const { autoUpdater } = await import('electron-updater');
  const scope = installScope(process.platform, app.getPath('exe'), process.env);
  return {
    port: electronUpdaterPort(autoUpdater),
    perMachine: scope.perMachine,
    supported: scope.supported,
    // electron-builder writes resources/app-update.yml from `publish` (PublishManager.js).
    builtInFeed: builtInUpdateFeed(readText(join(process.resourcesPath, 'app-update.yml'))),
  };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
