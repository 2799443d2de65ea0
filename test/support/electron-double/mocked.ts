// One double per test file, for `vi.mock('electron', ...)`: the factory and
// the test import this module and so share the same double.
//
//   vi.mock('electron', async () =>
//     (await import('../../support/electron-double/mocked')).mockedElectron());
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronDouble, electronModule, type ElectronDouble } from './index';

let current: ElectronDouble | undefined;

/** The double behind the mocked module (made on first use, in a fresh data folder). */
export function electronDouble(): ElectronDouble {
  current ??= createElectronDouble({
    userData: mkdtempSync(join(tmpdir(), 'netrex-electron-double-')),
  });
  return current;
}

export function mockedElectron(): Record<string, unknown> {
  return electronModule(electronDouble());
}
