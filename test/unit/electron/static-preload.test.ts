// Static: the preload exposes window.netrex, built from the contract, and nothing else.
import { describe, expect, it } from 'vitest';
import {
  findBridgeBuilderViolations,
  findPreloadViolations,
  read,
  tsFiles,
} from '../../support/static-checks';

const preload = 'main/preload/index.ts';
const good = `
  import { contextBridge, ipcRenderer } from 'electron';
  import { buildBridge } from './bridge';
  contextBridge.exposeInMainWorld('netrex', buildBridge(
    (channel, args) => ipcRenderer.invoke(channel, ...args),
    (channel, cb) => { const l = (_e, p) => cb(p); ipcRenderer.on(channel, l); return () => ipcRenderer.removeListener(channel, l); },
  ));`;

describe('static: preload', () => {
  it('the real preload exposes exactly buildBridge(…) as netrex, once', () => {
    const findings = tsFiles('main/preload').flatMap((file) =>
      findPreloadViolations(file, read(file)),
    );
    expect(findings).toEqual([]);
    expect(read(preload)).toMatch(/exposeInMainWorld\(\s*'netrex',\s*buildBridge\(/);
  });

  it('the real bridge builder draws its members from the contract only', () => {
    expect(
      findBridgeBuilderViolations('main/preload/bridge.ts', read('main/preload/bridge.ts')),
    ).toEqual([]);
  });

  it('passes a correct preload', () => {
    expect(findPreloadViolations(preload, good)).toEqual([]);
  });

  it.each([
    ['no exposure at all', "import { buildBridge } from './bridge';", /exactly once \(found 0\)/],
    [
      'a second exposure',
      `${good}\ncontextBridge.exposeInMainWorld('debug', {});`,
      /exactly once \(found 2\)|literal 'netrex'/,
    ],
    ['another key', good.replace("'netrex'", "'electron'"), /literal 'netrex'/],
    ['a computed key', good.replace("'netrex'", 'KEY'), /literal 'netrex'/],
    [
      'a hand-written object',
      "contextBridge.exposeInMainWorld('netrex', { signIn: (id) => ipcRenderer.invoke('netrex:signIn', id) });",
      /buildBridge/,
    ],
    [
      'the bridge plus extras',
      "contextBridge.exposeInMainWorld('netrex', { ...buildBridge(a, b), shell });",
      /buildBridge/,
    ],
    [
      'raw ipcRenderer exposed',
      "contextBridge.exposeInMainWorld('netrex', ipcRenderer);",
      /ipcRenderer may only be called|buildBridge/,
    ],
    [
      'ipcRenderer smuggled into the builder',
      "contextBridge.exposeInMainWorld('netrex', buildBridge(ipcRenderer));",
      /ipcRenderer may only be called/,
    ],
    [
      'an unbound ipcRenderer method handed on',
      "contextBridge.exposeInMainWorld('netrex', buildBridge(ipcRenderer.invoke, s));",
      /ipcRenderer may only be called/,
    ],
    ['ipcRenderer.send', `${good}\nipcRenderer.send('x');`, /ipcRenderer may only be called/],
    [
      'exposeInIsolatedWorld',
      `${good}\ncontextBridge.exposeInIsolatedWorld(1, 'x', {});`,
      /exposeInIsolatedWorld is not used/,
    ],
  ])('catches %s', (_name, snippet, rule) => {
    const findings = findPreloadViolations(preload, snippet);
    expect(findings.map((f) => f.rule).join('\n')).toMatch(rule);
  });

  it.each([
    [
      'an extra member by name',
      "import { BRIDGE_METHODS, BRIDGE_EVENTS } from '../ipc/contract'; bridge.debug = () => process;",
      /literal name/,
    ],
    [
      'an extra member by string key',
      "import { BRIDGE_METHODS, BRIDGE_EVENTS } from '../ipc/contract'; bridge['eval'] = eval;",
      /literal name/,
    ],
    [
      'an object literal of its own',
      "import { BRIDGE_METHODS, BRIDGE_EVENTS } from '../ipc/contract'; return { ...bridge, extra: 1 };",
      /no object literal/,
    ],
    [
      'members not from the contract',
      "const bridge = {}; for (const m of ['a']) bridge[m] = 1;",
      /BRIDGE_METHODS/,
    ],
    [
      'Electron in the builder',
      "import { ipcRenderer } from 'electron'; import { BRIDGE_METHODS, BRIDGE_EVENTS } from '../ipc/contract';",
      /imports no Electron/,
    ],
  ])('the builder check catches %s', (_name, snippet, rule) => {
    const findings = findBridgeBuilderViolations('main/preload/bridge.ts', snippet);
    expect(findings.map((f) => f.rule).join('\n')).toMatch(rule);
  });
});
