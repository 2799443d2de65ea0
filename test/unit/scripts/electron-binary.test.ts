// What `npm start` says when Electron's first-run download fails (no
// internet access): only then, and with the three ways out. The download
// itself is never attempted here: it would reach github.com.
import { describe, expect, it } from 'vitest';
import { downloadFailureAdvice } from '../../../scripts/electron-binary.mjs';

const missing = { found: false, why: 'node_modules/electron/path.txt is missing' };
const present = { found: true };

describe('npm start: the advice after a failed Electron download', () => {
  it('names the version, why it is missing, and every way out', () => {
    const advice = downloadFailureAdvice({
      before: missing,
      after: missing,
      exitCode: 1,
      version: '45.5.0',
    });
    expect(advice).toMatch(
      /Electron 45\.5\.0 is not installed \(node_modules\/electron\/path\.txt is missing\)/,
    );
    expect(advice).toMatch(/github\.com/);
    expect(advice).toMatch(/ELECTRON_MIRROR/);
    expect(advice).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(advice).toMatch(/npm test/);
  });

  it('says nothing when Electron was there, arrived, or the app exited cleanly', () => {
    const base = { version: '45.5.0', exitCode: 1 };
    expect(downloadFailureAdvice({ ...base, before: present, after: present })).toBeNull();
    expect(downloadFailureAdvice({ ...base, before: missing, after: present })).toBeNull();
    expect(
      downloadFailureAdvice({ ...base, before: missing, after: missing, exitCode: 0 }),
    ).toBeNull();
  });
});
