// Starts the embedded portal stand-in for demo mode. The stand-in is test
// code: it is bundled separately (scripts/build.mjs --demo → out/demo/) and
// loaded by a computed path, so no byte of it is in the normal app's bundle
// and a packaged build (which leaves out/demo/ out) cannot start it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoPortal } from '../demo-portal';

export const DEMO_ENV = 'NETREX_DEMO';

export function demoRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[DEMO_ENV] === '1';
}

interface DemoModule {
  startDemoPortal(): Promise<DemoPortal>;
}

export async function startEmbeddedDemoPortal(outDir: string): Promise<DemoPortal> {
  const entry = join(outDir, 'demo', 'portal.mjs');
  if (!existsSync(entry)) {
    throw new Error(
      'Demo mode needs the portal stand-in, which is not built: run "npm run demo" (it builds it).',
    );
  }
  const module = (await import(pathToFileURL(entry).href)) as DemoModule;
  return module.startDemoPortal();
}
