// Static: only the Electron edge imports electron, and no unit test can load it.
import { describe, expect, it } from 'vitest';
import {
  chainToElectron,
  findElectronImportsOutsideEdge,
  isEdge,
  read,
  runtimeElectronImports,
  tsFiles,
} from '../../support/static-checks';

describe('static: electron imports', () => {
  it('finds electron imported only in main/index.ts, main/electron/ and main/preload/', () => {
    const findings = tsFiles('main').flatMap((file) =>
      findElectronImportsOutsideEdge(file, read(file)),
    );
    expect(findings).toEqual([]);
  });

  it('knows the edge really does import electron (the check is looking at the right thing)', () => {
    const edgeImporters = tsFiles('main').filter(
      (f) => runtimeElectronImports(f, read(f)).length > 0,
    );
    expect(edgeImporters).toContain('main/electron/window.ts');
    expect(edgeImporters).toContain('main/preload/index.ts');
    expect(edgeImporters.every(isEdge)).toBe(true);
  });

  it('keeps every desktop rule (main/desktop/) free of electron, so unit tests can load them', () => {
    const pure = [...tsFiles('main/desktop'), 'main/preload/bridge.ts', 'main/ipc/validation.ts'];
    expect(pure.length).toBeGreaterThan(10);
    for (const file of pure)
      expect({ file, chain: chainToElectron(file) }).toEqual({ file, chain: undefined });
  });

  it('holds main/electron/ to thin adapters: every file there touches Electron itself', () => {
    const adapters = tsFiles('main/electron');
    expect(adapters.length).toBeGreaterThan(5);
    const pureOnes = adapters.filter(
      (file) =>
        runtimeElectronImports(file, read(file)).length === 0 &&
        !/from '(electron|electron-store)'/.test(read(file)),
    );
    // A file that does not touch Electron is a rule: it belongs in main/desktop/.
    expect(pureOnes).toEqual([]);
  });

  it('no unit test reaches a file that loads electron', () => {
    const tests = tsFiles('test/unit');
    expect(tests.length).toBeGreaterThan(10);
    const reaching = tests
      .map((file) => ({ file, chain: chainToElectron(file) }))
      .filter((entry) => entry.chain !== undefined);
    expect(reaching).toEqual([]);
  });

  it.each([
    ['a named import', "import { app } from 'electron';"],
    [
      'a type import (the edge owns even the types)',
      "import type { BrowserWindow } from 'electron';",
    ],
    ['a side-effect import', "import 'electron';"],
    ['a sub-path', "import { ipcRenderer } from 'electron/renderer';"],
    ['electron-store', "import Store from 'electron-store';"],
    ['a re-export', "export { shell } from 'electron';"],
    ['require', "const { app } = require('electron');"],
    ['a dynamic import', "const e = await import('electron');"],
    ['import = require', "import electron = require('electron');"],
    ['an import type node', "let w: import('electron').BrowserWindow;"],
  ])('catches %s outside the edge', (_name, snippet) => {
    expect(findElectronImportsOutsideEdge('main/accounts/state.ts', snippet)).toHaveLength(1);
    expect(findElectronImportsOutsideEdge('main/electron/window.ts', snippet)).toEqual([]);
  });

  it('follows relative imports to a file that loads electron, skipping type-only ones', () => {
    const tree: Record<string, string> = {
      'test/unit/a.test.ts': "import { f } from '../../main/electron/pure';",
      'main/electron/pure.ts': "import type { X } from './edge'; import { g } from './helper';",
      'main/electron/helper.ts': "import { h } from './edge';",
      'main/electron/edge.ts': "import { app } from 'electron';",
      'test/unit/b.test.ts': "import type { T } from '../../main/electron/edge';",
    };
    const resolveImport = (from: string, specifier: string) => {
      const parts = from.split('/').slice(0, -1);
      for (const seg of specifier.split('/')) {
        if (seg === '..') parts.pop();
        else if (seg !== '.') parts.push(seg);
      }
      return `${parts.join('/')}.ts`;
    };
    expect(chainToElectron('test/unit/a.test.ts', (f) => tree[f], resolveImport)).toEqual([
      'test/unit/a.test.ts',
      'main/electron/pure.ts',
      'main/electron/helper.ts',
      'main/electron/edge.ts',
    ]);
    expect(chainToElectron('test/unit/b.test.ts', (f) => tree[f], resolveImport)).toBeUndefined();
  });
});
