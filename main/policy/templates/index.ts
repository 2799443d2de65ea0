// Every admin template, generated from the one policy schema and committed
// under policy-templates/ (`npm run policy-templates`). A test regenerates
// them and fails when the committed ones differ.
import { adml, admx, ADML_FOLDERS } from './admx';
import { policyDefinitions, type PolicyDefinition } from './definitions';
import { sampleMobileconfig, samplePolicyJson, sampleRegFile } from './samples';
import { encodeRegFile } from '../reg-file';

export const TEMPLATES_DIR = 'policy-templates';

/** Each file by its path under policy-templates/. */
export function generateTemplates(
  definitions: readonly PolicyDefinition[] = policyDefinitions(),
): Map<string, Uint8Array> {
  const text = (value: string) => new TextEncoder().encode(value);
  return new Map([
    ['windows/NetrexConnect.admx', text(admx(definitions))],
    [`windows/${ADML_FOLDERS.en}/NetrexConnect.adml`, text(adml(definitions, 'en'))],
    [`windows/${ADML_FOLDERS.cs}/NetrexConnect.adml`, text(adml(definitions, 'cs'))],
    // As reg.exe and Registry Editor write them: UTF-16 LE with a BOM.
    ['windows/sample.reg', encodeRegFile(sampleRegFile(definitions))],
    ['macos/cz.netrex.connect.mobileconfig', text(sampleMobileconfig(definitions))],
    ['linux/policy.json', text(samplePolicyJson(definitions))],
  ]);
}
