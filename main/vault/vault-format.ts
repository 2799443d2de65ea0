// The vault file, version 2:
//
//   { "format": "netrex-connect/token-vault", "version": 2,
//     "backend": "gnome_libsecret", "sealed": "<base64>" | null }
//
// `sealed` is ONE Cipher blob holding every account and client secret as
// JSON. One blob rather than one per entry because:
// - nothing about the accounts is readable without the key: not the labels
//   (often e-mail addresses), not which portals, not the rights;
// - safeStorage takes no associated data, so separately sealed entries could
//   be swapped between accounts or rolled back one by one unnoticed; one
//   authenticated blob is all or nothing;
// - partial damage cannot happen: the file opens whole or is moved aside
//   whole, never silently missing one account;
// - the file is tiny (a few KB), so sealing everything on every write costs
//   nothing worth saving.
// `sealed: null` is a vault with nothing on disk (after an opt-out of weak
// storage). `backend` is the key store that sealed it, kept in clear only to
// explain a failure to decrypt.
//
// Version 2 records with each account and client secret the address of the
// provider it belongs to (base URL or issuer): a provider id that later
// names another address (a managed entry over a custom portal) never gets
// them. Version 1 did not; its entries are bound, when read, to the address
// their provider has now — the one they were written for, as far as the app
// can know — and the file is written again as version 2 at once, so that
// guess is made only once.
import { z } from 'zod';
import type { DocumentRead, JsonObject } from '../common/document-store';
import type { VaultDamage } from '../common/model';
import { TOKEN_LIMITS } from '../common/token-limits';
import { KeyStoreUnavailableError, type Cipher } from './cipher';
import { isProtectedBackend } from './storage-policy';
import type { StoredAccount } from './types';

export const VAULT_FORMAT = 'netrex-connect/token-vault';
export const VAULT_VERSION = 2;

/** Named key stores a failure message may mention (the file's own text is never quoted). */
const KNOWN_BACKENDS = [
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'secret_portal',
  'basic_text',
  'dpapi',
  'keychain',
];

const text = (max: number) => z.string().min(1).max(max);
// The same limits the token parsers enforce (auth/token-set.ts storableTokens).
const { maxTokenLength, maxTokenTypeLength, maxRights, maxRightLength, maxSubjectLength } =
  TOKEN_LIMITS;

/** Empty only for an account a version-1 file kept for a provider no longer configured. */
const providerUrl = z.string().max(8_192);

export const accountSchema = z.object({
  id: text(200),
  providerId: text(200),
  providerUrl,
  label: z.string().max(500),
  method: z.enum(['oauth', 'api-token']),
  tokens: z.object({
    accessToken: text(maxTokenLength),
    refreshToken: text(maxTokenLength).optional(),
    tokenType: text(maxTokenTypeLength),
  }),
  expiresAt: z.number().int().nonnegative().nullable(),
  rights: z.array(text(maxRightLength)).max(maxRights),
  subject: z
    .object({ sub: text(maxSubjectLength), issuer: text(maxSubjectLength).optional() })
    .optional(),
});

export const clientSecretSchema = text(maxTokenLength);

const uniqueIds = (c: { accounts: readonly { id: string }[] }) =>
  new Set(c.accounts.map((a) => a.id)).size === c.accounts.length;

const clientSecretEntry = z.object({
  providerId: text(200),
  providerUrl: text(8_192),
  secret: clientSecretSchema,
});

const contentsSchema = z
  .object({ accounts: z.array(accountSchema), clientSecrets: z.array(clientSecretEntry) })
  .refine(uniqueIds, { message: 'two accounts share an id' });

/** Version 1: the same entries without the provider's address. */
const contentsV1Schema = z
  .object({
    accounts: z.array(accountSchema.omit({ providerUrl: true })),
    clientSecrets: z.array(clientSecretEntry.omit({ providerUrl: true })),
  })
  .refine(uniqueIds, { message: 'two accounts share an id' });

export interface StoredClientSecret {
  readonly providerId: string;
  /** The provider's address when the secret was set: it is handed out for that address only. */
  readonly providerUrl: string;
  readonly secret: string;
}

/** What the sealed blob holds. Client secrets as a list, not an object keyed by provider id. */
export interface VaultContents {
  readonly accounts: readonly StoredAccount[];
  readonly clientSecrets: readonly StoredClientSecret[];
}

const headerSchema = z.object({ format: z.literal(VAULT_FORMAT), version: z.number().int() });

const envelopeSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.union([z.literal(1), z.literal(VAULT_VERSION)]),
  backend: z.string().max(100),
  sealed: z.base64().min(1).nullable(),
});

export type DamageKind = VaultDamage;

export type VaultFileRead =
  | { readonly kind: 'empty' }
  /** `migrated`: read from an older version; the file should be written again now. */
  | { readonly kind: 'ok'; readonly contents: VaultContents; readonly migrated: boolean }
  /** `reason` is user-facing and never quotes the file. */
  | { readonly kind: 'damaged'; readonly damage: DamageKind; readonly reason: string }
  /**
   * Sealed by another key store of this system that is not the one in use now
   * (a keyring that did not answer today): not damage, so it is left alone.
   */
  | { readonly kind: 'sealed-elsewhere'; readonly sealedBy: string; readonly reason: string }
  /**
   * The key store that sealed it says it cannot open it now but may later
   * (KeyStoreUnavailableError: a keyring not yet unlocked): kept, tried again.
   */
  | { readonly kind: 'key-store-waiting'; readonly sealedBy: string };

const damaged = (damage: DamageKind, reason: string): VaultFileRead => ({
  kind: 'damaged',
  damage,
  reason,
});

export interface OpenVaultDocumentOptions {
  /** Tells which other key stores could come back (Linux keyrings). */
  readonly platform: string;
  /** Where each provider is now: binds the entries of a version-1 file. */
  readonly providerUrlOf?: (providerId: string) => string | undefined;
}

/** Turns what the store read into the vault's contents, or says why it cannot. */
export async function openVaultDocument(
  read: DocumentRead,
  cipher: Cipher,
  { platform, providerUrlOf = () => undefined }: OpenVaultDocumentOptions,
): Promise<VaultFileRead> {
  if (read.kind === 'missing') return { kind: 'empty' };
  if (read.kind === 'unreadable') {
    return damaged('corrupted', `The saved sign-ins file is damaged (${read.reason}).`);
  }
  const header = headerSchema.safeParse(read.document);
  if (header.success && header.data.version > VAULT_VERSION) {
    return damaged(
      'newer-version',
      'The saved sign-ins file was written by a newer version of Netrex Connect.',
    );
  }
  const envelope = envelopeSchema.safeParse(read.document);
  if (!envelope.success) {
    return damaged(
      'invalid',
      'The saved sign-ins file is damaged (its layout is not one this app writes).',
    );
  }
  if (envelope.data.sealed === null) return { kind: 'empty' };

  let plain: string;
  try {
    plain = await cipher.decrypt(new Uint8Array(Buffer.from(envelope.data.sealed, 'base64')));
  } catch (error) {
    const wrote = envelope.data.backend;
    if (error instanceof KeyStoreUnavailableError) {
      return { kind: 'key-store-waiting', sealedBy: KNOWN_BACKENDS.includes(wrote) ? wrote : '' };
    }
    if (wrote !== cipher.backend && isProtectedBackend(platform, wrote)) {
      return {
        kind: 'sealed-elsewhere',
        sealedBy: wrote,
        reason:
          `The saved sign-ins are encrypted with a key store (${wrote}) that is not available now ` +
          `(the one in use is ${cipher.backend}). They are left as they are and open again once it ` +
          'is back: unlock or start it, then restart Netrex Connect. Until then sign-ins are kept ' +
          'in memory only. If that key store is gone for good, move the file away to save sign-ins again.',
      };
    }
    const other =
      wrote !== cipher.backend && KNOWN_BACKENDS.includes(wrote)
        ? ` It was encrypted with another key store (${wrote}) than the one in use now (${cipher.backend}).`
        : '';
    return damaged(
      'undecryptable',
      "The saved sign-ins could not be decrypted with this computer's key store: they may come " +
        'from another computer or user account, or the key store was reset.' +
        other,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(plain);
  } catch {
    json = undefined;
  }
  const broken = damaged(
    'invalid',
    'The saved sign-ins decrypted, but their contents are damaged.',
  );
  if (envelope.data.version === VAULT_VERSION) {
    const contents = contentsSchema.safeParse(json);
    return contents.success ? { kind: 'ok', contents: contents.data, migrated: false } : broken;
  }
  const old = contentsV1Schema.safeParse(json);
  if (!old.success) return broken;
  return { kind: 'ok', contents: bindVersion1(old.data, providerUrlOf), migrated: true };
}

/**
 * Version-1 entries get their provider's address as it is now. An account
 * whose provider is gone gets none (it matches no provider: its portal reads
 * as missing); a client secret whose provider is gone is of no use, and is
 * dropped rather than handed to whatever takes the id later.
 */
function bindVersion1(
  old: z.infer<typeof contentsV1Schema>,
  providerUrlOf: (providerId: string) => string | undefined,
): VaultContents {
  return {
    accounts: old.accounts.map((account) => ({
      ...account,
      providerUrl: providerUrlOf(account.providerId) ?? '',
    })),
    clientSecrets: old.clientSecrets.flatMap(({ providerId, secret }) => {
      const url = providerUrlOf(providerId);
      return url ? [{ providerId, providerUrl: url, secret }] : [];
    }),
  };
}

/**
 * Whether the document's sealed data is worth showing the key store although
 * tokens stay off disk this run: it was sealed by a keyring of this system
 * other than the key store in use (a keyring that has not answered yet, so
 * Chromium seals with its own key meanwhile).
 */
export function sealedByAnotherKeyring(
  read: DocumentRead,
  cipher: Cipher,
  platform: string,
): boolean {
  if (read.kind !== 'ok') return false;
  const envelope = envelopeSchema.safeParse(read.document);
  if (!envelope.success || envelope.data.sealed === null) return false;
  const wrote = envelope.data.backend;
  return wrote !== cipher.backend && isProtectedBackend(platform, wrote);
}

/** The whole vault document for `contents`, sealed through the cipher. */
export async function sealVaultDocument(
  contents: VaultContents,
  cipher: Cipher,
): Promise<JsonObject> {
  const sealed = await cipher.encrypt(JSON.stringify(contents));
  return envelope(cipher.backend, Buffer.from(sealed).toString('base64'));
}

/** A vault document with nothing sealed in it: no token or secret on disk. */
export function emptyVaultDocument(backend: string): JsonObject {
  return envelope(backend, null);
}

function envelope(backend: string, sealed: string | null): JsonObject {
  return { format: VAULT_FORMAT, version: VAULT_VERSION, backend, sealed };
}

/** "tokens.accessToken: Too small: …" for each broken rule; never the value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}
