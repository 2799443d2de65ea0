// The app's log, as the services and the edge see it: a port. Lines are
// structured — an event name and plain fields — so that what may be written is
// decided by the fields' names and kinds, not by scrubbing free text
// afterwards (GCM's lesson: mark secrets at the call site). Where the lines go
// (a rotating file, the console, nowhere) is the host's choice; the redaction
// every line passes through sits in front of that sink.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Ordered from the most to the least severe: a level shows every level before it. */
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** What a field may hold: plain values only, never an object that could carry a token. */
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

export interface Log {
  error(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
}

/** Writes nothing: the default where a host gave no log (most tests). */
export const nullLog: Log = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** One line's words: `event key=value key=value`, fields in the order given. */
export function formatLogLine(event: string, fields: LogFields = {}): string {
  const parts = [event];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(
      `${key}=${typeof value === 'string' && /[\s="]/.test(value) ? JSON.stringify(value) : String(value)}`,
    );
  }
  return parts.join(' ');
}
