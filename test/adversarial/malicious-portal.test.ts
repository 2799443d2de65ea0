// A malicious portal (the stand-in behind a front server that rewrites its
// answers): a redirect to another scheme, a token of an unknown type, an
// access_token that is not a string, a 10 MB body, an error_description full
// of markup, the `iss` of another provider. Each is refused with a clear
// message, and nothing changes: the account signed in before keeps its
// tokens, the vault file keeps its bytes.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { UserFacingError } from '../../main/ipc/contract';
import { startProvider } from '../support/provider';
import {
  rewriteJson,
  startMaliciousPortal,
  type MaliciousPortal,
  type Tamper,
} from '../support/provider/malicious';
import type { ServicesRig } from '../support/services-rig';
import { printSection, recordSection, table } from './support/figures';
import { hygiene } from './support/hygiene';
import { closeWatchedRig, startWatchedRig } from './support/rigs';

const MARKUP =
  '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">' +
  '<a href="javascript:alert(1)">Click here to re-enter your password</a>\u202e\u0000<style>*{display:none}</style>' +
  '<iframe src="https://evil.example/"></iframe>'.repeat(20);

const outcomes: string[][] = [];
let rig: ServicesRig | undefined;
let portal: MaliciousPortal;

afterEach(async () => {
  if (rig) await closeWatchedRig(rig);
  rig = undefined;
});

afterAll(() => {
  const section = {
    order: 40,
    title: 'Malicious portal: refused, with a clear message and no state change',
    lines: table([['attack', 'refused as', 'accounts', 'vault file'], ...outcomes]),
    data: {
      attacks: outcomes.map(([attack, code, accounts, vault]) => ({
        attack,
        code,
        accounts,
        vault,
      })),
    },
  };
  recordSection('malicious', section);
  console.log(printSection(section));
});

/** A connected account on the malicious portal, still honest; its state and vault bytes as they are. */
async function signedInOnce(standIn: { rotationGraceSec?: number } = {}) {
  portal = await startMaliciousPortal(
    await startProvider({ accessTokenLifetimeSec: 600, ...standIn }),
  );
  rig = await startWatchedRig({ portal });
  await rig.signInWithBrowser();
  await rig.until('accounts-changed', (l) => l[0]?.cameras?.count === 3);
  return { rig, before: snapshot(rig) };
}

function snapshot(target: ServicesRig) {
  const accounts = target.services.accounts().map(({ id, state, label, tokenExpiresAt }) => ({
    id,
    state,
    label,
    tokenExpiresAt,
  }));
  return { accounts, vault: readFileSync(`${target.dir.path}/vault.json`, 'latin1') };
}

/** The refusal, its words, and that nothing changed. */
function expectRefused(
  attack: string,
  target: ServicesRig,
  before: ReturnType<typeof snapshot>,
  error: UserFacingError | undefined,
  code: string,
  message: RegExp,
): void {
  hygiene.error(error);
  expect(error?.code, attack).toBe(code);
  expect(error?.message).toMatch(message);
  expect(snapshot(target), `${attack}: no state change`).toEqual(before);
  outcomes.push([attack, code, 'unchanged', 'same bytes']);
}

/** Starts a second sign-in with the portal tampered; returns where its browser was sent. */
async function attackedRedirect(target: ServicesRig): Promise<string> {
  const started = target.record(await target.services.handlers.signIn('demo'));
  expect(started.ok).toBe(true);
  return target.playLastAuthorization();
}

describe('the authorization redirect', () => {
  it.each([
    ['another app', 'cz.netrex.evil:'],
    ['javascript:', 'javascript:alert(1)//'],
    ['file:', 'file:///etc/passwd?'],
    ['a web page', 'https://evil.example/'],
  ])('to %s: the pasted address is refused, the sign-in still waits', async (what, scheme) => {
    const { rig, before } = await signedInOnce();
    portal.tamper('authorize', (reply) =>
      reply.status === 302 && reply.headers?.location
        ? {
            ...reply,
            headers: {
              ...reply.headers,
              location: reply.headers.location.replace('cz.netrex.connect:', scheme),
            },
          }
        : reply,
    );
    const location = await attackedRedirect(rig);
    expect(location.startsWith(scheme)).toBe(true);
    const answer = rig.record(await rig.services.handlers.completeSignIn(location));
    expect(answer.ok).toBe(false);
    expectRefused(
      `redirect to ${what}`,
      rig,
      before,
      answer.ok ? undefined : answer.error,
      'unknown_redirect',
      /not a Netrex Connect sign-in address/,
    );
    expect(rig.signInViews().at(-1)).toMatchObject({ phase: 'waiting' });
    expect(portal.stats.token.authorization_code).toBe(1); // only the first, honest sign-in
  });

  it('with the iss of another provider: refused before the code is exchanged', async () => {
    const { rig, before } = await signedInOnce();
    portal.tamper('authorize', (reply) => {
      const location = reply.headers?.location;
      if (reply.status !== 302 || !location) return reply;
      return {
        ...reply,
        headers: {
          ...reply.headers,
          location: `${location}&iss=${encodeURIComponent('https://cloud.camstreamer.com')}`,
        },
      };
    });
    await rig.services.handleDeepLink(await attackedRedirect(rig));
    expectRefused(
      'iss of another provider',
      rig,
      before,
      rig.signInViews().at(-1)?.error,
      'iss_mismatch',
      /comes from another server than Demo portal/,
    );
    expect(portal.stats.token.authorization_code).toBe(1);
  });
});

const TOKEN_ATTACKS: [string, Tamper, string, RegExp][] = [
  [
    'a token of an unknown token_type',
    rewriteJson((body) => ({ ...body, token_type: 'mac' })),
    'invalid_token_response',
    /cannot use \(no access token, or a token of an unsupported type\)/,
  ],
  [
    'an access_token that is a number',
    rewriteJson((body) => ({ ...body, access_token: 1234567890 })),
    'invalid_token_response',
    /cannot use/,
  ],
  [
    'an access_token that is an object',
    rewriteJson((body) => ({ ...body, access_token: { value: body.access_token } })),
    'invalid_token_response',
    /cannot use/,
  ],
  [
    'a 10 MB body',
    (reply) => ({ ...reply, body: `{"access_token":"${'A'.repeat(10 * 1024 * 1024)}"}` }),
    'portal_error',
    /answered with an error or an unexpected page/,
  ],
  [
    'an error_description full of markup',
    () => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'invalid_request', error_description: MARKUP }),
    }),
    'invalid_request',
    /refused the sign-in request/,
  ],
  [
    'a redirect to javascript: instead of an answer',
    () => ({ status: 302, headers: { location: 'javascript:alert(1)' } }),
    'portal_error',
    /answered with an error or an unexpected page/,
  ],
];

describe('the token answer', () => {
  it.each(TOKEN_ATTACKS)(
    '%s: the sign-in fails, the account before is untouched',
    async (attack, tamper, code, message) => {
      const { rig, before } = await signedInOnce();
      const location = await attackedRedirect(rig);
      portal.tamper('token', tamper);
      await rig.services.handleDeepLink(location);
      const failed = rig.signInViews().at(-1);
      expect(failed?.phase).toBe('failed');
      expectRefused(attack, rig, before, failed?.error, code, message);
      // The portal's words are kept as plain, short text; the message itself is ours.
      // The markup stays literal text for the UI to show as text, cut short, without
      // control or direction-override characters.
      const detail = failed?.error?.detail;
      if (code === 'invalid_request') expect(detail).toMatch(/^<script>alert/);
      if (detail !== undefined) {
        expect(detail.length).toBeLessThanOrEqual(300);
        expect(detail).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      }
      expect(failed?.error?.message).not.toContain('<');
    },
  );

  it.each(TOKEN_ATTACKS)(
    '%s at refresh: refused, the tokens kept; renewed once the portal is honest again',
    async (attack, tamper, code) => {
      // A grace period, as Auth0 and Okta have: the portal rotated before it
      // answered garbage, and the kept refresh token must still be usable.
      const { rig } = await signedInOnce({ rotationGraceSec: 30 });
      const vault = readFileSync(`${rig.dir.path}/vault.json`, 'latin1');
      const [account] = rig.services.accounts();
      portal.tamper('token', tamper);
      rig.clock.advance(540_000); // the refresh is due
      const [refused] = await rig.until(
        'accounts-changed',
        (l) => l[0]?.lastCheckAt === rig.clock.now(),
      );
      hygiene.error(refused!.lastError);
      expect(refused).toMatchObject({
        state: code === 'portal_error' ? 'offline' : 'error',
        lastError: { code },
      });
      expect(readFileSync(`${rig.dir.path}/vault.json`, 'latin1'), attack).toBe(vault);
      outcomes.push([
        `${attack}, at refresh`,
        code,
        `${refused!.state}, tokens kept`,
        'same bytes',
      ]);

      portal.tamper('token', undefined);
      rig.clock.advance(5 * 60_000); // the retry (offline) or the next check (error)
      await rig.until(
        'accounts-changed',
        (l) => l[0]?.state === 'connected' && l[0].tokenExpiresAt! > account!.tokenExpiresAt!,
      );
    },
  );
});
