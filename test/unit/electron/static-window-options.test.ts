// Static: no window in main/ is weakened (Electron security checklist #2–#11).
import { describe, expect, it } from 'vitest';
import { findWeakenedWindowOptions, read, tsFiles } from '../../support/static-checks';

const good = `
  new BrowserWindow({
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
  });`;

describe('static: window options', () => {
  it('finds nothing weakened anywhere in main/', () => {
    const files = tsFiles('main');
    expect(files).toContain('main/electron/window.ts');
    const findings = files.flatMap((file) => findWeakenedWindowOptions(file, read(file)));
    expect(findings).toEqual([]);
  });

  it('sees the hardened options the window really sets', () => {
    const source = read('main/electron/window.ts');
    for (const option of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false']) {
      expect(source).toContain(option);
    }
  });

  it('passes a correctly hardened window', () => {
    expect(findWeakenedWindowOptions('x.ts', good)).toEqual([]);
  });

  it.each([
    [
      'contextIsolation: false',
      good.replace('contextIsolation: true', 'contextIsolation: false'),
      /contextIsolation must be the literal true/,
    ],
    [
      'sandbox: false',
      good.replace('sandbox: true', 'sandbox: false'),
      /sandbox must be the literal true/,
    ],
    [
      'sandbox from a variable',
      good.replace('sandbox: true', 'sandbox: isProd'),
      /sandbox must be the literal true/,
    ],
    [
      'nodeIntegration: true',
      good.replace('nodeIntegration: false', 'nodeIntegration: true'),
      /nodeIntegration must be the literal false/,
    ],
    [
      'webSecurity: false',
      good.replace('webSecurity: true', 'webSecurity: false'),
      /webSecurity must be the literal true/,
    ],
    ['webviewTag: true', good.replace('webviewTag: false', 'webviewTag: true'), /webviewTag/],
    [
      'allowRunningInsecureContent',
      good.replace('preload,', 'preload, allowRunningInsecureContent: true,'),
      /allowRunningInsecureContent/,
    ],
    [
      'experimentalFeatures',
      good.replace('preload,', 'preload, experimentalFeatures: true,'),
      /experimentalFeatures/,
    ],
    [
      'enableBlinkFeatures',
      good.replace('preload,', "preload, enableBlinkFeatures: 'CSSPaintAPI',"),
      /enableBlinkFeatures must not be set/,
    ],
    [
      'nodeIntegrationInSubFrames',
      good.replace('preload,', 'preload, nodeIntegrationInSubFrames: true,'),
      /nodeIntegrationInSubFrames/,
    ],
    [
      'a quoted key',
      good.replace('sandbox: true', "'sandbox': false"),
      /sandbox must be the literal true/,
    ],
    [
      'a shorthand property',
      `const sandbox = false; new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox, nodeIntegration: false } });`,
      /sandbox must be the literal true/,
    ],
    [
      'a missing contextIsolation',
      good.replace('contextIsolation: true,', ''),
      /webPreferences must set contextIsolation explicitly/,
    ],
    [
      'a missing sandbox',
      good.replace('sandbox: true,', ''),
      /webPreferences must set sandbox explicitly/,
    ],
    [
      'a spread of other preferences',
      good.replace('preload,', 'preload, ...loose,'),
      /must not spread/,
    ],
    [
      'preferences built elsewhere',
      'new BrowserWindow({ webPreferences: prefs });',
      /object literal written in place/,
    ],
    [
      'an assignment after the fact',
      'prefs.contextIsolation = false;',
      /contextIsolation must be the literal true/,
    ],
    [
      'an element assignment',
      "prefs['nodeIntegration'] = true;",
      /nodeIntegration must be the literal false/,
    ],
    ['the no-sandbox switch', "app.commandLine.appendSwitch('no-sandbox');", /no-sandbox switch/],
    [
      'disable-web-security',
      "app.commandLine.appendSwitch('--disable-web-security');",
      /disable-web-security switch/,
    ],
    ['app.disableSandbox()', 'app.disableSandbox();', /disableSandbox/],
  ])('catches %s', (_name, snippet, rule) => {
    const findings = findWeakenedWindowOptions('bad.ts', snippet);
    expect(findings.map((f) => f.rule).join('\n')).toMatch(rule);
    expect(findings[0]?.line).toBeGreaterThan(0);
  });
});
