// Crash safety: a child process writes the vault in a tight loop and is
// killed with SIGKILL at random moments, again and again. After every kill
// the file must open (nothing set aside), hold one whole generation of every
// account's tokens, and that generation must be the last one the child
// reported on disk or the one it was writing: never a torn file, never an
// acknowledged write lost.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AesGcmCipher } from '../../support/aes-cipher';
import { bundleNodeScript } from '../../support/node-script';
import { seededRandom } from '../../support/seeded-random';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import {
  generationOf,
  makeLargeAccount,
  openVaultIn,
  VAULT_FILE,
} from '../../support/vault-fixtures';

const KILLS = 40;
const ACCOUNTS = 4;
/** The kill lands this long (0 to MAX ms, random) after the child's first write. */
const MAX_KILL_DELAY_MS = 25;

interface KilledRun {
  /** The last generation the child reported on disk. */
  readonly acknowledged: number;
}

/** Starts the writer, kills it `delayMs` after its first acknowledged write, waits for its end. */
function runAndKill(
  script: string,
  dir: string,
  keyHex: string,
  delayMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, keyHex, String(ACCOUNTS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.includes('\n')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every acknowledgement is in `out`.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer ended by itself (code ${code}): ${err.slice(0, 2_000)}`));
        return;
      }
      const lines = out.split('\n').filter(Boolean);
      resolve({ acknowledged: Number(lines.at(-1)) });
    });
  });
}

describe('vault writes survive SIGKILL at any moment', () => {
  let dir: TempDir;
  let script: string;

  beforeAll(async () => {
    dir = makeTempDir('netrex-vault-kill-');
    script = await bundleNodeScript(
      join(import.meta.dirname, '../../support/vault-writer.ts'),
      join(dir.path, 'bin', 'vault-writer.mjs'),
    );
  });
  afterAll(() => dir.dispose());

  it(`holds a whole previous-or-new token set after each of ${KILLS} kills`, async () => {
    const seed = Number(process.env.VAULT_KILL_SEED ?? randomBytes(4).readUInt32LE());
    const random = seededRandom(seed);
    const key = randomBytes(32);
    const cipher = new AesGcmCipher(key, { backend: 'gnome_libsecret' });
    const data = join(dir.path, 'data');
    mkdirSync(data);
    const tempFiles = () => readdirSync(data).filter((name) => name.includes('.tmp-'));
    let midWrite = 0;

    for (let run = 1; run <= KILLS; run++) {
      const where = `run ${run} of ${KILLS}, VAULT_KILL_SEED=${seed}`;
      const before = tempFiles().length;
      const { acknowledged } = await runAndKill(
        script,
        data,
        key.toString('hex'),
        Math.floor(random() * (MAX_KILL_DELAY_MS + 1)),
      );
      // A temporary file left behind means the kill landed mid-write.
      if (tempFiles().length > before) midWrite++;

      const vault = await openVaultIn(data, cipher);
      const status = vault.storageStatus();
      const accounts = vault.listAccounts();
      await vault.dispose();
      expect(status.recovered, where).toBeNull();
      expect(accounts, where).toHaveLength(ACCOUNTS);
      const generation = generationOf(accounts[0]!);
      expect([acknowledged, acknowledged + 1], where).toContain(generation);
      expect(accounts, where).toEqual(
        accounts.map((_, i) => makeLargeAccount(`w${i}`, generation)),
      );
    }

    // Kills that landed mid-write are what this test is about; with ~2 ms writes
    // and kills spread over 25 ms, many of 40 do (too few would mean it tests nothing).
    expect(midWrite, `VAULT_KILL_SEED=${seed}`).toBeGreaterThan(0);
    console.log(`vault kill test: ${KILLS} kills, ${midWrite} mid-write (seed ${seed})`);

    // The leftovers of torn writes are sealed too: no clear token in any file.
    for (const name of readdirSync(data)) {
      expect(readFileSync(join(data, name), 'utf8'), name).not.toContain('AT"w0');
    }
    expect(readdirSync(data)).toContain(VAULT_FILE);
  });

  it('catches a writer that is not atomic (the control)', async () => {
    // conf writes in place, without the temporary file and rename, under SNAP:
    // the same kills must then soon leave a torn file, or this test proves nothing.
    const seed = Number(process.env.VAULT_KILL_SEED ?? randomBytes(4).readUInt32LE());
    const random = seededRandom(seed);
    const key = randomBytes(32);
    const data = join(dir.path, 'control');
    mkdirSync(data);
    let torn = 0;
    for (let run = 1; run <= KILLS && torn === 0; run++) {
      await runAndKill(
        script,
        data,
        key.toString('hex'),
        Math.floor(random() * (MAX_KILL_DELAY_MS + 1)),
        {
          ...process.env,
          SNAP: '1',
        },
      );
      const vault = await openVaultIn(data, new AesGcmCipher(key, { backend: 'gnome_libsecret' }));
      if (vault.storageStatus().recovered) torn = run;
      await vault.dispose();
    }
    expect(
      torn,
      `no torn file in ${KILLS} kills of an in-place writer, VAULT_KILL_SEED=${seed}`,
    ).toBeGreaterThan(0);
  });
});
