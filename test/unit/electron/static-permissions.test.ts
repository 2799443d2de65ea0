// Static: no permission handler in main/ grants more than the pure policy
// (permission-policy.ts: the clipboard write of the app's own page).
import { describe, expect, it } from 'vitest';
import { findPermissionGrants, read, tsFiles } from '../../support/static-checks';

const good = `
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(grantsPermission({ permission, isMainFrame: details.isMainFrame, addresses: [details.requestingUrl] })),
  );
  session.setPermissionCheckHandler((contents, permission, origin, details) =>
    grantsPermission({ permission, isMainFrame: details.isMainFrame, addresses: [origin] }),
  );
  session.setDevicePermissionHandler(() => false);`;

describe('static: permission handlers', () => {
  it('finds no handler in main/ that grants more than the policy', () => {
    const findings = tsFiles('main').flatMap((file) => findPermissionGrants(file, read(file)));
    expect(findings).toEqual([]);
  });

  it('sees the handlers the window really sets, each answering through the policy', () => {
    const source = read('main/electron/window.ts');
    expect(source).toMatch(/setPermissionRequestHandler\([\s\S]*callback\(\s*grantsPermission\(/);
    expect(source).toMatch(/setPermissionCheckHandler\([\s\S]*=>\s*grantsPermission\(/);
    expect(source).toContain('setDevicePermissionHandler(() => false)');
  });

  it('passes handlers that refuse everything, or answer through the policy', () => {
    expect(findPermissionGrants('x.ts', good)).toEqual([]);
    const refuseAll = `
      s.setPermissionRequestHandler((_c, _p, callback) => callback(false));
      s.setPermissionCheckHandler(() => false);
      s.setPermissionCheckHandler(function () { if (x) { return false; } return grantsPermission(a); });`;
    expect(findPermissionGrants('x.ts', refuseAll)).toEqual([]);
  });

  it.each([
    [
      'a request granted outright',
      good.replace(/callback\(grantsPermission\([^)]*\)\)/, 'callback(true)'),
      /callback gets false or grantsPermission/,
    ],
    [
      'a request granted by a rule of its own',
      good.replace(/callback\(grantsPermission\([^)]*\)\)/, "callback(permission === 'media')"),
      /callback gets false or grantsPermission/,
    ],
    [
      'the policy widened in place',
      good.replace(
        /callback\(grantsPermission\(([^)]*)\)\)/,
        'callback(grantsPermission($1) || true)',
      ),
      /callback gets false or grantsPermission/,
    ],
    [
      'the callback handed on',
      good.replace(/callback\(grantsPermission\([^)]*\)\)/, 'decide(permission, callback)'),
      /never handed on/,
    ],
    [
      'a request handler that never answers',
      good.replace(/callback\(grantsPermission\([^)]*\)\)/, 'undefined'),
      /the handler must answer/,
    ],
    [
      'a check that grants everything',
      good.replace(/=>\s*grantsPermission\(\{[^}]*\}\)/, '=> true'),
      /setPermissionCheckHandler answers false or grantsPermission/,
    ],
    [
      'a check granting by a rule of its own',
      good.replace(/=>\s*grantsPermission\(\{[^}]*\}\)/, "=> permission === 'clipboard-read'"),
      /setPermissionCheckHandler answers/,
    ],
    [
      'a check with a block that grants on one path',
      good.replace(
        /=>\s*grantsPermission\(\{[^}]*\}\)/,
        '=> { if (permission === "media") return true; return false; }',
      ),
      /setPermissionCheckHandler answers/,
    ],
    [
      'a device handler that grants',
      good.replace(
        'setDevicePermissionHandler(() => false)',
        'setDevicePermissionHandler(() => true)',
      ),
      /setDevicePermissionHandler answers false only/,
    ],
    [
      'a device handler answering through the policy',
      good.replace(
        'setDevicePermissionHandler(() => false)',
        'setDevicePermissionHandler((d) => grantsPermission(d))',
      ),
      /setDevicePermissionHandler answers false only/,
    ],
    [
      'a handler reset to the default (null: grant everything)',
      'session.setPermissionCheckHandler(null);',
      /written in place \(never null\)/,
    ],
    [
      'a handler from elsewhere',
      'session.setPermissionRequestHandler(allowAll);',
      /written in place/,
    ],
    [
      'a display-media handler that hands out a stream',
      'session.setDisplayMediaRequestHandler((request, callback) => callback({ video: frame }));',
      /setDisplayMediaRequestHandler answers false only/,
    ],
  ])('catches %s', (_name, snippet, rule) => {
    const findings = findPermissionGrants('bad.ts', snippet);
    expect(findings.map((f) => f.rule).join('\n')).toMatch(rule);
    expect(findings[0]?.line).toBeGreaterThan(0);
  });
});
