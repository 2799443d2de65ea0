// The per-machine Windows installer IT deploys, checked as far as
// electron-builder's own code runs without NSIS or Electron: its config
// loader merges electron-builder.machine.yml over electron-builder.yml and
// its validator accepts the result; its NsisTarget.configureDefines turns
// perMachine into INSTALL_MODE_PER_ALL_USERS(_REQUIRED); its multiUser.nsh
// template then runs SetShellVarContext all, under which NSIS's SHELL_CONTEXT
// root key is HKLM, the hive build/installer.nsh writes the sign-in scheme
// to. The per-user installer stays the default. Building the .exe needs
// makensis (downloaded by electron-builder), which cannot run here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { builtInUpdateFeed } from '../../../main/updates/built-in-feed';
import { ROOT } from '../../support/static-checks';

const require = createRequire(join(ROOT, 'package.json'));
// app-builder-lib's modules import each other in a cycle; its index loads them in order.
require('app-builder-lib');
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config.js') as {
    getConfig(
      projectDir: string,
      configPath: string | null,
      fromOptions: unknown,
    ): Promise<Configuration>;
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
const { NsisTarget } = require('app-builder-lib/out/targets/nsis/NsisTarget.js') as {
  NsisTarget: {
    prototype: { configureDefines(oneClick: boolean, defines: object): Promise<void> };
  };
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
const { CancellationToken } = require('builder-util-runtime') as {
  CancellationToken: new () => unknown;
};
const { serializeToYaml } = require('builder-util') as { serializeToYaml(o: object): string };

const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** electron-builder's own NSIS defines for these options (NsisTarget.js configureDefines). */
async function nsisDefines(nsis: Configuration['nsis']): Promise<Record<string, unknown>> {
  const defines: Record<string, unknown> = {};
  const target = {
    options: nsis,
    packager: {
      info: { cancellationToken: new CancellationToken() },
      getResource: async () => null,
      expandMacro: (pattern: string) => pattern,
      appInfo: { productName: 'Netrex Connect', productFilename: 'Netrex Connect' },
      platformSpecificBuildOptions: {},
      config: {},
    },
  };
  await NsisTarget.prototype.configureDefines.call(target, nsis?.oneClick !== false, defines);
  return defines;
}

describe('the per-machine installer (electron-builder.machine.yml)', () => {
  it('is the base configuration with a per-machine NSIS, as electron-builder merges and validates it', async () => {
    const base = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    const machine = await getConfig(ROOT, join(ROOT, 'electron-builder.machine.yml'), null);
    await expect(validateConfiguration(machine, new DebugLogger(false))).resolves.toBeUndefined();
    expect(base.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(machine.nsis).toMatchObject({
      oneClick: true,
      perMachine: true,
      include: 'build/installer.nsh',
    });
    expect(machine.nsis?.artifactName).toMatch(/per-machine/);
    for (const key of [
      'appId',
      'productName',
      'protocols',
      'electronFuses',
      'files',
      'publish',
    ] as const) {
      expect(machine[key]).toEqual(base[key]);
    }
    expect(JSON.parse(text('package.json')).scripts['dist:machine']).toMatch(
      /electron-builder --config electron-builder\.machine\.yml --win nsis/,
    );
  }, 30_000);

  it('electron-builder compiles it in all-users mode, and only it', async () => {
    const base = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    const machine = await getConfig(ROOT, join(ROOT, 'electron-builder.machine.yml'), null);
    const perUser = await nsisDefines(base.nsis);
    const perMachine = await nsisDefines(machine.nsis);
    expect(perUser).not.toHaveProperty('INSTALL_MODE_PER_ALL_USERS');
    expect(perUser).not.toHaveProperty('INSTALL_MODE_PER_ALL_USERS_REQUIRED');
    expect(perMachine).toHaveProperty('INSTALL_MODE_PER_ALL_USERS', null);
    expect(perMachine).toHaveProperty('INSTALL_MODE_PER_ALL_USERS_REQUIRED', null);
  }, 30_000);

  it('in all-users mode the scheme goes to HKLM: SetShellVarContext all, and installer.nsh writes SHELL_CONTEXT only', () => {
    const multiUser = readFileSync(
      join(ROOT, 'node_modules/app-builder-lib/templates/nsis/multiUser.nsh'),
      'utf8',
    );
    const allUsers =
      /!ifdef INSTALL_MODE_PER_ALL_USERS_REQUIRED[\s\S]*?!macro setInstallModePerAllUsers([\s\S]*?)!macroend/.exec(
        multiUser,
      )?.[1];
    expect(allUsers).toMatch(/SetShellVarContext all/);
    const nsh = text('build/installer.nsh');
    const writes = [
      ...nsh.matchAll(/^\s*(WriteRegStr|DeleteRegKey)\s+(\S+)\s+"Software\\Classes\\([^"\\]+)/gm),
    ];
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const [, , hive, scheme] of writes) {
      expect(hive).toBe('SHELL_CONTEXT');
      expect(scheme).toBe(APP_SCHEME);
    }
  });
});

describe('updates in the build', () => {
  it('writes an app-update.yml naming no server: the server comes from IT’s policy', async () => {
    const base = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    expect(base.publish).toEqual([
      { provider: 'generic', url: 'https://updates.invalid/netrex-connect' },
    ]);
    // As PublishManager serializes it into resources/app-update.yml.
    const yml = serializeToYaml({
      provider: 'generic',
      url: 'https://updates.invalid/netrex-connect',
      updaterCacheDirName: 'netrex-connect-updater',
    });
    expect(builtInUpdateFeed(yml)).toBeNull();
    expect(builtInUpdateFeed(yml.replace('updates.invalid', 'updates.acme.example'))).toBe(
      'https://updates.acme.example/netrex-connect',
    );
    expect(builtInUpdateFeed(null)).toBeNull();
  }, 30_000);
});
