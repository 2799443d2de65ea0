// Opening the vault file: what it holds, or why it cannot be used and what
// was done about it (a damaged file is moved aside; one whose key store is
// away or not yet unlocked is left exactly as it is). The vault applies the
// outcome to its state; this holds the file's side of it.
import type { DocumentStore } from '../common/document-store';
import type { StorageStatus } from '../common/model';
import type { Cipher } from './cipher';
import {
  openVaultDocument,
  sealedByAnotherKeyring,
  type VaultContents,
  type VaultFileRead,
} from './vault-format';

export type VaultFileOutcome =
  | { readonly kind: 'empty' }
  /** `migrated`: an older version was read; the file should be written again. */
  | { readonly kind: 'ok'; readonly contents: VaultContents; readonly migrated: boolean }
  /** Its keyring cannot open it yet: kept, asked again later. */
  | { readonly kind: 'waiting'; readonly sealedBy: string }
  /** Left untouched for this session (see StorageStatus.fileKept). */
  | { readonly kind: 'kept'; readonly fileKept: NonNullable<StorageStatus['fileKept']> }
  /** Damaged and moved aside (see StorageStatus.recovered). */
  | { readonly kind: 'recovered'; readonly recovered: NonNullable<StorageStatus['recovered']> };

export interface VaultFileOptions {
  readonly platform: string;
  readonly providerUrlOf?: (providerId: string) => string | undefined;
  readonly now: () => number;
}

/** Reads and opens the file; moves a damaged one aside. Never throws. */
export async function loadVaultFile(
  store: DocumentStore,
  cipher: Cipher,
  { platform, providerUrlOf, now }: VaultFileOptions,
): Promise<VaultFileOutcome> {
  let read: VaultFileRead;
  try {
    read = await openVaultDocument(store.read(), cipher, { platform, providerUrlOf });
  } catch {
    read = {
      kind: 'damaged',
      damage: 'corrupted',
      reason: 'The saved sign-ins file cannot be read.',
    };
  }
  switch (read.kind) {
    case 'empty':
    case 'ok':
      return read;
    case 'key-store-waiting':
      return { kind: 'waiting', sealedBy: read.sealedBy };
    case 'sealed-elsewhere':
      return {
        kind: 'kept',
        fileKept: { path: store.path, sealedBy: read.sealedBy, reason: read.reason },
      };
  }
  const at = now();
  try {
    const movedTo = store.moveAside(read.damage, new Date(at));
    return {
      kind: 'recovered',
      recovered: {
        movedTo,
        at,
        damage: read.damage,
        reason: `${read.reason} It was set aside and the accounts in it are signed out; sign in again.`,
      },
    };
  } catch {
    return {
      kind: 'kept',
      fileKept: {
        path: store.path,
        sealedBy: null,
        damage: read.damage,
        reason:
          `${read.reason} It could not be set aside, so it is left untouched and ` +
          'sign-ins are kept in memory only until the app closes.',
      },
    };
  }
}

/**
 * Tokens stay off disk this run, yet the file was sealed by a keyring of this
 * system other than the key store in use: the keyring that sealed it, when it
 * says it cannot open it yet; null otherwise. Only asks, never moves or writes.
 */
export async function keyringWaitOf(
  store: DocumentStore,
  cipher: Cipher,
  platform: string,
): Promise<string | null> {
  try {
    const read = store.read();
    if (!sealedByAnotherKeyring(read, cipher, platform)) return null;
    const opened = await openVaultDocument(read, cipher, { platform });
    return opened.kind === 'key-store-waiting' ? opened.sealedBy : null;
  } catch {
    return null;
  }
}
