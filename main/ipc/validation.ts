// What each bridge method accepts, checked where the call enters the main
// process. Transport-agnostic (zod, no Electron): the Electron IPC layer runs
// every call through `validateBridgeArgs`, and the handler table may reuse the
// schemas. Sizes are generous bounds on honest input, not business rules; the
// services judge meaning (is this a known provider, a valid portal URL).
//
// An error names the method, the argument and the broken rule; it never
// repeats the value, which may be a token or a client secret.
import { z } from 'zod';
import {
  MAX_SET_ASIDE_RETENTION_DAYS,
  MIN_SET_ASIDE_RETENTION_DAYS,
} from '../vault/set-aside-files';
import type { BridgeArgs, BridgeMethodName, Result } from './contract';

/** Text without control characters (a newline in a name or an id is never honest input). */
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters');

const id = text(200).min(1, 'must not be empty');
/** Secrets: opaque, any printable text, bounded. */
const secret = text(4096).min(1, 'must not be empty');
const url = text(8192).min(1, 'must not be empty');

const dialect = z.enum(['netrex', 'oauth2']);
const redirectKind = z.enum(['custom-scheme', 'loopback']);

const addPortalInput = z.strictObject({
  url,
  name: text(200).optional(),
  dialect: dialect.optional(),
});

const providerSettingsPatch = z.strictObject({
  name: text(200).optional(),
  clientId: text(512).optional(),
  rights: z
    .array(text(64).min(1, 'must not be empty'))
    .max(64, 'must list at most 64 rights')
    .optional(),
  redirectKind: redirectKind.optional(),
  loopbackPort: z.number().int('must be a whole number').min(0).max(65535).optional(),
});

const appSettingsPatch = z.strictObject({
  startAtLogin: z.boolean().optional(),
  language: z.enum(['system', 'en', 'cs']).optional(),
  detailedLog: z.boolean().optional(),
});

const retentionDays = z
  .number()
  .int('must be a whole number of days')
  .min(MIN_SET_ASIDE_RETENTION_DAYS, `must be at least ${MIN_SET_ASIDE_RETENTION_DAYS}`)
  .max(MAX_SET_ASIDE_RETENTION_DAYS, `must be at most ${MAX_SET_ASIDE_RETENTION_DAYS}`);
const reportLanguage = z.enum(['en', 'cs']);

const apiTokenSignInInput = z.strictObject({
  providerId: id,
  providerUrl: url,
  token: secret,
  label: text(200).optional(),
});

type ArgSchemas = { readonly [K in BridgeMethodName]: z.ZodType<BridgeArgs<K>> };

/** One tuple schema per bridge method: exactly these arguments, nothing more. */
export const BRIDGE_ARG_SCHEMAS = {
  getAppInfo: z.tuple([]),
  getAppSettings: z.tuple([]),
  updateAppSettings: z.tuple([appSettingsPatch]),
  listProviders: z.tuple([]),
  getPortalPolicy: z.tuple([]),
  addPortal: z.tuple([addPortalInput]),
  updateProvider: z.tuple([id, providerSettingsPatch]),
  setClientSecret: z.tuple([id, secret.nullable()]),
  removeProvider: z.tuple([id]),
  signIn: z.tuple([id]),
  signInViaLoopback: z.tuple([id]),
  reopenBrowser: z.tuple([id]),
  cancelSignIn: z.tuple([id]),
  completeSignIn: z.tuple([url]),
  copySignInLink: z.tuple([id]),
  getWayBack: z.tuple([]),
  signInWithApiToken: z.tuple([apiTokenSignInInput]),
  listAccounts: z.tuple([]),
  checkNow: z.tuple([id]),
  signOut: z.tuple([id]),
  getStorageStatus: z.tuple([]),
  setWeakStorageAllowed: z.tuple([z.boolean()]),
  getSetAsideFiles: z.tuple([]),
  deleteSetAsideFiles: z.tuple([]),
  setSetAsideRetention: z.tuple([retentionDays]),
  getPolicy: z.tuple([]),
  getUpdateStatus: z.tuple([]),
  restartToUpdate: z.tuple([]),
  runDiagnosis: z.tuple([reportLanguage]),
  saveDiagnosis: z.tuple([reportLanguage]),
  openLogFolder: z.tuple([]),
} as const satisfies ArgSchemas;

/** Names for the positions, so an error says "providerId", not "0". */
const ARG_NAMES: { readonly [K in BridgeMethodName]: readonly string[] } = {
  getAppInfo: [],
  getAppSettings: [],
  updateAppSettings: ['patch'],
  listProviders: [],
  getPortalPolicy: [],
  addPortal: ['input'],
  updateProvider: ['providerId', 'patch'],
  setClientSecret: ['providerId', 'secret'],
  removeProvider: ['providerId'],
  signIn: ['providerId'],
  signInViaLoopback: ['providerId'],
  reopenBrowser: ['providerId'],
  cancelSignIn: ['providerId'],
  completeSignIn: ['url'],
  copySignInLink: ['providerId'],
  getWayBack: [],
  signInWithApiToken: ['input'],
  listAccounts: [],
  checkNow: ['accountId'],
  signOut: ['accountId'],
  getStorageStatus: [],
  setWeakStorageAllowed: ['allowed'],
  getSetAsideFiles: [],
  deleteSetAsideFiles: [],
  setSetAsideRetention: ['days'],
  getPolicy: [],
  getUpdateStatus: [],
  restartToUpdate: [],
  runDiagnosis: ['language'],
  saveDiagnosis: ['language'],
  openLogFolder: [],
};

function describeIssue(method: BridgeMethodName, issue: z.core.$ZodIssue): string {
  const names = ARG_NAMES[method];
  const expects = names.length === 0 ? 'no arguments' : names.join(', ');
  const [position, ...rest] = issue.path;
  if (position === undefined) {
    // The tuple itself: wrong count (or not a list at all).
    const what = issue.code === 'too_big' ? 'too many arguments' : 'wrong arguments';
    return `${method}: ${what} (it takes ${expects})`;
  }
  const argName =
    typeof position === 'number'
      ? (names[position] ?? `argument ${position + 1}`)
      : String(position);
  const where = [argName, ...rest.map(String)].join('.');
  const rule = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return `${method}: ${where}: ${rule}`;
}

/**
 * Checks raw arguments (as they came off the wire) against the method's
 * schema. `invalid_input` errors say what was wrong and never quote the value.
 */
export function validateBridgeArgs<K extends BridgeMethodName>(
  method: K,
  args: readonly unknown[],
): Result<BridgeArgs<K>> {
  const schema: z.ZodType<BridgeArgs<K>> = (BRIDGE_ARG_SCHEMAS as ArgSchemas)[method];
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const detail = first ? describeIssue(method, first) : `${method}: invalid arguments`;
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      message: `Netrex Connect could not accept this request: ${detail}.`,
      params: { variant: 'request' },
    },
  };
}
