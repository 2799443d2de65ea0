import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combinePolicies } from '../../../main/policy/effective-policy';
import { jsonReading } from '../../../main/policy/policy-files';
import { readDevelopmentFile } from '../../../main/policy/policy-sources';
import {
  managedConfigErrorToUserFacing,
  managedConfigPath,
  MANAGED_ENTRY_FIELDS,
  MAX_MANAGED_CONFIG_BYTES,
  type ManagedConfig,
} from '../../../main/providers/managed-config';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

/** One JSON policy file, read as the app reads a file it trusts, to what the portals get. */
async function loadManagedConfig(file: string): Promise<ManagedConfig> {
  return combinePolicies(await readDevelopmentFile(file)).managed;
}

describe('managedConfigPath', () => {
  it('is documented per OS', async () => {
    expect(managedConfigPath('win32', { ProgramData: 'D:\\PD' })).toBe(
      'D:\\PD\\NetrexConnect\\managed.json',
    );
    expect(managedConfigPath('win32', {})).toBe('C:\\ProgramData\\NetrexConnect\\managed.json');
    expect(managedConfigPath('darwin', {})).toBe(
      '/Library/Application Support/NetrexConnect/managed.json',
    );
    expect(managedConfigPath('linux', {})).toBe('/etc/netrex-connect/managed.json');
  });

  it('follows NETREX_MANAGED_CONFIG on every OS', async () => {
    for (const os of ['win32', 'darwin', 'linux'] as const) {
      expect(managedConfigPath(os, { NETREX_MANAGED_CONFIG: ' /srv/it/nc.json ' })).toBe(
        '/srv/it/nc.json',
      );
    }
  });

  it('ignores NETREX_MANAGED_CONFIG in a packaged app (a shortcut must not lift the lockdown)', async () => {
    const env = { NETREX_MANAGED_CONFIG: '/nowhere/missing.json', ProgramData: 'D:\\PD' };
    expect(managedConfigPath('linux', env, true)).toBe('/etc/netrex-connect/managed.json');
    expect(managedConfigPath('darwin', env, true)).toBe(
      '/Library/Application Support/NetrexConnect/managed.json',
    );
    expect(managedConfigPath('win32', env, true)).toBe('D:\\PD\\NetrexConnect\\managed.json');
    expect(managedConfigPath('linux', env, false)).toBe('/nowhere/missing.json');
  });
});

describe('one JSON policy document', () => {
  let dir: TempDir;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'managed.json');
  });
  afterEach(() => dir.dispose());
  const write = (value: unknown) =>
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));

  it('is empty, without error, when there is no file', async () => {
    const config = await loadManagedConfig(file);
    expect(config).toMatchObject({
      file: null,
      providers: [],
      errors: [],
      allowCustomPortals: true,
    });
  });

  it('configures a built-in portal, locked by default, keeping the secret apart', async () => {
    write({
      providers: [
        {
          id: 'netrex',
          clientId: 'abc123',
          clientSecret: 'shh-very-secret',
          rights: ['read', 'liveview'],
        },
      ],
    });
    const config = await loadManagedConfig(file);
    expect(config.errors).toEqual([]);
    expect(config.providers).toEqual([
      expect.objectContaining({
        id: 'netrex',
        url: 'https://system2.netrex.cz',
        clientId: 'abc123',
        rights: ['read', 'liveview'],
        origin: 'managed',
        locked: true,
      }),
    ]);
    expect(JSON.stringify(config.providers)).not.toContain('shh-very-secret');
    expect(config.clientSecrets.get('netrex')).toBe('shh-very-secret');
  });

  it('adds a new portal and honours allowCustomPortals and locked:false', async () => {
    write({
      allowCustomPortals: false,
      providers: [
        {
          id: 'acme',
          name: 'ACME',
          url: 'https://portal.acme.example/',
          clientId: 'c',
          locked: false,
          redirectKind: 'loopback',
          loopbackPort: 50123,
        },
      ],
    });
    const config = await loadManagedConfig(file);
    expect(config.errors).toEqual([]);
    expect(config.allowCustomPortals).toBe(false);
    expect(config.providers[0]).toMatchObject({
      id: 'acme',
      dialect: 'netrex',
      url: 'https://portal.acme.example',
      locked: false,
      redirectKind: 'loopback',
      loopbackPort: 50123,
    });
  });

  it('loopbackFallback: true says the portal has the loopback address registered too; anything but a boolean skips the entry', async () => {
    write({
      providers: [
        { id: 'netrex', clientId: 'abc', loopbackFallback: true },
        { id: 'camstreamer-cloud', clientId: 'def', loopbackFallback: 'yes' },
      ],
    });
    const config = await loadManagedConfig(file);
    expect(config.providers).toHaveLength(1);
    expect(config.providers[0]).toMatchObject({ id: 'netrex', loopbackFallback: true });
    expect(config.errors).toMatchObject([{ file, field: 'providers[1].loopbackFallback' }]);
  });

  it('names the file and (file) for a file that is not JSON', async () => {
    write('{ "providers": [ ');
    const config = await loadManagedConfig(file);
    expect(config.file).toBe(file);
    expect(config.providers).toEqual([]);
    expect(config.errors).toEqual([
      {
        file,
        field: '(file)',
        rule: 'file-not-json',
        message: 'it is not valid JSON',
        locks: true,
      },
    ]);
    expect(managedConfigErrorToUserFacing(config.errors[0]!).message).toContain(file);
  });

  it('names the field of each broken entry and keeps the valid ones', async () => {
    write({
      providers: [
        { id: 'good', name: 'Good', url: 'https://good.example', clientId: 'x' },
        { id: 'bad-url', name: 'Bad', url: 'http://bad.example' },
        { id: 'Bad Id!', name: 'X', url: 'https://x.example' },
        { id: 'typo', name: 'T', url: 'https://t.example', clientID: 'oops' },
        { id: 'rights', name: 'R', url: 'https://r.example', rights: ['read', 'fly'] },
        { id: 'port', name: 'P', url: 'https://p.example', loopbackPort: 80 },
        { id: 'netrex', url: 'https://elsewhere.example' },
        { id: 'nourl', name: 'No URL' },
        { id: 'good', name: 'Again', url: 'https://good2.example' },
      ],
    });
    const config = await loadManagedConfig(file);
    expect(config.providers.map((p) => p.id)).toEqual(['good']);
    const fields = config.errors.map((e) => e.field);
    expect(fields).toEqual([
      'providers[1].url',
      'providers[2].id',
      'providers[3]',
      'providers[4].rights',
      'providers[5].loopbackPort',
      'providers[6].url',
      'providers[7].url',
      'providers[8].id',
    ]);
    for (const error of config.errors) {
      expect(error.file).toBe(file);
      const text = managedConfigErrorToUserFacing(error).message;
      expect(text).toContain(file);
      expect(text).toContain(error.field);
    }
    expect(config.errors[0]!.message).toMatch(/https:\/\//);
    expect(config.errors[2]!.message).toMatch(/clientID/);
  });

  it('names the rule each broken part breaks, with what its sentence names, for the window', async () => {
    write({
      allowCustomPortals: 'false',
      providers: [
        { id: 'netrex', clientID: 'typo' },
        { id: 'Bad Id!', name: 'X', url: 'https://x.example' },
        { id: 'port', name: 'P', url: 'https://p.example', loopbackPort: 80 },
        { id: 'kind', name: 'K', url: 'https://k.example', redirectKind: 'web' },
        { id: 'rights', name: 'R', url: 'https://r.example', rights: ['read', 'fly'] },
        { id: 'plain', name: 'H', url: 'http://h.example' },
        { id: 'netrex', url: 'https://elsewhere.example' },
        { id: 'empty', name: 'E', url: 'https://e.example', clientSecret: '' },
      ],
    });
    const errors = (await loadManagedConfig(file)).errors;
    expect(errors.map((e) => [e.field, e.rule, e.values])).toEqual([
      ['allowCustomPortals', 'wrong-type', { expected: 'boolean' }],
      ['providers[0]', 'unknown-fields', { names: '"clientID"' }],
      ['providers[1].id', 'id-format', undefined],
      ['providers[2].loopbackPort', 'out-of-range', { min: 1024, max: 65535 }],
      ['providers[3].redirectKind', 'not-one-of', { allowed: 'custom-scheme, loopback' }],
      ['providers[4].rights', 'rights-unknown', { allowed: expect.stringContaining('liveview') }],
      ['providers[5].url', 'url-not-https', undefined],
      ['providers[6].url', 'built-in-address', undefined],
      ['providers[7].clientSecret', 'empty', undefined],
    ]);
    expect(errors[0]!.message).toBe('must be true or false (without quotes)');
    // The notice carries the rule and its values beside the field, for the window's words.
    expect(managedConfigErrorToUserFacing(errors[0]!).params).toEqual({
      file,
      variant: 'lockdown',
      field: 'allowCustomPortals',
      rule: 'wrong-type',
      expected: 'boolean',
    });
    expect(managedConfigErrorToUserFacing(errors[1]!).params).toMatchObject({
      variant: 'entry',
      rule: 'unknown-fields',
      names: '"clientID"',
    });
  });

  it('hides the built-in portals and names the default portal when IT says so', async () => {
    write({
      hideBuiltInPortals: true,
      defaultPortal: 'acme',
      providers: [{ id: 'acme', name: 'ACME', url: 'https://acme.example', clientId: 'c' }],
    });
    const config = await loadManagedConfig(file);
    expect(config.errors).toEqual([]);
    expect(config).toMatchObject({ hideBuiltInPortals: true, defaultProviderId: 'acme' });
    // Without a file: nothing hidden, no default.
    expect(await loadManagedConfig(join(dir.path, 'none.json'))).toMatchObject({
      hideBuiltInPortals: false,
      defaultProviderId: null,
    });
  });

  it('refuses a default portal the window would not list, and opens as without one', async () => {
    write({ hideBuiltInPortals: true, defaultPortal: 'netrex', providers: [] });
    const hidden = await loadManagedConfig(file);
    expect(hidden.defaultProviderId).toBeNull();
    expect(hidden.errors).toMatchObject([{ field: 'defaultPortal', rule: 'unknown-portal' }]);
    write({ defaultPortal: 'netrex' }); // a built-in, shown: fine
    expect(await loadManagedConfig(file)).toMatchObject({
      defaultProviderId: 'netrex',
      errors: [],
    });
    write({ defaultPortal: 'Not An Id', hideBuiltInPortals: 'yes' });
    const broken = await loadManagedConfig(file);
    expect(broken).toMatchObject({ defaultProviderId: null, hideBuiltInPortals: false });
    expect(broken.errors.map((e) => [e.field, e.rule])).toEqual([
      ['hideBuiltInPortals', 'wrong-type'],
      ['defaultPortal', 'id-format'],
    ]);
  });

  it('reports a wrong top-level shape by field', async () => {
    write({ providers: {}, extra: 1 });
    const config = await loadManagedConfig(file);
    expect(config.errors.map((e) => e.field)).toEqual(['extra', 'providers']);
    expect(config.errors[0]!.message).toMatch(/not a policy .* ignored/);
  });

  it('a stray top-level field costs only itself: the lockdown and the portals stay', async () => {
    write({
      comment: 'deployed by IT, ticket 4711',
      allowCustomPortals: false,
      providers: [{ id: 'good', name: 'Good', url: 'https://good.example', clientId: 'x' }],
    });
    const config = await loadManagedConfig(file);
    expect(config.allowCustomPortals).toBe(false);
    expect(config.providers.map((p) => p.id)).toEqual(['good']);
    expect(config.errors).toEqual([
      {
        file,
        field: 'comment',
        rule: 'unknown-setting',
        values: { known: expect.stringContaining('allowCustomPortals') },
        message: expect.stringMatching(/ignored/),
      },
    ]);
  });

  it('an entry with an unknown field is skipped, naming only plain field names', async () => {
    const pasted = 'nxs_rt_PASTED secret value';
    write({ providers: [{ id: 'netrex', clientId: 'it', [pasted]: 1, comment: 'x' }] });
    const config = await loadManagedConfig(file);
    expect(config.providers).toEqual([]);
    expect(config.errors).toHaveLength(1);
    expect(config.errors[0]!.message).toMatch(
      /"comment", 1 with an odd name\), so the entry is skipped/,
    );
    expect(JSON.stringify(config.errors)).not.toContain('PASTED');
    expect(JSON.stringify(managedConfigErrorToUserFacing(config.errors[0]!))).not.toContain(
      'PASTED',
    );
  });

  it('says when the lockdown holds because of the error, and when only a part is ignored', async () => {
    write({ allowCustomPortals: 'no', providers: [{ id: 'Bad Id!' }] });
    const [lockdown, entry] = (await loadManagedConfig(file)).errors.map(
      managedConfigErrorToUserFacing,
    );
    expect(lockdown).toMatchObject({
      params: { variant: 'lockdown', field: 'allowCustomPortals' },
    });
    expect(lockdown!.message).toMatch(/stays restricted here \(adding portals by hand/);
    expect(entry).toMatchObject({ params: { variant: 'entry', field: 'providers[0].id' } });
    expect(entry!.message).toMatch(/ignores that part/);
    write('not json');
    const [whole] = (await loadManagedConfig(file)).errors.map(managedConfigErrorToUserFacing);
    expect(whole).toMatchObject({ params: { variant: 'file' } });
    expect(whole!.message).toMatch(/stays restricted here \(adding portals by hand/);
  });

  it('an odd field name is not repeated back', async () => {
    write({ ['x'.repeat(500)]: 1, 'has space': 2 });
    const config = await loadManagedConfig(file);
    expect(config.errors.map((e) => e.field)).toEqual([
      '(a field with an odd name)',
      '(a field with an odd name)',
    ]);
  });

  // IT deployed a file: what could not be read may have been its lockdown.
  it.each([
    ['not JSON', '{ "allowCustomPortals": false, '],
    ['not an object', '[{ "allowCustomPortals": false }]'],
    ['allowCustomPortals of the wrong type', '{ "allowCustomPortals": "no" }'],
  ])('a file that cannot be used keeps portals added by hand out (%s)', async (_, text) => {
    write(text);
    const config = await loadManagedConfig(file);
    expect(config.errors.length).toBeGreaterThan(0);
    expect(config.allowCustomPortals).toBe(false);
  });

  it('never quotes a value from the file, not even a secret in the wrong place', async () => {
    write({ providers: [{ id: 'netrex', clientSecret: 42, clientId: 'has space TOPSECRET' }] });
    const config = await loadManagedConfig(file);
    expect(config.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(config.errors)).not.toContain('TOPSECRET');
  });

  it('refuses a huge file unread', async () => {
    writeFileSync(file, Buffer.alloc(MAX_MANAGED_CONFIG_BYTES + 1, 0x20));
    expect((await loadManagedConfig(file)).errors[0]).toMatchObject({
      field: '(file)',
      message: expect.stringMatching(/1 MB/),
    });
  });
});

describe('docs/managed-config.md', () => {
  // The example IT copies must be a file the app takes whole.
  it('its example loads without an error, as documented', async () => {
    const doc = readFileSync(new URL('../../../docs/managed-config.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const source = { kind: 'file', scope: 'machine', location: '/etc/x.json' } as const;
    const config = combinePolicies([jsonReading(source, Buffer.from(example!))]).managed;
    expect(config.errors).toEqual([]);
    expect(config.allowCustomPortals).toBe(false);
    expect(config).toMatchObject({ hideBuiltInPortals: true, defaultProviderId: 'reseller-video' });
    expect(config.providers.map((p) => [p.id, p.dialect, p.locked])).toEqual([
      ['netrex', 'netrex', true],
      ['reseller-video', 'netrex', true],
      ['company-sso', 'oauth2', false],
    ]);
    expect(config.providers[2]!.rights).toEqual(['openid', 'offline_access']);
    expect([...config.clientSecrets.keys()]).toEqual(['netrex', 'reseller-video']);
    // Every field the schema knows is documented.
    const fields = ['$schema', 'providers', 'allowCustomPortals', ...MANAGED_ENTRY_FIELDS];
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) expect(doc).toContain(`\`${field}\``);
  });
});
