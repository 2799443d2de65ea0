// The log file on real files, with an injected clock: levels, size and day
// rotation, retention by age and by total size, a rename that fails, the
// last lines read back, and secrets learnt from the app.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLogFile, type LogFile } from '../../../main/support/log-file';
import { REDACTED } from '../../../main/support/log-redaction';
import {
  archiveName,
  archivesToDelete,
  type RetentionPolicy,
} from '../../../main/support/log-retention';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 10, 27, 12, 0, 0);
const SMALL: RetentionPolicy = { maxFileBytes: 1000, maxTotalBytes: 4000, keepDays: 3 };

let dir: TempDir;
let log: LogFile | undefined;
afterEach(() => {
  log?.dispose();
  log = undefined;
  dir?.dispose();
});

function open(now: { t: number }, retention?: RetentionPolicy, folder?: string): LogFile {
  dir ??= makeTempDir('netrex-log-');
  log = openLogFile({ folder: folder ?? join(dir.path, 'logs'), now: () => now.t, retention });
  return log;
}
const files = (folder: string) => readdirSync(folder).sort();
const text = (path: string) => readFileSync(path, 'utf8');

describe('the log file', () => {
  it('writes timed, redacted lines at info and above; debug only when a setting or policy asks', () => {
    dir = makeTempDir('netrex-log-');
    const now = { t: START };
    const file = open(now);
    file.debug('hidden.debug');
    file.info('sign-in.started', { providerId: 'demo', redirect: 'https://p.example/cb?code=x' });
    file.setLevel('setting', 'debug');
    file.debug('shown.debug', { n: 1 });
    file.setLevel('policy', 'warn'); // IT's policy wins over the operator's setting
    file.info('hidden.info');
    file.warn('shown.warn');
    file.setLevel('policy', null);
    file.debug('shown.again');
    expect(text(file.path).split('\n').filter(Boolean)).toEqual([
      `2026-11-27T12:00:00.000Z INFO  sign-in.started providerId=demo redirect=https://p.example/cb?${REDACTED}`,
      '2026-11-27T12:00:00.000Z DEBUG shown.debug n=1',
      '2026-11-27T12:00:00.000Z WARN  shown.warn',
      '2026-11-27T12:00:00.000Z DEBUG shown.again',
    ]);
    expect(file.level()).toBe('debug');
  });

  it('archives a full file under its time and keeps the folder under its total size', () => {
    dir = makeTempDir('netrex-log-');
    const now = { t: START };
    const file = open(now, SMALL);
    for (let n = 0; n < 200; n++) {
      now.t += 1000;
      file.info('probe.done', { n, padding: 'x'.repeat(40) });
    }
    const names = files(file.folder);
    expect(names).toContain('main.log');
    const archives = names.filter((name) => name !== 'main.log');
    expect(archives.length).toBeGreaterThan(1);
    for (const name of archives) expect(name).toMatch(/^main\.20261127-12\d{4}-000\.log$/);
    const total = names.reduce((sum, name) => sum + statSync(join(file.folder, name)).size, 0);
    const longestLine = 120;
    expect(total).toBeLessThanOrEqual(SMALL.maxTotalBytes + longestLine);
    // The newest lines are all there, in order, across the files.
    const recent = file.recentLines(10);
    expect(recent.map((line) => /n=(\d+)/.exec(line)?.[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => String(190 + i)),
    );
  });

  it('starts a new file when the UTC day changes, and deletes archives older than the days kept', () => {
    dir = makeTempDir('netrex-log-');
    const now = { t: START };
    const file = open(now, SMALL);
    file.info('day.one');
    now.t += DAY;
    file.info('day.two');
    expect(files(file.folder)).toEqual(['main.20261128-120000-000.log', 'main.log']);
    expect(text(file.path)).toContain('day.two');
    expect(text(file.path)).not.toContain('day.one');
    now.t += 3 * DAY + 1;
    file.info('day.five');
    // Day two's archive (made on day five) is young; day one's is older than three days.
    expect(files(file.folder)).toEqual(['main.20261201-120000-001.log', 'main.log']);
  });

  it('prunes at start: old archives and the oldest beyond the size cap go, other files stay', () => {
    dir = makeTempDir('netrex-log-');
    const folder = join(dir.path, 'logs');
    mkdirSync(folder);
    const put = (name: string, bytes: number) =>
      writeFileSync(join(folder, name), 'x'.repeat(bytes));
    put('main.20261120-120000-000.log', 10); // 7 days old
    put('main.20261125-120000-000.log', 900);
    put('main.20261126-120000-000.log', 900);
    put('main.20261126-130000-000.log', 900);
    put('main.20261127-110000-000.log', 900);
    put('notes.txt', 10);
    put('main.log.bak', 10);
    open({ t: START }, SMALL, folder);
    // Room for archives: 4000 - 1000 = 3000 bytes, so the three newest stay.
    expect(files(folder)).toEqual([
      'main.20261126-120000-000.log',
      'main.20261126-130000-000.log',
      'main.20261127-110000-000.log',
      'main.log.bak',
      'notes.txt',
    ]);
  });

  it('archives a file left from an earlier day at the first line of a new start', () => {
    dir = makeTempDir('netrex-log-');
    const folder = join(dir.path, 'logs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'main.log'), '2026-11-25T08:00:00.000Z INFO  old.line\n');
    const file = open({ t: START }, SMALL, folder);
    file.info('new.line');
    expect(files(folder)).toEqual(['main.20261127-120000-000.log', 'main.log']);
    expect(file.recentLines(5).map((line) => line.split(' ').at(-1))).toEqual([
      'old.line',
      'new.line',
    ]);
  });

  it('keeps the last quarter of a file it cannot rename, so the file never grows past its cap', () => {
    dir = makeTempDir('netrex-log-');
    const now = { t: START };
    const folder = join(dir.path, 'logs');
    mkdirSync(folder, { recursive: true });
    // Every name an archive could take is a folder: each rename fails (EISDIR / ENOTEMPTY).
    for (let s = 0; s < 60; s++) {
      const stamp = archiveName(START + s * 1000, () => false);
      mkdirSync(join(folder, stamp, 'x'), { recursive: true });
    }
    const file = open(now, SMALL, folder);
    for (let n = 0; n < 60; n++) {
      now.t = START + n * 1000;
      file.info('probe.done', { n, padding: 'x'.repeat(40) });
    }
    expect(statSync(file.path).size).toBeLessThanOrEqual(SMALL.maxFileBytes + 120);
    expect(text(file.path)).toMatch(/^\[log cropped: it could not be archived\]\n/);
    expect(text(file.path)).toContain('n=59');
  });

  it('takes out every secret the app says it holds, in lines written and read back', () => {
    dir = makeTempDir('netrex-log-');
    const file = open({ t: START });
    const secrets = new Set<string>();
    const watch = file.knowSecrets(() => secrets);
    file.info('before', { detail: 'client secret is plain-words-secret' });
    secrets.add('plain-words-secret');
    file.info('after', { detail: 'client secret is plain-words-secret' });
    expect(text(file.path)).toContain('before detail="client secret is plain-words-secret"');
    expect(text(file.path)).toContain(`after detail="client secret is ${REDACTED}"`);
    expect(file.recentLines(2).join('\n')).not.toContain('plain-words-secret');
    void watch.dispose();
  });

  it('writes nothing once disposed, and never throws into its caller', () => {
    dir = makeTempDir('netrex-log-');
    const file = open({ t: START });
    file.info('first');
    file.dispose();
    file.info('second');
    expect(text(file.path)).not.toContain('second');
  });
});

describe('retention rules', () => {
  it('names archives by UTC time, unique within a millisecond', () => {
    const taken = new Set(['main.20261127-120000-000.log', 'main.20261127-120000-000-2.log']);
    expect(archiveName(START, (name) => taken.has(name))).toBe('main.20261127-120000-000-3.log');
  });

  it('deletes every archive older than one that does not fit, leaving no gap', () => {
    const entries = [
      { name: 'main.20261127-110000-000.log', size: 2500 },
      { name: 'main.20261127-100000-000.log', size: 600 }, // would fit alone, but is older
      { name: 'main.20261127-090000-000.log', size: 10 },
    ];
    expect(archivesToDelete(entries, START, SMALL)).toEqual([
      'main.20261127-100000-000.log',
      'main.20261127-090000-000.log',
    ]);
  });
});
