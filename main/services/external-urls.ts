// What the system browser may be asked to open: the guard behind
// shell.openExternal (the edge adds its own baseline on top). The app opens
// one kind of address — the authorization URL of a sign-in in progress — so
// exactly those are allowed, compared whole: not another page of a portal,
// not the same page with another state. (A standard server's authorization
// endpoint may live on another host than its issuer; the exact match covers
// that.) https, or plain http only to this computer's loopback (the
// stand-in), never credentials in the URL.
import { isLoopbackHttpUrl } from '../providers/portal-url';
import type { ProviderConfig } from '../providers/provider-config';

export interface ExternalUrlSources {
  providers(): readonly ProviderConfig[];
  pendingAuthorizationUrl(providerId: string): string | undefined;
}

/**
 * How the openExternal port refuses an address (the edge's own baseline, on
 * top of this rule): the sign-in can then say what happened instead of
 * blaming the browser. The message never quotes the URL.
 */
export class ExternalUrlRefusedError extends Error {
  override readonly name = 'ExternalUrlRefusedError';
  constructor(readonly reason: string) {
    super(`Refused to open an address in the browser: ${reason}.`);
  }
}

export function externalUrlRule(sources: ExternalUrlSources): (url: string) => boolean {
  return (url) => {
    if (typeof url !== 'string' || !URL.canParse(url)) return false;
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return false;
    if (parsed.protocol !== 'https:' && !isLoopbackHttpUrl(parsed)) return false;
    return sources.providers().some((p) => {
      const pending = sources.pendingAuthorizationUrl(p.id);
      return (
        pending !== undefined && URL.canParse(pending) && new URL(pending).href === parsed.href
      );
    });
  };
}
