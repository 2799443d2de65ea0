// Temporary directories that tests create and always remove.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Disposable } from '../../main/common/lifecycle';

export interface TempDir extends Disposable {
  readonly path: string;
}

export function makeTempDir(prefix = 'netrex-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
