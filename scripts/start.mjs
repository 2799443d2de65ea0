// `npm start` (and `npm run demo`): build, then run the app in Electron.
// Electron fetches its binary on first run; say so instead of failing mutely.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const hasBinary =
  existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
if (!hasBinary && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log(
    "Electron's binary is not installed yet: Electron downloads it now (about 100 MB, from GitHub).\n" +
      'Without internet access this fails; the browser tests (npm test) run the same app in Chromium.',
  );
}

const child = spawn(join(electronDir, 'cli.js'), ['.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(demo ? { NETREX_DEMO: '1' } : {}) },
});
child.on('exit', (code) => process.exit(code ?? 1));
