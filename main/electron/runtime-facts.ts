// What only Electron knows, for the diagnosis report: its own and Chromium's
// versions (process.versions.electron and .chrome: docs/api/process.md), the
// OS, and how this copy was installed (main/desktop/install-kind.ts, from
// app.isPackaged and the executable's place) and started.
import { app } from 'electron';
import { existsSync } from 'node:fs';
import { arch, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { installKind } from '../desktop/install-kind';
import type { RuntimeFacts } from '../support/diagnosis/build-report';

export function runtimeFacts(startedAtLogin: boolean): RuntimeFacts {
  const exe = process.execPath;
  return {
    electron: process.versions.electron ?? 'unknown',
    chromium: process.versions.chrome ?? 'unknown',
    node: process.versions.node,
    os: `${type()} ${release()} ${arch()}`,
    install: installKind({
      platform: process.platform,
      packaged: app.isPackaged,
      execPath: exe,
      env: process.env,
      // electron-builder's templates/nsis/common.nsh: `Uninstall ${PRODUCT_FILENAME}.exe`.
      uninstallerBeside:
        process.platform === 'win32' &&
        existsSync(join(dirname(exe), `Uninstall ${app.getName()}.exe`)),
    }),
    startedAtLogin,
  };
}
