// The policies as the template generators see them: taken from the one
// schema (policy-schema.ts), with the identifiers Group Policy needs. ADMX
// identifiers must not contain dots (gpedit refused VS Code's, vscode#278352)
// and categories must be unique (vscode#248917); `checkDefinitions` says so
// before anything is written.
import {
  POLICY_NAMES,
  policyMeta,
  policyOptions,
  type PolicyCategory,
  type PolicyKind,
  type PolicyName,
} from '../policy-schema';

export interface Words {
  readonly title: string;
  readonly explain: string;
}

export interface PolicyDefinition {
  /** The value name, plist key and JSON field. */
  readonly name: string;
  /** The ADMX policy name and element id: PascalCase, no dots. */
  readonly id: string;
  readonly kind: PolicyKind;
  readonly category: PolicyCategory;
  readonly since: string;
  readonly en: Words;
  readonly cs: Words;
  readonly options: readonly { readonly value: string; readonly en: string; readonly cs: string }[];
  readonly sample: unknown;
}

export interface CategoryDefinition {
  readonly id: string;
  readonly en: string;
  readonly cs: string;
}

export const CATEGORIES: Readonly<Record<PolicyCategory, CategoryDefinition>> = {
  portals: { id: 'Portals', en: 'Portals', cs: 'Portály' },
  'sign-in': { id: 'SignIn', en: 'Sign-in', cs: 'Přihlášení' },
  app: { id: 'Application', en: 'Application', cs: 'Aplikace' },
  updates: { id: 'Updates', en: 'Updates', cs: 'Aktualizace' },
};

export function policyDefinitions(): PolicyDefinition[] {
  return POLICY_NAMES.map((name: PolicyName) => {
    const meta = policyMeta(name);
    return {
      name,
      id: name[0]!.toUpperCase() + name.slice(1),
      kind: meta.kind,
      category: meta.category,
      since: meta.since,
      en: meta.en,
      cs: meta.cs,
      options: policyOptions(name).map((value) => ({
        value,
        en: meta.items?.[value]?.en ?? value,
        cs: meta.items?.[value]?.cs ?? value,
      })),
      sample: meta.sample,
    };
  });
}

/** Group Policy identifiers: letters, digits and underscores, starting with a letter. */
export const ADMX_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

export function checkDefinitions(definitions: readonly PolicyDefinition[]): void {
  const ids = new Set<string>();
  for (const definition of definitions) {
    if (!ADMX_ID.test(definition.id))
      throw new Error(`ADMX id ${definition.id} is not a plain name`);
    if (ids.has(definition.id)) throw new Error(`ADMX id ${definition.id} is used twice`);
    ids.add(definition.id);
  }
  const categories = Object.values(CATEGORIES).map((c) => c.id);
  if (new Set(categories).size !== categories.length)
    throw new Error('a category id is used twice');
}

/** `0.1.0` → `Since_0_1_0`: a supportedOn name without dots. */
export function supportedOnId(version: string): string {
  return `Since_${version.replace(/[^0-9A-Za-z]/g, '_')}`;
}
