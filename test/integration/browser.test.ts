import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { catchSchemeRedirects, findChromium, launchChromium } from '../support/browser';
import { listenOnLoopback, type LoopbackServer } from '../support/loopback-server';

const SCHEME = 'cz.netrex.connect';

describe('findChromium', () => {
  it('refuses a CHROMIUM_PATH that does not exist, naming it', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /CHROMIUM_PATH points to \/nonexistent\/chromium/,
    );
  });

  it("takes Debian's Chromium without CHROMIUM_PATH, and says how to install one when there is none", () => {
    expect(findChromium({}, process.execPath)).toBe(process.execPath);
    expect(() => findChromium({}, '/nonexistent/usr/bin/chromium')).toThrow(
      /No Chromium found .*apt-get install -y chromium.*CHROMIUM_PATH/,
    );
  });
});

describe('the test browser', () => {
  let browser: Browser;
  let site: LoopbackServer;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await listenOnLoopback((req, res) => {
      const callback = `${SCHEME}:/oauth/callback/demo?code=c0de&state=st4te`;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: callback }).end();
      } else if (req.url === '/form' && req.method === 'GET') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<form method="post" action="/form"><button name="decision" value="allow">Allow</button></form>',
          );
      } else if (req.url === '/form' && req.method === 'POST') {
        res.writeHead(302, { location: `${callback}&via=form` }).end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>loopback ok</h1>');
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads pages from loopback', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await expect(page.textContent('h1')).resolves.toBe('loopback ok');
    await page.close();
  });

  it('cannot resolve any host outside loopback', async () => {
    const page = await browser.newPage();
    await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });

  it('catches a 302 to the custom scheme through CDP', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, SCHEME);
    await page.goto(`${site.url}/redirect`).catch(() => undefined);
    await expect(redirects.next()).resolves.toBe(
      `${SCHEME}:/oauth/callback/demo?code=c0de&state=st4te`,
    );
    await redirects.dispose();
    await page.close();
  });

  it('catches the hop after a form post (the consent page)', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, SCHEME);
    await page.goto(`${site.url}/form`);
    const next = redirects.next();
    await page.click('button[value=allow]');
    await expect(next).resolves.toMatch(/via=form$/);
    expect(redirects.seen).toHaveLength(1);
    await redirects.dispose();
    await page.close();
  });

  it('a tab that loads another page after handing a link over fails fast instead of waiting', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, SCHEME);
    await page.goto(`${site.url}/redirect`).catch(() => undefined);
    await redirects.next();
    const waiting = redirects.next().catch((error: unknown) => error);
    await page.goto(`${site.url}/form`);
    expect(String(await waiting)).toMatch(/already handed a cz\.netrex\.connect: link.*new tab/);
    await expect(redirects.next()).rejects.toThrow(/new tab/);
    await redirects.dispose();
    await page.close();
  });

  it('ignores other schemes and ordinary navigations', async () => {
    const page = await browser.newPage();
    const redirects = await catchSchemeRedirects(page, SCHEME);
    await page.goto(site.url);
    await page.goto(`${site.url}/other`);
    expect(redirects.seen).toEqual([]);
    await redirects.dispose();
    await page.close();
  });
});
