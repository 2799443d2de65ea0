// The setup every browser test file of this folder shares: one Chromium and
// one renderer server per file, and for the view-level tests (fixed data, not
// the real services) the windows a test opens, checked for page errors and
// closed when it ends.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { BridgeMethodName } from '../../main/ipc/contract';
import { launchChromium } from '../support/browser';
import type { RendererPage } from '../support/renderer-harness';
import { serveRenderer, type RendererServer } from '../support/renderer-server';
import { openView, type ViewOptions } from './ui-view';

export interface FileBrowser {
  readonly browser: Browser;
  readonly server: RendererServer;
}

/** Starts Chromium and the renderer server before the file's first test, stops them after its last. */
export function browserForFile(): FileBrowser {
  let browser: Browser | undefined;
  let server: RendererServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserForFile: used outside a test');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get server() {
      return started(server);
    },
  };
}

export interface ViewSuite extends FileBrowser {
  /** Opens the window on fixed data for this test; checked and closed when the test ends. */
  open(options: Omit<ViewOptions, 'server'>): Promise<Page>;
  /** The window the running test opened last; throws before it opened one. */
  readonly view: RendererPage;
  /** The arguments of every call to `name` the window made so far, in order. */
  calls(name: BridgeMethodName): unknown[][];
}

export function viewSuite(): ViewSuite {
  const shared = browserForFile();
  const opened: RendererPage[] = [];
  afterEach(async () => {
    const views = opened.splice(0);
    try {
      for (const view of views) expect(view.pageErrors).toEqual([]);
    } finally {
      for (const view of views) await view.close();
    }
  });
  const current = (): RendererPage => {
    const view = opened.at(-1);
    if (!view) throw new Error('viewSuite: the test has not opened a window yet');
    return view;
  };
  return {
    get browser() {
      return shared.browser;
    },
    get server() {
      return shared.server;
    },
    async open(options) {
      const view = await openView(shared.browser, { server: shared.server, ...options });
      opened.push(view);
      return view.page;
    },
    get view() {
      return current();
    },
    calls: (name) =>
      (opened.at(-1)?.messages ?? [])
        .filter((m) => m.direction === 'call' && m.name === name)
        .map((m) => m.payload as unknown[]),
  };
}
