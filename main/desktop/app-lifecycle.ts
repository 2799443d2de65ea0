// The app's life as a tray-resident app, the way operators know it from chat
// and password-manager apps: closing the window keeps the app running (its
// background refresh and status checks go on), the first time it says so,
// and only Quit — in the tray or the app menu — ends it. macOS keeps its own
// habit: an app without windows stays in the Dock, and clicking the Dock icon
// opens the window again. Started at login it opens in the tray only. Pure:
// the shell (main/electron/app-shell.ts) feeds it events and does what it
// answers; tested in Node.

export type LifecycleEvent =
  /** The services are ready: the first window may open. */
  | { readonly kind: 'ready'; readonly startedAtLogin: boolean; readonly windowRequested: boolean }
  /** The operator closed the last window (not a quit: Electron says so only outside one). */
  | { readonly kind: 'all-windows-closed' }
  /** macOS: the Dock icon was clicked. */
  | { readonly kind: 'activate' }
  /** Quit was chosen (the tray, the app menu, the Dock's Quit). */
  | { readonly kind: 'quit-chosen' };

export type LifecycleAction =
  | 'show-window'
  /** Tell the operator, once, that the app goes on in the tray. */
  | 'tell-still-running'
  | 'quit';

export interface LifecycleFacts {
  readonly platform: NodeJS.Platform;
  /** The operator was told already (remembered in the settings document). */
  readonly stillRunningTold: boolean;
}

export function lifecycleActions(event: LifecycleEvent, facts: LifecycleFacts): LifecycleAction[] {
  switch (event.kind) {
    case 'ready':
      // A link, the Dock or a second start asked for the window: it opens even at login.
      return event.startedAtLogin && !event.windowRequested ? [] : ['show-window'];
    case 'all-windows-closed':
      // Never a quit: the accounts are kept connected in the background.
      // macOS apps stay in the Dock without saying so.
      return facts.platform === 'darwin' || facts.stillRunningTold ? [] : ['tell-still-running'];
    case 'activate':
      return ['show-window'];
    case 'quit-chosen':
      return ['quit'];
  }
}
