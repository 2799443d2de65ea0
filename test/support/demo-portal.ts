// The portal stand-in as the app's demo mode hands it to the services
// (main/demo-portal.ts): provider id `demo`, the stand-in's default client
// and user. Only the address is read, so the stand-in may run in this
// process or in another one (the bench's, the crash test's parent).
import type { DemoPortal } from '../../main/demo-portal';
import type { ProviderStandIn } from './provider';
import { DEFAULT_CONFIG } from './provider/config';

export function demoPortalOf(portal: Pick<ProviderStandIn, 'url' | 'close'>): DemoPortal {
  const client = DEFAULT_CONFIG.clients[0]!;
  return {
    url: portal.url,
    providerId: 'demo',
    name: 'Demo portal',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    rights: ['read'],
    login: { username: 'operator', password: 'operator' },
    close: () => portal.close(),
  };
}
