// The samples IT starts from, each setting every policy to the same sample
// value: policy.json for Linux, a configuration profile (.mobileconfig) for
// macOS, and a registry export (sample.reg) as Group Policy would leave the
// key. A test reads each back through the app's own readers and expects the
// same policies from all three.
import { createHash } from 'node:crypto';
import { build } from 'plist';
import { POLICY_PLIST_DOMAIN, POLICY_REGISTRY_KEY } from '../policy-schema';
import { formatRegFile, type RegValue } from '../reg-file';
import type { PolicyDefinition } from './definitions';

export function samplePolicy(definitions: readonly PolicyDefinition[]): Record<string, unknown> {
  return Object.fromEntries(definitions.map((d) => [d.name, d.sample]));
}

export function samplePolicyJson(definitions: readonly PolicyDefinition[]): string {
  return `${JSON.stringify(samplePolicy(definitions), null, 2)}\n`;
}

/** A stable UUID from a name (SHA-1, laid out as RFC 4122 version 5), so the file regenerates identically. */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`cz.netrex.connect/${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

/**
 * A configuration profile with one payload of type cz.netrex.connect: macOS
 * installs its keys (Payload* aside) as the managed preferences of that
 * domain, /Library/Managed Preferences/[user/]cz.netrex.connect.plist.
 */
export function sampleMobileconfig(definitions: readonly PolicyDefinition[]): string {
  const payload = {
    PayloadType: POLICY_PLIST_DOMAIN,
    PayloadVersion: 1,
    PayloadIdentifier: `${POLICY_PLIST_DOMAIN}.policies`,
    PayloadUUID: stableUuid('payload'),
    PayloadDisplayName: 'Netrex Connect policies',
    PayloadEnabled: true,
    ...samplePolicy(definitions),
  };
  return (
    build({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: `${POLICY_PLIST_DOMAIN}.profile`,
      PayloadUUID: stableUuid('profile'),
      PayloadDisplayName: 'Netrex Connect',
      PayloadDescription:
        'Sample policies for Netrex Connect: edit the values, remove what you do not set, then deploy with your MDM (Jamf, Intune).',
      PayloadOrganization: 'Netrex Connect',
      PayloadScope: 'System',
      PayloadContent: [payload],
    } as Parameters<typeof build>[0]) + '\n'
  );
}

/** The registry values the ADMX's policies write for a document's values. */
export function registryValues(
  definitions: readonly PolicyDefinition[],
  document: Record<string, unknown>,
): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  for (const d of definitions) {
    const value = document[d.name];
    if (value === undefined) continue;
    switch (d.kind) {
      case 'boolean':
        values.set(d.name, { type: 'REG_DWORD', value: value ? 1 : 0 });
        break;
      case 'enum':
      case 'text':
        values.set(d.name, { type: 'REG_SZ', value: String(value) });
        break;
      case 'json-list':
        // One string per line, as Group Policy's multi-line box stores it.
        values.set(d.name, {
          type: 'REG_MULTI_SZ',
          value: JSON.stringify(value, null, 2).split('\n'),
        });
        break;
    }
  }
  return values;
}

export function sampleRegFile(definitions: readonly PolicyDefinition[]): string {
  return formatRegFile(
    new Map([
      [
        `HKEY_LOCAL_MACHINE\\${POLICY_REGISTRY_KEY}`,
        registryValues(definitions, samplePolicy(definitions)),
      ],
    ]),
  );
}
