// The admin templates: generated from the schema and committed (a change to
// the schema without `npm run policy-templates` fails here), well-formed XML
// as a real parser reads it (@xmldom/xmldom), with the structure Group Policy
// needs (every policy present with its value name, every $(string.…) and
// $(presentation.…) the ADMX names defined in both ADMLs, identifiers
// without dots, unique categories, every text escaped), and round trips: the
// sample .reg (as Group Policy would leave the key) and a plist written from
// the sample profile, binary and XML, read back through the app's readers
// to the same policies as the sample policy.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { build, buildBinary, parse, type PlistValue } from 'plist';
import { describe, expect, it } from 'vitest';
import { combinePolicies } from '../../../main/policy/effective-policy';
import { jsonReading, plistReading } from '../../../main/policy/policy-files';
import { readPolicyDocument, type PolicySource } from '../../../main/policy/policy-document';
import { POLICY_NAMES, POLICY_REGISTRY_KEY, policyMeta } from '../../../main/policy/policy-schema';
import { MANAGED_ENTRY_FIELDS } from '../../../main/providers/managed-config';
import { decodeRegFile, parseRegFile } from '../../../main/policy/reg-file';
import { registryValuesToInput } from '../../../main/policy/registry-policy';
import { generateTemplates, TEMPLATES_DIR } from '../../../main/policy/templates';
import { adml, admx } from '../../../main/policy/templates/admx';
import { ADMX_ID, policyDefinitions } from '../../../main/policy/templates/definitions';
import { ROOT } from '../../support/static-checks';

const committed = (path: string) => readFileSync(join(ROOT, TEMPLATES_DIR, path));
const text = (path: string) => committed(path).toString('utf8');

/** Parses strictly: any warning or error of the parser fails the test. */
function parseXml(source: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void problems.push(`${level}: ${message}`),
  }).parseFromString(source, 'text/xml');
  expect(problems).toEqual([]);
  return document;
}

const all = (node: Document | Element, tag: string): Element[] =>
  Array.from(node.getElementsByTagName(tag));
const attr = (element: Element, name: string) => element.getAttribute(name) ?? '';

describe('the committed templates', () => {
  it('are exactly what the schema generates (run `npm run policy-templates` after a change)', () => {
    const generated = generateTemplates();
    expect([...generated.keys()].sort()).toEqual([
      'linux/policy.json',
      'macos/cz.netrex.connect.mobileconfig',
      'windows/NetrexConnect.admx',
      'windows/cs-CZ/NetrexConnect.adml',
      'windows/en-US/NetrexConnect.adml',
      'windows/sample.reg',
    ]);
    for (const [path, bytes] of generated) {
      expect({ path, same: Buffer.from(bytes).equals(committed(path)) }).toEqual({
        path,
        same: true,
      });
    }
  });
});

describe('ADMX and ADML', () => {
  const admxDoc = parseXml(text('windows/NetrexConnect.admx'));
  const admls = {
    en: parseXml(text('windows/en-US/NetrexConnect.adml')),
    cs: parseXml(text('windows/cs-CZ/NetrexConnect.adml')),
  };

  it('holds every policy of the schema, under the policy key, by its value name', () => {
    const policies = all(admxDoc, 'policy');
    const valueNames = policies.map((p) => {
      const element = all(p, '*').find((e) => e.getAttribute('valueName'));
      return attr(p, 'valueName') || (element ? attr(element, 'valueName') : '');
    });
    expect(valueNames.sort()).toEqual([...POLICY_NAMES].sort());
    for (const policy of policies) {
      expect(attr(policy, 'key')).toBe(POLICY_REGISTRY_KEY);
      expect(attr(policy, 'class')).toBe('Both');
      expect(all(policy, 'parentCategory')).toHaveLength(1);
      expect(all(policy, 'supportedOn')).toHaveLength(1);
    }
  });

  it('names things without dots, each once, and every category it refers to exists', () => {
    const ids = [
      ...all(admxDoc, 'policy').map((p) => attr(p, 'name')),
      ...all(admxDoc, 'category').map((c) => attr(c, 'name')),
      ...all(admxDoc, 'definition').map((d) => attr(d, 'name')),
    ];
    for (const id of ids) expect(id).toMatch(ADMX_ID);
    const categories = all(admxDoc, 'category').map((c) => attr(c, 'name'));
    expect(new Set(categories).size).toBe(categories.length);
    for (const ref of all(admxDoc, 'parentCategory')) {
      expect(categories).toContain(attr(ref, 'ref'));
    }
    const supported = all(admxDoc, 'definition').map((d) => attr(d, 'name'));
    for (const ref of all(admxDoc, 'supportedOn').flatMap((s) =>
      s.getAttribute('ref') ? [s] : [],
    )) {
      expect(supported).toContain(attr(ref, 'ref'));
    }
  });

  it.each(['en', 'cs'] as const)(
    'every string and presentation the ADMX names exists in the %s ADML',
    (lang) => {
      const doc = admls[lang];
      const strings = new Set(all(doc, 'string').map((s) => attr(s, 'id')));
      const presentations = all(doc, 'presentation');
      const source = text('windows/NetrexConnect.admx');
      const stringRefs = [...source.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]!);
      const presentationRefs = [...source.matchAll(/\$\(presentation\.([^)]+)\)/g)].map(
        (m) => m[1]!,
      );
      expect(stringRefs.length).toBeGreaterThan(POLICY_NAMES.length * 2);
      for (const ref of stringRefs)
        expect({ lang, ref, defined: strings.has(ref) }).toMatchObject({ defined: true });
      for (const ref of presentationRefs) {
        expect(presentations.map((p) => attr(p, 'id'))).toContain(ref);
      }
      // Each presentation's controls point at an element of that policy.
      const elementIds = new Set(
        ['enum', 'text', 'multiText'].flatMap((tag) => all(admxDoc, tag).map((e) => attr(e, 'id'))),
      );
      for (const presentation of presentations) {
        for (const control of all(presentation, '*').filter((e) => e.getAttribute('refId'))) {
          expect(elementIds).toContain(attr(control, 'refId'));
        }
      }
      // Every string has words; the Czech ones are not the English ones.
      for (const s of all(doc, 'string')) expect(s.textContent?.trim()).not.toBe('');
    },
  );

  it('the Czech ADML is Czech', () => {
    const title = (doc: Document) =>
      all(doc, 'string').find((s) => attr(s, 'id') === 'AllowApiTokens')?.textContent;
    expect(title(admls.en)).toBe('Allow sign-in with a personal API token');
    expect(title(admls.cs)).toBe('Povolit přihlášení osobním tokenem API');
  });

  it('escapes every text: a title with markup in it still parses, and reads back as written', () => {
    const definitions = policyDefinitions().map((d) =>
      d.name === 'logLevel'
        ? {
            ...d,
            en: { title: 'Log <plugin> & "level"', explain: "it's <b>bold</b> & more" },
            options: d.options.map((o) => ({ ...o, en: `${o.en} <${o.value}>` })),
          }
        : d,
    );
    const doc = parseXml(adml(definitions, 'en'));
    const byId = (id: string) => all(doc, 'string').find((s) => attr(s, 'id') === id)?.textContent;
    expect(byId('LogLevel')).toBe('Log <plugin> & "level"');
    expect(byId('LogLevel_Explain')).toBe("it's <b>bold</b> & more");
    expect(byId('LogLevel_debug')).toMatch(/<debug>$/);
    parseXml(admx(definitions));
    // An identifier with a dot is refused before anything is written.
    const dotted = policyDefinitions().map((d, i) => (i === 0 ? { ...d, id: 'Bad.Id' } : d));
    expect(() => admx(dotted)).toThrow(/not a plain name/);
  });
});

describe('round trips through the app’s readers', () => {
  const expected = combinePolicies([
    jsonReading(
      { kind: 'file', scope: 'machine', location: 'policy.json' },
      committed('linux/policy.json'),
    ),
  ]);

  it('the sample policy.json sets every policy, without an error', () => {
    expect(expected.managed.errors).toEqual([]);
    expect(Object.keys(expected.values).sort()).toEqual(
      POLICY_NAMES.filter((n) => n !== 'providers').sort(),
    );
    expect(expected.managed.providers.map((p) => p.id)).toEqual(['netrex', 'reseller-video']);
  });

  it('sample.reg (UTF-16, as Group Policy leaves the key) reads back to the same policies', () => {
    const bytes = committed('windows/sample.reg');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const keys = parseRegFile(decodeRegFile(bytes));
    const values = keys.get(`HKEY_LOCAL_MACHINE\\${POLICY_REGISTRY_KEY}`)!;
    expect(values.get('providers')?.type).toBe('REG_MULTI_SZ');
    const { input, errors } = registryValuesToInput(values);
    const source: PolicySource = { kind: 'registry', scope: 'machine', location: 'HKLM' };
    const policy = combinePolicies([readPolicyDocument(source, input, errors)]);
    expect(policy.values).toEqual(expected.values);
    expect(policy.managed.providers).toEqual(expected.managed.providers);
    expect([...policy.managed.clientSecrets]).toEqual([...expected.managed.clientSecrets]);
    expect(policy.managed.errors).toEqual([]);
  });

  it('the profile’s payload, installed as a managed-preferences plist (binary or XML), reads back the same', async () => {
    const profile = parse(text('macos/cz.netrex.connect.mobileconfig')) as Record<
      string,
      PlistValue
    >;
    expect(profile.PayloadType).toBe('Configuration');
    const [payload] = profile.PayloadContent as Record<string, PlistValue>[];
    expect(payload!.PayloadType).toBe('cz.netrex.connect');
    // macOS writes the payload's own keys to /Library/Managed Preferences/cz.netrex.connect.plist.
    const preferences = Object.fromEntries(
      Object.entries(payload!).filter(([key]) => !key.startsWith('Payload')),
    );
    const source: PolicySource = { kind: 'plist', scope: 'machine', location: 'plist' };
    for (const bytes of [buildBinary(preferences), new TextEncoder().encode(build(preferences))]) {
      const policy = combinePolicies([await plistReading(source, bytes)]);
      expect(policy.values).toEqual(expected.values);
      expect(policy.managed.providers).toEqual(expected.managed.providers);
      expect(policy.managed.errors).toEqual([]);
    }
  });
});

describe('docs/it-deployment.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/it-deployment.md'), 'utf8');

  it('documents every policy, every template file and every source path', () => {
    for (const name of POLICY_NAMES) expect(doc).toContain(`\`${name}\``);
    for (const path of generateTemplates().keys()) {
      expect(doc).toContain(path.split('/').at(-1)!.replace('NetrexConnect.adml', 'en-US'));
    }
    for (const source of [
      'HKLM\\SOFTWARE\\Policies\\Netrex\\Connect',
      'HKCU\\SOFTWARE\\Policies\\Netrex\\Connect',
      '/Library/Managed Preferences/cz.netrex.connect.plist',
      '/etc/netrex-connect/policy.d/*.json',
      '/etc/netrex-connect/policy.json',
    ]) {
      expect(doc).toContain(source);
    }
  });

  it('names every field of a portal entry, as the providers policy explains it in both languages', () => {
    // The fields listed where the doc and the ADMX/ADML describe a portal entry.
    const listed = /A portal entry has ([^.]*)\./.exec(doc.replace(/\s+/g, ' '))?.[1];
    expect(listed).toBeDefined();
    const { en, cs } = policyMeta('providers');
    for (const field of MANAGED_ENTRY_FIELDS) {
      expect(listed, 'docs/it-deployment.md').toContain(`\`${field}\``);
      expect(en.explain, 'the English explanation').toMatch(new RegExp(`\\b${field}\\b`));
      expect(cs.explain, 'the Czech explanation').toMatch(new RegExp(`\\b${field}\\b`));
    }
  });
});
