// Entry of the demo bundle (scripts/build.mjs --demo → out/demo/portal.mjs):
// the portal stand-in with its documented default client and user, on a free
// loopback port, described as the `DemoPortal` the services add as a provider.
// Loaded only when NETREX_DEMO=1 (main/desktop/demo.ts); never packaged.
import { customSchemeRedirectUri } from '../main/auth/redirect-uri';
import type { DemoPortal } from '../main/demo-portal';
import { DEFAULT_CONFIG, startProvider } from '../test/support/provider';

/** The provider id the stand-in's default client registered its callback for. */
const DEMO_PROVIDER_ID = 'demo';

export async function startDemoPortal(): Promise<DemoPortal> {
  const portal = await startProvider(DEFAULT_CONFIG, { port: 0, faultsOverHttp: false });
  const client = portal.config.clients[0];
  const user = portal.config.users[0];
  if (!client || !user)
    throw new Error('The stand-in default config lost its demo client or user.');
  if (!client.redirect_uris.includes(customSchemeRedirectUri(DEMO_PROVIDER_ID))) {
    await portal.close();
    throw new Error(
      `The stand-in's demo client does not register the "${DEMO_PROVIDER_ID}" callback.`,
    );
  }
  return {
    url: portal.url,
    providerId: DEMO_PROVIDER_ID,
    name: 'Demo portal (stand-in)',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    rights: ['read'],
    login: { username: user.username, password: user.password },
    close: () => portal.close(),
  };
}
