// Retry-After (RFC 9110 §10.2.3): a portal that answers 503 (or 429, RFC 6585
// §4) may say how long to leave it alone, as delta-seconds or an HTTP-date.
// Read strictly: anything that is neither is ignored (the backoff alone then
// decides). How long the app is willing to wait is not decided here: the
// accounts cap it at their backoff ceiling (backoff.ts), so a hostile portal
// cannot park an account for days.

/** Statuses whose Retry-After means "the service is back after this". */
const RETRY_AFTER_STATUS = new Set([429, 503]);

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = String.raw`(?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})`;
const MONTH = `(?<month>${MONTHS.join('|')})`;
/** The three forms of §5.6.7, each naming its parts the same way. */
const HTTP_DATE_FORMS = [
  // `Sun, 06 Nov 1994 08:49:37 GMT`: IMF-fixdate, the preferred form
  `(?:${DAYS.join('|')}), (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT`,
  // `Sunday, 06-Nov-94 08:49:37 GMT`: obsolete RFC 850, still to be accepted
  `(?:${LONG_DAYS.join('|')}), (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT`,
  // `Sun Nov  6 08:49:37 1994`: obsolete asctime, still to be accepted
  `(?:${DAYS.join('|')}) ${MONTH} (?<day> \\d|\\d{2}) ${TIME} (?<year>\\d{4})`,
].map((form) => new RegExp(`^${form}$`));

/**
 * An HTTP-date (RFC 9110 §5.6.7, all three forms) as epoch milliseconds, or
 * undefined when `value` is not exactly one or names no real moment
 * (31 Feb, 25:00). A two-digit RFC 850 year more than 50 years ahead of
 * `now` is read as the past century, as §5.6.7 asks.
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  const parts = HTTP_DATE_FORMS.map((form) => form.exec(value)?.groups).find(Boolean);
  if (!parts) return undefined;
  const [day, h, m, s] = [parts.day, parts.h, parts.m, parts.s].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const month = MONTHS.indexOf(parts.month!);
  let year = Number(parts.year);
  if (parts.year!.length === 2) {
    const thisYear = new Date(now).getUTCFullYear();
    year += Math.floor(thisYear / 100) * 100;
    if (year > thisYear + 50) year -= 100;
  }
  const at = Date.UTC(year, month, day, h, m, s);
  // Date.UTC rolls 31 Feb over to March: a date that does not come back unchanged is not one.
  const back = new Date(at);
  const real =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month &&
    back.getUTCDate() === day &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === m &&
    back.getUTCSeconds() === s;
  return real ? at : undefined;
}

/**
 * A Retry-After value as milliseconds from `now`: delta-seconds
 * (`1*DIGIT`) or an HTTP-date (a past date is 0). Undefined when absent or
 * neither. Not capped (only made finite): the caller decides how long it waits.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  const at = parseHttpDate(text, now);
  return at === undefined ? undefined : Math.max(0, at - now);
}

/**
 * What a 503 or 429 answer asks, in milliseconds; undefined for any other
 * status or no usable header. An HTTP-date is measured against the answer's
 * own Date header when it has a valid one (both are the portal's clock, so a
 * skewed local clock does not stretch or shrink the wait), else against `now`.
 */
export function retryAfterOf(
  response: Pick<Response, 'status' | 'headers'>,
  now: number,
): number | undefined {
  if (!RETRY_AFTER_STATUS.has(response.status)) return undefined;
  const date = response.headers.get('date');
  const portalNow = date === null ? undefined : parseHttpDate(date.trim(), now);
  return parseRetryAfter(response.headers.get('retry-after'), portalNow ?? now);
}
