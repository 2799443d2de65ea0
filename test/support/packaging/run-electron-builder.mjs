// Runs electron-builder's own `build()` (the pinned app-builder-lib) in a
// process of its own, for the packaging test: a child keeps electron-builder's
// exit hooks and environment out of the test worker and lets the test put a
// recording `codesign` on PATH. Every target stops where electron-builder
// itself offers to stop — its `effectiveOptionComputed` hook, called with what
// it would hand fpm (deb), appimagetool (AppImage) or makensis (NSIS) — since
// those tools are downloaded at build time and cannot be here.
//
// electron-builder reads the project's electron-builder.yml itself (as `npm run
// dist` does); `overrides` is merged over it the way it merges its
// command-line configuration (only where Electron and the output come from).
//
//   node run-electron-builder.mjs '<json: { projectDir, overrides, platform, targets, arch, captureFile }>'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const request = JSON.parse(process.argv[2] ?? '{}');
const require = createRequire(join(request.projectDir, 'package.json'));
const { build, Platform, Arch } = require('electron-builder');

const captured = [];
const platform = { linux: Platform.LINUX, mac: Platform.MAC, win: Platform.WINDOWS }[
  request.platform
];
try {
  await build({
    projectDir: request.projectDir,
    config: request.overrides,
    targets: platform.createTarget(request.targets, Arch[request.arch]),
    publish: 'never',
    effectiveOptionComputed: async (options) => {
      // The deb hook gets [fpm args, desktop entry file]: the file is in a
      // temporary folder electron-builder removes, so its text is kept too.
      const isFile = (item) =>
        typeof item === 'string' && existsSync(item) && statSync(item).isFile();
      captured.push(
        Array.isArray(options)
          ? [...options, ...options.filter(isFile).map((file) => readFileSync(file, 'utf8'))]
          : options,
      );
      return true; // electron-builder stops this target here
    },
  });
} catch (error) {
  console.error(`electron-builder failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
writeFileSync(request.captureFile, JSON.stringify(captured));
