// How a callback URL reaches the app, on every system (Electron's "Deep Links"
// tutorial): the OS starts the app with the URL as an argument (Windows,
// Linux) — a running instance gets it through `second-instance` — or sends
// macOS's `open-url`. Every link goes into the inbox, which holds it until the
// services are ready; refusals are told to the operator.
import { app } from 'electron';
import { routeArgv, type ArgvRefusal } from '../desktop/argv-routing';
import { takeRoute, type DeepLinkInbox } from '../desktop/deep-link-inbox';
import { diagnoseRequested } from '../desktop/diagnose-argv';

export interface DeepLinkListeners {
  /** Brings the window forward (a second instance was started). */
  reveal(): void;
  /** Tells the operator why a link was not used. */
  refused(refusal: ArgvRefusal): void;
}

/**
 * Must run before `ready`: macOS sends `open-url` for the link that launched
 * the app before `ready`, and a listener added later misses it. Also takes
 * the link of a cold start from this process's own argv.
 */
export function listenForDeepLinks(inbox: DeepLinkInbox, listeners: DeepLinkListeners): void {
  const refused = (refusal: ArgvRefusal): void => listeners.refused(refusal);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = routeArgv([url]);
    // macOS only sends URLs of schemes the app registered; anything else is not ours.
    if (route.kind !== 'none') listeners.reveal();
    takeRoute(route, inbox, refused);
  });
  app.on('second-instance', (_event, argv) => {
    // `--diagnose` asks the running copy for the report only (diagnose.ts tells the operator).
    if (!diagnoseRequested(argv)) listeners.reveal();
    takeRoute(routeArgv(argv), inbox, refused);
  });
  takeRoute(routeArgv(process.argv), inbox, refused);
}
