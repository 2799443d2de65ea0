// Static: shell.openExternal and loadURL happen in one guarded function each; loadFile never.
import { describe, expect, it } from 'vitest';
import { findUnguardedCalls, read, tsFiles } from '../../support/static-checks';

const links = 'main/electron/external-links.ts';
const window = 'main/electron/window.ts';

describe('static: guarded calls', () => {
  it('finds openExternal/loadURL/loadFile nowhere but in their guarded functions', () => {
    const findings = tsFiles('main').flatMap((file) => findUnguardedCalls(file, read(file)));
    expect(findings).toEqual([]);
  });

  it('really has the two guarded calls where they belong', () => {
    expect(read(links)).toMatch(
      /export async function openExternalGuarded[\s\S]*shell\.openExternal\(/,
    );
    expect(read(window)).toMatch(/export function loadAppShell[\s\S]*\.loadURL\(APP_ENTRY_URL\)/);
  });

  it('allows the call inside the guarded function of the right file', () => {
    const ok =
      'export async function openExternalGuarded(u) { if (ok(u)) await shell.openExternal(u); }';
    expect(findUnguardedCalls(links, ok)).toEqual([]);
    const okArrow = 'const loadAppShell = (w) => w.webContents.loadURL(APP_ENTRY_URL);';
    expect(findUnguardedCalls(window, okArrow)).toEqual([]);
  });

  it.each([
    [
      'openExternal in another function',
      links,
      'function openIt(u) { return shell.openExternal(u); }',
      /openExternal only inside openExternalGuarded/,
    ],
    [
      'openExternal at top level of another edge file',
      'main/electron/tray.ts',
      "shell.openExternal('https://x');",
      /openExternal only inside/,
    ],
    [
      'the guarded name in the wrong file',
      'main/electron/tray.ts',
      'async function openExternalGuarded(u) { await shell.openExternal(u); }',
      /openExternal only inside/,
    ],
    [
      'an element access',
      'main/electron/app-shell.ts',
      "shell['openExternal'](url);",
      /openExternal only inside/,
    ],
    [
      'a bound reference handed on',
      'main/electron/app-shell.ts',
      'const open = shell.openExternal.bind(shell);',
      /openExternal only inside/,
    ],
    [
      'a destructured reference',
      'main/index.ts',
      'const { openExternal } = shell; openExternal(url);',
      /openExternal only inside/,
    ],
    [
      'a renamed destructured reference',
      'main/index.ts',
      'const { openExternal: go } = shell; go(url);',
      /openExternal only inside/,
    ],
    [
      'loadURL of anything else',
      window,
      "function show(w) { w.loadURL('https://evil.example'); }",
      /loadURL only inside loadAppShell/,
    ],
    [
      'loadURL outside the edge',
      'main/accounts/x.ts',
      "win.webContents.loadURL('file:///x');",
      /loadURL/,
    ],
    [
      'loadFile anywhere',
      window,
      "export function loadAppShell(w) { return w.loadFile('index.html'); }",
      /loadFile is never used/,
    ],
  ])('catches %s', (_name, file, snippet, rule) => {
    const findings = findUnguardedCalls(file, snippet);
    expect(findings.map((f) => f.rule).join('\n')).toMatch(rule);
  });

  it('leaves the services’ own openExternal port alone outside the edge', () => {
    expect(findUnguardedCalls('main/services/index.ts', 'await ports.openExternal(url);')).toEqual(
      [],
    );
  });
});
