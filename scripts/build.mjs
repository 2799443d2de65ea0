// Builds what the app runs: the renderer with Vite (out/renderer) and the
// main process and preload with esbuild (out/main, out/preload).
//   node scripts/build.mjs             everything
//   node scripts/build.mjs --renderer  the renderer only (what the browser tests serve)
//   node scripts/build.mjs --demo      everything, plus the portal stand-in for demo mode
//                                      (out/demo/, loaded only when NETREX_DEMO=1; never packaged)
//   node scripts/build.mjs --out=DIR   into DIR instead of out/ (the packaging test builds a
//                                      project of its own in a temporary folder)
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { rmSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rendererOnly = process.argv.includes('--renderer');
const demo = process.argv.includes('--demo');
const outArg = process.argv.find((arg) => arg.startsWith('--out='));
const out = outArg ? resolve(outArg.slice('--out='.length)) : join(root, 'out');

await viteBuild({
  configFile: join(root, 'renderer/vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(out, 'renderer') },
});

if (!rendererOnly) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node24',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
  await esbuild({
    ...common,
    entryPoints: [join(root, 'main/index.ts')],
    outfile: join(out, 'main/index.mjs'),
    format: 'esm',
    // Bundled CommonJS dependencies still call require(); give them one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  // A sandboxed preload must be a single CommonJS script.
  await esbuild({
    ...common,
    entryPoints: [join(root, 'main/preload/index.ts')],
    outfile: join(out, 'preload/index.cjs'),
    format: 'cjs',
    platform: 'browser',
  });
  if (demo) {
    await esbuild({
      ...common,
      entryPoints: [join(root, 'scripts/demo-portal.ts')],
      outfile: join(out, 'demo/portal.mjs'),
      format: 'esm',
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
  } else {
    // A stale stand-in from an earlier demo build must not linger next to a normal build.
    rmSync(join(out, 'demo'), { recursive: true, force: true });
  }
}
console.log(
  `built ${rendererOnly ? 'renderer' : `renderer, main and preload${demo ? ' and the demo portal' : ''}`} into ${outArg ? out : 'out/'}`,
);
