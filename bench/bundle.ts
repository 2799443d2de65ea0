// Figure 5, the renderer bundle: every JavaScript file of the production
// build (out/renderer/assets/*.js), gzipped at zlib's default level (what
// Vite's own size report uses) and summed. KB here is 1,000 bytes, as Vite
// prints it (the stricter reading of the target). The size is deterministic
// for one build: it is measured once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_BUILD_DIR } from '../test/support/renderer-server';

export interface BundleFigures {
  readonly files: readonly {
    readonly name: string;
    readonly bytes: number;
    readonly gzipBytes: number;
  }[];
  readonly gzipKb: number;
  readonly rawKb: number;
}

export function measureBundle(root = RENDERER_BUILD_DIR): BundleFigures {
  const assets = join(root, 'assets');
  let names: string[];
  try {
    names = readdirSync(assets).filter((name) => name.endsWith('.js'));
  } catch {
    throw new Error(
      `No renderer build at ${root}. Build it first: node scripts/build.mjs --renderer`,
    );
  }
  if (names.length === 0) throw new Error(`${assets} holds no JavaScript.`);
  const files = names.sort().map((name) => {
    const content = readFileSync(join(assets, name));
    return { name, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const sum = (pick: (f: (typeof files)[number]) => number) =>
    files.reduce((total, f) => total + pick(f), 0) / 1000;
  return { files, gzipKb: sum((f) => f.gzipBytes), rawKb: sum((f) => f.bytes) };
}
