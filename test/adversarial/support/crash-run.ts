// The parent side of the crash test. The portal stand-in runs here; the app
// runs in a child (session-cycler.ts) that is killed with SIGKILL at a
// seeded random moment after it has proven the session it loaded, again and
// again. After every kill:
//
// - here, a fresh vault over the files (a new conf instance and cipher
//   state: nothing shared with the dead process) must open whole, and hold
//   the token set last acknowledged on disk or the one being written;
// - the next child, a fresh app process, loads the same files and refreshes
//   with the refresh token it found: `lost` means the portal refused it.
//
// While it runs, every refresh token the child sends must belong to a set
// already confirmed on disk (or the set that one replaced): a refresh token
// sent before its write resolved is rotated away by the portal, and a kill
// then loses the session (a grace period for the replaced token would hide
// that). Access tokens may also come from the set being written.
//
// Both, because each proves what the other cannot: the in-process open sees
// the tokens themselves and compares them with what the child announced, at
// no spawn cost; the fresh process is the real restart the issue asks for,
// and the only honest test that the token still works (a refresh from here
// would rotate it under the next child). Each child is that restart for the
// kill before it, so no extra process is spawned per kill.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { refresh as refreshAtPortal } from '../../support/portal-client';
import { AesGcmCipher } from '../../support/aes-cipher';
import { startProvider } from '../../support/provider';
import { seededRandom } from '../../support/seeded-random';
import { openVaultIn } from '../../support/vault-fixtures';
import { hygiene } from './hygiene';
import { fingerprint } from './token-fingerprint';

export interface CrashRunOptions {
  /** The bundled session-cycler. */
  readonly script: string;
  /** A directory of its own for this run's files. */
  readonly dir: string;
  readonly kills: number;
  readonly seed: number;
  /** The stand-in's rotation grace period; 0 = a replaced refresh token dies at once. */
  readonly rotationGraceSec: number;
  /** The kill lands 0 to this many ms after the child proved its session. */
  readonly maxKillDelayMs: number;
}

export interface CrashRunFigures {
  readonly kills: number;
  /** Kills after which the vault opened whole, as the previous or the new set, here and in the next process. */
  readonly reloads: number;
  /** Sessions whose refresh token on disk the portal refused after a kill. */
  readonly sessionsLost: number;
  /** …of which the kill landed while the new set was being written (sealed, not yet renamed). */
  readonly lostMidWrite: number;
  /** …of which the kill landed before that: the portal had rotated, its answer was on the way. */
  readonly lostInFlight: number;
  /** Kills that landed between sealing a write and its rename (a temporary file may be left). */
  readonly killsMidWrite: number;
  /** Kills after which the vault held the set being written (the rename had happened). */
  readonly newSetOnDisk: number;
  /**
   * Kills that landed while a refresh was in flight: the refresh token on
   * disk had been sent and no newer set was confirmed on disk since. Only
   * these can lose a session (without a grace period).
   */
  readonly killsInRefreshWindow: number;
  /** Sessions lost after a kill outside that window (must be 0: nothing else can lose one). */
  readonly lostOutsideWindow: number;
  /** Requests that carried a refresh token, each checked against the sets confirmed on disk. */
  readonly tokenUses: number;
  readonly signIns: number;
  readonly refreshes: number;
  /** Everything that broke a rule, with the run and the seed. */
  readonly failures: readonly string[];
  readonly elapsedMs: number;
}

interface ChildRun {
  readonly loaded?: { fp: string; recovered: boolean };
  readonly outcome?: string;
  readonly signedIn: boolean;
  readonly error?: string;
  readonly signal: NodeJS.Signals | null;
}

export async function runCrashCycles(options: CrashRunOptions): Promise<CrashRunFigures> {
  const started = performance.now();
  const portal = await startProvider({
    accessTokenLifetimeSec: 60,
    rotateRefreshTokens: true,
    rotationGraceSec: options.rotationGraceSec,
  });
  hygiene.trackPortal(portal);
  const random = seededRandom(options.seed);
  const key = randomBytes(32);
  const cipher = new AesGcmCipher(key, { backend: 'gnome_libsecret' });
  const data = join(options.dir, 'data');
  mkdirSync(data, { recursive: true });
  const cache = join(options.dir, 'compile-cache');
  const failures: string[] = [];
  let acked = '-';
  let writing: string | undefined;
  let onDisk = '-';
  let heldToken: string | undefined;
  let reloads = 0;
  let lost = 0;
  let lostMidWrite = 0;
  let killedMidWrite = false;
  let midWrite = 0;
  let newSet = 0;
  let signIns = 0;
  // Refresh tokens by fingerprint: what the running child has confirmed on disk (L, then
  // each S), the one that replaced, the one being written, and whether the one on disk
  // has been sent since.
  let confirmed: string | undefined;
  let replaced: string | undefined;
  let sealing: string | undefined;
  let refreshSent = false;
  let killedInWindow = false;
  let inWindow = 0;
  let lostOutsideWindow = 0;
  let uses = 0;

  try {
    for (let run = 1; run <= options.kills; run++) {
      const where = `run ${run} of ${options.kills}, seed ${options.seed}`;
      const delay = Math.floor(random() * (options.maxKillDelayMs + 1));
      const child = await runChild(options.script, [data, key.toString('hex'), portal.url], cache, {
        delay,
        onLoaded: (fp) => {
          confirmed = fp;
          replaced = undefined;
          sealing = undefined;
          refreshSent = false;
        },
        onWrite: (fp) => {
          writing = fp;
          sealing = fp;
        },
        onSaved: (fp) => {
          if (fp !== sealing)
            failures.push(`${where}: saved ${fp}, but ${sealing ?? '-'} was sealed`);
          acked = fp;
          writing = undefined;
          replaced = confirmed;
          confirmed = sealing;
          refreshSent = false;
        },
        onRefreshSent: (fp) => {
          // A refresh token must be on disk before it is sent: the portal rotates it on use.
          // (Access tokens are not held to that: the app checks a new connection while its
          // write is in flight, and a kill then loses only that check.)
          uses++;
          if (fp !== confirmed && fp !== replaced) {
            failures.push(
              `${where}: the app sent a refresh token (${fp}) not yet on disk (on disk: ${confirmed ?? '-'})`,
            );
          }
          if (fp === confirmed) refreshSent = true;
        },
      });
      if (child.signedIn) signIns++;
      if (child.error || child.signal !== 'SIGKILL' || !child.loaded) {
        failures.push(`${where}: the child failed (${child.error ?? child.signal ?? 'no load'})`);
        break;
      }
      // The previous kill, as this fresh process saw it.
      const previousOk = child.loaded.fp === onDisk && !child.loaded.recovered;
      if (!previousOk)
        failures.push(`${where}: the process loaded ${child.loaded.fp}, not ${onDisk}`);
      if (child.outcome === 'lost') {
        lost++;
        if (killedMidWrite) lostMidWrite++;
        if (!killedInWindow) lostOutsideWindow++;
      } else if (child.outcome !== 'ok' && child.outcome !== 'none') {
        failures.push(`${where}: first refresh ${child.outcome ?? 'never finished'}`);
      }
      if (run > 1 && previousOk && child.outcome !== undefined) reloads++;
      if (child.outcome === 'none' && onDisk !== '-') failures.push(`${where}: session gone`);

      // This kill, as a fresh vault here sees it.
      killedMidWrite = writing !== undefined;
      if (killedMidWrite) midWrite++;
      killedInWindow = refreshSent;
      if (killedInWindow) inWindow++;
      const { fp, token, recovered } = await readVault(data, cipher);
      hygiene.vaultFiles(data);
      if (recovered) failures.push(`${where}: the vault was set aside after the kill`);
      if (fp !== acked && fp !== writing) {
        failures.push(`${where}: the vault holds ${fp}, neither ${acked} (on disk) nor ${writing}`);
      }
      if (writing !== undefined && fp === writing) newSet++;
      acked = onDisk = fp;
      writing = undefined;
      heldToken = token;
    }
    // The last kill's reload: here, and its refresh token at the portal.
    if (failures.length === 0) {
      reloads++;
      if (heldToken) {
        const answer = await refreshAtPortal(portal, heldToken);
        if (answer.status !== 200) {
          lost++;
          if (killedMidWrite) lostMidWrite++;
          if (!killedInWindow) lostOutsideWindow++;
        }
      }
    }
  } finally {
    await portal.close();
  }
  return {
    kills: options.kills,
    reloads,
    sessionsLost: lost,
    lostMidWrite,
    lostInFlight: lost - lostMidWrite,
    killsMidWrite: midWrite,
    newSetOnDisk: newSet,
    killsInRefreshWindow: inWindow,
    lostOutsideWindow,
    tokenUses: uses,
    signIns,
    refreshes: portal.stats.token.refresh_token,
    failures,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function readVault(dir: string, cipher: AesGcmCipher) {
  const vault = await openVaultIn(dir, cipher);
  const token = vault.listAccounts()[0]?.tokens.refreshToken;
  const recovered = vault.storageStatus().recovered !== null;
  await vault.dispose();
  return { fp: fingerprint(token), token, recovered };
}

interface ChildHooks {
  readonly delay: number;
  /** The refresh token a fresh process found on disk. */
  onLoaded(fp: string): void;
  onWrite(fp: string): void;
  onSaved(fp: string): void;
  /** A request is leaving with this refresh token. */
  onRefreshSent(fp: string): void;
}

/** Starts the cycler, follows its lines, kills it `delay` ms after its first check. */
function runChild(
  script: string,
  args: string[],
  compileCache: string,
  hooks: ChildHooks,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // V8's code cache on disk: every start after the first skips compiling the bundle.
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    });
    const run: { -readonly [K in keyof ChildRun]: ChildRun[K] } = { signedIn: false, signal: null };
    let partial = '';
    let killTimer: NodeJS.Timeout | undefined;
    // A child that never proves its session is killed and reported, not waited for.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const line = (text: string): void => {
      const [kind, a, b] = text.split(' ');
      if (kind === 'L') {
        run.loaded = { fp: a ?? '?', recovered: b === '1' };
        hooks.onLoaded(a ?? '?');
      } else if (kind === 'W') hooks.onWrite(a ?? '?');
      else if (kind === 'S') hooks.onSaved(a ?? '?');
      else if (kind === 'U') hooks.onRefreshSent(a ?? '?');
      else if (kind === 'I') run.signedIn = true;
      else if (kind === 'E') run.error = text.slice(2);
      // Killed at random once in the loop: after the session on disk proved
      // itself, or after the sign-in that replaced one (sign-ins are not what is tested).
      if (kind === 'R') run.outcome = a;
      if ((kind === 'R' && a === 'ok') || kind === 'I') {
        killTimer = setTimeout(() => child.kill('SIGKILL'), hooks.delay);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      hygiene.log(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const text of lines) line(text);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      hygiene.log(chunk);
      run.error ??= `stderr: ${chunk.slice(0, 500)}`;
    });
    child.on('error', reject);
    // 'close' comes after stdout is drained: every line is in.
    child.on('close', (_code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      run.signal = signal;
      resolve(run);
    });
  });
}
