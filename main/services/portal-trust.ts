// The portals added on this computer whose address the operator has confirmed
// in the app's own dialog before their first browser sign-in. An address
// typed into the window — or put there by a page that was taken over — is
// opened in the browser only after that; built-in, IT-managed and demo
// portals need no confirmation. Kept in a small document of its own:
//   { "version": 1, "portals": [{ "id": "portal-acme-example", "url": "https://portal.acme.example" }] }
// A portal is known by id and address together; an entry whose portal is
// gone (removed) is dropped, so adding it again asks again.
import { z } from 'zod';
import type { DocumentStore } from '../common/document-store';
import type { UserFacingError } from '../common/model';
import type { ProviderConfig } from '../providers/provider-config';

/** The document's name (`confirmed-portals.json` in the app's data folder). */
export const PORTAL_TRUST_DOCUMENT = 'confirmed-portals';

const entrySchema = z.strictObject({ id: z.string().min(1).max(200), url: z.string().max(8192) });
const documentSchema = z.object({ version: z.literal(1), portals: z.array(entrySchema) });
type Entry = z.infer<typeof entrySchema>;

export interface PortalTrust {
  /** Whether the first browser sign-in to `provider` waits for the operator's confirmation. */
  needsConfirmation(provider: ProviderConfig): boolean;
  /** The operator confirmed the portal's address: its sign-ins no longer ask. */
  confirmed(provider: ProviderConfig): void;
  /** Drops the entries of portals no longer in `providers` (removed, or at another address). */
  prune(providers: readonly ProviderConfig[]): void;
  /** A damaged document, set aside: every added portal asks again. */
  readonly warnings: readonly UserFacingError[];
}

export function openPortalTrust(store: DocumentStore, now: () => number): PortalTrust {
  const warnings: UserFacingError[] = [];
  let entries = load(store, warnings, now);
  const has = (provider: ProviderConfig) =>
    entries.some((e) => e.id === provider.id && e.url === provider.url);
  const save = (next: Entry[]) => {
    entries = next;
    try {
      store.write({ version: 1, portals: next });
    } catch {
      // Held for this session only: the next one asks again, which is the safe side.
    }
  };

  return {
    warnings,
    needsConfirmation: (provider) => provider.origin === 'custom' && !has(provider),
    confirmed(provider) {
      if (!has(provider)) save([...entries, { id: provider.id, url: provider.url }]);
    },
    prune(providers) {
      const kept = entries.filter((e) =>
        providers.some((p) => p.origin === 'custom' && p.id === e.id && p.url === e.url),
      );
      if (kept.length !== entries.length) save(kept);
    },
  };
}

function load(store: DocumentStore, warnings: UserFacingError[], now: () => number): Entry[] {
  const read = store.read();
  if (read.kind === 'missing') return [];
  if (read.kind === 'ok') {
    const parsed = documentSchema.safeParse(read.document);
    if (parsed.success) return parsed.data.portals;
  }
  // Nothing in it is secret and forgetting it is the safe side: every added
  // portal asks again. Set aside, so the next write does not fail on it.
  let movedTo: string | undefined;
  try {
    movedTo = store.moveAside(
      read.kind === 'unreadable' ? 'corrupted' : 'invalid',
      new Date(now()),
    );
  } catch {
    // Left in place: confirmations are asked again and not remembered this session.
  }
  warnings.push({
    code: 'portal_trust_unreadable',
    message:
      'The list of portals whose address you confirmed could not be read, so Netrex Connect asks again before the first sign-in to each portal you added.' +
      (movedTo ? ` The file was moved aside to ${movedTo}.` : ''),
    ...(movedTo ? { params: { variant: 'moved', path: movedTo } } : {}),
  });
  return [];
}
