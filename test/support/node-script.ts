// Bundles a TypeScript script under test/support into one .mjs that Node 24
// runs directly. A child process started from the bundle is ready in about a
// tenth of a second, where `npx tsx` takes about one: tests that start
// dozens of children (the vault's kill test) stay fast.
import { build } from 'esbuild';

/** Bundles `entry` (and every package it imports) into `outfile`; returns `outfile`. */
export async function bundleNodeScript(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'warning',
    // CommonJS packages inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}
