// Figure 2, refresh storm: 1,000 concurrent getAccessToken calls for one
// account whose access token has just expired. The single-flight refresh
// must make exactly one token request (counted by the stand-in), and every
// caller should wait little more than that one request takes.
//
// The accounts run over the test rig (stand-in, engine, AES-sealed vault on
// disk) on a manual clock: "at expiry" is a jump of that clock, and no timer
// of the services fires on its own while the storm is measured. Waits are
// real time (performance.now). The refresh round trip it is compared with is
// a bare refresh request (fetch + JSON) on another grant of the same
// stand-in, measured in the same runs, alternately before and after a storm.
import { refresh, obtainTokens } from '../test/support/portal-client';
import { startAccountsRig } from '../test/support/accounts-rig';
import { quantile, since, summarise, type Summary } from './stats';

export const STORM_CALLS = 1_000;
/** Bare refresh requests timed per storm run. */
const BARE_PER_RUN = 3;

export interface StormFigures {
  readonly calls: number;
  /** Token requests the stand-in counted per storm (each must be 1). */
  readonly tokenRequests: Summary;
  readonly tokenRequestsPerRun: readonly number[];
  /** The 99th percentile of the 1,000 waits, per storm. */
  readonly p99: Summary;
  /** The longest of the 1,000 waits, per storm. */
  readonly maxWait: Summary;
  /** A bare refresh request's round trip. */
  readonly refreshRtt: Summary;
  readonly runs: number;
  readonly warmupRuns: number;
}

export async function benchStorm({
  runs,
  warmupRuns,
}: {
  runs: number;
  warmupRuns: number;
}): Promise<StormFigures> {
  const rig = await startAccountsRig();
  try {
    const signedIn = await rig.signIn();
    await rig.until((list) => list.some((a) => a.id === signedIn.id && a.cameras !== null));
    const bare = await bareRefresher(rig.portal);

    const requests: number[] = [];
    const p99s: number[] = [];
    const maxima: number[] = [];
    const rtts: number[] = [];
    for (let run = 0; run < warmupRuns + runs; run++) {
      const bareFirst = run % 2 === 0;
      const runRtts: number[] = [];
      if (bareFirst) for (let i = 0; i < BARE_PER_RUN; i++) runRtts.push(await bare());

      const expiresAt = rig.accounts.get(signedIn.id)?.tokenExpiresAt ?? null;
      if (expiresAt === null) throw new Error('The account has no expiry.');
      rig.clock.jump(expiresAt - rig.clock.now());
      // Every request to the token endpoint counts, whatever its grant: the target is one.
      const before = rig.portal.stats.token.requests;
      const waits = await storm(() => rig.accounts.getAccessToken(signedIn.id));
      const made = rig.portal.stats.token.requests - before;

      if (!bareFirst) for (let i = 0; i < BARE_PER_RUN; i++) runRtts.push(await bare());
      if (run < warmupRuns) continue;
      requests.push(made);
      p99s.push(quantile(waits, 0.99));
      maxima.push(Math.max(...waits));
      rtts.push(...runRtts);
    }
    return {
      calls: STORM_CALLS,
      tokenRequests: summarise(requests),
      tokenRequestsPerRun: requests,
      p99: summarise(p99s),
      maxWait: summarise(maxima),
      refreshRtt: summarise(rtts),
      runs,
      warmupRuns,
    };
  } finally {
    await rig.close();
  }
}

/** Starts every call in one go; each one's wait, from its own start to its answer. */
async function storm(getAccessToken: () => Promise<string>): Promise<number[]> {
  const waits = new Array<number>(STORM_CALLS);
  const tokens = new Set<string>();
  const calls: Promise<void>[] = [];
  for (let i = 0; i < STORM_CALLS; i++) {
    const start = performance.now();
    calls.push(
      getAccessToken().then((token) => {
        waits[i] = since(start);
        tokens.add(token);
      }),
    );
  }
  await Promise.all(calls);
  // Every caller got the one renewed token (not printed: it is a secret).
  if (tokens.size !== 1) throw new Error(`The storm answered ${tokens.size} different tokens.`);
  return waits;
}

/** A bare refresh request (fetch, JSON) on a grant of its own; rotates as the stand-in does. */
async function bareRefresher(portal: Parameters<typeof obtainTokens>[0]) {
  let refreshToken = (await obtainTokens(portal)).refresh_token;
  return async (): Promise<number> => {
    const start = performance.now();
    const { status, body } = await refresh(portal, refreshToken);
    const ms = since(start);
    if (status !== 200 || typeof body.refresh_token !== 'string') {
      throw new Error(`A bare refresh failed (HTTP ${status}).`);
    }
    refreshToken = body.refresh_token;
    return ms;
  };
}
