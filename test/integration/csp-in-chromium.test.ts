// The page's Content-Security-Policy as Chromium reads it. CSP Level 3 (§3.3)
// says a <meta> policy cannot carry frame-ancestors, and Chromium logs a
// console error for each load that puts it there; the header is where it
// belongs. So: the app's page loads without a single CSP message in the
// console, and another page still cannot frame it, because the header the
// app:// handler sends (appResponseHeaders) carries frame-ancestors 'none'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { APP_CONTENT_SECURITY_POLICY } from '../../main/desktop/app-protocol-paths';
import { launchChromium } from '../support/browser';
import { listenOnLoopback, type LoopbackServer } from '../support/loopback-server';
import { openRenderer } from '../support/renderer-harness';
import { serveRenderer, type RendererServer } from '../support/renderer-server';
import { fixedHandlers, world } from '../e2e/ui-fixtures';

/** A page on another loopback origin that tries to show `target` in a frame. */
async function framingPage(target: string): Promise<LoopbackServer> {
  return listenOnLoopback((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>framer</title><iframe id="app" src="${target}"></iframe>`);
  });
}

describe("the page's CSP in Chromium", () => {
  let browser: Browser;
  let server: RendererServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the app with no CSP message in the console (none about frame-ancestors in the meta tag)', async () => {
    const view = await openRenderer(browser, { server, handlers: fixedHandlers(world()) });
    try {
      await view.page.getByRole('navigation').waitFor();
      const aboutCsp = view.consoleMessages.filter((line) =>
        /content security policy|frame-ancestors|<meta>/i.test(line.text),
      );
      expect(aboutCsp).toEqual([]);
      expect(view.pageErrors).toEqual([]);
    } finally {
      await view.close();
    }
  });

  it("still refuses to be framed by another page: the header carries frame-ancestors 'none'", async () => {
    expect(APP_CONTENT_SECURITY_POLICY.split('; ')).toContain("frame-ancestors 'none'");
    const framer = await framingPage(server.url);
    const page = await browser.newPage();
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    try {
      const answer = page.waitForResponse((response) => response.url() === server.url);
      await page.goto(framer.url);
      expect((await answer).headers()['content-security-policy']).toBe(APP_CONTENT_SECURITY_POLICY);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
      expect(console.join('\n')).toMatch(/frame-ancestors 'none'/);
    } finally {
      await page.close();
      await framer.close();
    }
  });

  it('control: the same page without the header loads inside the frame (the check above can fail)', async () => {
    const plain = await listenOnLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p id="inside">framed</p>');
    });
    const framer = await framingPage(plain.url);
    const page = await browser.newPage();
    try {
      await page.goto(framer.url);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await expect.poll(() => frame?.url()).toBe(`${plain.url}/`);
      await expect(frame?.textContent('#inside')).resolves.toBe('framed');
    } finally {
      await page.close();
      await framer.close();
      await plain.close();
    }
  });
});
