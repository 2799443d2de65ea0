// The stand-in in a real browser: the operator's sign-in from the
// authorization URL through the login form and the consent dialog to the
// redirect into the app (custom scheme, caught through CDP, or loopback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as oauth from 'oauth4webapi';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { catchSchemeRedirects, launchChromium } from '../../support/browser';
import { listenOnLoopback, type LoopbackServer } from '../../support/loopback-server';
import { DEFAULT_CONFIG, startProvider, type ProviderStandIn } from '../../support/provider';
import {
  authorizeParams,
  authorizeUrl,
  cameraList,
  CLIENT_ID,
  CLIENT_SECRET,
  makePkce,
  REDIRECT_URI,
} from '../../support/portal-client';

let browser: Browser;
let portal: ProviderStandIn;
let app: LoopbackServer;
/** The app's callback path on its loopback server. */
const CALLBACK_PATH = '/oauth/callback/demo';
/** Callbacks the loopback server received (path and query). */
const loopbackHits: string[] = [];

beforeAll(async () => {
  app = await listenOnLoopback((req, res) => {
    // Chromium asks the page's origin for /favicon.ico too, sometimes after the
    // callback: like the app's own listener, only the callback path counts.
    const target = req.url ?? '/';
    if (new URL(target, 'http://127.0.0.1').pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    loopbackHits.push(target);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>You can close this tab</h1>');
  });
  const client = DEFAULT_CONFIG.clients[0]!;
  portal = await startProvider({
    clients: [
      { ...client, redirect_uris: [...client.redirect_uris, `${app.url}${CALLBACK_PATH}`] },
    ],
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await app?.close();
});

describe('sign-in in Chromium', () => {
  it('wrong password, then login, consent, allow: the custom-scheme redirect carries a code that works', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    const pkce = makePkce();
    await page.goto(
      authorizeUrl(
        portal,
        authorizeParams({
          scope: 'read,liveview,events',
          code_challenge: pkce.challenge,
          code_challenge_method: 'S256',
        }),
      ),
    );

    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await expect(page.textContent('#error')).resolves.toMatch(/Wrong username or password/);

    await page.fill('input[name=password]', 'operator');
    await page.click('button[type=submit]');
    await page.waitForSelector('button[name=decision][value=allow]');
    await expect(page.textContent('#client-name')).resolves.toBe('Netrex Connect (demo)');
    const rights = await page.$$eval('#rights li', (items) =>
      items.map((item) => item.getAttribute('data-right')),
    );
    expect(rights).toEqual(['read', 'liveview', 'events']);

    const next = redirects.next();
    await page.click('button[name=decision][value=allow]');
    const callback = new URL(await next);
    expect(`${callback.protocol}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('st4te-123');
    // The sign-in needed no cookie: everything rode in the hidden field.
    expect(await context.cookies()).toEqual([]);

    const as: oauth.AuthorizationServer = {
      issuer: portal.url,
      token_endpoint: `${portal.url}/oauth2/token`,
    };
    const client: oauth.Client = { client_id: CLIENT_ID };
    const params = oauth.validateAuthResponse(as, client, callback, 'st4te-123');
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(CLIENT_SECRET),
      params,
      REDIRECT_URI,
      pkce.verifier,
      { [oauth.allowInsecureRequests]: true },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.scope).toBe('read,liveview,events');
    expect((await cameraList(portal, tokens.access_token)).body).toEqual({
      data: {
        cameraList: [{ name: 'Entrance' }, { name: 'Parking lot' }, { name: 'Warehouse' }],
      },
    });
    await redirects.dispose();
    await context.close();
  });

  it('deny: the redirect says access_denied', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const redirects = await catchSchemeRedirects(page, APP_SCHEME);
    await page.goto(authorizeUrl(portal, authorizeParams()));
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'operator');
    await page.click('button[type=submit]');
    const next = redirects.next();
    await page.click('button[name=decision][value=deny]');
    const callback = new URL(await next);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
    await redirects.dispose();
    await context.close();
  });

  it('a loopback redirect lands on the app’s loopback server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(
      authorizeUrl(portal, authorizeParams({ redirect_uri: `${app.url}${CALLBACK_PATH}` })),
    );
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'operator');
    await page.click('button[type=submit]');
    await Promise.all([
      page.waitForURL(`${app.url}${CALLBACK_PATH}?**`),
      page.click('button[name=decision][value=allow]'),
    ]);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('code')).toMatch(/^nxs_code_/);
    expect(loopbackHits).toEqual([`${landed.pathname}${landed.search}`]);
    // The favicon Chromium may ask for is answered 404 and not counted.
    const favicon = await fetch(`${app.url}/favicon.ico`);
    expect(favicon.status).toBe(404);
    expect(loopbackHits).toHaveLength(1);
    await context.close();
  });

  it('an unregistered redirect URL stays on the portal’s error page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(
      authorizeUrl(portal, authorizeParams({ redirect_uri: `${app.url}/elsewhere` })),
    );
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(portal.url);
    await expect(page.textContent('#error')).resolves.toMatch(/not one of the redirect URLs/);
    await context.close();
  });
});
