// One hundred signed-in accounts, for the start-up, memory and renderer
// figures: an app data folder whose vault (sealed with AES-256-GCM) holds 100
// OAuth accounts on the demo portal, each with live tokens the stand-in issued
// through a real authorization-code flow with PKCE (login, consent, code,
// token request, all over HTTP). Prepared once per bench run; every measured
// start opens a fresh copy, so no run sees what an earlier one changed.
//
// The accounts are written straight into the vault: on a Netrex portal the
// app keeps one OAuth account per portal (the protocol names no user), so 100
// browser sign-ins would need 100 portals. A vault of 100 accounts with
// refresh tokens is what 100 sign-ins to a standard OpenID portal leave, and
// the start-up path reads it the same way.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync } from 'node:fs';
import type { StoredAccount } from '../main/vault/types';
import { obtainTokens } from '../test/support/portal-client';
import { AesGcmCipher } from '../test/support/aes-cipher';
import type { ProviderStandIn, UserConfig } from '../test/support/provider';
import { makeTempDir, type TempDir } from '../test/support/temp-dir';
import { openVaultIn } from '../test/support/vault-fixtures';

export const FLEET_SIZE = 100;
/** Sign-ins played at once while preparing (the stand-in is on loopback). */
const PREPARE_CONCURRENCY = 8;

/** Stand-in users `site-001`…: each account sees 1 to 10 cameras. */
export function fleetUsers(size = FLEET_SIZE): UserConfig[] {
  return Array.from({ length: size }, (_, i) => {
    const username = `site-${String(i + 1).padStart(3, '0')}`;
    return {
      username,
      password: `${username}-password`,
      cameras: Array.from({ length: (i % 10) + 1 }, (_, c) => `${username} camera ${c + 1}`),
    };
  });
}

export interface Fleet {
  readonly size: number;
  readonly cipher: AesGcmCipher;
  /** The key, for a child process that opens a copy (memory figure). */
  readonly keyHex: string;
  /** A fresh copy of the prepared folder, removed when disposed. */
  copy(): TempDir;
  dispose(): void;
}

/** Signs every fleet user in (over HTTP) and writes their accounts to a new vault. */
export async function prepareFleet(portal: ProviderStandIn, size = FLEET_SIZE): Promise<Fleet> {
  const users = fleetUsers(size);
  const accounts: StoredAccount[] = new Array(size);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < size; i = next++) accounts[i] = await signInOver(portal, users[i]!);
  };
  await Promise.all(Array.from({ length: PREPARE_CONCURRENCY }, worker));

  // The bench makes the key (it seals only tokens of this run) so that a child
  // process can open a copy too.
  const keyHex = randomBytes(32).toString('hex');
  const key = fleetCipher(keyHex);
  const master = makeTempDir('netrex-bench-fleet-');
  const vault = await openVaultIn(master.path, key);
  // Saves made while a write runs share the next one: a few writes, not 100.
  await Promise.all(accounts.map((account) => vault.saveAccount(account)));
  await vault.dispose();
  if (vault.storageStatus().policy !== 'encrypted') {
    throw new Error('The fleet vault was not written encrypted.');
  }

  const copies = new Set<TempDir>();
  return {
    size,
    cipher: key,
    keyHex,
    copy() {
      const dir = makeTempDir('netrex-bench-start-');
      cpSync(master.path, dir.path, { recursive: true });
      const copy: TempDir = {
        path: dir.path,
        dispose: () => {
          copies.delete(copy);
          dir.dispose();
        },
      };
      copies.add(copy);
      return copy;
    },
    dispose() {
      for (const copy of [...copies]) copy.dispose();
      master.dispose();
    },
  };
}

/** Login, consent, code and token request for one user; the account the app would keep. */
async function signInOver(portal: ProviderStandIn, user: UserConfig): Promise<StoredAccount> {
  const { access_token, refresh_token, expires_in } = await obtainTokens(
    portal,
    { scope: 'read', state: randomUUID() },
    { username: user.username, password: user.password },
  );
  const lifetimeSec = typeof expires_in === 'number' ? expires_in : 3600;
  return {
    id: randomUUID(),
    providerId: 'demo',
    providerUrl: portal.url,
    label: user.username,
    method: 'oauth',
    tokens: { accessToken: access_token, refreshToken: refresh_token, tokenType: 'bearer' },
    expiresAt: Date.now() + lifetimeSec * 1000,
    rights: ['read'],
  };
}

/** The cipher that opens a fleet folder, from its key. */
export function fleetCipher(keyHex: string): AesGcmCipher {
  return new AesGcmCipher(Buffer.from(keyHex, 'hex'), { backend: 'gnome_libsecret' });
}
