// Portal faults: every operation the app sends a portal (the code exchange,
// the refresh, the revocation, the status probe) meets every fault the
// stand-in can inject. For each: nothing crashes and nothing is rejected
// unhandled (setup.ts counts), the request ends within its timeout (1 s here;
// "5 s latency" outlasts it), tokens are kept (nothing but invalid_grant ends
// a grant), the account or the sign-in shows the right state and message,
// and once the fault is gone the app recovers by itself. The whole services
// (createServices) on a manual clock; the sockets are real.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccountSnapshot, UserFacingError } from '../../main/ipc/contract';
import type { Endpoint } from '../support/provider';
import type { ServicesRig } from '../support/services-rig';
import { printSection, recordSection, table } from './support/figures';
import { hygiene } from './support/hygiene';
import { accountsOnDisk, closeWatchedRig, startWatchedRig } from './support/rigs';

const TIMEOUT_MS = 1_000;
/** Time for the event loop and the sockets on top of the timeout itself. */
const SLACK_MS = 1_000;
const RETRY_AFTER_SEC = 30;
/** The first retry's delay without Retry-After: the backoff's (rig random 0.5: ¾ of 10 s). */
const BACKOFF_FIRST_MS = 7_500;
/** The backoff ceiling: no Retry-After holds an account longer. */
const CEILING_MS = 5 * 60_000;

const FAULTS = [
  '500',
  '503',
  'malformed-json',
  'html',
  'no-answer',
  'reset',
  'latency-5s',
] as const;
type Fault = (typeof FAULTS)[number];
const OPERATIONS = ['token exchange', 'refresh', 'revoke', 'status probe'] as const;
type Operation = (typeof OPERATIONS)[number];

/** The code each fault must end in, per operation (the probe speaks of the API). */
const EXPECTED: Record<Operation, Record<Fault, string>> = {
  'token exchange': {
    '500': 'portal_error',
    '503': 'temporarily_unavailable',
    'malformed-json': 'portal_error',
    html: 'portal_error',
    'no-answer': 'timeout',
    reset: 'network',
    'latency-5s': 'timeout',
  },
  refresh: {} as Record<Fault, string>,
  revoke: {} as Record<Fault, string>,
  'status probe': {
    '500': 'api_unavailable',
    '503': 'api_unavailable',
    'malformed-json': 'api_unexpected',
    html: 'api_unavailable',
    'no-answer': 'timeout',
    reset: 'network',
    'latency-5s': 'timeout',
  },
};
EXPECTED.refresh = EXPECTED['token exchange'];
EXPECTED.revoke = EXPECTED['token exchange'];

const MESSAGES: Record<string, RegExp> = {
  portal_error: /Demo portal answered with an error or an unexpected page/,
  temporarily_unavailable: /Demo portal is temporarily unavailable/,
  timeout: /Demo portal did not answer within 1 second/,
  network: /could not reach Demo portal/,
  api_unavailable: /Demo portal is not answering its API right now \(HTTP 50[023]\)/,
  api_unexpected: /does not understand \(HTTP 200\)/,
};

const matrix = new Map<string, string>();
/** The delay before the first retry after a 503 with Retry-After (refresh, then probe). */
const retryAfter503: number[] = [];
/** The same after a hostile Retry-After of a year (the probe). */
let retryAfterYear: number | undefined;
let rig: ServicesRig | undefined;

afterEach(async () => {
  if (rig) await closeWatchedRig(rig);
  rig = undefined;
});

afterAll(() => {
  const section = {
    order: 20,
    title: `Portal faults: operation × fault → outcome (timeout ${TIMEOUT_MS / 1000} s)`,
    lines: [
      ...table([
        ['fault', ...OPERATIONS],
        ...FAULTS.map((f) => [f, ...OPERATIONS.map((op) => matrix.get(`${op}|${f}`) ?? '—')]),
      ]),
      'cell: what the operator is shown (sign-in phase or account state, code), how long the request',
      '  took; ↺ recovered by itself once the fault cleared (exchange: the next sign-in works; revoke:',
      '  the account is removed here, the operator told the portal did not confirm; the next sign-out revokes);',
      `  refresh and probe: the first retry's delay (the backoff's ${BACKOFF_FIRST_MS / 1000} s unless the portal asked for longer).`,
      'tokens: kept on every fault (on disk, unchanged) except invalid_grant: ' +
        (matrix.get('refresh|invalid_grant') ?? '—'),
      `503 with Retry-After: ${RETRY_AFTER_SEC} s: the first retry came after ` +
        `${retryAfter503.map((ms) => `${ms / 1000} s`).join(' (refresh) and ')} (probe): the portal's wish, not the backoff's ${BACKOFF_FIRST_MS / 1000} s.`,
      `503 with Retry-After: a year: the first retry came after ${retryAfterYear === undefined ? '—' : `${retryAfterYear / 1000} s`}` +
        ` (capped at the backoff ceiling, ${CEILING_MS / 60_000} min: a portal cannot park an account).`,
    ],
    data: {
      matrix: Object.fromEntries(matrix),
      retryAfter503Ms: retryAfter503,
      retryAfterYearMs: retryAfterYear ?? null,
    },
  };
  recordSection('faults', section);
  console.log(printSection(section));
});

async function connected(): Promise<{ rig: ServicesRig; account: AccountSnapshot }> {
  rig = await startWatchedRig({
    standIn: { accessTokenLifetimeSec: 600 },
    services: { timeoutMs: TIMEOUT_MS },
  });
  const id = await rig.signInWithBrowser();
  const [account] = await rig.until('accounts-changed', (l) => l[0]?.cameras?.count === 3);
  expect(account!.id).toBe(id);
  return { rig, account: account! };
}

function inject(target: ServicesRig, endpoint: Endpoint, fault: Fault): void {
  if (fault === 'latency-5s') target.portal.faults.latency(endpoint, 5_000);
  else {
    const extra = fault === '503' ? { retryAfterSec: RETRY_AFTER_SEC } : {};
    target.portal.faults.inject(endpoint, { kind: fault, count: 1, ...extra });
  }
}

/** Checks the words the operator gets and puts them in the secret search. */
function expectError(error: UserFacingError | null | undefined, code: string): void {
  hygiene.error(error);
  expect(error?.code).toBe(code);
  expect(error?.message).toMatch(MESSAGES[code]!);
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  const ms = Math.round(performance.now() - started);
  expect(ms, 'the request ended within its timeout').toBeLessThan(TIMEOUT_MS + SLACK_MS);
  return { value, ms };
}

const cell = (shown: string, ms: number, retryMs?: number) =>
  `${shown} ${(ms / 1000).toFixed(1)}s ↺` +
  (retryMs === undefined ? '' : ` retry ${retryMs / 1000}s`);

/** The first retry honours a 503's Retry-After; every other fault gets the backoff's delay. */
function expectFirstRetry(fault: Fault, delayMs: number): void {
  expect(delayMs).toBe(fault === '503' ? RETRY_AFTER_SEC * 1000 : BACKOFF_FIRST_MS);
}

describe.each(FAULTS)('fault %s', (fault) => {
  it('token exchange: the sign-in fails with the reason, nothing is stored; the next one works', async () => {
    rig = await startWatchedRig({ services: { timeoutMs: TIMEOUT_MS } });
    const code = EXPECTED['token exchange'][fault];
    await rig.services.handlers.signIn('demo');
    const location = await rig.playLastAuthorization();
    inject(rig, 'token', fault);
    const { ms } = await timed(() => rig!.services.handleDeepLink(location));
    const view = rig.signInViews().at(-1)!;
    expect(view.phase).toBe('failed');
    expectError(view.error, code);
    expect(rig.notices().at(-1)).toMatchObject({ level: 'error', code });
    expect(rig.services.accounts()).toEqual([]);
    expect(await accountsOnDisk(rig)).toEqual([]);

    rig.portal.faults.clear();
    await rig.signInWithBrowser();
    expect(rig.services.accounts()).toMatchObject([{ state: 'connected' }]);
    matrix.set(`token exchange|${fault}`, cell(`failed·${code}`, ms));
  });

  it('refresh: offline with the reason, tokens kept; the retry renews them', async () => {
    const { rig, account } = await connected();
    const code = EXPECTED.refresh[fault];
    const before = await accountsOnDisk(rig);
    inject(rig, 'token', fault);
    const { value: offline, ms } = await timed(async () => {
      rig.clock.advance(540_000); // the refresh is due (lifetime 600 s, margin 60 s)
      const [a] = await rig.until('accounts-changed', (l) => l[0]?.state === 'offline');
      return a!;
    });
    expectError(offline.lastError, code);
    expect(offline.nextRetryAt).toBeGreaterThan(rig.clock.now());
    expect(await accountsOnDisk(rig)).toEqual(before);

    rig.portal.faults.clear();
    rig.clock.advance(offline.nextRetryAt! - rig.clock.now());
    const [back] = await rig.until(
      'accounts-changed',
      (l) => l[0]?.state === 'connected' && l[0].tokenExpiresAt! > account.tokenExpiresAt!,
    );
    expect(back!.lastError).toBeNull();
    const [renewed] = await accountsOnDisk(rig);
    expect(renewed!.tokens.refreshToken).not.toBe(before[0]!.tokens.refreshToken);
    const retryMs = offline.nextRetryAt! - offline.lastCheckAt!;
    expectFirstRetry(fault, retryMs);
    matrix.set(`refresh|${fault}`, cell(`offline·${code}`, ms, retryMs));
    if (fault === '503') retryAfter503[0] = retryMs;
  });

  it('revoke: signed out here, the operator told the portal did not confirm; the next sign-out revokes', async () => {
    const { rig, account } = await connected();
    const code = EXPECTED.revoke[fault];
    inject(rig, 'revoke', fault);
    const { value: answer, ms } = await timed(() => rig.services.handlers.signOut(account.id));
    rig.record(answer);
    if (!answer.ok) throw new Error(`signOut refused: ${answer.error.code}`);
    expect(answer.value.revoked).toBe(false);
    expectError(answer.value.revokeError, code);
    // Signing out is the operator's decision: the tokens go, revoked or not.
    expect(rig.services.accounts()).toEqual([]);
    expect(await accountsOnDisk(rig)).toEqual([]);

    rig.portal.faults.clear();
    const again = await rig.signInWithBrowser();
    const next = rig.record(await rig.services.handlers.signOut(again));
    expect(next).toMatchObject({ ok: true, value: { revoked: true } });
    matrix.set(`revoke|${fault}`, cell(`not revoked·${code}`, ms));
  });

  it('status probe: offline with the reason, tokens kept; the retry connects again', async () => {
    const { rig, account } = await connected();
    const code = EXPECTED['status probe'][fault];
    const before = await accountsOnDisk(rig);
    inject(rig, 'graphql', fault);
    const { value: answer, ms } = await timed(() => rig.services.handlers.checkNow(account.id));
    rig.record(answer);
    if (!answer.ok) throw new Error(`checkNow refused: ${answer.error.code}`);
    expect(answer.value.state).toBe('offline');
    expectError(answer.value.lastError, code);
    expect(await accountsOnDisk(rig)).toEqual(before);

    rig.portal.faults.clear();
    rig.clock.advance(answer.value.nextRetryAt! - rig.clock.now());
    const [back] = await rig.until(
      'accounts-changed',
      (l) => l[0]?.state === 'connected' && l[0].lastCheckAt === rig.clock.now(),
    );
    expect(back).toMatchObject({ lastError: null, cameras: { count: 3 } });
    expect(await accountsOnDisk(rig)).toEqual(before);
    const retryMs = answer.value.nextRetryAt! - answer.value.lastCheckAt!;
    expectFirstRetry(fault, retryMs);
    matrix.set(`status probe|${fault}`, cell(`offline·${code}`, ms, retryMs));
    if (fault === '503') retryAfter503[1] = retryMs;
  });
});

it('the control: invalid_grant at refresh ends the grant, and only then are the tokens removed', async () => {
  const { rig, account } = await connected();
  rig.portal.invalidateRefreshTokens();
  rig.clock.advance(540_000);
  const [expired] = await rig.until('accounts-changed', (l) => l[0]?.state === 'expired');
  hygiene.error(expired!.lastError);
  expect(expired).toMatchObject({ id: account.id, lastError: { code: 'invalid_grant' } });
  expect(expired!.lastError!.message).toMatch(/no longer accepts this sign-in/);
  expect(await accountsOnDisk(rig)).toEqual([]);
  matrix.set('refresh|invalid_grant', 'expired·invalid_grant, tokens removed, "Sign in again"');
});

it('a hostile Retry-After (a year) is capped at the backoff ceiling: the account retries within 5 min', async () => {
  const { rig, account } = await connected();
  // Joins the sign-in's first probe until it has fully settled, so the fault meets a new one.
  await rig.services.handlers.checkNow(account.id);
  rig.portal.faults.inject('graphql', { kind: '503', count: 1, retryAfterSec: 365 * 86_400 });
  const answer = rig.record(await rig.services.handlers.checkNow(account.id));
  if (!answer.ok) throw new Error(`checkNow refused: ${answer.error.code}`);
  expect(answer.value.state).toBe('offline');
  retryAfterYear = answer.value.nextRetryAt! - answer.value.lastCheckAt!;
  expect(retryAfterYear).toBe(CEILING_MS);
  rig.clock.advance(answer.value.nextRetryAt! - rig.clock.now());
  await rig.until('accounts-changed', (l) => l[0]?.state === 'connected');
});
