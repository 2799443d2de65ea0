import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfDocumentStore } from '../../../main/common/document-store';
import { combinePolicies } from '../../../main/policy/effective-policy';
import { readDevelopmentFile } from '../../../main/policy/policy-sources';
import { toProviderView } from '../../../main/ipc/provider-view';
import { providerReadiness } from '../../../main/providers/readiness';
import { createProviderRegistry } from '../../../main/providers/registry';
import { ProviderError } from '../../../main/providers/provider-error';
import { DEFAULT_LOOPBACK_PORT } from '../../../main/providers/provider-config';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

/** One JSON policy file, read as the app reads a file it trusts, to what the portals get. */
async function loadManagedConfig(file: string) {
  return combinePolicies(await readDevelopmentFile(file)).managed;
}

function refusal(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('ProviderRegistry', () => {
  let dir: TempDir;
  const store = () => createConfDocumentStore(dir.path, 'providers');
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.dispose());

  it('lists the built-in portals, not ready until a client is set', () => {
    const registry = createProviderRegistry({ store: store() });
    expect(registry.list().map((p) => [p.id, p.url, p.dialect])).toEqual([
      ['netrex', 'https://system2.netrex.cz', 'netrex'],
      ['camstreamer-cloud', 'https://cloud.camstreamer.com', 'netrex'],
    ]);
    const netrex = registry.get('netrex')!;
    const view = toProviderView(netrex, { clientSecretSet: false });
    expect(view).toMatchObject({
      ready: false,
      clientId: '',
      rights: ['read'],
      redirectUri: 'cz.netrex.connect:/oauth/callback/netrex',
      notReadyReason: { code: 'not_configured', message: expect.stringMatching(/client ID/) },
    });
    expect(view.availableRights).toHaveLength(10);
  });

  it('hides the built-ins IT does not configure, yet finds them for accounts signed in before', async () => {
    const file = join(dir.path, 'managed.json');
    writeFileSync(
      file,
      JSON.stringify({
        hideBuiltInPortals: true,
        defaultPortal: 'acme',
        allowCustomPortals: false,
        providers: [
          { id: 'netrex', clientId: 'it-client' },
          { id: 'acme', name: 'ACME', url: 'https://acme.example', clientId: 'a' },
        ],
      }),
    );
    const registry = createProviderRegistry({
      store: store(),
      managed: await loadManagedConfig(file),
    });
    expect(registry.list().map((p) => [p.id, p.origin])).toEqual([
      ['netrex', 'managed'],
      ['acme', 'managed'],
    ]);
    // An account on the hidden portal still reaches it.
    expect(registry.get('camstreamer-cloud')).toMatchObject({ origin: 'built-in' });
    expect(registry.policy()).toEqual({ customPortalsAllowed: false, defaultProviderId: 'acme' });
    // Without a managed configuration: everything shown, portals may be added, no default.
    const open = createProviderRegistry({ store: store() });
    expect(open.list()).toHaveLength(2);
    expect(open.policy()).toEqual({ customPortalsAllowed: true, defaultProviderId: null });
  });

  it('refuses to add by hand the address of a hidden built-in (a second copy of it)', async () => {
    const file = join(dir.path, 'managed.json');
    writeFileSync(file, JSON.stringify({ hideBuiltInPortals: true }));
    const registry = createProviderRegistry({
      store: store(),
      managed: await loadManagedConfig(file),
    });
    expect(registry.list()).toEqual([]);
    expect(refusal(() => registry.addPortal({ url: 'https://system2.netrex.cz' })).code).toBe(
      'duplicate',
    );
  });

  it('needs client ID and secret for a Netrex portal, only the ID for a standard server', () => {
    const registry = createProviderRegistry({ store: store() });
    const netrex = registry.update('netrex', { clientId: 'abc' });
    const noSecret = providerReadiness(netrex, false);
    expect(noSecret.ready).toBe(false);
    if (!noSecret.ready) expect(noSecret.reason.message).toMatch(/client secret/);
    expect(providerReadiness(netrex, true).ready).toBe(true);
    const std = registry.addPortal({ url: 'https://id.example.org', dialect: 'oauth2' });
    expect(providerReadiness(registry.update(std.id, { clientId: 'c' }), false).ready).toBe(true);
  });

  it('adds a portal with a slug id, default rights and the custom-scheme redirect; persists it', () => {
    const registry = createProviderRegistry({ store: store() });
    const changes: number[] = [];
    registry.onDidChange(() => changes.push(1));
    const added = registry.addPortal({ url: ' https://Portal.Reseller.example:8443/cams/ ' });
    expect(added).toMatchObject({
      id: 'portal-reseller-example-8443-cams',
      name: 'portal.reseller.example:8443',
      url: 'https://portal.reseller.example:8443/cams',
      origin: 'custom',
      dialect: 'netrex',
      rights: ['read'],
      redirectKind: 'custom-scheme',
      loopbackPort: DEFAULT_LOOPBACK_PORT,
    });
    const std = registry.addPortal({
      url: 'https://id.example.org',
      name: 'Corp SSO',
      dialect: 'oauth2',
    });
    expect(std.rights).toEqual(['openid', 'offline_access']);
    expect(changes).toHaveLength(2);

    const again = createProviderRegistry({ store: store() });
    expect(again.get(added.id)).toEqual(added);
    expect(again.get(std.id)).toEqual(std);
  });

  it('gives a second portal on the same host a distinct id', () => {
    const registry = createProviderRegistry({ store: store() });
    const a = registry.addPortal({ url: 'https://p.example' });
    const b = registry.addPortal({ url: 'https://p.example', dialect: 'oauth2' });
    expect(a.id).not.toBe(b.id);
  });

  it('refuses a bad address, a duplicate, and a bad name, naming the field', () => {
    const registry = createProviderRegistry({ store: store() });
    expect(refusal(() => registry.addPortal({ url: 'http://p.example' }))).toMatchObject({
      code: 'invalid_input',
      field: 'url',
      message: expect.stringMatching(/https:\/\//),
    });
    expect(refusal(() => registry.addPortal({ url: 'https://system2.netrex.cz/' }))).toMatchObject({
      code: 'duplicate',
      message: expect.stringMatching(/"Netrex"/),
    });
    expect(
      refusal(() => registry.addPortal({ url: 'https://q.example', name: '  ' })),
    ).toMatchObject({
      code: 'invalid_input',
      field: 'name',
    });
  });

  it('validates every settings field', () => {
    const registry = createProviderRegistry({ store: store() });
    const cases: [Parameters<typeof registry.update>[1], string][] = [
      [{ clientId: 'has space' }, 'clientId'],
      [{ rights: [] }, 'rights'],
      [{ rights: ['read', 'fly'] }, 'rights'],
      [{ rights: ['read', 'read'] }, 'rights'],
      [{ loopbackPort: 80 }, 'loopbackPort'],
      [{ loopbackPort: 1.5 }, 'loopbackPort'],
      [{ redirectKind: 'carrier-pigeon' as never }, 'redirectKind'],
      [{ name: 'x'.repeat(81) }, 'name'],
    ];
    for (const [patch, field] of cases) {
      const error = refusal(() => registry.update('netrex', patch));
      expect(error, JSON.stringify(patch)).toMatchObject({ code: 'invalid_input', field });
      expect(error.toUserFacing().message).toMatch(/^The /);
    }
    expect(registry.get('netrex')!.clientId).toBe('');
  });

  it('keeps edits to a built-in portal across restarts', () => {
    createProviderRegistry({ store: store() }).update('camstreamer-cloud', {
      clientId: 'cid',
      rights: ['read', 'liveview'],
      redirectKind: 'loopback',
      loopbackPort: 50000,
    });
    expect(createProviderRegistry({ store: store() }).get('camstreamer-cloud')).toMatchObject({
      clientId: 'cid',
      rights: ['read', 'liveview'],
      redirectKind: 'loopback',
      loopbackPort: 50000,
      origin: 'built-in',
    });
  });

  it('removes only portals the user added', () => {
    const registry = createProviderRegistry({ store: store() });
    const added = registry.addPortal({ url: 'https://p.example' });
    expect(refusal(() => registry.remove('netrex')).code).toBe('not_removable');
    registry.remove(added.id);
    expect(registry.get(added.id)).toBeUndefined();
    expect(refusal(() => registry.remove(added.id)).code).toBe('unknown_provider');
  });

  it('applies managed configuration: locked entries refuse edits, custom portals can be forbidden', async () => {
    const file = join(dir.path, 'managed.json');
    writeFileSync(
      file,
      JSON.stringify({
        allowCustomPortals: false,
        providers: [
          { id: 'netrex', clientId: 'it-client' },
          { id: 'acme', name: 'ACME', url: 'https://acme.example', clientId: 'a', locked: false },
        ],
      }),
    );
    const managed = combinePolicies(await readDevelopmentFile(file)).managed;
    const registry = createProviderRegistry({ store: store(), managed });
    expect(registry.get('netrex')).toMatchObject({ clientId: 'it-client', locked: true });
    expect(refusal(() => registry.update('netrex', { clientId: 'mine' })).code).toBe('locked');
    expect(registry.update('acme', { rights: ['read', 'events'] }).rights).toEqual([
      'read',
      'events',
    ]);
    expect(refusal(() => registry.addPortal({ url: 'https://p.example' })).code).toBe(
      'custom_portals_disabled',
    );
    expect(registry.allowCustomPortals).toBe(false);
    // IT lifts the lockdown and drops ACME while the app runs: heard at once.
    let heard = 0;
    registry.onDidChange(() => heard++);
    registry.setManaged(combinePolicies([]).managed);
    expect(heard).toBe(1);
    expect(registry.allowCustomPortals).toBe(true);
    expect(registry.get('acme')).toBeUndefined();
    expect(registry.get('netrex')).toMatchObject({ locked: false, clientId: '' });
    expect(registry.addPortal({ url: 'https://p.example' }).origin).toBe('custom');
  });

  it('moves an unreadable settings file aside and says where', () => {
    const path = join(dir.path, 'providers.json');
    writeFileSync(path, '{ not json');
    const registry = createProviderRegistry({ store: store() });
    expect(registry.list()).toHaveLength(2);
    expect(registry.warnings[0]).toMatchObject({
      code: 'provider_settings_unreadable',
      message: expect.stringContaining(`${path}.unreadable-`),
    });
  });

  it.each([
    ['custom is not a list', { version: 1, custom: 'ACME', overrides: {} }],
    ['overrides is a list', { version: 1, custom: [], overrides: [] }],
    ['overrides is null', { version: 1, custom: [], overrides: null }],
  ])(
    'sets a file aside and says so when %s (not silently ignored, then overwritten)',
    (_what, doc) => {
      const path = join(dir.path, 'providers.json');
      writeFileSync(path, JSON.stringify(doc));
      const registry = createProviderRegistry({ store: store() });
      expect(registry.list()).toHaveLength(2);
      expect(registry.warnings).toEqual([
        expect.objectContaining({
          code: 'provider_settings_unreadable',
          message: expect.stringMatching(
            /layout is not one this app writes.*moved aside to .*providers\.json\.invalid-/,
          ),
        }),
      ]);
      // The evidence is kept; a new portal goes to a new file.
      registry.addPortal({ url: 'https://p.example' });
      const kept = readdirSync(dir.path).find((name) => name.startsWith('providers.json.invalid-'));
      expect(JSON.parse(readFileSync(join(dir.path, kept!), 'utf8'))).toEqual(doc);
    },
  );

  it('skips a hand-edited invalid entry with a warning and keeps the rest', () => {
    const path = join(dir.path, 'providers.json');
    const good = createProviderRegistry({ store: store() }).addPortal({ url: 'https://p.example' });
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.custom.push({ ...good, id: 'evil/../path', url: 'http://evil.example' });
    doc.overrides.netrex = { rights: ['fly'], clientId: 'ok-id', loopbackPort: 'x' };
    writeFileSync(path, JSON.stringify(doc));
    const registry = createProviderRegistry({ store: store() });
    expect(registry.list().map((p) => p.id)).toEqual(['netrex', 'camstreamer-cloud', good.id]);
    expect(registry.get('netrex')).toMatchObject({
      clientId: 'ok-id',
      rights: ['read'],
      loopbackPort: DEFAULT_LOOPBACK_PORT,
    });
    expect(registry.warnings).toEqual([
      expect.objectContaining({ code: 'provider_settings_invalid' }),
    ]);
  });
});
