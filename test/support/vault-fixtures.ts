// Accounts with recognisable secrets, and a vault over conf in a directory,
// for the vault's tests and the child process that is killed mid-write.
import { createConfDocumentStore } from '../../main/common/document-store';
import type { Cipher } from '../../main/vault/cipher';
import { openTokenVault } from '../../main/vault/token-vault';
import type { Clock } from '../../main/common/clock';
import type { StoredAccount, TokenVault } from '../../main/vault/types';

export const VAULT_FILE = 'vault.json';

/** A provider by id, at an address of its own (what the vault binds secrets and accounts to). */
export function portal(id: string): { readonly id: string; readonly url: string } {
  return { id, url: `https://${id}.example` };
}
export const SETTINGS_FILE = 'vault-settings.json';
const FIXTURE_EPOCH = 1_800_000_000_000;

/**
 * An account whose every secret is unique and needs escaping in JSON (a quote,
 * a backslash, a slash, non-ASCII), so a search of the file's bytes finds it
 * in any form JSON would write it.
 */
export function makeAccount(name: string, generation = 0): StoredAccount {
  return {
    id: `id-${name}`,
    providerId: 'netrex',
    providerUrl: portal('netrex').url,
    label: `Label ${name}`,
    method: 'oauth',
    tokens: {
      accessToken: `AT"${name}\\${generation}/é-access`,
      refreshToken: `RT"${name}\\${generation}/é-refresh`,
      tokenType: 'Bearer',
    },
    expiresAt: FIXTURE_EPOCH + generation,
    rights: ['read', 'write'],
  };
}

/**
 * An account with JWT-sized tokens (4 KB each), so that a vault of a few of
 * them is a file of tens of KB that takes a while to write.
 */
export function makeLargeAccount(name: string, generation = 0): StoredAccount {
  const account = makeAccount(name, generation);
  const padding = `.${'j'.repeat(4_000)}`;
  return {
    ...account,
    tokens: {
      ...account.tokens,
      accessToken: account.tokens.accessToken + padding,
      refreshToken: `${account.tokens.refreshToken}${padding}`,
    },
  };
}

/** The generation a fixture account was made with (kept in its expiry). */
export function generationOf(account: StoredAccount): number {
  return (account.expiresAt ?? 0) - FIXTURE_EPOCH;
}

/** The secrets of an account, for searching a file's bytes. */
export function secretsOf(account: StoredAccount): string[] {
  const { accessToken, refreshToken } = account.tokens;
  return refreshToken ? [accessToken, refreshToken] : [accessToken];
}

export interface VaultInDirOptions {
  readonly platform?: string;
  readonly clock?: Pick<Clock, 'now'>;
}

/** Opens a vault whose files are `vault.json` and `vault-settings.json` in `dir`. */
export function openVaultIn(
  dir: string,
  cipher: Cipher,
  { platform = 'linux', clock }: VaultInDirOptions = {},
): Promise<TokenVault> {
  return openTokenVault({
    store: createConfDocumentStore(dir, 'vault'),
    settingsStore: createConfDocumentStore(dir, 'vault-settings'),
    cipher,
    platform,
    clock,
  });
}

/**
 * Every form a secret may take in a JSON file: as is, and JSON-escaped
 * (quotes, backslashes; also with `/` escaped and non-ASCII as \u escapes).
 */
export function encodedForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const ascii = escaped.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [...new Set([secret, escaped, ascii, escaped.replace(/\//g, '\\/')])];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What a reader of a vault file gets without the key: its bytes, and the
 * bytes of every base64 string in its JSON (`sealed` is one), decoded. For
 * the secret searches: a "cipher" that only encodes must not pass for one
 * that encrypts.
 */
export function readableLayers(bytes: Buffer): Buffer[] {
  const layers = [bytes];
  let document: unknown;
  try {
    document = JSON.parse(bytes.toString('utf8'));
  } catch {
    return layers;
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 8 && BASE64.test(value)) layers.push(Buffer.from(value, 'base64'));
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(document);
  return layers;
}
