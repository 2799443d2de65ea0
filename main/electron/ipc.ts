// The bridge's main-process end: one ipcMain.handle per contract method, each
// through the dispatch (sender check, zod validation, Result answers), and the
// services' events forwarded to the window on their channels.
import { ipcMain, type WebContents } from 'electron';
import type { AppServices } from '../app-services';
import { DisposableStore, toDisposable, type Disposable } from '../common/lifecycle';
import { BRIDGE_EVENTS, BRIDGE_METHODS, channelOf, type BridgeEventName } from '../ipc/contract';
import { isAppUrl } from '../desktop/app-protocol-paths';
import { createBridgeDispatch, type DispatchLog } from '../desktop/bridge-dispatch';

export function registerBridge(
  services: Pick<AppServices, 'handlers' | 'events'>,
  target: () => WebContents | null,
  log: DispatchLog,
): Disposable {
  const store = new DisposableStore();
  // The page's first call means it is subscribed: the services' held notices go out then.
  const dispatch = createBridgeDispatch(services.handlers, log, () =>
    services.events.windowReady(),
  );

  for (const method of BRIDGE_METHODS) {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(method, event.senderFrame, args),
    );
    store.add(toDisposable(() => ipcMain.removeHandler(channel)));
  }

  for (const name of Object.values(BRIDGE_EVENTS) as BridgeEventName[]) {
    store.add(
      services.events.on(name, (payload) => {
        const contents = target();
        // Only the app's own page hears events (navigation away is blocked; this is the second lock).
        if (contents && !contents.isDestroyed() && isAppUrl(contents.getURL())) {
          contents.send(channelOf(name), payload);
        }
      }),
    );
  }
  return store;
}
