// electron-builder 26.17 (the pinned app-builder-lib) packages a copy of the
// project with electron-builder.yml, as `npm run dist` does, against fake
// unpacked Electron folders (test/support/packaging/fake-electron.ts: the
// layout electron-builder copies, and Electron 45's real fuse wire).
//
// What runs here, for real: loading and validating the configuration,
// collecting production node_modules (npm list), building app.asar with its
// file filters, writing the macOS Info.plist (URL scheme, asar integrity),
// flipping the fuses with @electron/fuses, the deb target up to the fpm
// command (FpmTarget: package metadata, the desktop entry it installs), the
// AppImage target up to appimagetool (its desktop entry).
//
// What cannot run here, and is not claimed: fpm, appimagetool and makensis
// (electron-builder downloads them at build time, from GitHub); codesign
// (macOS only: a recording stand-in on PATH shows what @electron/fuses asks
// of it); the Windows build at all (electron-builder edits the executable's
// resources with resedit, which needs a real PE file — the NSIS script is
// checked as text in test/unit/electron/packaging.test.ts); and Electron
// starting from any of it. Each target stops at electron-builder's own
// `effectiveOptionComputed` hook, which receives what it would hand the tool.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../main/auth/redirect-uri';
import { makeBuilderProject, type BuilderProject } from '../../support/packaging/builder-project';
import {
  readFuseWire,
  writeFakeLinuxElectron,
  writeFakeMacElectron,
} from '../../support/packaging/fake-electron';
import { parse as parsePlist } from 'plist';
import { ROOT } from '../../support/static-checks';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const require = createRequire(join(ROOT, 'package.json'));
interface AsarEntry {
  files?: Record<string, AsarEntry>;
}
const asar = require('@electron/asar') as {
  getRawHeader(archive: string): { header: AsarEntry; headerString: string };
  extractFile(archive: string, file: string): Buffer;
};

const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

/**
 * electron-builder.yml's electronFuses over Electron 45's defaults
 * (build/fuses/fuses.json5), in wire order: runAsNode off, cookie encryption
 * on, NODE_OPTIONS off, --inspect off, asar integrity on, app only from asar
 * on, the V8 snapshot fuse left as Electron ships it (off), file:// extra
 * privileges off, WASM trap handlers left as shipped (on).
 */
const RELEASE_FUSES = '010011001';

let project: BuilderProject;
let fakes: TempDir;

beforeAll(async () => {
  project = await makeBuilderProject();
  fakes = makeTempDir('netrex-fake-electron-');
}, 120_000);
afterAll(() => {
  project?.dispose();
  fakes?.dispose();
});

/** Every file (not folder) in the archive, as `out/main/index.mjs`. */
function asarFiles(archive: string): string[] {
  const files: string[] = [];
  const walk = (entry: AsarEntry, prefix: string): void => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else files.push(path);
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return files.sort();
}

/** Every file under `dir`, relative to `base`. */
function filesUnder(dir: string, base: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)));
}

/**
 * What a bundle loads at run time that is not inside it: its static and
 * dynamic imports with a literal name (esbuild's own parse of the file, every
 * import left external), and esbuild's `__require("x")` calls — how a bundled
 * CommonJS module reaches a package the bundle left out.
 */
async function runtimeImports(source: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, loader: 'js', sourcefile: 'bundle.mjs' },
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    external: ['*'],
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.map((i) => i.path),
  );
  const requires = [...source.matchAll(/\b__require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return [...new Set([...imports, ...requires])].sort();
}

describe('Linux: electron-builder packages the app (deb and AppImage up to their tools)', () => {
  let outcome: Awaited<ReturnType<BuilderProject['run']>>;
  let unpacked: string;

  beforeAll(async () => {
    const dist = join(fakes.path, 'linux');
    writeFakeLinuxElectron(dist, ELECTRON_VERSION);
    outcome = await project.run({
      platform: 'linux',
      targets: ['deb', 'AppImage'],
      arch: 'x64',
      electronDist: dist,
    });
    unpacked = join(outcome.output, 'linux-unpacked');
  }, 120_000);

  it('app.asar holds exactly the built app: out/ without source maps or the demo stand-in, and package.json — no node_modules', () => {
    const archive = join(unpacked, 'resources', 'app.asar');
    const expected = [
      'package.json',
      ...filesUnder(join(project.path, 'out'), project.path).filter(
        (file) => !file.endsWith('.map') && !file.startsWith('out/demo/'),
      ),
    ].sort();
    expect(asarFiles(archive)).toEqual(expected);
    expect(expected).toEqual(
      expect.arrayContaining([
        'out/main/index.mjs',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    // Nothing is unpacked beside the archive either.
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as Record<
      string,
      unknown
    >;
    expect(packaged).toMatchObject({
      main: 'out/main/index.mjs',
      desktopName: `${APP_SCHEME}.desktop`,
    });
  });

  it('what the packaged main process loads from outside its bundle is Electron and Node built-ins only', async () => {
    const archive = join(unpacked, 'resources', 'app.asar');
    const main = asar.extractFile(archive, 'out/main/index.mjs').toString();
    const imports = await runtimeImports(main);
    expect(imports).toContain('electron');
    // Bundled CommonJS code (electron-updater's) names built-ins without the node: prefix.
    expect(imports.filter((name) => name !== 'electron' && !isBuiltin(name))).toEqual([]);
    // The check sees a package the bundle would load at run time.
    await expect(
      runtimeImports(`${main}\nconst x = __require("conf");\nexport { x };`),
    ).resolves.toContain('conf');
  });

  it('package.json lists no runtime dependency: esbuild and Vite bundle every one', () => {
    const pkg = JSON.parse(readFileSync(join(project.path, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('the release fuses are flipped in the executable', () => {
    expect(readFuseWire(readFileSync(join(unpacked, 'netrex-connect')))).toBe(RELEASE_FUSES);
  });

  it('deb: FpmTarget finds the homepage, the maintainer and the vendor it requires', () => {
    const deb = outcome.captured.find(Array.isArray) as [string[], string] | undefined;
    expect(deb, outcome.log).toBeDefined();
    const [args] = deb!;
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    const pkg = JSON.parse(readFileSync(join(project.path, 'package.json'), 'utf8')) as {
      homepage: string;
      author: { name: string; email: string };
    };
    expect(value('--name')).toBe('netrex-connect');
    expect(value('--url')).toBe(pkg.homepage);
    expect(value('--maintainer')).toBe(`${pkg.author.name} <${pkg.author.email}>`);
    expect(value('--vendor')).toBe(value('--maintainer'));
    // The desktop entry goes where desktopName (the window's app_id) says.
    expect(args).toContainEqual(
      expect.stringMatching(new RegExp(`=/usr/share/applications/${APP_SCHEME}\\.desktop$`)),
    );
  });

  it('deb: the desktop entry it installs handles the sign-in scheme and passes the URL (%U)', () => {
    const deb = outcome.captured.find(Array.isArray) as [string[], string, string?] | undefined;
    const entry = deb?.[2] ?? '';
    expect(entry).toMatch(
      new RegExp(`^MimeType=x-scheme-handler/${APP_SCHEME.replace(/\./g, '\\.')};$`, 'm'),
    );
    expect(entry).toMatch(/^Exec="\/opt\/Netrex Connect\/netrex-connect" %U$/m);
  });

  it('AppImage: the desktop entry inside the image handles the scheme and passes the URL (%U)', () => {
    const appImage = outcome.captured.find(
      (c): c is { desktop: string; desktopFileName: string } =>
        typeof c === 'object' && c !== null && 'desktop' in c,
    );
    expect(appImage, outcome.log).toBeDefined();
    expect(appImage!.desktopFileName).toBe(`${APP_SCHEME}.desktop`);
    expect(appImage!.desktop).toMatch(
      new RegExp(`^MimeType=x-scheme-handler/${APP_SCHEME.replace(/\./g, '\\.')};$`, 'm'),
    );
    expect(appImage!.desktop).toMatch(/^Exec=AppRun .*%U$/m);
  });
});

describe('macOS arm64, unsigned: the fuses are flipped, then the app is signed ad hoc', () => {
  let outcome: Awaited<ReturnType<BuilderProject['run']>>;
  let app: string;
  const codesignCalls = (): { args: string[]; frameworkFuses: string }[] =>
    existsSync(join(fakes.path, 'codesign.jsonl'))
      ? readFileSync(join(fakes.path, 'codesign.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { args: string[]; frameworkFuses: string })
      : [];

  beforeAll(async () => {
    const dist = join(fakes.path, 'mac');
    writeFakeMacElectron(dist, ELECTRON_VERSION);
    // codesign exists only on macOS. This stand-in records each call and the
    // fuse wire of the framework at that moment (signing seals what it sees).
    const bin = join(fakes.path, 'bin');
    const recorder = join(bin, 'codesign');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      recorder,
      `#!${process.execPath}\n` +
        `const fs = require('node:fs');\n` +
        `const args = process.argv.slice(2);\n` +
        `const framework = args.at(-1) + '/Contents/Frameworks/Electron Framework.framework/Electron Framework';\n` +
        `const file = fs.readFileSync(framework);\n` +
        `const at = file.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32;\n` +
        `const frameworkFuses = file.subarray(at + 2, at + 2 + file[at + 1]).toString('latin1');\n` +
        `fs.appendFileSync(${JSON.stringify(join(fakes.path, 'codesign.jsonl'))}, JSON.stringify({ args, frameworkFuses }) + '\\n');\n`,
    );
    chmodSync(recorder, 0o755);
    outcome = await project.run({
      platform: 'mac',
      targets: ['dir'],
      arch: 'arm64',
      electronDist: dist,
      extraPath: [bin],
    });
    app = join(outcome.output, 'mac-arm64', 'Netrex Connect.app');
  }, 120_000);

  it('@electron/fuses re-signs the whole app ad hoc right after flipping the fuses (resetAdHocDarwinSignature)', () => {
    const calls = codesignCalls();
    expect(calls, outcome.log).toHaveLength(1);
    expect(calls[0]!.args).toEqual([
      '--sign',
      '-',
      '--force',
      '--preserve-metadata=entitlements,requirements,flags,runtime',
      '--deep',
      app,
    ]);
    // The signature is made over the flipped binary, not the one Electron shipped.
    expect(calls[0]!.frameworkFuses).toBe(RELEASE_FUSES);
    expect(
      readFuseWire(
        readFileSync(
          join(app, 'Contents/Frameworks/Electron Framework.framework/Electron Framework'),
        ),
      ),
    ).toBe(RELEASE_FUSES);
    // electron-builder's own signing (a Developer ID when there is one) is macOS-only.
    expect(outcome.log).toMatch(/skipped macOS application code signing/);
  });

  it('Info.plist registers the sign-in scheme and carries the hash of app.asar the integrity fuse checks', () => {
    const info = parsePlist(readFileSync(join(app, 'Contents/Info.plist'), 'utf8')) as {
      CFBundleIdentifier: string;
      CFBundleURLTypes: { CFBundleURLSchemes: string[] }[];
      ElectronAsarIntegrity: Record<string, { algorithm: string; hash: string }>;
    };
    expect(info.CFBundleIdentifier).toBe(APP_SCHEME);
    expect(info.CFBundleURLTypes.map((t) => t.CFBundleURLSchemes)).toEqual([[APP_SCHEME]]);
    // electron shell/common/asar/archive_mac.mm: the key is the path under
    // Contents/, the hash the SHA-256 of the archive's header string.
    const archive = join(app, 'Contents/Resources/app.asar');
    const headerHash = createHash('sha256')
      .update(asar.getRawHeader(archive).headerString)
      .digest('hex');
    expect(info.ElectronAsarIntegrity).toEqual({
      'Resources/app.asar': { algorithm: 'SHA256', hash: headerHash },
    });
  });
});
