// Times as an operator reads them: "in 5 minutes", "2 hours ago", "4:07".

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Building an Intl formatter costs far more than using one (in Chromium some
// 20-70 µs against under 1 µs), and 100 cards format two times each on every
// tick: one formatter per language.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  return format;
}

/** `in 5 minutes` / `před 2 hodinami`: the largest unit that fits, rounded. */
export function formatRelative(deltaMs: number, language: string): string {
  const format = relativeFormat(language);
  const size = Math.abs(deltaMs);
  if (size < MINUTE) return format.format(Math.round(deltaMs / SECOND), 'second');
  if (size < HOUR) return format.format(Math.round(deltaMs / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(deltaMs / HOUR), 'hour');
  return format.format(Math.round(deltaMs / DAY), 'day');
}

/** `4:07` for a countdown; never negative. Rounds up so 0:00 means "time is up". */
export function formatCountdown(remainingMs: number): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / SECOND));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Whole seconds until `at` (at least 0), for "retrying in N s". */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / SECOND));
}

/** A host name to show under a portal's name: `system2.netrex.cz`. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
