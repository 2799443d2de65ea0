// `npm start` (and `npm run demo`): build, then run the app in Electron.
// Electron fetches its binary on first run; say so instead of failing mutely.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadFailureAdvice, findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');

const built = spawnSync(
  process.execPath,
  [join(root, 'scripts/build.mjs'), ...(demo ? ['--demo'] : [])],
  { stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');
const binary = findElectronBinary();
if (!binary.found) {
  console.log(
    `Electron's binary is not installed yet (${binary.why}): Electron downloads it now (about 100 MB, from GitHub).\n` +
      'Without internet access this fails; the browser tests (npm test) run the same app in Chromium.',
  );
}

const child = spawn(process.execPath, [join(electronDir, 'cli.js'), '.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(demo ? { NETREX_DEMO: '1' } : {}) },
});
child.on('exit', (code) => {
  // Electron's own error (a stack from its installer) is above; say plainly what to do.
  const advice = downloadFailureAdvice({
    before: binary,
    after: findElectronBinary(),
    exitCode: code,
    version,
  });
  if (advice) console.error(`\n${advice}`);
  process.exit(code ?? 1);
});
