// Writes the admin templates (ADMX/ADML, .mobileconfig, policy.json,
// sample.reg) from the policy schema: `npm run policy-templates`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTemplates, TEMPLATES_DIR } from '../main/policy/templates';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, bytes] of generateTemplates()) {
  const file = join(root, TEMPLATES_DIR, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${TEMPLATES_DIR}/${path}`);
}
