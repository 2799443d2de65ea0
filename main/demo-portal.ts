// Demo mode (`npm run demo`, NETREX_DEMO=1): the portal stand-in runs inside
// the app on loopback and is offered as a ready provider, so a newcomer can
// try the whole one-click sign-in without an account. Types only: the shell
// starts the stand-in (main/desktop/demo.ts) and hands this to the services
// as `createServices(ports, demo)`; the services add it as a provider of
// origin `demo`.
export interface DemoPortal {
  /** Base URL of the running stand-in, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The provider id the stand-in's client registered its redirect for (`…/oauth/callback/demo`). */
  readonly providerId: string;
  readonly name: string;
  readonly clientId: string;
  /** The stand-in's own demo secret (not a real portal's): held by the services like any client secret. */
  readonly clientSecret: string;
  readonly rights: readonly string[];
  /** What to type on the stand-in's login page, for the UI to show. */
  readonly login: { readonly username: string; readonly password: string };
  close(): Promise<void>;
}
