// Why a part of the managed configuration was refused, as a rule with plain
// values (never a value from the file), so the window can say it in the
// operator's language and the English message says the same. Each rule has
// one English sentence fragment here; the window's words are in
// renderer/src/i18n (managedRule), and a unit test holds the two lists equal.
import type { z } from 'zod';
import type { MessageParams } from '../common/model';
import type { UrlProblem } from './portal-url';

export type ManagedConfigRule =
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-permission-denied'
  | 'file-not-json'
  | 'file-not-object'
  | 'unknown-setting'
  | 'unknown-fields'
  | 'wrong-type'
  | 'not-one-of'
  | 'empty'
  | 'too-long'
  | 'out-of-range'
  | 'whole-number'
  | 'id-format'
  | 'client-id-format'
  | 'control-characters'
  | 'duplicate-id'
  | 'built-in-address'
  | 'built-in-dialect'
  | 'required'
  | `url-${UrlProblem}`
  | 'rights-none'
  | 'rights-too-many'
  | 'rights-repeated'
  | 'rights-unknown'
  | 'scopes-format'
  | 'unknown-portal'
  | 'invalid';

/** A rule broken, with what its sentence names: field names, types, bounds, allowed values. */
export interface RuleBroken {
  readonly rule: ManagedConfigRule;
  readonly values?: MessageParams;
}

/** JSON's names for the types a field may expect (zod's `expected`, as IT reads JSON). */
const JSON_TYPES: Readonly<Record<string, string>> = {
  boolean: 'true or false (without quotes)',
  string: 'text in quotes',
  array: 'a list in [ ]',
  object: 'an object in { }',
  number: 'a number',
  int: 'a whole number',
};

const TEXT: Readonly<Record<ManagedConfigRule, (v: MessageParams) => string>> = {
  'file-too-large': () =>
    'the file is larger than 1 MB; no managed configuration file is that large',
  'file-unreadable': () => 'the file cannot be read',
  'file-permission-denied': () => 'the file cannot be read (permission denied)',
  'file-not-json': () => 'the file is not valid JSON',
  'file-not-object': () => 'the file must hold one JSON object',
  'unknown-setting': (v) => `is not a setting Netrex Connect knows (${v.known}); it is ignored`,
  'unknown-fields': (v) =>
    `has fields Netrex Connect does not know (${v.names}), so the entry is skipped`,
  'wrong-type': (v) => `must be ${JSON_TYPES[String(v.expected)] ?? String(v.expected)}`,
  'not-one-of': (v) => `must be one of: ${v.allowed}`,
  empty: () => 'must not be empty',
  'too-long': (v) => `must be at most ${v.max} characters`,
  'out-of-range': (v) => `must be between ${v.min} and ${v.max}`,
  'whole-number': () => 'must be a whole number',
  'id-format': () => 'must be 1–40 lower-case letters, digits or dashes',
  'client-id-format': () => 'must be printable ASCII without spaces',
  'control-characters': () => 'must not contain control characters',
  'duplicate-id': () => 'this id appears earlier in the file; each provider is listed once',
  'built-in-address': () =>
    'a built-in portal keeps its address; give the provider a new id to use another',
  'built-in-dialect': () => 'a built-in portal keeps its dialect; give the provider a new id',
  required: () => 'is required for a provider that is not built in',
  'url-not-a-url': () => 'it is not a web address (expected e.g. https://portal.example.com)',
  'url-not-https': () =>
    'it must start with https:// (plain http:// is allowed only for 127.0.0.1 and [::1])',
  'url-has-credentials': () => 'it must not contain a user name or password',
  'url-has-query-or-fragment': () => 'it must not contain a query (?…) or a fragment (#…)',
  'rights-none': () => 'must name at least one right',
  'rights-too-many': (v) => `must name at most ${v.max} rights`,
  'rights-repeated': () => 'must not repeat a right',
  'rights-unknown': (v) => `must be among: ${v.allowed}`,
  'scopes-format': () => 'must be scope names without spaces, quotes, commas or backslashes',
  'unknown-portal': () =>
    'names no provider of this file and no built-in portal, so no portal is opened first',
  invalid: () => 'is not valid',
};

/** Every rule, for the test that holds the window's words to them. */
export const MANAGED_CONFIG_RULES = Object.keys(TEXT) as readonly ManagedConfigRule[];

/** The English fragment for a broken rule (the notice's message, the log). */
export function ruleText({ rule, values = {} }: RuleBroken): string {
  return TEXT[rule](values);
}

/** A field name, not a value; still, only a plain short one is repeated back. */
export function isPlainName(key: string): boolean {
  return /^[\w$-]{1,40}$/.test(key);
}

/** Unknown field names, quoted; those that are not plain names are counted, not repeated. */
export function unknownNames(keys: readonly string[]): string {
  const names = keys.filter(isPlainName);
  const odd = keys.length - names.length;
  return [...names.map((k) => `"${k}"`), ...(odd ? [`${odd} with an odd name`] : [])].join(', ');
}

/**
 * The rule a zod issue breaks, in the managed configuration's terms. `field`
 * names the field when the issue's path does not (a top-level field parsed
 * on its own).
 */
export function ruleOfIssue(
  issue: z.core.$ZodIssue,
  field: PropertyKey = issue.path.at(-1) ?? '',
): RuleBroken {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { rule: 'unknown-fields', values: { names: unknownNames(issue.keys) } };
    case 'invalid_type':
      return issue.expected === 'int'
        ? { rule: 'whole-number' }
        : { rule: 'wrong-type', values: { expected: issue.expected } };
    case 'invalid_value':
      return { rule: 'not-one-of', values: { allowed: issue.values.map(String).join(', ') } };
    case 'too_small':
      if (issue.origin === 'number') return outOfRange(issue.minimum, undefined);
      return { rule: 'empty' };
    case 'too_big':
      if (issue.origin === 'number') return outOfRange(undefined, issue.maximum);
      return { rule: 'too-long', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (field === 'id' || field === 'defaultPortal') return { rule: 'id-format' };
      if (field === 'clientId') return { rule: 'client-id-format' };
      return { rule: 'invalid' };
    case 'custom':
      return /control characters/.test(issue.message)
        ? { rule: 'control-characters' }
        : { rule: 'invalid' };
    default:
      return { rule: 'invalid' };
  }
}

/** Ports and the like: the schema's bounds are the loopback port's (1024–65535). */
function outOfRange(min: unknown, max: unknown): RuleBroken {
  return {
    rule: 'out-of-range',
    values: { min: Number(min ?? 1024), max: Number(max ?? 65535) },
  };
}
