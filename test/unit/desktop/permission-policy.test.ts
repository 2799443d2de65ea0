// The one permission the app's page gets, asked every way Electron can ask.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GRANTED_PERMISSION,
  grantsPermission,
  type PermissionAsk,
} from '../../../main/desktop/permission-policy';
import { ROOT } from '../../support/static-checks';

const APP_PAGE = 'app://renderer/index.html';
const APP_ORIGIN = 'app://renderer';

/**
 * Every permission name Electron 45's session handlers can be asked about,
 * read from its own type definitions (text only: nothing of Electron runs).
 */
function electronPermissionNames(handler: string): string[] {
  const dts = readFileSync(join(ROOT, 'node_modules/electron/electron.d.ts'), 'utf8');
  const at = dts.indexOf(`${handler}(handler: ((`);
  expect(at, handler).toBeGreaterThan(0);
  const union = /permission: ((?:'[a-z-A-Z]+'(?: \| )?)+)/.exec(dts.slice(at))?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

/** What the check handler passes for the app's page (origin, URL, contents). */
const fromApp = (permission: string, patch: Partial<PermissionAsk> = {}): PermissionAsk => ({
  permission,
  isMainFrame: true,
  addresses: [APP_ORIGIN, APP_PAGE, APP_PAGE],
  ...patch,
});

describe('grantsPermission', () => {
  const names = [
    ...new Set([
      ...electronPermissionNames('setPermissionCheckHandler'),
      ...electronPermissionNames('setPermissionRequestHandler'),
    ]),
  ];

  it("knows Electron's name for the clipboard write", () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toContain(GRANTED_PERMISSION);
    expect(GRANTED_PERMISSION).toBe('clipboard-sanitized-write');
  });

  it('grants the clipboard write to the main frame of the app page (check and request)', () => {
    expect(grantsPermission(fromApp(GRANTED_PERMISSION))).toBe(true);
    // The request handler: the requesting URL and the contents' URL.
    expect(grantsPermission(fromApp(GRANTED_PERMISSION, { addresses: [APP_PAGE, APP_PAGE] }))).toBe(
      true,
    );
    // A check with no requesting URL and no web contents: the origin alone.
    expect(
      grantsPermission(fromApp(GRANTED_PERMISSION, { addresses: [APP_ORIGIN, undefined] })),
    ).toBe(true);
    expect(
      grantsPermission(
        fromApp(GRANTED_PERMISSION, { addresses: [`${APP_PAGE}#/settings`, APP_PAGE] }),
      ),
    ).toBe(true);
  });

  it('refuses every other permission Electron knows, even to the app page', () => {
    const others = names.filter((name) => name !== GRANTED_PERMISSION);
    expect(others).toEqual(
      expect.arrayContaining(['clipboard-read', 'media', 'notifications', 'openExternal']),
    );
    for (const name of [...others, 'clipboard-write', 'CLIPBOARD-SANITIZED-WRITE', '']) {
      expect(grantsPermission(fromApp(name)), name).toBe(false);
    }
  });

  it.each([
    ['a sub-frame of the app page', { isMainFrame: false }],
    ['a portal page', { addresses: ['https://system2.netrex.cz', 'https://system2.netrex.cz/'] }],
    ['the loopback stand-in', { addresses: ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/'] }],
    ['file://', { addresses: ['file:///opt/netrex/out/renderer/index.html'] }],
    ['another app:// host', { addresses: ['app://evil', 'app://evil/index.html'] }],
    ['a host that extends ours', { addresses: ['app://renderer.evil'] }],
    ['a user in the address', { addresses: ['app://x@renderer/index.html'] }],
    ['about:blank', { addresses: ['about:blank'] }],
    ['an opaque origin', { addresses: ['null'] }],
    ['an empty address (a destroyed contents)', { addresses: [APP_ORIGIN, APP_PAGE, ''] }],
    ['the app origin but a foreign page URL', { addresses: [APP_ORIGIN, 'https://evil.example/'] }],
    ['the app page inside foreign contents', { addresses: [APP_PAGE, 'https://evil.example/'] }],
    ['no address at all', { addresses: [undefined, undefined] }],
    ['an empty address list', { addresses: [] }],
  ])('refuses the clipboard write to %s', (_name, patch: Partial<PermissionAsk>) => {
    expect(grantsPermission(fromApp(GRANTED_PERMISSION, patch))).toBe(false);
  });
});
