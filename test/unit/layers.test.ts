// The one-way layers of ARCHITECTURE.md, read from every import (type-only
// ones too) of the services: auth/ may use providers/, never the other way;
// none of auth/, vault/, providers/, accounts/ reaches up into ipc/ (the
// plain data they share with the bridge is main/common/model.ts).
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleImports, parse, read, tsFiles } from '../support/static-checks';

/** Every relative import of the files under `dir`, as repository paths. */
function importsUnder(dir: string): { file: string; target: string }[] {
  return tsFiles(dir).flatMap((file) =>
    moduleImports(parse(file, read(file)))
      .filter((i) => i.specifier.startsWith('.'))
      .map((i) => ({ file, target: normalize(join(dirname(file), i.specifier)) })),
  );
}

const into = (layer: string) => (i: { target: string }) =>
  i.target === layer || i.target.startsWith(`${layer}/`);

describe('layers', () => {
  it.each([
    'main/auth',
    'main/vault',
    'main/providers',
    'main/accounts',
    'main/policy',
    'main/updates',
  ])(
    '%s imports nothing from ipc/ (not even types: the shared plain data is common/model.ts)',
    (layer) => {
      expect(importsUnder(layer).filter(into('main/ipc'))).toEqual([]);
    },
  );

  it('providers/ imports nothing from auth/ (auth/ uses providers/, one way)', () => {
    expect(importsUnder('main/providers').filter(into('main/auth'))).toEqual([]);
  });

  it('providers/ imports nothing from policy/ (policy/ reads portal entries through providers/)', () => {
    expect(importsUnder('main/providers').filter(into('main/policy'))).toEqual([]);
  });
});
