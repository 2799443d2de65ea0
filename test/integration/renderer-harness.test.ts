// The browser harness itself: the static server serves only the build, with
// the page's CSP; the page gets exactly the contract as window.netrex; every
// message is recorded; events arrive; the CSP stays enforced.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { APP_CONTENT_SECURITY_POLICY } from '../../main/desktop/app-protocol-paths';
import { BRIDGE_EVENTS, BRIDGE_METHODS, type NetrexBridge } from '../../main/ipc/contract';
import { createBridgeEventHub } from '../../main/services/bridge-events';
import { findAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { openRenderer } from '../support/renderer-harness';
import { readBuildCsp, serveRenderer, type RendererServer } from '../support/renderer-server';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { CONNECTED, fixedHandlers, world } from '../e2e/ui-fixtures';

/** The page's window as the renderer sees it (its .d.ts is not part of this program). */
type BridgeWindow = { netrex: NetrexBridge };

/** A raw request, so paths reach the server exactly as written (no client normalisation). */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the renderer server', () => {
  const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
  let dir: TempDir;
  let build: string;
  let server: RendererServer;

  beforeAll(async () => {
    dir = makeTempDir();
    build = join(dir.path, 'renderer');
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(
      join(build, 'index.html'),
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}" /><p>index</p>`,
    );
    writeFileSync(join(build, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'OUTSIDE-THE-BUILD');
    symlinkSync(join(dir.path, 'secret.txt'), join(build, 'assets', 'link.js'));
    server = await serveRenderer(build);
  });

  afterAll(async () => {
    await server?.close();
    dir?.dispose();
  });

  it("serves the build with the app's CSP as a header, as the app:// handler does", async () => {
    expect(server.metaCsp).toBe(CSP);
    const index = await rawGet(server.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawGet(server.url, '/assets/app.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['content-security-policy']).toBe(APP_CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/link.js',
    '/assets/',
    '/nothing.js',
  ])('refuses %s', async (path) => {
    const answer = await rawGet(server.url, path);
    expect([403, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('OUTSIDE-THE-BUILD');
  });

  it('refuses NUL bytes, bad escapes and other methods', async () => {
    expect((await rawGet(server.url, '/index.html%00.js')).status).toBe(400);
    expect((await rawGet(server.url, '/%E0%A4%A')).status).toBe(400);
    expect((await rawGet(server.url, '/', 'POST')).status).toBe(405);
  });

  it('says how to build when there is no build', () => {
    expect(() => readBuildCsp(join(dir.path, 'missing'))).toThrow(
      /node scripts\/build\.mjs --renderer/,
    );
  });
});

describe('openRenderer', () => {
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

  it("serves the real build with the app's CSP header; its meta tag repeats the page's part", async () => {
    const meta = readFileSync(new URL('../../out/renderer/index.html', import.meta.url), 'utf8');
    expect(meta).toContain(server.metaCsp);
    expect(server.csp).toBe(APP_CONTENT_SECURITY_POLICY);
    expect((await rawGet(server.url, '/')).headers['content-security-policy']).toBe(server.csp);
  });

  it('gives the page exactly the contract as a frozen window.netrex, and records every call', async () => {
    const view = await openRenderer(browser, { server, handlers: fixedHandlers(world()) });
    try {
      await view.page.getByRole('navigation').waitFor();
      const shape = await view.page.evaluate(() => ({
        keys: Object.keys((window as unknown as BridgeWindow).netrex).sort(),
        frozen: Object.isFrozen((window as unknown as BridgeWindow).netrex),
      }));
      expect(shape.keys).toEqual([...BRIDGE_METHODS, ...Object.keys(BRIDGE_EVENTS)].sort());
      expect(shape.frozen).toBe(true);
      const answer = await view.page.evaluate(() =>
        (window as unknown as BridgeWindow).netrex.checkNow('nobody'),
      );
      expect(answer).toEqual({
        ok: false,
        error: { code: 'unknown_account', message: 'No such account.' },
      });
      const last = view.messages.slice(-2);
      expect(last.map((m) => [m.direction, m.name, m.payload])).toEqual([
        ['call', 'checkNow', ['nobody']],
        ['answer', 'checkNow', answer],
      ]);
      // The renderer's own start-up calls were recorded too, each with its answer.
      const started = view.messages.filter((m) => m.direction === 'call').map((m) => m.name);
      expect(started).toEqual(
        expect.arrayContaining(['getAppInfo', 'listProviders', 'listAccounts']),
      );
      expect(view.transcript()).toContain('"checkNow"');
      expect(view.pageErrors).toEqual([]);
    } finally {
      await view.close();
    }
  });

  it('rejects in the page when a handler throws, and records it', async () => {
    const handlers = fixedHandlers(world(), {
      signOut: () => Promise.reject(new Error('handler exploded')),
    });
    const view = await openRenderer(browser, { server, handlers });
    try {
      const outcome = await view.page.evaluate(() =>
        (window as unknown as BridgeWindow).netrex.signOut('a1').then(
          () => 'resolved',
          (error: Error) => `rejected: ${error.message}`,
        ),
      );
      expect(outcome).toMatch(/rejected: .*handler exploded/);
      expect(view.messages.at(-1)).toMatchObject({ direction: 'thrown', name: 'signOut' });
      const bogus = await view.page.evaluate(() =>
        (window as unknown as { __netrexBridgeCall: (n: string, a: unknown[]) => Promise<unknown> })
          .__netrexBridgeCall('readVaultFile', [])
          .then(
            () => 'resolved',
            () => 'refused',
          ),
      );
      expect(bogus).toBe('refused');
    } finally {
      await view.close();
    }
  });

  it('pushes events from an event source to subscribed listeners, in order, and stops after unsubscribe', async () => {
    const listeners = new Set<(accounts: unknown) => void>();
    const events = {
      on: (name: string, listener: (payload: never) => void) => {
        if (name === 'accounts-changed') listeners.add(listener as (a: unknown) => void);
        return { dispose: () => void listeners.delete(listener as (a: unknown) => void) };
      },
    };
    const view = await openRenderer(browser, {
      server,
      handlers: fixedHandlers(world({ accounts: [CONNECTED] })),
      events,
    });
    try {
      await view.page.getByRole('navigation').waitFor();
      await view.page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        const stop = (window as unknown as BridgeWindow).netrex.onAccountsChanged((accounts) => {
          seen.push(accounts.map((a) => a.label).join(','));
          if (seen.length === 2) stop();
        });
      });
      for (const label of ['one', 'two', 'three']) {
        for (const listener of listeners) listener([{ ...CONNECTED, label }]);
      }
      await view.settled();
      expect(
        await view.page.evaluate(() => (window as unknown as { seen: string[] }).seen),
      ).toEqual(['one', 'two']);
      expect(view.messages.filter((m) => m.direction === 'event')).toHaveLength(3);
      // The renderer itself is subscribed too: its cards follow the events.
      await view.page.getByRole('heading', { name: 'three' }).waitFor({ timeout: 5_000 });
    } finally {
      await view.close();
    }
    expect(listeners.size).toBe(0);
  });

  it('tells the services’ event source the page is ready: notices held before it loaded appear', async () => {
    const hub = createBridgeEventHub(() => Date.now());
    hub.notice('warning', {
      code: 'managed_config_invalid',
      message: 'Held since start-up.',
      params: { file: '/etc/netrex-connect/managed.json' },
    });
    const view = await openRenderer(browser, {
      server,
      handlers: fixedHandlers(world()),
      events: hub,
    });
    try {
      await view.page
        .getByRole('alert')
        .getByText("The managed configuration /etc/netrex-connect/managed.json isn't valid.", {
          exact: false,
        })
        .waitFor({ timeout: 5_000 });
    } finally {
      await view.close();
      await hub.dispose();
    }
  });

  it('keeps the CSP enforced in the page, and axe-core still runs', async () => {
    const view = await openRenderer(browser, { server, handlers: fixedHandlers(world()) });
    try {
      await view.page.getByRole('navigation').waitFor();
      const ran = await view.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
        return 'inlineRan' in window;
      });
      expect(ran).toBe(false);
      await view.page.waitForFunction(() => true);
      expect(view.pageErrors.some((e) => e.startsWith('CSP violation: script-src'))).toBe(true);
      expect(await findAxeViolations(view.page)).toEqual([]);
    } finally {
      await view.close();
    }
  });
});
