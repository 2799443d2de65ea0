// Figure 1, connect latency: from the redirect URL handed to the app to the
// account shown `connected` with its camera count, against two references
// done with oauth4webapi and fetch: the bare protocol (information), and the
// floor, the bare protocol plus the one thing any client that survives a
// restart must add, one atomic durable write of its sealed tokens (target).
//
// Ours: services.handleDeepLink(url) — state check, token exchange, vault
// write (sealed, fsync'd), account added, status probe (cameraList), the
// accounts-changed event. Timing stops at the event that shows the camera
// count, or when handleDeepLink resolves (the tokens on disk) if that is later.
// Baseline: validateAuthResponse, one token request, one GraphQL request.
// Floor: the same, with the tokens sealed (AES-256-GCM) into a blob the size
// of our vault file and written durably (bench/durable-write.ts) between the
// two requests. On loopback with Node's fetch, starting the GraphQL request
// before a synchronous write gains nothing: its POST leaves a couple of
// event-loop turns after the call, that is after the write (README).
//
// The portal is the stand-in at an address: in its own process for the
// figure with the target (bench/portal-process.ts: a real portal is another
// machine), in the bench's process for the older, informational one.
//
// Each run starts from a fresh authorization code: the browser's part (login
// and consent over HTTP) is played before the clock starts. Ours signs out
// after each run (untimed) so every run is a first sign-in, not a
// re-sign-in that would also revoke the previous grant. Ours, the baseline
// and the floor take turns going first (a rotation per round), so drift and
// warm-up hit all three alike. The services write their log file as in the
// app (bench-services.ts).
import { statSync } from 'node:fs';
import { join } from 'node:path';
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
import { writeDurably } from './durable-write';
import { since, summarise, type Summary } from './stats';

export interface ConnectFigures {
  readonly ours: Summary;
  readonly baseline: Summary;
  /** Ours / baseline, per side-by-side pair. */
  readonly ratio: Summary;
  readonly floor: Summary;
  /** Ours / floor, per side-by-side pair (the target figure). */
  readonly floorRatio: Summary;
  /** The size of the blob the floor writes: our vault file with one account. */
  readonly sealedBytes: number;
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
  const vaultFile = join(dir.path, 'vault.json');
  const bare = bareClient(portal);
  const floorDir = makeTempDir('netrex-bench-floor-');
  // Our vault with the one account, measured on the first sign-in (a warm-up one).
  let sealedBytes = 0;
  const floor = bareClient(portal, {
    cipher: AesGcmCipher.random(),
    path: join(floorDir.path, 'tokens.bin'),
    bytes: () => sealedBytes,
  });
  const ours: number[] = [];
  const baseline: number[] = [];
  const floored: number[] = [];
  try {
    for (let i = 0; i < warmupPairs + pairs; i++) {
      const times = { ours: 0, baseline: 0, floor: 0 };
      const turns = {
        ours: async () => {
          const run = await connectOurs(services, portal, opened, vaultFile);
          sealedBytes ||= run.vaultBytes;
          times.ours = run.ms;
        },
        baseline: async () => void (times.baseline = await bare.connect()),
        floor: async () => void (times.floor = await floor.connect()),
      };
      // Ours first in the first round: the floor needs the size of our vault.
      for (const turn of rotation(['ours', 'floor', 'baseline'] as const, i)) await turns[turn]();
      if (i < warmupPairs) continue;
      ours.push(times.ours);
      baseline.push(times.baseline);
      floored.push(times.floor);
    }
  } finally {
    await services.dispose();
    dir.dispose();
    floorDir.dispose();
  }
  return {
    ours: summarise(ours),
    baseline: summarise(baseline),
    ratio: summarise(ours.map((ms, i) => ms / baseline[i]!)),
    floor: summarise(floored),
    floorRatio: summarise(ours.map((ms, i) => ms / floored[i]!)),
    sealedBytes,
    pairs,
    warmupPairs,
  };
}

/** The `round`-th rotation of `items`: each goes first in turn. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** One sign-in through the app; the time from the deep link to the camera count. */
async function connectOurs(
  services: AppServices,
  portal: PortalAddress,
  opened: string[],
  vaultFile: string,
): Promise<{ ms: number; vaultBytes: number }> {
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
  // Done when the camera count shows and the sign-in has finished, its
  // tokens on disk (handleDeepLink resolves after the vault write): a camera
  // count shown before the write would not count as a faster sign-in.
  const handled = services.handleDeepLink(location);
  const [list] = await Promise.all([connected, handled]);
  const ms = since(start);

  const account = list.find((a) => a.state === 'connected');
  if (!account || account.cameras?.count !== 3) throw new Error('The account has no camera count.');
  const vaultBytes = statSync(vaultFile).size;
  const out = await services.handlers.signOut(account.id);
  if (!out.ok) throw new Error(`Sign-out failed: ${out.error.code}`);
  return { ms, vaultBytes };
}

/** Where the floor keeps its tokens, and how large its sealed blob is. */
interface DurableTokens {
  readonly cipher: AesGcmCipher;
  readonly path: string;
  readonly bytes: () => number;
}

/**
 * The bare minimum a client does with oauth4webapi and fetch; with `durable`,
 * the floor: its tokens sealed and written durably before the API request.
 */
function bareClient(portal: PortalAddress, durable?: DurableTokens) {
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
      if (durable) await keepDurably(durable, tokens);
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

/** Seals the tokens and writes them, padded to our vault's size, atomically and durably. */
async function keepDurably(
  durable: DurableTokens,
  tokens: oauth.TokenEndpointResponse,
): Promise<void> {
  const sealed = await durable.cipher.encrypt(
    JSON.stringify({
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresIn: tokens.expires_in,
    }),
  );
  const blob = Buffer.alloc(Math.max(durable.bytes(), sealed.length), 0x20);
  Buffer.from(sealed).copy(blob);
  writeDurably(durable.path, blob);
}
