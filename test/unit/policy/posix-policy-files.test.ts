// Linux and macOS policy files, read from real files with real owners and
// modes: /etc/netrex-connect's policy.json and policy.d (later names win),
// the managed preferences plists (binary and XML, machine before user), and
// the plant attack refused: a file or folder a standard user owns or may
// write counts for nothing, and the notice says which path and why.
//
// Planting a file owned by another user needs root (chown); CI runs as root.
// Elsewhere those cases are skipped and say so; the mode cases run anyway.
import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildBinary } from 'plist';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combinePolicies } from '../../../main/policy/effective-policy';
import { policySourceRefusalToUserFacing } from '../../../main/policy/policy-notices';
import { readLinuxPolicies, readMacPolicies } from '../../../main/policy/policy-sources';
import { judgePosixChain, LINUX_ADMINS, MACOS_ADMINS } from '../../../main/policy/posix-trust';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const asRoot = process.getuid?.() === 0;
/** A standard user's id (nobody). */
const USER = 65534;

let dir: TempDir;
let etc: string;
beforeEach(() => {
  dir = makeTempDir('netrex-policy-');
  etc = join(dir.path, 'netrex-connect');
  mkdirSync(join(etc, 'policy.d'), { recursive: true, mode: 0o755 });
  chmodSync(etc, 0o755);
});
afterEach(() => dir.dispose());

/** The administrators are whoever runs the test when not root (so the mode cases still run). */
const admins = asRoot ? LINUX_ADMINS : { uids: [process.getuid!()], gids: [] };
const put = (path: string, value: unknown, mode = 0o644): void => {
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  chmodSync(path, mode);
};

describe('Linux: /etc/netrex-connect', () => {
  it('reads policy.json and policy.d/*.json, a later name winning, managed.json last', async () => {
    put(join(etc, 'managed.json'), { allowApiTokens: true, logLevel: 'debug' });
    put(join(etc, 'policy.json'), { allowCustomPortals: true, allowApiTokens: false });
    put(join(etc, 'policy.d', '10-portals.json'), {
      allowCustomPortals: false,
      providers: [{ id: 'acme', name: 'ACME', url: 'https://acme.example', clientId: 'a' }],
    });
    put(join(etc, 'policy.d', '20-updates.json'), {
      updateUrl: 'https://updates.example/nc',
      providers: [{ id: 'acme', name: 'ACME 2', url: 'https://acme2.example', clientId: 'b' }],
    });
    put(join(etc, 'policy.d', 'notes.txt'), 'not a policy');
    const readings = await readLinuxPolicies(etc, admins);
    expect(readings.map((r) => r.source.location.slice(etc.length))).toEqual([
      '/policy.d/20-updates.json',
      '/policy.d/10-portals.json',
      '/policy.json',
      '/managed.json',
    ]);
    const policy = combinePolicies(readings);
    expect(policy.values).toEqual({
      allowCustomPortals: false,
      allowApiTokens: false,
      logLevel: 'debug',
      updateUrl: 'https://updates.example/nc',
    });
    expect(policy.managed.providers).toEqual([
      expect.objectContaining({ id: 'acme', name: 'ACME 2', url: 'https://acme2.example' }),
    ]);
    expect(policy.sourceOf.allowCustomPortals?.location).toBe(
      join(etc, 'policy.d', '10-portals.json'),
    );
    expect(policy.refused).toEqual([]);
  });

  it('refuses a world-writable file and a file in a folder others may write to', async () => {
    put(join(etc, 'policy.json'), { allowCustomPortals: false }, 0o666);
    put(join(etc, 'policy.d', '50-x.json'), { allowApiTokens: false });
    chmodSync(join(etc, 'policy.d'), 0o777);
    const policy = combinePolicies(await readLinuxPolicies(etc, admins));
    expect(policy.values).toEqual({});
    expect(policy.refused.map((r) => [r.reason, r.path])).toEqual([
      ['writable', join(etc, 'policy.d')],
      ['writable', join(etc, 'policy.json')],
    ]);
    expect(policy.refused[1]!.detail).toMatch(/may be written by every user \(mode 0666\)/);
    const notice = policySourceRefusalToUserFacing(policy.refused[1]!);
    expect(notice).toMatchObject({
      code: 'policy_source_refused',
      params: { source: join(etc, 'policy.json'), variant: 'writable' },
    });
  });

  it('a sticky world-writable folder above (as /tmp) does not refuse what root put in it', () => {
    const chain = [
      { path: '/x/policy.json', uid: 0, gid: 0, mode: 0o100644 },
      { path: '/x', uid: 0, gid: 0, mode: 0o41777 },
      { path: '/', uid: 0, gid: 0, mode: 0o40755 },
    ];
    expect(judgePosixChain(chain, LINUX_ADMINS)).toBeNull();
    // The same mode on the file itself is refused: the sticky bit guards folders only.
    expect(judgePosixChain([{ ...chain[0]!, mode: 0o101666 }], LINUX_ADMINS)?.reason).toBe(
      'writable',
    );
    // macOS: the admin group may write; on Linux that group is no administrator's.
    const adminGroup = [{ path: '/L/p.plist', uid: 0, gid: 80, mode: 0o100664 }];
    expect(judgePosixChain(adminGroup, MACOS_ADMINS)).toBeNull();
    expect(judgePosixChain(adminGroup, LINUX_ADMINS)?.reason).toBe('writable');
  });

  it.skipIf(!asRoot)(
    'refuses a file a standard user planted (owned by them), naming the owner',
    async () => {
      put(join(etc, 'policy.json'), { allowCustomPortals: true, updatesEnabled: true });
      put(join(etc, 'policy.d', '99-planted.json'), {
        providers: [{ id: 'netrex', clientId: 'attacker-client' }],
        allowCustomPortals: false,
      });
      chownSync(join(etc, 'policy.d', '99-planted.json'), USER, USER);
      const policy = combinePolicies(await readLinuxPolicies(etc, LINUX_ADMINS));
      expect(policy.managed.providers).toEqual([]);
      expect(policy.values).toEqual({ allowCustomPortals: true, updatesEnabled: true });
      expect(policy.refused).toEqual([
        expect.objectContaining({
          reason: 'owner',
          path: join(etc, 'policy.d', '99-planted.json'),
          detail: expect.stringMatching(/owned by user id 65534, not by root/),
        }),
      ]);
    },
  );

  it.skipIf(!asRoot)(
    'refuses a root file reached through a folder a user owns, and a link to a user file',
    async () => {
      const userDir = join(dir.path, 'home');
      mkdirSync(userDir, { mode: 0o755 });
      put(join(userDir, 'policy.json'), { allowApiTokens: false });
      chownSync(userDir, USER, USER);
      symlinkSync(join(userDir, 'policy.json'), join(etc, 'policy.json'));
      const policy = combinePolicies(await readLinuxPolicies(etc, LINUX_ADMINS));
      expect(policy.values).toEqual({});
      expect(policy.refused[0]).toMatchObject({ reason: 'owner', path: userDir });
    },
  );

  it('a file that cannot be used fails closed; a missing folder is no policy', async () => {
    put(join(etc, 'policy.json'), '{ "allowApiTokens": false, ');
    const broken = combinePolicies(await readLinuxPolicies(etc, admins));
    expect(broken.values).toEqual({
      allowCustomPortals: false,
      allowApiTokens: false,
      updatesEnabled: false,
    });
    expect(broken.managed.errors).toEqual([
      expect.objectContaining({ field: '(file)', message: 'it is not valid JSON', locks: true }),
    ]);
    expect(await readLinuxPolicies(join(dir.path, 'absent'), admins)).toEqual([]);
  });

  it('a broken update server turns updates off, and the other fields still count', async () => {
    put(join(etc, 'policy.json'), {
      updatesEnabled: true,
      updateUrl: 'http://plain.example/feed',
      allowApiTokens: false,
      logLevel: 'loud',
    });
    const policy = combinePolicies(await readLinuxPolicies(etc, admins));
    expect(policy.values).toEqual({ updatesEnabled: false, allowApiTokens: false });
    expect(policy.managed.errors.map((e) => [e.field, e.locks ?? false])).toEqual([
      ['logLevel', false],
      ['updateUrl', false],
    ]);
  });
});

describe('macOS: managed preferences', () => {
  const domain = 'cz.netrex.connect.plist';
  const legacy = () => join(dir.path, 'Application Support', 'managed.json');

  it('reads the binary machine plist before the XML user plist, skipping Payload keys', async () => {
    mkdirSync(join(dir.path, 'operator'), { mode: 0o755 });
    writeFileSync(
      join(dir.path, domain),
      buildBinary({
        PayloadUUID: 'ignored',
        allowApiTokens: false,
        providers: [{ id: 'netrex', clientId: 'machine-client', clientSecret: 's3' }],
      }),
    );
    writeFileSync(
      join(dir.path, 'operator', domain),
      build({ allowApiTokens: true, launchAtLogin: true, updateChannel: 'beta' }),
    );
    const readings = await readMacPolicies('operator', dir.path, legacy(), admins);
    expect(readings.map((r) => [r.source.kind, r.source.scope])).toEqual([
      ['plist', 'machine'],
      ['plist', 'user'],
    ]);
    const policy = combinePolicies(readings);
    expect(policy.values).toEqual({
      allowApiTokens: false,
      launchAtLogin: true,
      updateChannel: 'beta',
    });
    expect(policy.managed.providers[0]).toMatchObject({ id: 'netrex', clientId: 'machine-client' });
    expect(policy.managed.clientSecrets.get('netrex')).toBe('s3');
    expect(policy.managed.errors).toEqual([]);
  });

  it('reports a date where a policy belongs, and a file that is no plist fails closed', async () => {
    writeFileSync(join(dir.path, domain), buildBinary({ updateUrl: new Date(0) }));
    const dated = combinePolicies(await readMacPolicies('', dir.path, legacy(), admins));
    expect(dated.managed.errors[0]).toMatchObject({
      field: 'updateUrl',
      message: 'holds a date or data, which no policy takes',
    });
    expect(dated.values.updatesEnabled).toBe(false);
    writeFileSync(join(dir.path, domain), 'not a plist at all');
    const broken = combinePolicies(await readMacPolicies('', dir.path, legacy(), admins));
    expect(broken.values.allowCustomPortals).toBe(false);
  });

  it.skipIf(!asRoot)('refuses a plist a standard user owns', async () => {
    mkdirSync(join(dir.path, 'operator'), { mode: 0o755 });
    writeFileSync(join(dir.path, 'operator', domain), buildBinary({ allowCustomPortals: false }));
    chownSync(join(dir.path, 'operator', domain), USER, USER);
    const policy = combinePolicies(
      await readMacPolicies('operator', dir.path, legacy(), MACOS_ADMINS),
    );
    expect(policy.values).toEqual({});
    expect(policy.refused[0]).toMatchObject({ reason: 'owner', source: { scope: 'user' } });
  });

  it('never reads a per-user folder named by a user name with a slash', async () => {
    const readings = await readMacPolicies('../etc', dir.path, legacy(), admins);
    expect(readings).toEqual([]);
  });
});
