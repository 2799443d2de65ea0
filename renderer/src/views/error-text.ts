// The words for a UserFacingError, in the window's language. Every code the
// main process sends has its text here (fromApp in the i18n resources), filled
// with the plain values the error carries (`params`: a portal's name, a count,
// a port); the main process's own English sentence is shown only for a code
// this window does not know. The portal's words (`detail`) are not part of it:
// views quote them as plain text where they show them.
import type { TFunction } from 'i18next';
import type { MessageParams, UserFacingError } from '../../../main/ipc/contract';
import { en } from '../i18n/en';

type Entry = string | Readonly<Record<string, string>>;
const TEXTS: Readonly<Record<string, Entry>> = en.fromApp;
const RULES: Readonly<Record<string, unknown>> = en.managedRule;

/** Whether `record` has `key` as a text of its own, or as a plural family (`key_other`). */
function has(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(record, key) || Object.hasOwn(record, `${key}_other`);
}

/**
 * The resource key for `code` (and the variant its params name), or undefined
 * when the window has no words of its own for it.
 */
export function appMessageKey(code: string, params?: MessageParams): string | undefined {
  if (!has(TEXTS, code)) return undefined;
  const entry = TEXTS[code];
  if (entry === undefined || typeof entry === 'string') return `fromApp.${code}`;
  const variant = params?.variant;
  return typeof variant === 'string' && has(entry, variant)
    ? `fromApp.${code}.${variant}`
    : `fromApp.${code}.default`;
}

/**
 * The window's sentence for a code the main process sent (params that are
 * undefined count as absent), or undefined when it has none.
 */
export function appMessage(
  t: TFunction,
  code: string,
  given: Readonly<Record<string, string | number | undefined>> = {},
): string | undefined {
  const params: MessageParams = Object.fromEntries(
    Object.entries(given).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  );
  const key = appMessageKey(code, params);
  if (key === undefined) return undefined;
  const portal = typeof params.portal === 'string' && params.portal ? params.portal : undefined;
  const name = portal ?? t('errors.unnamedPortal');
  // The key is built at run time from a code; appMessageKey answered only keys that exist.
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const values = {
    ...params,
    portal: name,
    Portal: name[0]!.toUpperCase() + name.slice(1),
    ...(params.rule === undefined ? {} : { reason: ruleReason(translate, params) }),
  };
  return translate(key, values);
}

/**
 * Why a part of the managed configuration was refused (`params.rule`, with
 * what its sentence names), in the window's words; a rule this window does
 * not know reads as "the value isn't valid".
 */
function ruleReason(
  translate: (key: string, options?: Record<string, unknown>) => string,
  params: MessageParams,
): string {
  const known = typeof params.rule === 'string' && typeof RULES[params.rule] === 'string';
  const rule = known ? params.rule : 'invalid';
  const types = en.managedRule.types as Readonly<Record<string, string>>;
  const expected =
    typeof params.expected === 'string' && Object.hasOwn(types, params.expected)
      ? translate(`managedRule.types.${params.expected}`)
      : params.expected;
  return translate(`managedRule.${rule}`, { ...params, expected });
}

export function errorText(t: TFunction, error: UserFacingError): string {
  if (error.code === 'bridge_unavailable') return t('errors.bridgeUnavailable');
  return appMessage(t, error.code, error.params) ?? error.message;
}
