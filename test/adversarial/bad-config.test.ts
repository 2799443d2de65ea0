// Bad configuration files: the managed configuration, the vault, the vault's
// storage choice, the app settings and the saved portals, each truncated,
// with wrong types, with unknown fields, or as a 100 MB file. The app
// (createServices) must start, say what is wrong (a notice, or the storage
// status), and lose nothing that was in the other files.
//
// The key store is Linux `basic_text` with the operator's opt-in, so the
// storage choice file matters too: without it no token may be written.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, StorageStatus } from '../../main/ipc/contract';
import { AesGcmCipher } from '../support/aes-cipher';
import { startProvider, type ProviderStandIn } from '../support/provider';
import type { ServicesRig } from '../support/services-rig';
import { makeTempDir } from '../support/temp-dir';
import { printSection, recordSection, table } from './support/figures';
import { hygiene } from './support/hygiene';
import { closeWatchedRig, startWatchedRig } from './support/rigs';

const MANAGED_SECRET = 'branch-managed-secret-4f1c9e';
const MANAGED = {
  providers: [
    {
      id: 'branch',
      name: 'Branch office',
      url: 'https://video.branch.example',
      clientId: 'branch-app',
      clientSecret: MANAGED_SECRET,
    },
  ],
};

type FileName = 'managed' | 'vault' | 'vault-settings' | 'settings' | 'providers';
type Damage = 'truncated' | 'wrong types' | 'unknown fields' | '100 MB';
const FILES: FileName[] = ['managed', 'vault', 'vault-settings', 'settings', 'providers'];
const DAMAGES: Damage[] = ['truncated', 'wrong types', 'unknown fields', '100 MB'];

/** What each damage does to a file's (valid) JSON text. */
function damaged(file: FileName, damage: Damage, valid: string): string {
  const json = JSON.parse(valid) as Record<string, unknown>;
  switch (damage) {
    case 'truncated':
      return valid.slice(0, Math.floor(valid.length / 2));
    case 'unknown fields':
      return JSON.stringify({ ...json, colour: 'blue', $future: { nested: [1, 2] } });
    case 'wrong types':
      return JSON.stringify(WRONG_TYPES[file](json));
    case '100 MB':
      return valid; // made 100 MB (sparse) after writing
  }
}

const WRONG_TYPES: Record<FileName, (json: Record<string, unknown>) => unknown> = {
  managed: () => ({ providers: [{ ...MANAGED.providers[0], url: 42, locked: 'yes' }] }),
  vault: (json) => ({ ...json, version: '1', sealed: 12345 }),
  'vault-settings': () => ({ version: 1, weakStorageAllowed: 'yes' }),
  settings: () => ({ version: 1, language: 42, startAtLogin: 'yes' }),
  providers: () => ({ version: 1, custom: 'ACME', overrides: [] }),
};

interface Outcome {
  readonly started: boolean;
  readonly told: string;
  readonly lost: string[];
}
const outcomes = new Map<string, Outcome>();

let portal: ProviderStandIn;
let cipher: AesGcmCipher;
/** The files of a healthy app: an account kept on disk (opt-in), a portal added, settings, managed config. */
const healthy = new Map<FileName, string>();

beforeAll(async () => {
  portal = await startProvider({});
  hygiene.trackPortal(portal);
  hygiene.configured(MANAGED_SECRET);
  cipher = AesGcmCipher.random({ backend: 'basic_text' });
  const rig = await startWatchedRig({ portal, cipher, managedConfig: JSON.stringify(MANAGED) });
  await rig.services.handlers.setWeakStorageAllowed(true);
  await rig.signInWithBrowser();
  await rig.services.handlers.addPortal({ url: 'https://portal.acme.example', name: 'ACME' });
  await rig.services.handlers.updateAppSettings({ language: 'cs' });
  for (const file of FILES) healthy.set(file, readFileSync(pathOf(rig, file), 'utf8'));
  await closeWatchedRig(rig, { keepPortal: true });
});

afterAll(async () => {
  await portal.close();
  const section = {
    order: 50,
    title: 'Bad configuration files: the app starts, says what is wrong, loses nothing else',
    lines: table([
      ['file', 'damage', 'started', 'the operator is told', 'lost'],
      ...[...outcomes].map(([key, o]) => [
        ...key.split('|'),
        o.started ? 'yes' : 'NO',
        o.told,
        o.lost.join(', ') || 'nothing',
      ]),
    ]),
    data: { cases: Object.fromEntries(outcomes) },
  };
  recordSection('config', section);
  console.log(printSection(section));
});

function pathOf(rig: { dir: { path: string } }, file: FileName): string {
  return `${rig.dir.path}/${file}.json`;
}

/** A copy of the healthy files with one damaged, and the app started on them. */
async function startOn(file: FileName, damage: Damage): Promise<ServicesRig> {
  const dir = makeTempDir('netrex-bad-config-');
  for (const [name, text] of healthy) writeFileSync(`${dir.path}/${name}.json`, text);
  const path = `${dir.path}/${file}.json`;
  writeFileSync(path, damaged(file, damage, healthy.get(file)!));
  if (damage === '100 MB') truncateSync(path, 100 * 1024 * 1024); // sparse: instant
  return startWatchedRig({ portal, cipher, dir });
}

/** What the operator is told: the notices and a vault set aside. */
async function toldOf(rig: ServicesRig): Promise<{ notices: Notice[]; storage: StorageStatus }> {
  const storage = rig.record(await rig.services.handlers.getStorageStatus());
  if (!storage.ok) throw new Error('getStorageStatus refused');
  return { notices: rig.notices(), storage: storage.value };
}

/** Which parts of the healthy state did not survive. */
async function lostParts(rig: ServicesRig): Promise<string[]> {
  const lost: string[] = [];
  if (rig.services.accounts().length !== 1) {
    const untouched = readFileSync(pathOf(rig, 'vault'), 'utf8') === healthy.get('vault');
    lost.push(untouched ? 'account (still on disk, untouched)' : 'account');
  }
  const providers = rig.record(await rig.services.handlers.listProviders());
  const names = providers.ok ? providers.value.map((p) => p.name) : [];
  if (!names.includes('ACME')) lost.push('added portal');
  if (!names.includes('Branch office')) lost.push('managed portal');
  const settings = rig.record(await rig.services.handlers.getAppSettings());
  if (!settings.ok || settings.value.language !== 'cs') lost.push('language');
  const storage = rig.record(await rig.services.handlers.getStorageStatus());
  if (!storage.ok || storage.value.policy !== 'weak-allowed') lost.push('storage choice');
  return lost;
}

/** The notice (or storage status) that says what is wrong with each file. */
const TOLD: Record<FileName, string> = {
  managed: 'managed_config_invalid',
  vault: 'vault_recovered',
  'vault-settings': 'vault_settings_unreadable',
  settings: 'settings_unreadable',
  providers: 'provider_settings_unreadable',
};

/** The part a damaged file held, which may be lost with it (and only that). */
const OWN_PART: Record<FileName, string[]> = {
  managed: ['managed portal'],
  vault: ['account'],
  'vault-settings': ['storage choice', 'account (still on disk, untouched)'],
  settings: ['language'],
  providers: ['added portal'],
};

describe.each(FILES)('%s.json', (file) => {
  it.each(DAMAGES)('%s: starts, says what is wrong, loses nothing else', async (damage) => {
    let rig: ServicesRig | undefined;
    let started = false;
    try {
      rig = await startOn(file, damage);
      started = true;
      const { notices, storage } = await toldOf(rig);
      for (const notice of notices) hygiene.error(notice);
      const lost = await lostParts(rig);
      const told = [
        ...notices.map((n) => n.code),
        ...(storage.recovered ? ['storage status: file set aside'] : []),
      ];
      outcomes.set(`${file}|${damage}`, { started, told: told.join(', ') || '—', lost });

      // Nothing outside the damaged file is lost.
      expect(
        lost.filter((part) => !OWN_PART[file].includes(part)),
        'lost outside the file',
      ).toEqual([]);
      // Whatever is lost with it is said, by the notice for that file.
      if (lost.length > 0)
        expect(told, `${file} ${damage}: lost ${lost.join(', ')}`).toContain(TOLD[file]);
      for (const notice of notices) expect(notice.message.length).toBeGreaterThan(40);
    } finally {
      outcomes.set(
        `${file}|${damage}`,
        outcomes.get(`${file}|${damage}`) ?? { started, told: '—', lost: [] },
      );
      if (rig) await closeWatchedRig(rig, { keepPortal: true });
    }
  });
});
