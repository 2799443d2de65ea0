// Launches Debian's Chromium through playwright-core for tests. Playwright's
// own browser download cannot work here, and no test may reach a host outside
// loopback: the host-resolver rule makes every other name fail to resolve.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** CHROMIUM_PATH, else /usr/bin/chromium, else a clear error on how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
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
  /** Resolves with the next custom-scheme URL (or one already seen and not yet taken). */
  next(): Promise<string>;
}

/**
 * Catches the browser's hop to a custom-scheme URL such as
 * `cz.netrex.connect:/oauth/callback/...`. Chromium never shows that hop to
 * Playwright's request events or routes (no network handler exists for the
 * scheme), but the DevTools protocol reports the request before it is dropped.
 */
export async function catchSchemeRedirects(
  page: Page,
  scheme: string,
  onUrl?: (url: string) => void,
): Promise<SchemeRedirects> {
  const prefix = `${scheme}:`;
  const seen: string[] = [];
  const queue: string[] = [];
  const waiters: Array<(url: string) => void> = [];
  const session = await page.context().newCDPSession(page);
  const onRequest = (event: { request: { url: string } }): void => {
    const url = event.request.url;
    if (!url.toLowerCase().startsWith(prefix.toLowerCase())) return;
    seen.push(url);
    onUrl?.(url);
    const waiter = waiters.shift();
    if (waiter) waiter(url);
    else queue.push(url);
  };
  session.on('Network.requestWillBeSent', onRequest);
  await session.send('Network.enable');
  return {
    seen,
    next() {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve) => waiters.push(resolve));
    },
    async dispose() {
      session.off('Network.requestWillBeSent', onRequest);
      await session.detach().catch(() => undefined);
    },
  };
}
