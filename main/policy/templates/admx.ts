// Group Policy templates: one ADMX (the policies, their registry key and
// value names) and one ADML per language (the words), in Microsoft's
// PolicyDefinitions schema (learn.microsoft.com/previous-versions/windows/desktop/policy/admx-schema).
// Each policy is class "Both": set for the computer (HKLM) or the user
// (HKCU); the app reads both and the computer's wins.
//   boolean    enabledValue 1 / disabledValue 0 (REG_DWORD)
//   enum       an <enum> of <string> values (REG_SZ), a drop-down list
//   text       a <text> element (REG_SZ), a text box
//   json-list  a <multiText> element (REG_MULTI_SZ), a multi-line box of JSON
import { POLICY_REGISTRY_KEY } from '../policy-schema';
import { CATEGORIES, checkDefinitions, supportedOnId, type PolicyDefinition } from './definitions';
import { lines, xml, type Xml } from './xml';

export const ADMX_NAMESPACE = 'Netrex.Policies.NetrexConnect';
export const ADMX_PREFIX = 'netrexconnect';
export const ROOT_CATEGORY = 'NetrexConnect';
const SCHEMA = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
/** Group Policy's text boxes take 1023 characters unless told; a portal list needs more. */
const TEXT_MAX = 2048;
const MULTI_TEXT_MAX = 65535;

export type Language = 'en' | 'cs';
export const ADML_FOLDERS: Readonly<Record<Language, string>> = { en: 'en-US', cs: 'cs-CZ' };

export function admx(definitions: readonly PolicyDefinition[]): string {
  checkDefinitions(definitions);
  const versions = [...new Set(definitions.map((d) => d.since))];
  const categories = Object.values(CATEGORIES).map(
    (c) =>
      xml`<category name="${c.id}" displayName="$(string.Category_${c.id})"><parentCategory ref="${ROOT_CATEGORY}"/></category>`,
  );
  const document = xml`<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${SCHEMA}">
  <policyNamespaces>
    <target prefix="${ADMX_PREFIX}" namespace="${ADMX_NAMESPACE}"/>
    <using prefix="windows" namespace="Microsoft.Policies.Windows"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn>
    <definitions>${lines(
      versions.map(
        (v) =>
          xml`<definition name="${supportedOnId(v)}" displayName="$(string.${supportedOnId(v)})"/>`,
      ),
      3,
    )}
    </definitions>
  </supportedOn>
  <categories>
    <category name="${ROOT_CATEGORY}" displayName="$(string.Category_${ROOT_CATEGORY})"/>${lines(categories, 2)}
  </categories>
  <policies>${lines(definitions.map(policy), 2)}
  </policies>
</policyDefinitions>
`;
  return document.text;
}

function policy(d: PolicyDefinition): Xml {
  const category = CATEGORIES[d.category].id;
  const head = xml`<policy name="${d.id}" class="Both" displayName="$(string.${d.id})" explainText="$(string.${d.id}_Explain)" key="${POLICY_REGISTRY_KEY}"`;
  const common = xml`<parentCategory ref="${category}"/><supportedOn ref="${supportedOnId(d.since)}"/>`;
  switch (d.kind) {
    case 'boolean':
      return xml`${head} valueName="${d.name}">${common}<enabledValue><decimal value="1"/></enabledValue><disabledValue><decimal value="0"/></disabledValue></policy>`;
    case 'enum': {
      const items = d.options.map(
        (o) =>
          xml`<item displayName="$(string.${d.id}_${o.value})"><value><string>${o.value}</string></value></item>`,
      );
      return xml`${head} presentation="$(presentation.${d.id})">${common}<elements><enum id="${d.id}" valueName="${d.name}" required="true">${items}</enum></elements></policy>`;
    }
    case 'text':
      return xml`${head} presentation="$(presentation.${d.id})">${common}<elements><text id="${d.id}" valueName="${d.name}" maxLength="${TEXT_MAX}" required="true"/></elements></policy>`;
    case 'json-list':
      return xml`${head} presentation="$(presentation.${d.id})">${common}<elements><multiText id="${d.id}" valueName="${d.name}" maxLength="${MULTI_TEXT_MAX}" required="true"/></elements></policy>`;
  }
}

const ADML_WORDS = {
  en: {
    displayName: 'Netrex Connect',
    description: 'Policies for Netrex Connect: portals, sign-in, the application and its updates.',
    root: 'Netrex Connect',
    since: (v: string) => `Netrex Connect ${v} and later`,
    listLabel: 'Portals (a JSON list):',
  },
  cs: {
    displayName: 'Netrex Connect',
    description: 'Zásady pro Netrex Connect: portály, přihlášení, aplikace a její aktualizace.',
    root: 'Netrex Connect',
    since: (v: string) => `Netrex Connect ${v} a novější`,
    listLabel: 'Portály (seznam JSON):',
  },
} as const;

export function adml(definitions: readonly PolicyDefinition[], language: Language): string {
  checkDefinitions(definitions);
  const words = ADML_WORDS[language];
  const strings: Xml[] = [
    xml`<string id="Category_${ROOT_CATEGORY}">${words.root}</string>`,
    ...Object.values(CATEGORIES).map(
      (c) => xml`<string id="Category_${c.id}">${c[language]}</string>`,
    ),
    ...[...new Set(definitions.map((d) => d.since))].map(
      (v) => xml`<string id="${supportedOnId(v)}">${words.since(v)}</string>`,
    ),
  ];
  const presentations: Xml[] = [];
  for (const d of definitions) {
    strings.push(xml`<string id="${d.id}">${d[language].title}</string>`);
    strings.push(xml`<string id="${d.id}_Explain">${d[language].explain}</string>`);
    for (const o of d.options)
      strings.push(xml`<string id="${d.id}_${o.value}">${o[language]}</string>`);
    const label = d[language].title;
    if (d.kind === 'enum') {
      presentations.push(
        xml`<presentation id="${d.id}"><dropdownList refId="${d.id}" noSort="true" defaultItem="0">${label}</dropdownList></presentation>`,
      );
    } else if (d.kind === 'text') {
      presentations.push(
        xml`<presentation id="${d.id}"><textBox refId="${d.id}"><label>${label}</label></textBox></presentation>`,
      );
    } else if (d.kind === 'json-list') {
      presentations.push(
        xml`<presentation id="${d.id}"><multiTextBox refId="${d.id}">${words.listLabel}</multiTextBox></presentation>`,
      );
    }
  }
  const document = xml`<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${SCHEMA}">
  <displayName>${words.displayName}</displayName>
  <description>${words.description}</description>
  <resources>
    <stringTable>${lines(strings, 3)}
    </stringTable>
    <presentationTable>${lines(presentations, 3)}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
  return document.text;
}
