// Figure 3b, the window with 100 accounts: in Chromium, from navigation start
// to the Connections screen with 100 account cards in the DOM. The page is
// the renderer's production build (served by the browser harness with its
// CSP); its window.netrex answers from the real services holding the 100
// accounts, all connected, over the harness's bridge.
//
// A MutationObserver installed before the page's scripts records
// performance.now() (milliseconds since navigation start) when the 100th card
// is in the DOM, and the next animation frame after it (informational). Every
// run opens a new browser context: no cache, no storage from the run before.
import type { Browser } from 'playwright-core';
import type { AppServices } from '../main/app-services';
import { launchChromium } from '../test/support/browser';
import type { ProviderStandIn } from '../test/support/provider';
import { openRenderer } from '../test/support/renderer-harness';
import { serveRenderer } from '../test/support/renderer-server';
import { allConnected, openBenchServices, untilAccounts } from './bench-services';
import type { Fleet } from './fleet';
import { summarise, type Summary } from './stats';

/** One account card on the Connections screen (ConnectionsScreen.tsx, AccountCard.tsx). */
export const CARD_SELECTOR = '.account-list > li > article.account';

export interface RendererFigures {
  /** Navigation start → 100 cards in the DOM. */
  readonly cardsInDom: Summary;
  /** Navigation start → the animation frame after that (informational). */
  readonly nextFrame: Summary;
  readonly runs: number;
  readonly warmupRuns: number;
}

interface Marks {
  readonly cardsAt: number;
  readonly frameAt: number;
}

/**
 * Runs in the page before its scripts: records when `count` cards are there,
 * and resolves `window[key]` (a promise) with the marks once the frame after
 * them has run.
 */
function observeCards(spec: { selector: string; count: number; key: string }): void {
  const marks: { cardsAt?: number; frameAt?: number } = {};
  let done: (value: typeof marks) => void = () => undefined;
  Object.defineProperty(window, spec.key, { value: new Promise((resolve) => (done = resolve)) });
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(spec.selector).length < spec.count) return;
    marks.cardsAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.frameAt = performance.now();
      done(marks);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

const MARKS_KEY = '__netrexBenchMarks';

export async function benchRenderer(
  portal: ProviderStandIn,
  fleet: Fleet,
  { runs, warmupRuns }: { runs: number; warmupRuns: number },
): Promise<RendererFigures> {
  const dir = fleet.copy();
  let browser: Browser | undefined;
  let services: AppServices | undefined;
  const server = await serveRenderer();
  try {
    services = await openBenchServices({
      dir: dir.path,
      cipher: fleet.cipher,
      portalUrl: portal.url,
    });
    await untilAccounts(services, allConnected(fleet.size), 'renderer start-up');
    browser = await launchChromium();
    const cards: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < warmupRuns + runs; run++) {
      const marks = await renderOnce(browser, services, server, fleet.size);
      if (run < warmupRuns) continue;
      cards.push(marks.cardsAt);
      frames.push(marks.frameAt);
    }
    return { cardsInDom: summarise(cards), nextFrame: summarise(frames), runs, warmupRuns };
  } finally {
    await browser?.close();
    await services?.dispose();
    await server.close();
    dir.dispose();
  }
}

async function renderOnce(
  browser: Browser,
  services: AppServices,
  server: Awaited<ReturnType<typeof serveRenderer>>,
  count: number,
): Promise<Marks> {
  const spec = { selector: CARD_SELECTOR, count, key: MARKS_KEY };
  const rendered = await openRenderer(browser, {
    handlers: services.handlers,
    events: services.events,
    server,
    // As source text, like the harness's own bridge: a TypeScript loader may
    // wrap inner functions in a `__name` helper that exists only in Node.
    beforeLoad: async (page) => {
      await page.addInitScript({
        content: `(() => { const __name = (f) => f; (${observeCards.toString()})(${JSON.stringify(spec)}); })();`,
      });
    },
  });
  try {
    // Awaits the page's own promise: no polling. (waitForFunction polls by
    // eval-ing its predicate in the page, which the app's CSP refuses; it only
    // worked when the cards were already there at its first, unpolled check.)
    const marks = await withTimeout(
      rendered.page.evaluate(`window[${JSON.stringify(MARKS_KEY)}]`) as Promise<Marks>,
      30_000,
      `${count} cards did not appear`,
    );
    if (rendered.pageErrors.length > 0) {
      throw new Error(`The page reported errors: ${rendered.pageErrors.join('; ')}`);
    }
    return marks;
  } finally {
    await rendered.close();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
