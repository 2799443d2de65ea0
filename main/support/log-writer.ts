// A Log (main/common/log.ts) that filters by level, passes every line through
// the redaction step and hands the finished text to a sink: the rotating
// file in the app, an array in tests. Logging never throws into its caller.
import { formatLogLine, LOG_LEVELS, type Log, type LogFields, type LogLevel } from '../common/log';
import type { Redactor } from './log-redaction';

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** Who asked for a level: the operator's setting, or IT's policy (which wins). */
export type LevelSource = 'setting' | 'policy';

/** The level in force: the policy's when it set one, else the setting's, else `info`. */
export function effectiveLevel(levels: Readonly<Partial<Record<LevelSource, LogLevel | null>>>) {
  return levels.policy ?? levels.setting ?? DEFAULT_LOG_LEVEL;
}

/** Whether a line of `level` is written while `threshold` is in force. */
export function levelShows(threshold: LogLevel, level: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

/** `2026-11-27T12:00:00.000Z INFO  event key=value`: UTC, the level padded to one width. */
export function formatFileLine(at: number, level: LogLevel, event: string, fields: LogFields) {
  return `${new Date(at).toISOString()} ${level.toUpperCase().padEnd(5)} ${formatLogLine(event, fields)}`;
}

export interface LogWriterOptions {
  readonly redactor: Redactor;
  readonly now: () => number;
  /** The level in force, read for every line. */
  readonly threshold: () => LogLevel;
  readonly sink: (line: string, level: LogLevel) => void;
}

export function createLogWriter(options: LogWriterOptions): Log {
  const write = (level: LogLevel) => (event: string, fields?: LogFields) => {
    try {
      if (!levelShows(options.threshold(), level)) return;
      const line = options.redactor.line(event, fields);
      options.sink(formatFileLine(options.now(), level, line.event, line.fields), level);
    } catch {
      // A log that cannot write must not break what it watches.
    }
  };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
