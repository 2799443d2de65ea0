// The one step every log line passes before it is written anywhere. The
// services mark what they log (an event name and plain fields, GCM's lesson),
// so most of the work is done at the call site; this step is the net under
// it, and it decides alone what reaches the file:
//
// - an event name is a dotted lower-case word, or it is replaced;
// - a field name is a plain identifier, and one that names a secret
//   (token, secret, verifier, password, code, …) never shows its value;
// - an id field keeps a UUID or a short slug as it is;
// - every other text value loses its control characters (no forged lines),
//   every secret the app holds (raw, JSON-escaped, URL-encoded, base64),
//   a URL's query, fragment and user info, `name=value` and `"name":"value"`
//   pairs of secret names, `Bearer …`, anything shaped like a token or a key,
//   and a portal's raw answer (text that starts like JSON or HTML); then it
//   is cut to a bounded length.
import type { LogFields, LogValue } from '../common/log';

export const REDACTED = '[redacted]';
/** A text field longer than this is cut: a log line names things, it does not quote them. */
export const MAX_TEXT_LENGTH = 200;
/** Fields beyond this many are dropped (and counted). */
export const MAX_FIELDS = 32;
/** Known secrets shorter than this are words, not secrets (a portal's password "operator"). */
export const MIN_KNOWN_SECRET_LENGTH = 8;

/** What a line becomes after redaction: only text, numbers, booleans and null. */
export interface RedactedLine {
  readonly event: string;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

export interface Redactor {
  line(event: string, fields?: LogFields): RedactedLine;
  /** One text, as a text field's value is redacted. */
  text(value: string): string;
  /**
   * A finished line read back from the file: only control characters and
   * the secrets known now are taken out (the other rules ran when it was written).
   */
  knownOnly(line: string): string;
}

export interface RedactorOptions {
  /**
   * The secrets the app holds right now (tokens, client secrets): each is
   * removed in every form it could take. Read once per line.
   */
  readonly knownSecrets?: () => Iterable<string>;
}

const EVENT = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const MAX_EVENT_LENGTH = 64;
export const INVALID_EVENT = 'log.invalid-event';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/**
 * Names whose value is a secret or carries one. `code` alone is the OAuth
 * authorization code: outcome codes are logged as `outcome` or `error`.
 */
const SECRET_NAME =
  /token|secret|passw|verifier|challenge|authori[sz]ation|cookie|credential|assertion|private|api_?key|bearer|session|^code$|_code$|^state$|^nonce$/i;
/** The same names as they appear inside text: `code=…`, `"refresh_token":"…"`. */
const SECRET_PARAM =
  '(?:access_token|refresh_token|id_token|token|client_secret|secret|code|code_verifier|code_challenge|state|nonce|password|assertion|api_key|apikey)';
const PARAM_PAIR = new RegExp(`(\\b${SECRET_PARAM}=)[^&\\s"';,]+`, 'gi');
const JSON_PAIR = new RegExp(`("${SECRET_PARAM}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;

/** An id that may stay as it is: a UUID (account ids) or a short slug (portal ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/i;

/**
 * Runs of characters a token, a key or an encoded secret is made of (base64,
 * base64url, hex, percent-encoding). Long runs are secrets unless they are
 * plainly words: a run of 20 or more with both a letter and a digit, or
 * whose case changes as often as random base64's does (a 16-byte state may
 * hold no digit), or any run of 32 or more. A run with a slash may be a path
 * (`oauth2/token`): it counts when it mixes upper case, lower case and
 * digits, as base64 does.
 */
const TOKEN_RUN = /[A-Za-z0-9_\-+/=%~]{20,}/g;
function looksLikeSecret(run: string): boolean {
  if (run.includes('/')) return /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
  return run.length >= 32 || (/[A-Za-z]/.test(run) && /\d/.test(run)) || caseChanges(run) >= 8;
}

/** How often a run switches between upper and lower case (camelCase words: a few times). */
function caseChanges(run: string): number {
  let changes = 0;
  for (let i = 1; i < run.length; i += 1) {
    const before = run[i - 1]!;
    const now = run[i]!;
    const upper = (c: string) => c >= 'A' && c <= 'Z';
    const lower = (c: string) => c >= 'a' && c <= 'z';
    if ((upper(before) && lower(now)) || (lower(before) && upper(now))) changes += 1;
  }
  return changes;
}

const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/{0,2}[^\s"'<>]+/gi;
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const knownForms = knownSecretForms(options.knownSecrets);
  const text = (value: string): string => redactText(value, knownForms());
  return {
    text,
    knownOnly(line) {
      let text = line.replace(CONTROL, ' ');
      for (const form of knownForms()) text = text.split(form).join(REDACTED);
      return text;
    },
    line(event, fields = {}) {
      const forms = knownForms();
      const out: Record<string, string | number | boolean | null> = {};
      let dropped = 0;
      let kept = 0;
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        if (!FIELD_NAME.test(name) || looksLikeSecretText(name) || kept >= MAX_FIELDS) {
          dropped++;
          continue;
        }
        kept++;
        out[name] = redactValue(name, value, forms);
      }
      if (dropped > 0) out.droppedFields = dropped;
      return { event: redactEvent(event), fields: out };
    },
  };
}

function redactEvent(event: string): string {
  if (typeof event !== 'string' || event.length > MAX_EVENT_LENGTH || !EVENT.test(event))
    return INVALID_EVENT;
  return looksLikeSecretText(event) ? INVALID_EVENT : event;
}

function redactValue(
  name: string,
  value: LogValue,
  forms: readonly string[],
): string | number | boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'string') return REDACTED; // not a plain value: the type allows none
  if (SECRET_NAME.test(name)) return REDACTED;
  if (/Id$/.test(name) && (UUID.test(value) || (SLUG.test(value) && !looksLikeSecretText(value))))
    return forms.some((form) => value.includes(form)) ? REDACTED : value;
  return redactText(value, forms);
}

/** Whether a text holds anything the token rule would remove. */
function looksLikeSecretText(value: string): boolean {
  return [...value.matchAll(TOKEN_RUN)].some(([run]) => looksLikeSecret(run));
}

export function redactText(value: string, forms: readonly string[] = []): string {
  let text = value.replace(CONTROL, ' ');
  for (const form of forms) text = text.split(form).join(REDACTED);
  const trimmed = text.trimStart();
  if (/^[{[<]/.test(trimmed) && trimmed.length > 1) {
    return `[raw answer left out, ${value.length} characters]`;
  }
  text = text.replace(URL_LIKE, (url) => withoutQuery(url));
  text = text.replace(JSON_PAIR, `$1"${REDACTED}"`);
  text = text.replace(PARAM_PAIR, `$1${REDACTED}`);
  text = text.replace(AUTH_SCHEME, `$1 ${REDACTED}`);
  text = text.replace(TOKEN_RUN, (run) => (looksLikeSecret(run) ? REDACTED : run));
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
}

/** A URL without its query, fragment and user info; text that only looks like one is kept. */
function withoutQuery(candidate: string): string {
  const cut = candidate.search(/[?#]/);
  const head = cut < 0 ? candidate : candidate.slice(0, cut);
  const tail = cut < 0 ? '' : `${candidate[cut]}${REDACTED}`;
  // user:password@host — the part before @ goes.
  const userInfo = /^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i;
  return head.replace(userInfo, `$1${REDACTED}@`) + tail;
}

/**
 * Every form the known secrets could take in a line, read anew for each line.
 * The secrets change rarely (a sign-in, a refresh) and a line is written far
 * more often: the forms are kept for the same secrets in the same order and
 * made again as soon as one differs (bench: some 20 µs of a line's 55 µs with
 * two secrets, and growing with every account held).
 */
function knownSecretForms(source: (() => Iterable<string>) | undefined): () => readonly string[] {
  let lastSecrets: readonly string[] = [];
  let lastForms: readonly string[] = [];
  return () => {
    if (!source) return [];
    let secrets: string[];
    try {
      secrets = [...source()].filter(
        (secret) => typeof secret === 'string' && secret.length >= MIN_KNOWN_SECRET_LENGTH,
      );
    } catch {
      return [];
    }
    const same =
      secrets.length === lastSecrets.length && secrets.every((s, i) => s === lastSecrets[i]);
    if (!same) {
      lastForms = secretForms(secrets);
      lastSecrets = secrets;
    }
    return lastForms;
  };
}

/**
 * Every form a known secret could take in a line: as it is, JSON-escaped,
 * URL- and form-encoded, base64 and base64url. Longest first, so a form
 * that contains another is removed whole.
 */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    const bytes = Buffer.from(secret, 'utf8');
    forms.add(bytes.toString('base64'));
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
