// Figure 3b, the window with 100 accounts (and with 3, the usual operator's):
// in Chromium, from navigation start to the Connections screen with every
// account card in the DOM, as a ratio to its floor. The page is
// the renderer's production build (served by the browser harness with its
// CSP); its window.netrex answers from the real services holding the 100
// accounts, all connected, over the harness's bridge.
//
// A MutationObserver installed before the page's scripts records
// performance.now() (milliseconds since navigation start) when the 100th card
// is in the DOM, and the next animation frame after it (informational). Every
// run opens a new browser context: no cache, no storage from the run before.
//
// The floor is the same final DOM and CSS with no script: the first (warm-up)
// run's document as Chromium holds it once the cards are there, its scripts
// and module preloads removed, served from a copy of the build by the same
// server (same headers, same stylesheet file) and timed the same way, in the
// same browser, pair by pair with ours (turns alternate who goes first).
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { AppServices } from '../main/app-services';
import { launchChromium } from '../test/support/browser';
import type { ProviderStandIn } from '../test/support/provider';
import { openRenderer } from '../test/support/renderer-harness';
import { RENDERER_BUILD_DIR, serveRenderer } from '../test/support/renderer-server';
import { makeTempDir } from '../test/support/temp-dir';
import { allConnected, openBenchServices, untilAccounts } from './bench-services';
import type { Fleet } from './fleet';
import { summarise, type Summary } from './stats';

/** One account card on the Connections screen (ConnectionsScreen.tsx, AccountCard.tsx). */
export const CARD_SELECTOR = '.account-list > li > article.account';

export interface RendererFigures {
  readonly accounts: number;
  /** Navigation start → every card in the DOM. */
  readonly cardsInDom: Summary;
  /** Navigation start → the animation frame after that (informational). */
  readonly nextFrame: Summary;
  /**
   * Navigation start → DOMContentLoaded done, which waits for the module
   * script: the bundle loaded and evaluated (informational).
   */
  readonly scriptDone: Summary;
  /** The static page of the same DOM and CSS: navigation start → every card in the DOM. */
  readonly floorCardsInDom: Summary;
  /** Ours / floor, per side-by-side pair. */
  readonly ratio: Summary;
  /** The size of the floor's HTML. */
  readonly floorHtmlBytes: number;
  readonly runs: number;
  readonly warmupRuns: number;
}

interface Marks {
  readonly cardsAt: number;
  readonly frameAt: number;
  readonly scriptDoneAt?: number;
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
  // The build and, beside it, the floor's page: one server serves both alike.
  const root = makeTempDir('netrex-bench-window-');
  cpSync(RENDERER_BUILD_DIR, root.path, { recursive: true });
  let browser: Browser | undefined;
  let services: AppServices | undefined;
  const server = await serveRenderer(root.path);
  try {
    services = await openBenchServices({
      dir: dir.path,
      cipher: fleet.cipher,
      portalUrl: portal.url,
    });
    await untilAccounts(services, allConnected(fleet.size), 'renderer start-up');
    browser = await launchChromium();
    // The first run gives the floor its page.
    const first = await renderOnce(browser, services, server, fleet.size, true);
    const floorHtml = staticCopyOf(first.html!);
    const floorUrl = `${server.url}floor.html`;
    writeFileSync(join(root.path, 'floor.html'), floorHtml);

    const cards: number[] = [];
    const frames: number[] = [];
    const scripts: number[] = [];
    const floor: number[] = [];
    for (let run = 1; run < warmupRuns + runs; run++) {
      const ours = () => renderOnce(browser!, services!, server, fleet.size);
      const bare = () => loadStatic(browser!, floorUrl, fleet.size);
      let marks: Marks;
      let floorMarks: Marks;
      if (run % 2 === 0) {
        marks = await ours();
        floorMarks = await bare();
      } else {
        floorMarks = await bare();
        marks = await ours();
      }
      if (run < warmupRuns) continue;
      cards.push(marks.cardsAt);
      frames.push(marks.frameAt);
      scripts.push(marks.scriptDoneAt!);
      floor.push(floorMarks.cardsAt);
    }
    return {
      accounts: fleet.size,
      cardsInDom: summarise(cards),
      nextFrame: summarise(frames),
      scriptDone: summarise(scripts),
      floorCardsInDom: summarise(floor),
      ratio: summarise(cards.map((ms, i) => ms / floor[i]!)),
      floorHtmlBytes: Buffer.byteLength(floorHtml),
      runs,
      warmupRuns,
    };
  } finally {
    await browser?.close();
    await services?.dispose();
    await server.close();
    root.dispose();
    dir.dispose();
  }
}

/**
 * The document with no script: script elements and module preloads removed,
 * everything else (the markup React made, the stylesheet link) as it was.
 */
export function staticCopyOf(html: string): string {
  const copy = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '');
  if (/<script\b/i.test(copy)) throw new Error('The static copy still holds a script.');
  return copy.startsWith('<!DOCTYPE') ? copy : `<!DOCTYPE html>${copy}`;
}

const observerScript = (spec: { selector: string; count: number; key: string }) =>
  // As source text, like the harness's own bridge: a TypeScript loader may
  // wrap inner functions in a `__name` helper that exists only in Node.
  `(() => { const __name = (f) => f; (${observeCards.toString()})(${JSON.stringify(spec)}); })();`;

/** The floor: the static page in a new context like ours, timed by the same observer. */
async function loadStatic(browser: Browser, url: string, count: number): Promise<Marks> {
  const context = await browser.newContext({
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1000, height: 760 },
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({
      content: observerScript({ selector: CARD_SELECTOR, count, key: MARKS_KEY }),
    });
    await page.goto(url);
    const marks = await withTimeout(
      page.evaluate(`window[${JSON.stringify(MARKS_KEY)}]`) as Promise<Marks>,
      30_000,
      `${count} cards did not appear in the static page`,
    );
    if (errors.length > 0) throw new Error(`The static page reported errors: ${errors.join('; ')}`);
    return marks;
  } finally {
    await context.close();
  }
}

async function renderOnce(
  browser: Browser,
  services: AppServices,
  server: Awaited<ReturnType<typeof serveRenderer>>,
  count: number,
  keepDom = false,
): Promise<Marks & { html?: string }> {
  const spec = { selector: CARD_SELECTOR, count, key: MARKS_KEY };
  const rendered = await openRenderer(browser, {
    handlers: services.handlers,
    events: services.events,
    server,
    beforeLoad: async (page) => {
      await page.addInitScript({ content: observerScript(spec) });
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
    const scriptDoneAt = (await rendered.page.evaluate(
      "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd",
    )) as number;
    if (!keepDom) return { ...marks, scriptDoneAt };
    await rendered.settled();
    return { ...marks, scriptDoneAt, html: await rendered.page.content() };
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
