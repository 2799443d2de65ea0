// The figures each adversarial test file measures. A file records its
// sections here; setup.ts writes them to test-results/adversarial/<file>.json
// after the file, and summary.ts (the project's global setup) prints every
// section as the suite's closing table and writes test-results/adversarial.json.
import { join } from 'node:path';

export const RESULTS_DIR = 'test-results';
export const FIGURES_DIR = join(RESULTS_DIR, 'adversarial');
export const SUMMARY_FILE = join(RESULTS_DIR, 'adversarial.json');

export interface Section {
  /** Orders sections in the table (crash, faults, hostile, malicious, config, hygiene). */
  readonly order: number;
  readonly title: string;
  /** The section as printed. */
  readonly lines: readonly string[];
  /** The same figures as data, for adversarial.json. */
  readonly data: unknown;
}

const sections = new Map<string, Section>();

export function recordSection(key: string, section: Section): void {
  sections.set(key, section);
}

export function recordedSections(): Record<string, Section> {
  return Object.fromEntries(sections);
}

export function printSection(section: Section): string {
  return [`── ${section.title}`, ...section.lines.map((line) => `   ${line}`)].join('\n');
}

/** Pads each column to its widest cell. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
