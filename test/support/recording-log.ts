// A Log that only collects its lines: for tests that check what was logged.
import type { Log, LogFields, LogLevel } from '../../main/common/log';

export interface RecordedLine {
  readonly level: LogLevel;
  readonly event: string;
  readonly fields: LogFields;
}

export function recordingLog(): Log & { readonly lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  const at =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) =>
      void lines.push({ level, event, fields });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
