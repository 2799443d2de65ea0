// One Chromium and one renderer server per test file; each test opens the
// whole app (openApp) and, when it ends, the shared checks run: no secret in
// any bridge message, the final DOM or a field (leak-search.ts), and no page
// error. Then the app, its stand-ins and its data folder are closed.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openApp, type AppUnderTest, type OpenAppOptions } from '../support/app-harness';
import { launchChromium } from '../support/browser';
import { serveRenderer, type RendererServer } from '../support/renderer-server';

export interface AppSuite {
  /** Opens the app for this test; it is checked and closed after the test. */
  open(options?: OpenAppOptions): Promise<AppUnderTest>;
}

export function appSuite(): AppSuite {
  let browser: Browser | undefined;
  let server: RendererServer | undefined;
  const open: AppUnderTest[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });
  afterEach(async () => {
    const apps = open.splice(0);
    try {
      for (const app of apps) {
        // Guards against a search that finds nothing because there was nothing to search.
        expect(app.secrets().length).toBeGreaterThan(2);
        expect(await app.leaks()).toEqual([]);
        expect(app.window.pageErrors).toEqual([]);
      }
    } finally {
      for (const app of apps) await app.close();
    }
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  return {
    async open(options = {}) {
      if (!browser || !server) throw new Error('appSuite: open() runs inside a test');
      const app = await openApp(browser, { server, ...options });
      open.push(app);
      return app;
    },
  };
}
