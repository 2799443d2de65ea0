// The connect floor's durable write (bench/durable-write.ts): real files in a
// temporary folder. What it must leave is the new content under the name, in
// place of the old, with nothing else in the folder; a write that cannot
// finish leaves the old content and no temporary file.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDurably } from '../../../bench/durable-write';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

let dir: TempDir | undefined;
afterEach(() => {
  dir?.dispose();
  dir = undefined;
});

describe("the connect floor's durable write", () => {
  it('replaces the file with the new bytes and leaves nothing else', () => {
    dir = makeTempDir('netrex-floor-');
    const path = join(dir.path, 'tokens.bin');
    writeFileSync(path, 'old');
    const bytes = Buffer.alloc(70_000, 7); // larger than one write may take at once
    writeDurably(path, bytes);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir.path)).toEqual(['tokens.bin']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content and no temporary file when the rename fails', () => {
    dir = makeTempDir('netrex-floor-');
    // A folder where the file should be: the rename over it fails (EISDIR).
    const path = join(dir.path, 'tokens.bin');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'kept');
    expect(() => writeDurably(path, Buffer.from('new'))).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir.path)).toEqual(['tokens.bin']);
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('kept');
  });

  it('refuses to write nothing', () => {
    dir = makeTempDir('netrex-floor-');
    expect(() => writeDurably(join(dir!.path, 'x'), new Uint8Array())).toThrow(
      'A durable write needs something to write.',
    );
    expect(readdirSync(dir.path)).toEqual([]);
  });
});
