// The loopback redirect: a listener on 127.0.0.1 that exists only while an
// authorization waits, answers with a fixed page and hands the URL on.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { createSignInEngine, type SignInEngine } from '../../../main/auth/engine';
import {
  LOOPBACK_PAGE_LANGUAGES,
  loopbackPage,
  type LoopbackPageLanguage,
} from '../../../main/auth/loopback-page';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { freePort, listenOnLoopback, type LoopbackServer } from '../../support/loopback-server';
import { ManualClock } from '../../support/manual-clock';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

function rawGet(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

async function isListening(port: number): Promise<boolean> {
  return rawGet(port, '/').then(
    () => true,
    () => false,
  );
}

describe('loopback redirect', () => {
  let portal: ScriptedServer;
  let clock: ManualClock;
  let engine: SignInEngine;
  let port: number;
  let received: string[];
  const providers = new Map<string, ProviderConfig>();

  beforeEach(async () => {
    portal = await startScriptedServer();
    portal.on('/oauth2/token', { json: { access_token: 'access-123456789' } });
    port = await freePort();
    for (const id of ['demo', 'other']) {
      providers.set(id, {
        id,
        name: id,
        dialect: 'netrex',
        origin: 'demo',
        url: portal.url,
        clientId: 'client-1',
        rights: ['read'],
        redirectKind: 'loopback',
        loopbackPort: port,
        locked: false,
      });
    }
    clock = new ManualClock();
    engine = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => 'secret-123456' },
      fetch,
      clock,
    });
    received = [];
    engine.onLoopbackRedirect((url) => received.push(url));
  });
  afterEach(async () => {
    await engine.dispose();
    await portal.close();
  });

  it('listens only while the authorization waits, answers a fixed page, hands the URL on', async () => {
    expect(await isListening(port)).toBe(false);
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${port}/oauth/callback/demo`,
    );
    const state = url.searchParams.get('state')!;

    const path = `/oauth/callback/demo?code=abcdef123456&state=${state}`;
    const answer = await rawGet(port, path);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('You can close this tab and return to Netrex Connect.');
    expect(answer.body).not.toMatch(/abcdef123456|<script|https?:\/\/|src=|href=/);
    expect(answer.headers).toMatchObject({
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(answer.headers.location).toBeUndefined();
    expect(received).toEqual([`http://127.0.0.1:${port}${path}`]);

    await expect(engine.completeAuthorization(received[0]!)).resolves.toMatchObject({
      tokens: { accessToken: 'access-123456789' },
    });
    expect(await isListening(port)).toBe(false);
  });

  it('answers after the sign-in settled: a page that says signed in, or that it did not complete', async () => {
    engine.onLoopbackRedirect((url) =>
      engine.completeAuthorization(url).then(
        () => true,
        () => false,
      ),
    );
    const { authorizationUrl } = await engine.startAuthorization('demo');
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const forged = await rawGet(port, '/oauth/callback/demo?code=abcdef123456&state=forged-1234');
    expect(forged.status).toBe(200);
    expect(forged.body).toContain('Netrex Connect did not complete this sign-in.');
    const good = await rawGet(port, `/oauth/callback/demo?code=abcdef123456&state=${state}`);
    expect(good.body).toContain('Netrex Connect is signed in.');
    expect(good.body).not.toMatch(/abcdef123456|<script|https?:\/\/|src=|href=/);
    // The listener closed with the sign-in, after answering.
    await expect.poll(() => isListening(port)).toBe(false);
  });

  it('refuses other hosts (DNS rebinding), other paths and other methods, handing nothing on', async () => {
    await engine.startAuthorization('demo');
    expect((await rawGet(port, '/oauth/callback/demo?code=x', 'evil.example')).status).toBe(400);
    expect((await rawGet(port, '/oauth/callback/demo?code=x', `localhost:${port}`)).status).toBe(
      400,
    );
    expect((await rawGet(port, '/favicon.ico')).status).toBe(404);
    expect((await rawGet(port, '/oauth/callback/demo', undefined, 'POST')).status).toBe(405);
    expect(received).toEqual([]);
  });

  it('closes on cancel and at the deadline', async () => {
    await engine.startAuthorization('demo');
    engine.cancelAuthorization('demo');
    await expect.poll(() => isListening(port)).toBe(false);
    await engine.startAuthorization('demo');
    expect(await isListening(port)).toBe(true);
    clock.advance(600_000);
    await expect.poll(() => isListening(port)).toBe(false);
  });

  it('shares one port between providers and closes when the last is done', async () => {
    await engine.startAuthorization('demo');
    await engine.startAuthorization('other');
    engine.cancelAuthorization('demo');
    expect(await isListening(port)).toBe(true);
    engine.cancelAuthorization('other');
    await expect.poll(() => isListening(port)).toBe(false);
  });

  it('restarting a loopback sign-in reuses the port', async () => {
    await engine.startAuthorization('demo');
    const second = await engine.startAuthorization('demo');
    expect(second.pending.phase).toBe('waiting');
    expect(await isListening(port)).toBe(true);
  });

  it('says which port is taken when another program holds it', async () => {
    let squatter: LoopbackServer | undefined = await listenOnLoopback(() => undefined, port);
    try {
      const error = await engine.startAuthorization('demo').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ code: 'loopback_unavailable' });
      expect((error as AuthError).message).toContain(`port ${port}`);
      expect(engine.pending('demo')).toBeUndefined();
      await squatter.close();
      squatter = undefined;
      await expect(engine.startAuthorization('demo')).resolves.toBeTruthy();
    } finally {
      await squatter?.close();
    }
  });

  it("answers in the language it is asked for at that moment (the window's setting)", async () => {
    let language: LoopbackPageLanguage = 'en';
    const czech = createSignInEngine({
      providers: { get: (id) => providers.get(id) },
      secrets: { get: () => 'secret-123456' },
      fetch,
      clock,
      loopbackPageLanguage: () => language,
    });
    czech.onLoopbackRedirect(() => true);
    try {
      const { authorizationUrl } = await czech.startAuthorization('demo');
      const state = new URL(authorizationUrl).searchParams.get('state')!;
      language = 'cs'; // the operator switched the window to Czech meanwhile
      const answer = await rawGet(port, `/oauth/callback/demo?code=abcdef123456&state=${state}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<html lang="cs">');
      expect(answer.body).toContain('<h1>Přihlášeno</h1>');
      expect(answer.body).not.toMatch(/abcdef123456|<script|https?:\/\/|src=|href=/);
    } finally {
      await czech.dispose();
    }
  });
});

describe('loopbackPage', () => {
  it.each(LOOPBACK_PAGE_LANGUAGES)(
    'has every page in %s, fixed text in a page of that language',
    (language) => {
      const pages = (['connected', 'failed', 'unknown', 'notFound'] as const).map((outcome) =>
        loopbackPage(outcome, language),
      );
      for (const page of pages) {
        expect(page).toContain(`<html lang="${language}">`);
        expect(page).not.toMatch(/<script|src=|href=/);
      }
      expect(new Set(pages).size).toBe(4);
      expect(loopbackPage('connected')).toBe(loopbackPage('connected', 'en'));
    },
  );
});
