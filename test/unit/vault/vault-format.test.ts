import { describe, expect, it } from 'vitest';
import type { DocumentRead } from '../../../main/common/document-store';
import {
  emptyVaultDocument,
  openVaultDocument,
  sealVaultDocument,
  VAULT_FORMAT,
  type VaultContents,
} from '../../../main/vault/vault-format';
import { AesGcmCipher } from '../../support/aes-cipher';

const contents: VaultContents = {
  accounts: [
    {
      id: 'acc-1',
      providerId: 'netrex',
      providerUrl: 'https://system2.netrex.cz',
      label: 'operator@example.com',
      method: 'oauth',
      tokens: { accessToken: 'AT-1', refreshToken: 'RT-1', tokenType: 'Bearer' },
      expiresAt: 1_800_000_000_000,
      rights: ['read', 'write'],
    },
  ],
  clientSecrets: [
    { providerId: 'netrex', providerUrl: 'https://system2.netrex.cz', secret: 'CS-1' },
  ],
};

/** A version-1 file: the same entries, no provider addresses. */
async function version1(cipher: AesGcmCipher, old: unknown): Promise<Record<string, unknown>> {
  const sealed = await cipher.encrypt(JSON.stringify(old));
  return {
    format: VAULT_FORMAT,
    version: 1,
    backend: cipher.backend,
    sealed: Buffer.from(sealed).toString('base64'),
  };
}

const ok = (document: Record<string, unknown>): DocumentRead => ({ kind: 'ok', document });

describe('vault file format', () => {
  it('seals everything into one blob and opens it again', async () => {
    const cipher = AesGcmCipher.random({ backend: 'kwallet6' });
    const document = await sealVaultDocument(contents, cipher);
    expect(Object.keys(document).sort()).toEqual(['backend', 'format', 'sealed', 'version']);
    expect(document).toMatchObject({ format: VAULT_FORMAT, version: 2, backend: 'kwallet6' });
    const text = JSON.stringify(document);
    for (const clear of ['AT-1', 'RT-1', 'CS-1', 'operator@example.com', 'acc-1', 'netrex"'])
      expect(text).not.toContain(clear);
    expect(await openVaultDocument(ok(document), cipher, { platform: 'linux' })).toEqual({
      kind: 'ok',
      contents,
      migrated: false,
    });
    expect(cipher.calls).toEqual({ encrypt: 1, decrypt: 1 });
  });

  it('binds a version-1 file to where its providers are now; a gone provider gets nothing', async () => {
    const cipher = AesGcmCipher.random();
    const [account] = contents.accounts;
    // As version 1 wrote it: no provider address.
    const unbound = Object.fromEntries(
      Object.entries(account!).filter(([key]) => key !== 'providerUrl'),
    );
    const old = {
      accounts: [unbound, { ...unbound, id: 'acc-2', providerId: 'gone' }],
      clientSecrets: [
        { providerId: 'netrex', secret: 'CS-1' },
        { providerId: 'gone', secret: 'CS-gone' },
      ],
    };
    const where: Record<string, string> = { netrex: 'https://now.netrex.example' };
    const read = await openVaultDocument(ok(await version1(cipher, old)), cipher, {
      platform: 'linux',
      providerUrlOf: (id) => where[id],
    });
    expect(read).toEqual({
      kind: 'ok',
      migrated: true,
      contents: {
        accounts: [
          { ...unbound, providerUrl: 'https://now.netrex.example' },
          { ...unbound, id: 'acc-2', providerId: 'gone', providerUrl: '' },
        ],
        clientSecrets: [
          { providerId: 'netrex', providerUrl: 'https://now.netrex.example', secret: 'CS-1' },
        ],
      },
    });
    // A version-2 file with an entry missing its address is damaged, not migrated.
    const v2 = await sealVaultDocument(contents, cipher);
    const broken = { ...v2, sealed: (await version1(cipher, old)).sealed };
    expect(await openVaultDocument(ok(broken), cipher, { platform: 'linux' })).toMatchObject({
      kind: 'damaged',
      damage: 'invalid',
    });
  });

  it('reads a missing file and a vault with nothing sealed as empty, without decrypting', async () => {
    const cipher = AesGcmCipher.random();
    expect(await openVaultDocument({ kind: 'missing' }, cipher, { platform: 'linux' })).toEqual({
      kind: 'empty',
    });
    expect(
      await openVaultDocument(ok(emptyVaultDocument('basic_text')), cipher, { platform: 'linux' }),
    ).toEqual({
      kind: 'empty',
    });
    expect(cipher.calls.decrypt).toBe(0);
  });

  it('names each kind of damage without quoting the file', async () => {
    const cipher = AesGcmCipher.random({ backend: 'gnome_libsecret' });
    const sealed = await sealVaultDocument(contents, cipher);
    const cases: [DocumentRead, string][] = [
      [{ kind: 'unreadable', reason: 'the file is not valid JSON' }, 'corrupted'],
      [ok({ hello: 'SECRET-LOOKING' }), 'invalid'],
      [ok({ ...sealed, version: '1' }), 'invalid'],
      [ok({ ...sealed, sealed: 42 }), 'invalid'],
      [ok({ ...sealed, sealed: 'not base64 at all!' }), 'invalid'],
      [ok({ ...sealed, version: 3 }), 'newer-version'],
      [
        ok({ ...sealed, sealed: Buffer.from('SECRET-LOOKING but not sealed').toString('base64') }),
        'undecryptable',
      ],
    ];
    for (const [read, damage] of cases) {
      const result = await openVaultDocument(read, cipher, { platform: 'linux' });
      expect(result).toMatchObject({ kind: 'damaged', damage });
      expect(JSON.stringify(result)).not.toContain('SECRET-LOOKING');
    }
  });

  it('tells a file sealed by another keyring of this system (away today) from damage', async () => {
    const sealed = await sealVaultDocument(contents, AesGcmCipher.random({ backend: 'kwallet5' }));
    const basic = AesGcmCipher.random({ backend: 'basic_text' });
    const result = await openVaultDocument(ok(sealed), basic, { platform: 'linux' });
    expect(result).toMatchObject({ kind: 'sealed-elsewhere', sealedBy: 'kwallet5' });
    expect(result.kind === 'sealed-elsewhere' && result.reason).toMatch(
      /\(kwallet5\) that is not available now \(the one in use is basic_text\)/,
    );
    // On Windows or macOS another key store means another computer: it never opens here.
    const copied = await openVaultDocument(
      ok({ ...sealed, backend: 'keychain' }),
      AesGcmCipher.random({ backend: 'dpapi' }),
      { platform: 'win32' },
    );
    expect(copied).toMatchObject({ kind: 'damaged', damage: 'undecryptable' });
    expect(copied.kind === 'damaged' && copied.reason).toContain('(keychain)');
    // A backend name the app does not know is file content: it is never quoted.
    const odd = await openVaultDocument(
      ok({ ...sealed, backend: 'evil<script>' }),
      AesGcmCipher.random(),
      { platform: 'linux' },
    );
    expect(odd).toMatchObject({ kind: 'damaged', damage: 'undecryptable' });
    expect(JSON.stringify(odd)).not.toContain('evil');
  });

  it('refuses sealed contents that decrypt to the wrong shape', async () => {
    const cipher = AesGcmCipher.random();
    const seal = async (value: unknown) => ({
      ...emptyVaultDocument(cipher.backend),
      sealed: Buffer.from(await cipher.encrypt(JSON.stringify(value))).toString('base64'),
    });
    const account = contents.accounts[0]!;
    const broken = [
      'not json',
      { accounts: [{ ...account, tokens: { accessToken: '' } }], clientSecrets: [] },
      { accounts: [{ ...account, expiresAt: 'soon' }], clientSecrets: [] },
      { accounts: [{ ...account, method: 'password' }], clientSecrets: [] },
      { accounts: [account, account], clientSecrets: [] },
      { accounts: [] },
    ];
    for (const value of broken) {
      expect(
        await openVaultDocument(ok(await seal(value)), cipher, { platform: 'linux' }),
      ).toMatchObject({
        kind: 'damaged',
        damage: 'invalid',
      });
    }
  });
});
