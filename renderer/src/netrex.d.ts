// The one global the page has: the typed bridge the preload exposes (and the
// browser harness installs in tests). Types only; the renderer owns no other
// way out of the page.
import type { NetrexBridge } from '../../main/ipc/contract';

declare global {
  interface Window {
    readonly netrex: NetrexBridge;
  }
}

export {};
