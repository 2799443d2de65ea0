// fast-check arbitraries for what the OS, a browser or a person may hand the
// app as a sign-in redirect: our callback built from hostile parts — other
// and look-alike schemes (javascript:, file:, data:, Cyrillic letters),
// authorities where none belongs, paths one step off, repeated and encoded
// parameters, stray separators, Unicode and huge values — and, now and then,
// the genuine redirect with harmless variations, so a property can also
// insist that the real answer still gets through.
import fc from 'fast-check';

/**
 * Stand-ins for the pending state, filled in by `realize` once it is known:
 * the state itself, percent-encoded (the same state), and look-alikes.
 */
const STATE = '\u0001S\u0001';
const STATE_ENCODED = '\u0001E\u0001';
const STATE_UPPER = '\u0001U\u0001';
const STATE_SHORT = '\u0001T\u0001';

/** Puts the pending state (and its variants) into a generated redirect or argument. */
export function realize(template: string, state: string): string {
  return template
    .replaceAll(STATE, state)
    .replaceAll(
      STATE_ENCODED,
      `%${state.charCodeAt(0).toString(16).toUpperCase()}${state.slice(1)}`,
    )
    .replaceAll(STATE_UPPER, state.toUpperCase())
    .replaceAll(STATE_SHORT, state.slice(1));
}

export interface HostileRedirect {
  /** With the state still to be filled in (`realize`). */
  readonly url: string;
  /** Built only from parts that must be accepted: the check must let it through. */
  readonly genuine: boolean;
}

const SCHEMES = [
  'cz.netrex.connect',
  'CZ.Netrex.Connect',
  'cz.netrex.connect.evil',
  'cz.netrex.connectx',
  'xcz.netrex.connect',
  'cz.netrex',
  'сz.netrex.connect', // Cyrillic с
  'cz.netrex\u200d.connect',
  'javascript',
  'JavaScript',
  'file',
  'data',
  'vbscript',
  'http',
  'https',
  'blob',
  '',
];
const SEPARATORS = [':', '://', ':///', ':\\', ':%2F', '：', ':/', '', '::'];
const AUTHORITIES = [
  '',
  '127.0.0.1:28813',
  'localhost:28813',
  'evil.example',
  'u:p@127.0.0.1',
  '127.0.0.1:28813@evil.example',
  '%00',
];
const PATHS = [
  '/oauth/callback/demo',
  'oauth/callback/demo',
  '//oauth/callback/demo',
  '/oauth/callback/demo/',
  '/oauth/callback//demo',
  '/oauth/callback/Demo',
  '/OAUTH/callback/demo',
  '/oauth/callback/dem%6F',
  '/oauth%2Fcallback/demo',
  '/oauth/callback/demo%2F..',
  '/oauth/callback/../callback/demo',
  '/oauth/./callback/demo',
  '/oauth/callback/demo;jsessionid=1',
  '/oauth/callback/other',
  '/oauth/callback/demo\u0000',
  '/oauth/callback/demo%00',
  '/oauth/callback/dem\u00f6',
  '/oauth/callback',
  '/',
];
const NAMES = [
  'code',
  'state',
  'error',
  'error_description',
  'iss',
  'STATE',
  'st%61te',
  'state ',
  'x',
];
const JOINERS = ['&', '&&', ';', '&=&', '&amp;'];
const QUERY_MARKS = ['?', '??', '?&', '#', '/?', '?#'];
const WRAPPERS = ['', ' ', '\n', '\t', '\u200b', '\ufeff', '\u202e', '\u00a0', '%20'];

/** A parameter value: the pending state (as is, encoded, mutated), or something hostile. */
function value(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(STATE) },
    fc.constant(STATE_ENCODED),
    fc.constant(`${STATE}x`),
    fc.constant(STATE_SHORT),
    fc.constant(STATE_UPPER),
    fc.constant(`${STATE}%00`),
    fc.constant(`${STATE}\u0301`),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', '=', '%', '%%', '%zz', '%C0%AF', '<script>', 'javascript:alert(1)'),
    fc.nat({ max: 40_000 }).map((n) => 'A'.repeat(n)),
  );
}

/** A hostile (or, now and then, the genuine) redirect for the pending authorization. */
export function hostileRedirect(): fc.Arbitrary<HostileRedirect> {
  const genuine = fc
    .record({
      scheme: fc.constantFrom('cz.netrex.connect', 'CZ.NETREX.CONNECT', 'Cz.Netrex.Connect'),
      extra: fc.constantFrom('', '&x=1', '&scope=read', '&code_extra=%F0%9F%A6%84'),
      fragment: fc.constantFrom('', '#', '#frag', '#state=other'),
      wrap: fc.constantFrom('', ' ', '\n', '\t '),
      codeFirst: fc.boolean(),
    })
    .map(({ scheme, extra, fragment, wrap, codeFirst }) => {
      const parts = ['code=c0de-4711', `state=${STATE}`];
      if (codeFirst) parts.reverse();
      return {
        url: `${wrap}${scheme}:/oauth/callback/demo?${parts.join('&')}${extra}${fragment}${wrap}`,
        genuine: true,
      };
    });
  const hostile = fc
    .record({
      before: fc.constantFrom(...WRAPPERS),
      scheme: fc.constantFrom(...SCHEMES),
      separator: fc.constantFrom(...SEPARATORS),
      authority: fc.constantFrom(...AUTHORITIES),
      path: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
        fc.string({ unit: 'grapheme', maxLength: 30 }).map((p) => `/oauth/callback/${p}`),
      ),
      mark: fc.constantFrom(...QUERY_MARKS),
      params: fc.array(fc.tuple(fc.constantFrom(...NAMES), value()), { maxLength: 5 }),
      joiner: fc.constantFrom(...JOINERS),
      after: fc.constantFrom(...WRAPPERS),
    })
    .map((p) => ({
      url:
        `${p.before}${p.scheme}${p.separator}${p.authority}${p.path}${p.mark}` +
        `${p.params.map(([name, v]) => `${name}=${v}`).join(p.joiner)}${p.after}`,
      genuine: false,
    }));
  // The genuine redirect with one part changed: most of these parse, so the
  // state, code, error and iss checks behind the parser are reached too.
  const nearGenuine = fc
    .record({
      scheme: fc.constantFrom(...SCHEMES),
      separator: fc.constantFrom(...SEPARATORS),
      path: fc.constantFrom(...PATHS),
      state: value(),
      extra: fc.constantFrom(
        '',
        `&state=${STATE}`,
        '&st%61te=x',
        '&state=',
        '&code=again',
        '&error=access_denied',
        '&iss=https%3A%2F%2Fevil.example',
        '&error_description=%3Cscript%3E',
      ),
      change: fc.constantFrom('scheme', 'separator', 'path', 'state', 'extra', 'no state'),
    })
    .map((m) => {
      const scheme = m.change === 'scheme' ? m.scheme : 'cz.netrex.connect';
      const separator = m.change === 'separator' ? m.separator : ':';
      const path = m.change === 'path' ? m.path : '/oauth/callback/demo';
      const state =
        m.change === 'no state' ? '' : `&state=${m.change === 'state' ? m.state : STATE}`;
      const extra = m.change === 'extra' ? m.extra : '';
      return { url: `${scheme}${separator}${path}?code=c0de-4711${state}${extra}`, genuine: false };
    });
  return fc.oneof(
    { weight: 2, arbitrary: genuine },
    { weight: 6, arbitrary: nearGenuine },
    { weight: 8, arbitrary: hostile },
    {
      weight: 3,
      arbitrary: fc
        .string({ unit: 'grapheme', maxLength: 200 })
        .map((url) => ({ url, genuine: false })),
    },
    {
      weight: 1,
      arbitrary: fc.nat({ max: 50_000 }).map((n) => ({
        url: `cz.netrex.connect:/oauth/callback/demo?state=${STATE}&code=${'\u{1F984}'.repeat(n)}`,
        genuine: false,
      })),
    },
  );
}

/** A command line: the program, Chromium's switches, and hostile arguments. */
export function hostileArgv(): fc.Arbitrary<string[]> {
  const argument = fc.oneof(
    { weight: 3, arbitrary: hostileRedirect().map((r) => r.url) },
    fc.constantFrom(
      '--original-process-start-time=13380000000000000',
      '--allow-file-access-from-files',
      `--foo=cz.netrex.connect:/oauth/callback/demo?state=${STATE}`,
      '/home/op/netrex-connect',
      '.',
      '--',
    ),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  );
  return fc
    .tuple(
      fc.constantFrom('/opt/Netrex Connect/netrex-connect', '/usr/lib/electron/electron'),
      fc.array(argument, { maxLength: 5 }),
    )
    .map(([program, rest]) => [program, ...rest]);
}

/**
 * The rule, stated independently of the app's code: an authorization may
 * complete only for our scheme (in any case, as URLs compare schemes), no
 * authority, exactly the demo provider's callback path, and exactly one
 * `state` that is the pending one.
 */
export function mayComplete(input: string, state: string): boolean {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return false;
  }
  return (
    url.protocol === 'cz.netrex.connect:' &&
    url.host === '' &&
    url.href.replace(/[?#].*$/s, '') === 'cz.netrex.connect:/oauth/callback/demo' &&
    url.searchParams.getAll('state').length === 1 &&
    url.searchParams.get('state') === state
  );
}
