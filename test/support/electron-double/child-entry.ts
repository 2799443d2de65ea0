// The `electron` module of the smoke test's child process: the typed double
// of Electron (index.ts), made from NETREX_ELECTRON_DOUBLE (a ChildConfig as
// JSON). It emits `ready` once the app's main script has run (as Electron
// does: the first turn of the event loop after it), then runs the scenario;
// when the app shuts down it writes the record and ends the process, as
// Electron ends it after 'quit'. Bundled by the test with esbuild and
// resolved for 'electron' by register.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElectronDouble } from './index';
import { recordOf, runScenario, type ChildConfig } from './scenario';

const config = JSON.parse(process.env.NETREX_ELECTRON_DOUBLE ?? 'null') as ChildConfig | null;
if (!config) throw new Error('NETREX_ELECTRON_DOUBLE holds no configuration for the double.');
// Playing another system: what the app reads as process.platform (paths stay this system's).
if (config.platform) Object.defineProperty(process, 'platform', { value: config.platform });
// Electron sets process.resourcesPath for the main process (lib/browser/init.ts): the app's
// resources folder. Here an empty one of the run's own (electron-updater looks in it).
const resourcesPath = join(config.userData, 'resources');
mkdirSync(resourcesPath, { recursive: true });
Object.defineProperty(process, 'resourcesPath', { value: resourcesPath });

const double = createElectronDouble({
  userData: config.userData,
  ...(config.platform ? { platform: config.platform } : {}),
  isPackaged: config.isPackaged ?? false,
  ...(config.keyring ? { keyring: config.keyring } : {}),
  languages: config.languages ?? ['en-US'],
  ...(config.keyringSecret ? { keyringSecret: Buffer.from(config.keyringSecret, 'base64') } : {}),
});
const steps: Record<string, unknown> = {};

double.app.onShutdown = (code) => {
  writeFileSync(config.recordPath, JSON.stringify(recordOf(double, steps)));
  process.exit(code);
};

// What Electron would show as an error box: recorded, and the run ends (code 70).
const uncaught = (error: unknown): void => {
  steps.uncaught = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  double.app.exit(70);
};
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

setImmediate(() => {
  double.app.emitReady();
  runScenario(double, config, steps).catch((error: unknown) => {
    steps.scenarioFailed =
      error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    double.app.exit(70);
  });
});

export const {
  app,
  safeStorage,
  protocol,
  ipcMain,
  powerMonitor,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  dialog,
  shell,
  clipboard,
  net,
  session,
} = double.electron;
export default double.electron;
