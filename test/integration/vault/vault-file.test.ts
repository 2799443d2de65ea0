// The vault's file on a real disk through conf: what its bytes hold, and what
// happens to a file that cannot be used.
import { randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cipher } from '../../../main/vault/cipher';
import type { TokenVault } from '../../../main/vault/types';
import { AesGcmCipher } from '../../support/aes-cipher';
import { makeTempDir, type TempDir } from '../../support/temp-dir';
import {
  encodedForms,
  makeAccount,
  openVaultIn,
  portal,
  readableLayers,
  secretsOf,
  VAULT_FILE,
} from '../../support/vault-fixtures';

const key = randomBytes(32);
const cipher = () => new AesGcmCipher(key, { backend: 'gnome_libsecret' });
const AT = Date.parse('2026-11-27T10:11:12.345Z');
const clock = { now: () => AT };

/** Whether the bytes, or a base64 string in them decoded, hold the text in any form JSON could have written it. */
const holds = (bytes: Buffer, text: string) =>
  readableLayers(bytes).some((layer) =>
    encodedForms(text).some(
      (form) =>
        layer.includes(Buffer.from(form, 'utf8')) || layer.includes(Buffer.from(form, 'latin1')),
    ),
  );

/** The sealed blob, decoded; and whether it reads as text at all (ciphertext does not). */
function sealedOf(bytes: Buffer): { blob: Buffer; text: boolean } {
  const { sealed } = JSON.parse(bytes.toString('utf8')) as { sealed: string };
  const blob = Buffer.from(sealed, 'base64');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(blob);
    return { blob, text: true };
  } catch {
    return { blob, text: false };
  }
}

/** The control: a "cipher" that only turns the text into bytes, as a careless port might. */
const encodingOnly: Cipher = {
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => true,
  encrypt: async (plain) => new Uint8Array(Buffer.from(plain, 'utf8')),
  decrypt: async (sealed) => Buffer.from(sealed).toString('utf8'),
};

describe('the vault file', () => {
  let dir: TempDir;
  const opened: TokenVault[] = [];
  const open = async (c: Cipher = cipher()) => {
    const vault = await openVaultIn(dir.path, c, { clock });
    opened.push(vault);
    return vault;
  };
  const vaultPath = () => join(dir.path, VAULT_FILE);

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    for (const vault of opened.splice(0)) await vault.dispose();
    dir.dispose();
  });

  it('never holds a token, refresh token or client secret in clear', async () => {
    const vault = await open();
    const accounts = ['a', 'b', 'c'].map((n) => makeAccount(n));
    const apiToken = { ...makeAccount('api'), method: 'api-token' as const };
    const clientSecret = 'CS"client\\secret/é-' + randomBytes(8).toString('hex');
    for (const account of [...accounts, apiToken]) await vault.saveAccount(account);
    await vault.setClientSecret(portal('netrex'), clientSecret);

    const bytes = readFileSync(vaultPath());
    const secrets = [...[...accounts, apiToken].flatMap(secretsOf), clientSecret];
    for (const secret of secrets) expect(holds(bytes, secret)).toBe(false);
    // Nor the labels: the account list is sealed too.
    expect(holds(bytes, 'Label a')).toBe(false);
    // The sealed blob, decoded, is not text (let alone JSON): it is ciphertext.
    const sealed = sealedOf(bytes);
    expect(sealed.blob.length).toBeGreaterThan(200);
    expect(sealed.text).toBe(false);
    // The control: the same search finds every secret in a clear JSON copy.
    const clear = Buffer.from(JSON.stringify({ accounts, apiToken, clientSecret }, null, '\t'));
    for (const secret of secrets) expect(holds(clear, secret)).toBe(true);
    expect((await open()).getClientSecret(portal('netrex'))).toBe(clientSecret);
  });

  it('the control: a vault "sealed" by base64 alone is caught by the same search', async () => {
    const vault = await open(encodingOnly);
    const account = makeAccount('b64');
    await vault.saveAccount(account);
    await vault.setClientSecret(portal('netrex'), 'CS-only-encoded-0123');

    const bytes = readFileSync(vaultPath());
    // Not in the file's bytes as written: only a decoder finds them.
    for (const secret of secretsOf(account)) {
      expect(encodedForms(secret).some((form) => bytes.includes(form))).toBe(false);
    }
    for (const secret of [...secretsOf(account), 'CS-only-encoded-0123', 'Label b64']) {
      expect(holds(bytes, secret), secret).toBe(true);
    }
    expect(sealedOf(bytes).text).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', async () => {
    const vault = await open();
    await vault.saveAccount(makeAccount('a'));
    expect(statSync(vaultPath()).mode & 0o777).toBe(0o600);
    // A file left by an older build with wider permissions is narrowed on the next write.
    chmodSync(vaultPath(), 0o644);
    await vault.saveAccount(makeAccount('a', 1));
    expect(statSync(vaultPath()).mode & 0o777).toBe(0o600);
  });

  it('round-trips every field through a reopen from disk', async () => {
    const vault = await open();
    const oidc = {
      ...makeAccount('oidc'),
      providerId: 'keycloak',
      expiresAt: null,
      rights: [],
      tokens: { accessToken: 'AT-o', tokenType: 'DPoP' },
      subject: { issuer: 'https://idp.example', sub: '248289761001' },
    };
    await vault.saveAccount(makeAccount('a'));
    await vault.saveAccount(oidc);
    await vault.setClientSecret(portal('keycloak'), 'CS-k');
    const reopened = await open();
    expect(reopened.listAccounts()).toEqual([makeAccount('a'), oidc]);
    expect(reopened.getClientSecret(portal('keycloak'))).toBe('CS-k');
  });

  const damaged: [string, (valid: Buffer) => Buffer | string, string][] = [
    ['truncated', (valid) => valid.subarray(0, Math.floor(valid.length / 2)), 'corrupted'],
    ['garbage', () => randomBytes(300), 'corrupted'],
    ['empty', () => '', 'corrupted'],
    ['not an object', () => '[1, 2, 3]', 'invalid'],
    ['wrong types', () => '{"format": 7, "version": "1", "sealed": true}', 'invalid'],
    [
      'a newer version',
      (valid) => valid.toString().replace('"version": 2', '"version": 9'),
      'newer-version',
    ],
    [
      'a flipped bit in the sealed blob',
      (valid) => {
        const doc = JSON.parse(valid.toString());
        const sealed = Buffer.from(doc.sealed, 'base64');
        sealed[20] = sealed[20]! ^ 0x10;
        return JSON.stringify({ ...doc, sealed: sealed.toString('base64') });
      },
      'undecryptable',
    ],
  ];

  it.each(damaged)(
    'sets a file with %s aside, keeps it byte for byte, and starts empty',
    async (_, damage, slug) => {
      await (await open()).saveAccount(makeAccount('a'));
      const evidence = Buffer.from(damage(readFileSync(vaultPath())));
      writeFileSync(vaultPath(), evidence);

      const vault = await open();
      expect(vault.listAccounts()).toEqual([]);
      const { recovered } = vault.storageStatus();
      expect(recovered).not.toBeNull();
      expect(recovered!.at).toBe(AT);
      expect(basename(recovered!.movedTo)).toBe(`${VAULT_FILE}.${slug}-2026-11-27T10-11-12-345Z`);
      expect(readFileSync(recovered!.movedTo).equals(evidence)).toBe(true);
      expect(recovered!.reason).toMatch(/sign in again/);
      for (const form of secretsOf(makeAccount('a'))) expect(recovered!.reason).not.toContain(form);

      // The vault works on: a new file beside the evidence.
      await vault.saveAccount(makeAccount('b'));
      expect(readdirSync(dir.path).sort()).toEqual([VAULT_FILE, basename(recovered!.movedTo)]);
      expect((await open()).listAccounts()).toEqual([makeAccount('b')]);
    },
  );

  it('sets aside a vault sealed with another key (another machine) and says so', async () => {
    await (
      await open(new AesGcmCipher(randomBytes(32), { backend: 'gnome_libsecret' }))
    ).saveAccount(makeAccount('elsewhere'));
    const evidence = readFileSync(vaultPath());
    const vault = await open();
    expect(vault.listAccounts()).toEqual([]);
    const { recovered } = vault.storageStatus();
    expect(basename(recovered!.movedTo)).toMatch(/^vault\.json\.undecryptable-/);
    expect(recovered!.reason).toMatch(/could not be decrypted/);
    expect(readFileSync(recovered!.movedTo).equals(evidence)).toBe(true);
  });

  it('never overwrites earlier evidence when the same damage recurs at the same instant', async () => {
    for (let i = 0; i < 3; i++) {
      writeFileSync(vaultPath(), `garbage ${i}`);
      await open();
    }
    const aside = readdirSync(dir.path).filter((n) => n.includes('corrupted'));
    expect(aside).toHaveLength(3);
    expect(aside.map((n) => readFileSync(join(dir.path, n), 'utf8')).sort()).toEqual([
      'garbage 0',
      'garbage 1',
      'garbage 2',
    ]);
  });
});
