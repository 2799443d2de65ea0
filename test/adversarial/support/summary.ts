// The adversarial project's global setup: clears the figures of an earlier
// run, and after the last file prints the suite's summary table (every
// section the files recorded, the secret search over the whole suite, the
// crash count and the run time) and writes it all to
// test-results/adversarial.json for CI.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIGURES_DIR,
  printSection,
  RESULTS_DIR,
  SUMMARY_FILE,
  table,
  type Section,
} from './figures';
import { CHANNELS, type HygieneReport } from './hygiene';

interface FileFigures {
  readonly file: string;
  readonly sections: Record<string, Section>;
  readonly hygiene: HygieneReport;
  readonly unhandled: { rejections: number; exceptions: number };
}

let startedAt = 0;

export function setup(): void {
  startedAt = performance.now();
  rmSync(FIGURES_DIR, { recursive: true, force: true });
}

export function teardown(): void {
  if (!existsSync(FIGURES_DIR)) return;
  const files: FileFigures[] = readdirSync(FIGURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(FIGURES_DIR, name), 'utf8')) as FileFigures);
  if (files.length === 0) return;
  const runSeconds = Math.round((performance.now() - startedAt) / 100) / 10;

  const sections = files
    .flatMap((f) => Object.entries(f.sections))
    .sort(([, a], [, b]) => a.order - b.order);
  const searched = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      {
        texts: sum(files.map((f) => f.hygiene.searched[channel].texts)),
        chars: sum(files.map((f) => f.hygiene.searched[channel].chars)),
      },
    ]),
  ) as HygieneReport['searched'];
  const hits = files.flatMap((f) => f.hygiene.hits.map((hit) => ({ file: f.file, ...hit })));
  const secrets = sum(files.map((f) => f.hygiene.secrets));
  const unhandled = {
    rejections: sum(files.map((f) => f.unhandled.rejections)),
    exceptions: sum(files.map((f) => f.unhandled.exceptions)),
  };
  const hygiene: Section = {
    order: 100,
    title: 'Secret hygiene (every file, every channel)',
    lines: [
      `${secrets} secrets searched (tokens, codes, PKCE verifiers, client secrets issued or configured; raw, JSON and URL-encoded)`,
      ...table([
        ['channel', 'texts', 'characters', 'hits'],
        ...CHANNELS.map((channel) => [
          channel,
          String(searched[channel].texts),
          String(searched[channel].chars),
          String(hits.filter((hit) => hit.channel === channel).length),
        ]),
      ]),
      `unhandled rejections ${unhandled.rejections}, uncaught exceptions ${unhandled.exceptions}`,
    ],
    data: { secrets, searched, hits, unhandled },
  };

  const all: [string, Section][] = [...sections, ['hygiene', hygiene]];
  const text = [
    '',
    `══ Adversarial suite: summary (${files.length} files, ${runSeconds} s)`,
    ...all.map(([, section]) => printSection(section)),
    '',
  ].join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    SUMMARY_FILE,
    `${JSON.stringify(
      {
        runSeconds,
        files: files.map((f) => f.file),
        sections: Object.fromEntries(
          all.map(([key, section]) => [key, { title: section.title, ...(section.data as object) }]),
        ),
      },
      null,
      2,
    )}\n`,
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
