// One policy source read into the schema's terms: the readers of each OS turn
// their shapes into a plain object, and this reads it field by field, so one
// broken or unknown field costs only itself. A broken permission counts as
// its restrictive value (WHEN_INVALID): it may have been the lockdown.
import type { ManagedConfigError } from '../providers/managed-config';
import { isPlainName, readManagedEntries } from '../providers/managed-config';
import {
  ruleOfIssue,
  ruleText,
  type ManagedConfigRule,
  type RuleBroken,
} from '../providers/managed-config-rules';
import type { ProviderConfig } from '../providers/provider-config';
import { fieldPath } from '../providers/provider-config';
import {
  POLICY_FIELDS,
  POLICY_NAMES,
  SCALAR_POLICY_NAMES,
  WHEN_INVALID,
  type PolicyValues,
  type ScalarPolicyName,
} from './policy-schema';

/** Where a policy came from, for the window, the log and the order of precedence. */
export interface PolicySource {
  /** `registry` (Windows), `plist` (macOS managed preferences), `file` (JSON). */
  readonly kind: 'registry' | 'plist' | 'file';
  /** Machine-wide sources win over the user's. */
  readonly scope: 'machine' | 'user';
  /** A path or a registry key, as an administrator would type it. */
  readonly location: string;
}

/** A source that was there but that a standard user could have written. */
export interface SourceRefusal {
  /** `owner`: not an administrator's; `writable`: others may change it; `unchecked`: could not tell. */
  readonly reason: 'owner' | 'writable' | 'unchecked';
  /** The path that failed the check (the source itself or a folder above it). */
  readonly path: string;
  /** In English, for the log and the notice: who owns it or who may write. */
  readonly detail: string;
}

/** What one source says. */
export interface PolicyReading {
  readonly source: PolicySource;
  /** Refused: present, but not from an administrator; nothing of it counts. */
  readonly refused?: SourceRefusal;
  /** The scalar policies it sets (a broken one as WHEN_INVALID says). */
  readonly values: PolicyValues;
  /** The portals it sets; undefined when it sets none. */
  readonly providers?: readonly ProviderConfig[];
  readonly clientSecrets: ReadonlyMap<string, string>;
  readonly errors: readonly ManagedConfigError[];
}

/** A source that is there but cannot be used at all: every permission fails closed. */
export function unusableReading(
  source: PolicySource,
  message: string,
  rule: ManagedConfigRule = 'invalid',
): PolicyReading {
  return {
    source,
    values: failClosedValues(),
    clientSecrets: new Map(),
    errors: [{ file: source.location, field: '(file)', rule, message, locks: true }],
  };
}

export function refusedReading(source: PolicySource, refused: SourceRefusal): PolicyReading {
  return { source, refused, values: {}, clientSecrets: new Map(), errors: [] };
}

function failClosedValues(): PolicyValues {
  const values: Record<string, unknown> = {};
  for (const name of SCALAR_POLICY_NAMES) {
    if (WHEN_INVALID[name] !== undefined) values[name] = WHEN_INVALID[name];
  }
  return values as PolicyValues;
}

/**
 * Reads one source's document. `input` is what the OS reader made of it: a
 * JSON object, a plist's dictionary, a registry key's values by name.
 * `preErrors` are the reader's own findings (a registry value of the wrong
 * type), already named by field; such a field must be absent from `input`.
 */
export function readPolicyDocument(
  source: PolicySource,
  input: unknown,
  preErrors: readonly { field: string; message: string }[] = [],
): PolicyReading {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return unusableReading(
      source,
      'it must hold one set of named policies (a JSON object)',
      'file-not-object',
    );
  }
  const errors: ManagedConfigError[] = [];
  // The rule goes along so the window can say the reason in its own words.
  const fail = (field: string, message: string, locks = false, broken?: RuleBroken): void =>
    void errors.push({
      file: source.location,
      field,
      ...(broken ? { rule: broken.rule, ...(broken.values ? { values: broken.values } : {}) } : {}),
      message,
      ...(locks ? { locks } : {}),
    });
  const json = input as Record<string, unknown>;
  const values: Record<string, unknown> = {};

  const broken = (name: ScalarPolicyName, message: string, rule?: RuleBroken): void => {
    const whenInvalid = WHEN_INVALID[name];
    fail(fieldPath([name]), message, whenInvalid !== undefined, rule);
    if (whenInvalid !== undefined) values[name] = whenInvalid;
    // A broken update server or channel: no updates rather than another feed.
    if (name === 'updateUrl' || name === 'updateChannel') values.updatesEnabled = false;
  };
  for (const { field, message } of preErrors) {
    if ((SCALAR_POLICY_NAMES as string[]).includes(field)) {
      broken(field as ScalarPolicyName, message);
    } else fail(field, message);
  }

  for (const key of Object.keys(json)) {
    if (key === '$schema' || (POLICY_NAMES as string[]).includes(key)) continue;
    fail(
      isPlainName(key) ? fieldPath([key]) : '(a field with an odd name)',
      `is not a policy Netrex Connect knows (${POLICY_NAMES.join(', ')}); it is ignored`,
      false,
      { rule: 'unknown-setting', values: { known: POLICY_NAMES.join(', ') } },
    );
  }

  for (const name of SCALAR_POLICY_NAMES) {
    if (json[name] === undefined) continue;
    const parsed = POLICY_FIELDS[name].safeParse(json[name]);
    if (parsed.success) values[name] = parsed.data;
    else {
      const issue = parsed.error.issues[0];
      const rule = issue ? ruleOfIssue(issue, name) : undefined;
      // The rule's own sentence where it has one; the schema's (an address rule) otherwise.
      const message =
        rule && rule.rule !== 'invalid' ? ruleText(rule) : (issue?.message ?? 'is not valid');
      broken(name, message, rule);
    }
  }
  // A later `updatesEnabled` that parsed must not undo the fail-closed above.
  if (errors.some((e) => e.field === 'updateUrl' || e.field === 'updateChannel')) {
    values.updatesEnabled = false;
  }

  let entries: ReturnType<typeof readManagedEntries> | undefined;
  if (json.providers !== undefined) {
    const list = POLICY_FIELDS.providers.safeParse(json.providers);
    if (list.success)
      entries = readManagedEntries(list.data, (field, rule) =>
        fail(field, ruleText(rule), false, rule),
      );
    else {
      const issue = list.error.issues[0];
      fail('providers', issue?.message ?? 'is not valid', false, issue && ruleOfIssue(issue));
    }
  }

  return {
    source,
    values: values as PolicyValues,
    ...(entries ? { providers: entries.providers } : {}),
    clientSecrets: entries?.clientSecrets ?? new Map(),
    errors,
  };
}
