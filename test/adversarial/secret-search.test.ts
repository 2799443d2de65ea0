// The secret search must be able to fail: planted leaks, in every channel
// and every encoding, with real secrets a stand-in issued, are all found;
// and the suite's capture really receives this process's console output,
// direct stdout/stderr writes and a child's output.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { obtainTokens } from '../support/portal-client';
import { startProvider, type ProviderStandIn } from '../support/provider';
import { makeTempDir } from '../support/temp-dir';
import { hygiene, Hygiene, SecretIndex } from './support/hygiene';

let portal: ProviderStandIn | undefined;
afterAll(() => portal?.close());

describe('the secret search', () => {
  it('finds a secret raw, JSON-escaped and URL-encoded, at any position, and names only its kind', () => {
    const secrets = ['nxs_rt_abc/def+ghi="jkl"', 'a-client-secret-éčř', 'short123'];
    const index = new SecretIndex(secrets);
    const texts = [
      `…${secrets[0]}`,
      JSON.stringify({ token: secrets[0] }),
      `https://x.example/?t=${encodeURIComponent(secrets[1]!)}`,
      JSON.stringify(secrets[1]).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      `${secrets[2]} at the start`,
    ];
    const hits = texts.map((text) => [...index.find(text)]);
    expect(hits.map((h) => h.length)).toEqual([1, 1, 1, 1, 1]);
    expect(hits[0]![0]).toEqual({ kind: 'nxs_rt_', at: 1 });
    expect(hits[2]![0]!.kind).toBe('secret #2');
    expect([...index.find('nxs_rt_abc/def+ghi="jk')]).toEqual([]); // a prefix is not the secret
  });

  it('finds planted leaks of issued tokens in every channel; the stand-in passwords are not secrets', async () => {
    portal = await startProvider({});
    const tokens = await obtainTokens(portal);
    const search = new Hygiene();
    search.trackPortal(portal);
    // The file's own search (setup.ts) looks for these too: its output must not hold them.
    hygiene.trackPortal(portal);
    expect(search.secrets()).toContain(tokens.refresh_token);
    expect(search.secrets()).toContain('demo-client-secret');
    expect(search.secrets()).not.toContain('operator'); // a password, and also the user name
    // The PKCE verifier the portal received counts too.
    expect(search.secrets().filter((s) => /^[A-Za-z0-9_-]{43}$/.test(s))).toHaveLength(1);

    const dir = makeTempDir('netrex-leak-');
    writeFileSync(`${dir.path}/vault.json`, JSON.stringify({ sealed: tokens.access_token }));
    // A "sealed" blob that is only base64: the decoded bytes are searched too.
    const encoded = Buffer.from(JSON.stringify({ refreshToken: tokens.refresh_token })).toString(
      'base64',
    );
    writeFileSync(`${dir.path}/vault.json.corrupted-x`, JSON.stringify({ sealed: encoded }));
    writeFileSync(`${dir.path}/settings.json`, tokens.access_token); // not a vault file: not searched
    search.vaultFiles(dir.path);
    dir.dispose();
    search.log(`refreshing with ${tokens.refresh_token}`);
    search.error({ code: 'x', message: 'm', detail: `echo ${tokens.access_token}` });
    search.renderer({ accounts: [{ label: encodeURIComponent('demo-client-secret') }] });
    const report = search.scan();
    expect(report.hits.map((h) => [h.channel, h.kind])).toEqual([
      ['logs', 'nxs_rt_'],
      ['errors', 'nxs_at_'],
      ['renderer', 'secret #1'],
      ['vault', 'nxs_at_'],
      ['vault', 'nxs_rt_'],
    ]);
  });

  it('finds a secret planted in a log file raw, JSON-escaped, URL-encoded and base64, each in its own file', async () => {
    portal ??= await startProvider({});
    const tokens = await obtainTokens(portal);
    const dir = makeTempDir('netrex-log-leak-');
    const line = (detail: string) => `2026-11-27T12:00:00.000Z INFO  planted detail=${detail}\n`;
    const refresh = tokens.refresh_token!;
    const plants: Record<string, string> = {
      'main.log': line(refresh),
      'main.20261127-110000-000.log': line(JSON.stringify({ t: `${refresh}\u00e9/` })),
      'main.20261127-100000-000.log': line(`https://x.example/?t=${encodeURIComponent(refresh)}`),
      'main.20261127-090000-000.log': line(Buffer.from(`rt=${refresh}`).toString('base64')),
      'main.20261127-080000-000.log': line(Buffer.from(`rt=${refresh}`).toString('base64url')),
    };
    for (const [name, text] of Object.entries(plants)) writeFileSync(`${dir.path}/${name}`, text);
    const search = new Hygiene();
    search.trackPortal(portal);
    hygiene.trackPortal(portal);
    search.logFiles(dir.path);
    dir.dispose();
    const hits = search.scan().hits.filter((hit) => hit.kind === 'nxs_rt_');
    expect(hits.map((hit) => hit.channel)).toEqual(Array(5).fill('logfile'));
    // Each planted file was found once: nothing else in them holds a secret.
    expect(search.scan().searched.logfile.texts).toBeGreaterThanOrEqual(5);
  });

  it("captures this process's console and stdout/stderr, and a child's output", () => {
    const marker = `capture-check-${Math.random().toString(36).slice(2)}`;
    console.info(`${marker}-console`);
    process.stdout.write(`${marker}-stdout\n`);
    process.stderr.write(`${marker}-stderr\n`);
    const child = spawnSync(process.execPath, ['-e', `console.log('${marker}-child')`], {
      encoding: 'utf8',
    });
    hygiene.log(child.stdout);
    for (const where of ['console', 'stdout', 'stderr', 'child']) {
      expect(hygiene.logged(`${marker}-${where}`), where).toBe(true);
    }
  });
});
