// A policy key's registry values as the schema's input, by each policy's
// kind, as the generated ADMX writes them: a boolean is a REG_DWORD 0 or 1,
// an enum or a text a REG_SZ, the portal list JSON text in a REG_MULTI_SZ
// (one line per string, as Group Policy's multi-line box writes it) or a
// REG_SZ. Names are matched without regard to case, as the registry does. A
// value of the wrong type is reported at its name, never quoted.
import type { RegValue } from './reg-file';
import { POLICY_NAMES, policyMeta, type PolicyName } from './policy-schema';

export interface RegistryPolicyInput {
  /** The document for readPolicyDocument (unknown names passed through, to be reported). */
  readonly input: Record<string, unknown>;
  readonly errors: readonly { readonly field: string; readonly message: string }[];
}

export function registryValuesToInput(values: ReadonlyMap<string, RegValue>): RegistryPolicyInput {
  const input: Record<string, unknown> = {};
  const errors: { field: string; message: string }[] = [];
  const byLowerName = new Map(POLICY_NAMES.map((name) => [name.toLowerCase(), name]));
  for (const [rawName, value] of values) {
    if (rawName === '') continue; // a key's default value: Group Policy never writes one
    const name = byLowerName.get(rawName.toLowerCase());
    if (!name) {
      input[rawName] = true; // reported by name as a policy the app does not know
      continue;
    }
    const converted = convert(name, value);
    if ('error' in converted) errors.push({ field: name, message: converted.error });
    else input[name] = converted.value;
  }
  return { input, errors };
}

function convert(name: PolicyName, value: RegValue): { value: unknown } | { error: string } {
  const kind = policyMeta(name).kind;
  const wrong = (expected: string) => ({
    error: `is a ${value.type} value; Group Policy writes it as ${expected}`,
  });
  switch (kind) {
    case 'boolean':
      if (value.type !== 'REG_DWORD') return wrong('a REG_DWORD (1 enabled, 0 disabled)');
      if (value.value !== 0 && value.value !== 1)
        return { error: 'must be 1 (enabled) or 0 (disabled)' };
      return { value: value.value === 1 };
    case 'enum':
    case 'text':
      if (value.type !== 'REG_SZ' && value.type !== 'REG_EXPAND_SZ') return wrong('a REG_SZ');
      return { value: value.value };
    case 'json-list': {
      let text: string;
      if (value.type === 'REG_MULTI_SZ') text = value.value.join('\n');
      else if (value.type === 'REG_SZ') text = value.value;
      else return wrong('a REG_MULTI_SZ of JSON text');
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { error: 'is not valid JSON' };
      }
    }
  }
}
