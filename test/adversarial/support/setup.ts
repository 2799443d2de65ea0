// Runs before every adversarial test file (vitest setupFiles), in its worker:
// tees all log output of this process into the secret search (console.* and
// direct writes to stdout/stderr), counts unhandled rejections and uncaught
// exceptions, and after the file's tests searches everything for secrets,
// writes the file's figures, and fails the file on any leak or crash.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { format } from 'node:util';
import { afterAll, expect } from 'vitest';
import { FIGURES_DIR, recordedSections } from './figures';
import { hygiene } from './hygiene';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
for (const method of CONSOLE_METHODS) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    hygiene.log(format(...args));
    original(...args);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    hygiene.log(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

const unhandled = { rejections: 0, exceptions: 0 };
process.on('unhandledRejection', (reason) => {
  unhandled.rejections++;
  hygiene.error(reason);
});
process.on('uncaughtException', (error) => {
  unhandled.exceptions++;
  hygiene.error(error);
});

afterAll(() => {
  const name = basename(expect.getState().testPath ?? 'unknown').replace(/\.test\.ts$/, '');
  const report = hygiene.scan();
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(
    join(FIGURES_DIR, `${name}.json`),
    `${JSON.stringify({ file: name, sections: recordedSections(), hygiene: report, unhandled }, null, 2)}\n`,
  );
  // Guards against a search that finds nothing because there was nothing to search.
  expect(report.secrets, `secrets searched for in ${name}`).toBeGreaterThan(0);
  const texts = Object.values(report.searched).reduce((sum, channel) => sum + channel.texts, 0);
  expect(texts, `texts searched in ${name}`).toBeGreaterThan(0);
  // A hit names the channel and the kind of secret (nxs_rt_, secret #3), never the secret.
  expect(report.hits, `secrets found in ${name}`).toEqual([]);
  expect(unhandled, `crashes in ${name}`).toEqual({ rejections: 0, exceptions: 0 });
});
