// electron-builder.yml: valid for electron-builder itself, the sign-in scheme
// the same everywhere it is spelled, every target the issue names, and the
// release fuses. Uses electron-builder's own schema validator and its own
// Linux desktop-entry code, so what is checked is what the installers get.
// electron-builder's whole run over this file (app.asar, the deb and AppImage
// targets, the macOS app and its ad-hoc signature) is
// test/integration/packaging/electron-builder.test.ts. The NSIS include is
// checked as text only: electron-builder cannot build for Windows here (it
// edits the Electron .exe's resources, which needs the real binary) and
// downloads makensis while building.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { ROOT } from '../../support/static-checks';

// electron-builder's own dependencies (no types shipped): loaded as plain CommonJS.
const require = createRequire(join(ROOT, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
  LinuxTargetHelper: new (packager: unknown) => {
    computeDesktopEntry(options: unknown): Promise<string>;
  };
};

const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const config = yaml.load(text('electron-builder.yml')) as Configuration;
const pkg = JSON.parse(text('package.json')) as Record<string, unknown> & {
  scripts: Record<string, string>;
  description: string;
};

async function linuxDesktopEntry(from: Configuration): Promise<string> {
  const linux = from.linux ?? {};
  const helper = new LinuxTargetHelper({
    appInfo: {
      productName: from.productName,
      sanitizedProductName: from.productName,
      description: pkg.description,
    },
    executableName: linux.executableName,
    info: { metadata: { ...pkg, ...(from.extraMetadata as object) } },
    fileAssociations: [],
    config: from,
    platformSpecificBuildOptions: linux,
  });
  return helper.computeDesktopEntry(linux);
}

describe('packaging (electron-builder.yml)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);

  it('the validator really rejects a misspelt key (the check can fail)', async () => {
    await expect(
      validateConfiguration(
        { ...config, electronFuse: { runAsNode: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/unknown property 'electronFuse'/);
  }, 30_000);

  describe('the sign-in scheme agrees with APP_SCHEME everywhere', () => {
    it('macOS and Linux: `protocols` lists exactly the scheme', () => {
      expect(config.protocols).toEqual([{ name: expect.any(String), schemes: [APP_SCHEME] }]);
    });

    it('Linux: the desktop entry electron-builder writes handles x-scheme-handler/<scheme> and passes the URL (%U)', async () => {
      const entry = await linuxDesktopEntry(config);
      expect(entry).toMatch(
        new RegExp(`^MimeType=x-scheme-handler/${APP_SCHEME.replace(/\./g, '\\.')};$`, 'm'),
      );
      expect(entry).toMatch(/^Exec=.* %U$/m);
      // The window's app_id (desktopName) names the same desktop file.
      expect(config.extraMetadata).toMatchObject({ desktopName: `${APP_SCHEME}.desktop` });
      expect(entry).toMatch(
        new RegExp(`^StartupWMClass=${APP_SCHEME.replace(/\./g, '\\.')}$`, 'm'),
      );
    });

    it('Linux: a different scheme in the config would show in the desktop entry (the check can fail)', async () => {
      const other = { ...config, protocols: [{ name: 'x', schemes: ['cz.netrex.other'] }] };
      expect(await linuxDesktopEntry(other)).not.toContain(`x-scheme-handler/${APP_SCHEME};`);
    });

    it('Windows: the NSIS include registers the same scheme, with the URL as one quoted argument', () => {
      expect((config.nsis as { include?: string } | undefined)?.include).toBe(
        'build/installer.nsh',
      );
      const nsh = text('build/installer.nsh');
      const keys = [...nsh.matchAll(/Software\\Classes\\([^"\\]+)/g)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(3);
      expect(new Set(keys)).toEqual(new Set([APP_SCHEME]));
      expect(nsh).toContain('"URL Protocol" ""');
      expect(nsh).toContain(`'"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`);
      expect(nsh).toMatch(
        /!macro customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\cz\.netrex\.connect"/,
      );
    });

    it('package.json: no second configuration that could disagree; `dist` uses this file', () => {
      // electron-builder reads package.json "build" only without --config; there is none to drift.
      expect(pkg.build).toBeUndefined();
      expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
      expect(JSON.stringify(pkg)).not.toMatch(/x-scheme-handler|"schemes"/);
    });

    it('appId is the reverse-DNS name the scheme is made of', () => {
      expect(config.appId).toBe(APP_SCHEME);
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('flips the release fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      // Unsigned arm64 builds launch only with a signature over the flipped binary
      // (test/integration/packaging/electron-builder.test.ts runs it).
      resetAdHocDarwinSignature: true,
    });
    expect(config.asar).toBe(true);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('ships out/ without the demo stand-in and with the entry package.json points at', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('!out/demo/**');
    expect(pkg.main).toBe('out/main/index.mjs');
  });
});
