// An unpacked Electron distribution without Electron: the folder layout
// electron-builder copies when `electronDist` names an unpacked directory
// (app-builder-lib/out/electron/ElectronFramework.js, "using custom unpacked
// Electron distribution"), with files that are not programs. Only one thing in
// them is real: the fuse wire, laid out as Electron 45 builds it
// (electron build/fuses/build.py: the sentinel, the wire's version, its
// length, then one byte per fuse; build/fuses/fuses.json5 gives the nine
// fuses and their defaults), so @electron/fuses finds and flips it exactly as
// it would in the real binary. Nothing here can run, and nothing is claimed
// about Electron starting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** build/fuses/build.py: SENTINEL. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * build/fuses/fuses.json5 at 45 (`_version` 1), in wire order: run_as_node,
 * cookie_encryption, node_options, node_cli_inspect,
 * embedded_asar_integrity_validation, only_load_app_from_asar,
 * load_browser_process_specific_v8_snapshot,
 * grant_file_protocol_extra_privileges, wasm_trap_handlers.
 */
export const ELECTRON_DEFAULT_FUSES = '101100011';

/** The bytes of a file that carries Electron's fuse wire (states as ASCII '0'/'1'). */
export function fuseWireFile(states = ELECTRON_DEFAULT_FUSES): Buffer {
  return Buffer.concat([
    Buffer.from('not a program: stands in for the Electron binary\n'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, states.length]),
    Buffer.from(states, 'ascii'),
    Buffer.from('\n'),
  ]);
}

/** Reads the fuse states ('0', '1', 'r', or the byte) after the first sentinel. */
export function readFuseWire(file: Buffer): string {
  const at = file.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse sentinel in the file');
  const wire = at + FUSE_SENTINEL.length;
  const length = file[wire + 1] ?? 0;
  return file.subarray(wire + 2, wire + 2 + length).toString('latin1');
}

function put(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Linux: `electron` (renamed to the executable name), the licence, `version`, `resources/`. */
export function writeFakeLinuxElectron(dir: string, version: string): void {
  put(join(dir, 'electron'), fuseWireFile());
  put(join(dir, 'LICENSE'), 'stand-in licence\n');
  put(join(dir, 'version'), version);
  mkdirSync(join(dir, 'resources'), { recursive: true });
}

function plist(entries: Record<string, string>): string {
  const body = Object.entries(entries)
    .map(([key, value]) => `  <key>${key}</key><string>${value}</string>`)
    .join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    `<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`
  );
}

/**
 * macOS: Electron.app with the Info.plist files and helper apps
 * app-builder-lib/out/electron/electronMac.js reads and renames, and the fuse
 * wire where @electron/fuses looks for it in an .app: Contents/Frameworks/
 * Electron Framework.framework/Electron Framework (dist/index.js pathToFuseFile).
 */
export function writeFakeMacElectron(dir: string, version: string): void {
  const contents = join(dir, 'Electron.app', 'Contents');
  put(
    join(contents, 'Info.plist'),
    plist({
      CFBundleExecutable: 'Electron',
      CFBundleIdentifier: 'com.github.Electron',
      CFBundleName: 'Electron',
      CFBundleIconFile: 'electron.icns',
      CFBundleVersion: version,
    }),
  );
  put(join(contents, 'MacOS', 'Electron'), 'not a program\n');
  put(join(contents, 'Resources', 'electron.icns'), 'not an icon\n');
  put(
    join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    fuseWireFile(),
  );
  for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const helper = join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents');
    put(
      join(helper, 'Info.plist'),
      plist({
        CFBundleExecutable: `Electron Helper${suffix}`,
        CFBundleIdentifier: 'com.github.Electron.helper',
      }),
    );
    put(join(helper, 'MacOS', `Electron Helper${suffix}`), 'not a program\n');
  }
  put(join(dir, 'LICENSE'), 'stand-in licence\n');
  put(join(dir, 'version'), version);
}
