import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfDocumentStore, MAX_DOCUMENT_BYTES } from '../../main/common/document-store';
import { makeTempDir, type TempDir } from '../support/temp-dir';

describe('DocumentStore over conf', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.dispose());

  it('reads missing, then what was written', () => {
    const store = createConfDocumentStore(dir.path, 'settings');
    expect(store.read()).toEqual({ kind: 'missing' });
    store.write({ a: 1, nested: { b: [1, 2] } });
    expect(createConfDocumentStore(dir.path, 'settings').read()).toEqual({
      kind: 'ok',
      document: { a: 1, nested: { b: [1, 2] } },
    });
  });

  it('reports a corrupted file without quoting it and never overwrites it', () => {
    const path = join(dir.path, 'settings.json');
    writeFileSync(path, '{"secret": "do-not-quote-me", ');
    const store = createConfDocumentStore(dir.path, 'settings');
    const read = store.read();
    expect(read).toEqual({ kind: 'unreadable', reason: 'the file is not valid JSON' });
    expect(JSON.stringify(read)).not.toContain('do-not-quote-me');
    expect(readFileSync(path, 'utf8')).toBe('{"secret": "do-not-quote-me", ');
  });

  it('moves a file aside under a new name each time, keeping every copy', () => {
    const store = createConfDocumentStore(dir.path, 'vault');
    const now = new Date('2026-11-27T10:00:00Z');
    writeFileSync(join(dir.path, 'vault.json'), 'first');
    const first = store.moveAside('corrupted', now);
    writeFileSync(join(dir.path, 'vault.json'), 'second');
    const second = store.moveAside('corrupted', now);
    expect(first).not.toBe(second);
    expect(readFileSync(first, 'utf8')).toBe('first');
    expect(readFileSync(second, 'utf8')).toBe('second');
    expect(store.read()).toEqual({ kind: 'missing' });
    expect(readdirSync(dir.path).sort()).toHaveLength(2);
  });

  it('refuses an oversized file unread', () => {
    writeFileSync(join(dir.path, 'big.json'), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20));
    const read = createConfDocumentStore(dir.path, 'big').read();
    expect(read.kind).toBe('unreadable');
  });
});

describe('DocumentStore debris from interrupted writes', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.dispose());

  it('removes temporary files a killed write left behind, and nothing else', () => {
    const debris = join(dir.path, 'vault.json.tmp-1764237600a1b2c3');
    const unrelated = join(dir.path, 'vault.json.tmp-notours');
    const other = join(dir.path, 'settings.json.tmp-1764237600a1b2c3');
    for (const file of [debris, unrelated, other]) writeFileSync(file, 'sealed');
    const store = createConfDocumentStore(dir.path, 'vault');
    store.write({ v: 1 });
    expect(store.read()).toEqual({ kind: 'ok', document: { v: 1 } });
    expect(readdirSync(dir.path).sort()).toEqual(
      ['settings.json.tmp-1764237600a1b2c3', 'vault.json', 'vault.json.tmp-notours'].sort(),
    );
  });
});
