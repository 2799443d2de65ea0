// Hostile input, property-based (fast-check, 10,000 runs each): whatever URL
// or command line reaches the app — other schemes, javascript: and file:
// URLs, huge and Unicode input, repeated and encoded parameters, stray
// separators — nothing throws anything but a typed AuthError, and nothing
// completes an authorization without the exact pending state, path and
// scheme. The genuine redirect, varied harmlessly, must still complete: the
// check is not allowed to pass by refusing everything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../main/auth/auth-error';
import { parseCallbackUrl } from '../../main/auth/callback-url';
import { MAX_DEEP_LINK_LENGTH, routeArgv } from '../../main/desktop/argv-routing';
import { startAccountsRig, type AccountsRig } from '../support/accounts-rig';
import { printSection, recordSection, table } from './support/figures';
import { hygiene } from './support/hygiene';
import { hostileArgv, hostileRedirect, mayComplete, realize } from './support/hostile-urls';

const RUNS = 10_000;
const PREFIX = 'cz.netrex.connect:';

interface Tally {
  runs: number;
  /** Runs where the redirect passed the check (the engine went on to exchange the code). */
  passed: number;
  genuine: number;
  refusals: Record<string, number>;
}
const tallies = new Map<string, Tally>();
function tally(name: string): Tally {
  let found = tallies.get(name);
  if (!found) tallies.set(name, (found = { runs: 0, passed: 0, genuine: 0, refusals: {} }));
  return found;
}
function refused(t: Tally, error: unknown): void {
  // Anything but our typed error fails the property (and fast-check shrinks it).
  if (!(error instanceof AuthError)) throw error;
  t.refusals[error.code] = (t.refusals[error.code] ?? 0) + 1;
  hygiene.error(error);
}

let rig: AccountsRig;
let exchanging = 0;

beforeAll(async () => {
  rig = await startAccountsRig();
  hygiene.trackPortal(rig.portal);
  rig.engine.onDidChange((view) => {
    if (view.phase === 'exchanging') exchanging++;
  });
});

afterAll(async () => {
  const rows = [...tallies].map(([name, t]) => [
    name,
    String(t.runs),
    String(t.passed),
    String(t.genuine),
    Object.entries(t.refusals)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
  ]);
  const section = {
    order: 30,
    title: 'Hostile input: property-based runs (fast-check)',
    lines: [
      ...table([
        ['property', 'runs', 'passed check', 'genuine', 'refusals (all AuthError)'],
        ...rows,
      ]),
      'passed check: reached the code exchange; each had exactly the pending state, path and scheme.',
    ],
    data: { runsPerProperty: RUNS, properties: Object.fromEntries(tallies) },
  };
  recordSection('hostile', section);
  console.log(printSection(section));
  hygiene.vaultFiles(rig.dir.path);
  await rig.close();
});

/** Completes `url` against a fresh pending authorization; says whether it passed the check. */
async function attempt(t: Tally, url: string, state: string): Promise<boolean> {
  const before = exchanging;
  try {
    await rig.engine.completeAuthorization(url);
    throw new Error('a made-up code was accepted by the portal');
  } catch (error) {
    refused(t, error);
  }
  const passed = exchanging > before;
  if (passed) t.passed++;
  // The rule: only our scheme, no authority, the exact path, exactly the pending state.
  if (passed) expect(mayComplete(url, state), url.slice(0, 300)).toBe(true);
  return passed;
}

async function pendingState(): Promise<string> {
  const started = await rig.engine.startAuthorization('demo');
  return new URL(started.authorizationUrl).searchParams.get('state')!;
}

describe(`hostile input (${RUNS.toLocaleString('en')} runs each)`, () => {
  it('the callback parser: a typed refusal, or exactly one of our redirect URIs', () => {
    const t = tally('callback parser');
    const state = 'A'.repeat(43);
    fc.assert(
      fc.property(hostileRedirect(), ({ url: template }) => {
        t.runs++;
        const url = realize(template, state);
        try {
          const callback = parseCallbackUrl(url);
          t.passed++;
          expect(callback.redirectUri).toMatch(
            /^(cz\.netrex\.connect:|http:\/\/127\.0\.0\.1:\d+)\/oauth\/callback\/[a-z0-9-]+$/,
          );
          // The same address, as the URL standard reads it (scheme case, dot segments and
          // `http:host` without slashes are spellings of one URL).
          expect(new URL(url.trim()).href.startsWith(`${callback.redirectUri}`)).toBe(true);
          expect(callback.params.getAll('state').length).toBeLessThanOrEqual(1);
        } catch (error) {
          refused(t, error);
        }
      }),
      { numRuns: RUNS },
    );
    expect(t.runs).toBeGreaterThanOrEqual(RUNS);
  });

  it('completeAuthorization: completes only with the exact pending state, path and scheme', async () => {
    const t = tally('completeAuthorization');
    await fc.assert(
      fc.asyncProperty(hostileRedirect(), async ({ url: template, genuine }) => {
        t.runs++;
        const state = await pendingState();
        const url = realize(template, state);
        const passed = await attempt(t, url, state);
        if (genuine) {
          t.genuine++;
          expect(passed, url).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // Both sides were exercised: genuine redirects went through, hostile ones did not.
    expect(t.genuine).toBeGreaterThan(RUNS / 20);
    expect(t.passed).toBeGreaterThanOrEqual(t.genuine);
    expect(t.runs - t.passed).toBeGreaterThan(RUNS / 2);
  });

  it('argv routing, then the sign-in: never throws, one exact link or none', async () => {
    const t = tally('argv → sign-in');
    await fc.assert(
      fc.asyncProperty(hostileArgv(), async (templates) => {
        t.runs++;
        const state = await pendingState();
        const argv = templates.map((a) => realize(a, state));
        const route = routeArgv(argv);
        const links = argv.filter((a) => a.slice(0, PREFIX.length).toLowerCase() === PREFIX);
        if (links.length === 0) expect(route).toEqual({ kind: 'none' });
        else if (links.length > 1)
          expect(route).toMatchObject({ kind: 'refused', code: 'several_links' });
        else if (links[0]!.length > MAX_DEEP_LINK_LENGTH) {
          expect(route).toMatchObject({ kind: 'refused', code: 'link_too_long' });
        } else expect(route).toEqual({ kind: 'link', url: links[0] });
        if (route.kind === 'refused') {
          hygiene.error(route);
          t.refusals[route.code] = (t.refusals[route.code] ?? 0) + 1;
        }
        if (route.kind === 'link') await attempt(t, route.url, state);
      }),
      { numRuns: RUNS },
    );
    expect(t.passed).toBeGreaterThan(0);
  });
});
