// Launches Debian's Chromium through playwright-core for tests. Playwright's
// own browser download cannot work here, and no test may reach a host outside
// loopback: the host-resolver rule makes every other name fail to resolve.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Disposable } from '../../main/common/lifecycle';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Where Debian's chromium package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** CHROMIUM_PATH, else Debian's Chromium, else a clear error on how to get one. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  debianChromium: string = DEBIAN_CHROMIUM,
): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  if (existsSync(debianChromium)) return debianChromium;
  throw new Error(
    'No Chromium found for the browser tests. Install Debian\'s: "sudo apt-get install -y chromium", ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

export async function launchChromium(options: { env?: NodeJS.ProcessEnv } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(options.env),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

export interface SchemeRedirects extends Disposable {
  /** Every custom-scheme URL the page tried to open, in order. */
  readonly seen: readonly string[];
  /**
   * Resolves with the next custom-scheme URL (or one already seen and not yet
   * taken). Rejects, naming the rule, once the tab has loaded another page
   * after handing a link over: that tab takes no more input (see below).
   */
  next(): Promise<string>;
}

/**
 * Catches the browser's hop to a custom-scheme URL such as
 * `cz.netrex.connect:/oauth/callback/...`. Chromium never shows that hop to
 * Playwright's request events or routes (no network handler exists for the
 * scheme), but the DevTools protocol reports the request before it is dropped.
 *
 * A tab is spent once it has handed a link over. Some 50–300 ms after the hop
 * (once the OS has been asked for a handler, longer under load) Chromium puts
 * up its external-protocol prompt, tab-modal and invisible in headless mode,
 * and from then on drops every mouse and key event sent to that tab, across
 * later same-site navigations too: a click on the next page's form lands
 * nowhere and the next link never comes. Scripts still run and other tabs are
 * unaffected. So every authorization gets a tab of its own (as the operator's
 * browser opens one per address the app hands it), and a tab that loads
 * another page after a hop fails fast here instead of waiting forever.
 */
export async function catchSchemeRedirects(
  page: Page,
  scheme: string,
  onUrl?: (url: string) => void,
): Promise<SchemeRedirects> {
  const prefix = `${scheme}:`;
  const seen: string[] = [];
  const queue: string[] = [];
  const waiters: Array<{ resolve: (url: string) => void; reject: (error: Error) => void }> = [];
  let spent: Error | undefined;
  const session = await page.context().newCDPSession(page);
  const onRequest = (event: { request: { url: string } }): void => {
    const url = event.request.url;
    if (!url.toLowerCase().startsWith(prefix.toLowerCase())) return;
    seen.push(url);
    onUrl?.(url);
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(url);
    else queue.push(url);
  };
  const onNavigated = (frame: Frame): void => {
    if (frame !== page.mainFrame() || seen.length === 0 || spent) return;
    spent = new Error(
      `This tab already handed a ${prefix} link to the app and then loaded ${frame.url()}: ` +
        'Chromium takes no more clicks or keys in it. Open each authorization in a new tab.',
    );
    for (const waiter of waiters.splice(0)) waiter.reject(spent);
  };
  session.on('Network.requestWillBeSent', onRequest);
  page.on('framenavigated', onNavigated);
  await session.send('Network.enable');
  return {
    seen,
    next() {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (spent) return Promise.reject(spent);
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    async dispose() {
      session.off('Network.requestWillBeSent', onRequest);
      page.off('framenavigated', onNavigated);
      await session.detach().catch(() => undefined);
    },
  };
}
