// Development overrides end where the app is installed: NETREX_MANAGED_CONFIG
// names the managed configuration in a development run only. Installed, a
// shortcut that sets it (to a missing file, say) must not lift IT's lockdown.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppPorts, AppServices } from '../../../main/app-services';
import { createConfDocumentStore } from '../../../main/common/document-store';
import { createServices } from '../../../main/services';
import { AesGcmCipher } from '../../support/aes-cipher';
import { APP_INFO } from '../../support/services-rig';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

let dir: TempDir | undefined;
let services: AppServices | undefined;
afterEach(async () => {
  await services?.dispose();
  dir?.dispose();
  services = dir = undefined;
});

async function portalsWith(packaged: boolean | undefined): Promise<string[]> {
  dir = makeTempDir();
  const file = join(dir.path, 'from-the-variable.json');
  writeFileSync(
    file,
    JSON.stringify({
      providers: [
        { id: 'planted', name: 'Planted', url: 'https://planted.example', clientId: 'x' },
      ],
    }),
  );
  const ports: AppPorts = {
    fetch,
    cipher: AesGcmCipher.random({ backend: 'gnome_libsecret' }),
    openExternal: async () => undefined,
    documentStore: (name) => createConfDocumentStore(dir!.path, name),
    platform: 'linux',
    appInfo: { ...APP_INFO, languages: ['en-US'] },
    ...(packaged === undefined ? {} : { packaged }),
  };
  services = await createServices(ports, null, { env: { NETREX_MANAGED_CONFIG: file } });
  return services.providers().map((p) => p.id);
}

describe('NETREX_MANAGED_CONFIG', () => {
  it('is followed in a development run', async () => {
    expect(await portalsWith(undefined)).toContain('planted');
  });

  it('is ignored by a packaged app', async () => {
    expect(await portalsWith(true)).not.toContain('planted');
  });
});
