// Where Electron's executable is, found WITHOUT require('electron'): that
// module downloads the binary when it is missing, which must never happen as
// a side effect here. Mirrors node_modules/electron/index.js: path.txt names
// the executable inside dist/, and ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
// Shared by scripts/start.mjs and the Electron end-to-end spec.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ found: true, path: string } | { found: false, why: string }}
 */
export function findElectronBinary(env = process.env) {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return existsSync(path)
      ? { found: true, path }
      : { found: false, why: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  if (!relative) {
    return {
      found: false,
      why: 'node_modules/electron/path.txt is missing: the binary was never downloaded (no internet at install), and ELECTRON_OVERRIDE_DIST_PATH is not set',
    };
  }
  const path = join(electronDir, 'dist', relative);
  return existsSync(path) ? { found: true, path } : { found: false, why: `${path} does not exist` };
}
