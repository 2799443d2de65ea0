// The operator's own browser, for the end-to-end tests: a browser context of
// its own (nothing shared with the app's window), where every address the app
// opens lands in a new tab, as shell.openExternal does with a running browser.
// Each tab's hop to the app's scheme is caught through the DevTools protocol
// (catchSchemeRedirects) and handed to `onLink`, as the OS hands it to the app.
//
// A new tab per address is also what keeps the tests working: a tab that has
// handed a link to the app takes no more clicks or keys (Chromium's
// external-protocol prompt, see catchSchemeRedirects).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_SCHEME } from '../../main/auth/redirect-uri';
import type { Disposable } from '../../main/common/lifecycle';
import { catchSchemeRedirects, type SchemeRedirects } from './browser';

export interface SystemBrowser extends Disposable {
  /** The newest tab (where the last address opened); throws before the first. */
  readonly page: Page;
  /** Addresses opened and loaded, in order. */
  readonly loaded: readonly string[];
  /** Every `cz.netrex.connect:` link a tab tried to open, in order. */
  readonly links: readonly string[];
  /** Opens `url` in a new tab; resolves once its document is there. */
  open(url: string): Promise<void>;
  /** Resolves once `count` addresses have loaded. */
  whenLoaded(count: number): Promise<void>;
}

export async function openSystemBrowser(
  browser: Browser,
  options: { readonly locale?: string; readonly onLink: (url: string) => void },
): Promise<SystemBrowser> {
  const context: BrowserContext = await browser.newContext({ locale: options.locale ?? 'en-US' });
  const tabs: Page[] = [];
  const catchers: SchemeRedirects[] = [];
  const loaded: string[] = [];
  const links: string[] = [];
  const waiters = new Set<() => void>();

  return {
    get page() {
      const tab = tabs.at(-1);
      if (!tab) throw new Error('The system browser has not opened anything yet.');
      return tab;
    },
    loaded,
    links,
    async open(url) {
      const tab = await context.newPage();
      tab.setDefaultTimeout(10_000);
      tabs.push(tab);
      catchers.push(
        await catchSchemeRedirects(tab, APP_SCHEME, (link) => {
          links.push(link);
          options.onLink(link);
        }),
      );
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      loaded.push(url);
      for (const wake of [...waiters]) wake();
    },
    whenLoaded: (count) =>
      new Promise((resolve) => {
        const check = (): void => {
          if (loaded.length < count) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    async dispose() {
      for (const catcher of catchers.splice(0)) await catcher.dispose();
      await context.close().catch(() => undefined);
    },
  };
}
