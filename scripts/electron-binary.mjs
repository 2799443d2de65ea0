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

/**
 * What `npm start` says when Electron exited with an error and its binary was
 * missing before and is still missing after: the download on first run failed
 * (no internet access to GitHub, a proxy, a firewall). Null otherwise — then
 * Electron started and the app's own error is above.
 * @param {{ before: ElectronBinaryLike, after: ElectronBinaryLike, exitCode: number | null, version: string }} outcome
 * @returns {string | null}
 */
export function downloadFailureAdvice({ before, after, exitCode, version }) {
  if (exitCode === 0 || before.found || after.found) return null;
  return [
    `Netrex Connect did not start: Electron ${version} is not installed (${before.why ?? 'not found'}) and could not be downloaded.`,
    'Electron fetches its binary (about 100 MB) from github.com on the first run. To fix it, either:',
    '  - connect to the internet (or allow github.com) and run the command again;',
    '  - set ELECTRON_MIRROR to a mirror you can reach (behind a proxy also ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY);',
    `  - or unpack Electron ${version} for this system yourself and set ELECTRON_OVERRIDE_DIST_PATH to that folder.`,
    'Nothing else needs it: the tests (npm test) run the same app in Chromium.',
  ].join('\n');
}

/** @typedef {{ found: boolean, why?: string }} ElectronBinaryLike */
