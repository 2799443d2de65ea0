// Which files are "set aside" (exactly the names DocumentStore.moveAside
// makes, real files made by it in a temporary folder), when each was set
// aside, and which are deleted once the retention period has passed.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfDocumentStore } from '../../../main/common/document-store';
import {
  findSetAsideFiles,
  removeExpired,
  setAsideTime,
} from '../../../main/vault/set-aside-files';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 27, 12, 0, 0, 250);

let dir: TempDir;
afterEach(() => dir?.dispose());

/** A vault document written and set aside by the real store, at `at`. */
function setAside(reason: string, at: number): string {
  const store = createConfDocumentStore(dir.path, 'vault');
  store.write({ version: 2 });
  return store.moveAside(reason, new Date(at));
}

describe('set-aside vault files', () => {
  it('reads the time moveAside put in the name, also with its -2 suffix', () => {
    dir = makeTempDir();
    const vault = join(dir.path, 'vault.json');
    const first = setAside('corrupted', T0);
    const second = setAside('corrupted', T0);
    expect(second).toMatch(/-2$/);
    for (const path of [first, second]) {
      expect(setAsideTime(vault, path.slice(dir.path.length + 1))).toBe(T0);
    }
    expect(setAsideTime(vault, 'vault.json')).toBeNull();
  });

  it('lists only files moveAside made of this document: not other documents, debris, folders or links', () => {
    dir = makeTempDir();
    const vault = join(dir.path, 'vault.json');
    const real = setAside('undecryptable', T0);
    const settings = createConfDocumentStore(dir.path, 'vault-settings');
    settings.write({ version: 1 });
    settings.moveAside('invalid', new Date(T0));
    writeFileSync(join(dir.path, 'vault.json.tmp-1764244800abcdef'), 'debris');
    writeFileSync(join(dir.path, 'vault.json.backup'), 'mine');
    mkdirSync(join(dir.path, 'vault.json.corrupted-2026-11-27T12-00-00-250Z-7'));
    symlinkSync(real, join(dir.path, 'vault.json.corrupted-2026-11-27T12-00-00-250Z-8'));
    expect(findSetAsideFiles(vault, 30)).toEqual([
      { path: real, setAsideAt: T0, deleteAt: T0 + 30 * DAY },
    ]);
  });

  it('deletes those kept longer than the retention period, and nothing else', () => {
    dir = makeTempDir();
    const vault = join(dir.path, 'vault.json');
    const old = setAside('corrupted', T0);
    const recent = setAside('invalid', T0 + 20 * DAY);
    createConfDocumentStore(dir.path, 'vault').write({ version: 2 });

    expect(removeExpired(vault, 30, T0 + 30 * DAY - 1)).toEqual({ removed: [], failed: [] });
    expect(removeExpired(vault, 30, T0 + 30 * DAY)).toEqual({ removed: [old], failed: [] });
    expect(readdirSync(dir.path).sort()).toEqual(['vault.json', recent.slice(dir.path.length + 1)]);
    expect(removeExpired(vault, 7, T0 + 27 * DAY)).toEqual({ removed: [recent], failed: [] });
    expect(readdirSync(dir.path)).toEqual(['vault.json']);
  });
});
