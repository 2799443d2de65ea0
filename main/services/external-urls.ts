// What the system browser may be asked to open: the guard behind
// shell.openExternal (the edge adds its own baseline on top). Exactly a
// pending authorization URL (a standard server's authorization endpoint may
// live on another host than its issuer), or any address on the origin of a
// configured provider: https, or plain http only for a provider that is
// itself on 127.0.0.1 / [::1] (the stand-in). Never credentials in the URL.
import { isLoopbackHttpUrl } from '../providers/portal-url';
import type { ProviderConfig } from '../providers/provider-config';

export interface ExternalUrlSources {
  providers(): readonly ProviderConfig[];
  pendingAuthorizationUrl(providerId: string): string | undefined;
}

export function externalUrlRule(sources: ExternalUrlSources): (url: string) => boolean {
  return (url) => {
    if (typeof url !== 'string' || !URL.canParse(url)) return false;
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return false;
    if (parsed.protocol !== 'https:' && !isLoopbackHttpUrl(parsed)) return false;
    const providers = sources.providers();
    if (providers.some((p) => sources.pendingAuthorizationUrl(p.id) === parsed.href)) return true;
    return providers.some((p) => URL.canParse(p.url) && new URL(p.url).origin === parsed.origin);
  };
}
