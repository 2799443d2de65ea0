// Figure 1, connect latency: from the redirect URL handed to the app to the
// account shown `connected` with its camera count, against the bare protocol
// done with oauth4webapi and fetch.
//
// Ours: services.handleDeepLink(url) — state check, token exchange, vault
// write (sealed, fsync'd), account added, status probe (cameraList), the
// accounts-changed event. Timing stops at the event that shows the camera count.
// Baseline: validateAuthResponse, one token request, one GraphQL request.
//
// The portal is the stand-in at an address: in its own process for the
// figure with the target (bench/portal-process.ts: a real portal is another
// machine), in the bench's process for the older, informational one.
//
// Each run starts from a fresh authorization code: the browser's part (login
// and consent over HTTP) is played before the clock starts. Ours signs out
// after each run (untimed) so every run is a first sign-in, not a
// re-sign-in that would also revoke the previous grant. Ours and the
// baseline alternate, in turn first, so drift and warm-up hit both alike.
import * as oauth from 'oauth4webapi';
import { CAMERA_LIST_QUERY } from '../main/accounts';
import type { AppServices } from '../main/app-services';
import {
  authorizeParams,
  playAuthorization,
  redirectLocation,
  revoke,
  signIn as playBrowser,
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  type PortalAddress,
} from '../test/support/portal-client';
import { AesGcmCipher } from '../test/support/aes-cipher';
import { makeTempDir } from '../test/support/temp-dir';
import { openBenchServices, untilAccounts } from './bench-services';
import { since, summarise, type Summary } from './stats';

export interface ConnectFigures {
  readonly ours: Summary;
  readonly baseline: Summary;
  /** Ours / baseline, per side-by-side pair. */
  readonly ratio: Summary;
  readonly pairs: number;
  readonly warmupPairs: number;
}

export async function benchConnect(
  portal: PortalAddress,
  { pairs, warmupPairs }: { pairs: number; warmupPairs: number },
): Promise<ConnectFigures> {
  const dir = makeTempDir('netrex-bench-connect-');
  const opened: string[] = [];
  const services = await openBenchServices({
    dir: dir.path,
    cipher: AesGcmCipher.random({ backend: 'gnome_libsecret' }),
    portalUrl: portal.url,
    openExternal: async (url) => void opened.push(url),
  });
  const bare = bareClient(portal);
  const ours: number[] = [];
  const baseline: number[] = [];
  try {
    for (let i = 0; i < warmupPairs + pairs; i++) {
      let oursMs: number;
      let baselineMs: number;
      if (i % 2 === 0) {
        oursMs = await connectOurs(services, portal, opened);
        baselineMs = await bare.connect();
      } else {
        baselineMs = await bare.connect();
        oursMs = await connectOurs(services, portal, opened);
      }
      if (i < warmupPairs) continue;
      ours.push(oursMs);
      baseline.push(baselineMs);
    }
  } finally {
    await services.dispose();
    dir.dispose();
  }
  return {
    ours: summarise(ours),
    baseline: summarise(baseline),
    ratio: summarise(ours.map((ms, i) => ms / baseline[i]!)),
    pairs,
    warmupPairs,
  };
}

/** One sign-in through the app; the time from the deep link to the camera count. */
async function connectOurs(
  services: AppServices,
  portal: PortalAddress,
  opened: string[],
): Promise<number> {
  const started = await services.handlers.signIn('demo');
  const authorizationUrl = opened.pop();
  if (!started.ok || !authorizationUrl) throw new Error('The app did not start a sign-in.');
  const location = await playAuthorization(portal, authorizationUrl);

  const connected = untilAccounts(
    services,
    (list) => list.some((a) => a.state === 'connected' && a.cameras !== null),
    'connect',
  );
  const start = performance.now();
  const handled = services.handleDeepLink(location);
  const list = await connected;
  const ms = since(start);
  await handled;

  const account = list.find((a) => a.state === 'connected');
  if (!account || account.cameras?.count !== 3) throw new Error('The account has no camera count.');
  const out = await services.handlers.signOut(account.id);
  if (!out.ok) throw new Error(`Sign-out failed: ${out.error.code}`);
  return ms;
}

/** The bare minimum a client does with oauth4webapi and fetch. */
function bareClient(portal: PortalAddress) {
  const as: oauth.AuthorizationServer = {
    issuer: portal.url,
    token_endpoint: `${portal.url}/oauth2/token`,
  };
  const client: oauth.Client = { client_id: CLIENT_ID };
  const clientAuth = oauth.ClientSecretPost(CLIENT_SECRET);

  return {
    async connect(): Promise<number> {
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const redirect = await playBrowser(
        portal,
        authorizeParams({
          scope: 'read',
          state,
          code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        }),
      );
      const location = redirectLocation(redirect);

      const start = performance.now();
      const params = oauth.validateAuthResponse(as, client, new URL(location), state);
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        REDIRECT_URI,
        verifier,
        // The stand-in is plain http on loopback.
        { [oauth.allowInsecureRequests]: true },
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
      const api = await fetch(`${portal.url}/api/graphql.php`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ query: CAMERA_LIST_QUERY }),
      });
      const body = (await api.json()) as { data?: { cameraList?: unknown[] } };
      const count = body.data?.cameraList?.length;
      const ms = since(start);

      if (count !== 3) throw new Error('The baseline got no camera count.');
      // Untimed, as ours signs out: the stand-in holds no more live grants for one than the other.
      await revoke(portal, tokens.access_token);
      return ms;
    },
  };
}
