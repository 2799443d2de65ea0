// One Chromium and one renderer server per test file; each test opens the
// whole app (openApp) and, when it ends, the shared checks run: no secret in
// any bridge message, the final DOM, a field, or anything the window showed
// at any moment (leak-search.ts), and no page error. Then the app, its
// stand-ins and its data folder are closed.
import { afterEach, expect } from 'vitest';
import { openApp, type AppUnderTest, type OpenAppOptions } from '../support/app-harness';
import { browserForFile } from './ui-suite';

export interface AppSuite {
  /** Opens the app for this test; it is checked and closed after the test. */
  open(options?: OpenAppOptions): Promise<AppUnderTest>;
}

export function appSuite(): AppSuite {
  const shared = browserForFile();
  const open: AppUnderTest[] = [];

  afterEach(async () => {
    const apps = open.splice(0);
    try {
      for (const app of apps) {
        // Guards against a search that finds nothing because there was nothing to search.
        expect(app.secrets().length).toBeGreaterThan(2);
        expect((await app.window.domRecord?.texts())?.length).toBeGreaterThan(10);
        expect(await app.leaks()).toEqual([]);
        expect(app.window.pageErrors).toEqual([]);
      }
    } finally {
      for (const app of apps) await app.close();
    }
  });
  return {
    async open(options = {}) {
      const app = await openApp(shared.browser, { server: shared.server, ...options });
      open.push(app);
      return app;
    },
  };
}
