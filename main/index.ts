// Composition root of the Electron app: the real services into the shell.
// Everything else — single instance, deep links, window, bridge, tray, the
// system ports — is main/electron/app-shell.ts.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppShell } from './electron/app-shell';
import { demoRequested } from './desktop/demo';
import { createServices } from './services';

startAppShell({
  createServices,
  // This file is bundled to out/main/index.mjs; out/ holds preload/, renderer/ (and demo/).
  outDir: dirname(dirname(fileURLToPath(import.meta.url))),
  demo: demoRequested(),
});
