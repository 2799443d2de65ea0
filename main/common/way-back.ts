// The way back: how a browser sign-in returns to this app, as plain data the
// services, the window and the diagnosis report share. Two routes exist: the
// app link (`cz.netrex.connect:/oauth/callback/<id>`, which the OS hands to
// the app) and the loopback address (`http://127.0.0.1:<port>/oauth/callback/<id>`,
// a listener inside the app). Which one a sign-in takes follows from whether
// the app link reaches this very executable (AppLinkCheck) and which
// addresses the portal has registered (main/auth/way-back.ts decides).
// Types only; nothing here holds a token, a code or a URL's query.

/**
 * Whether the OS opens `cz.netrex.connect:` links with this very executable.
 *
 * - `registered`: it does (checked, or registered again and checked).
 * - `not-registered`: nothing opens them, and registering again did not help.
 * - `claimed`: another program (or another copy of the app) holds the scheme
 *   and registering again did not take it back; `holder` says which when the
 *   OS can tell.
 * - `unavailable`: this way of running the app cannot be registered
 *   (development on Linux and macOS: the OS would start Electron without the app).
 * - `unknown`: not checked (yet), or the host cannot check (the browser tests).
 */
export type AppLinkStatus = 'registered' | 'not-registered' | 'claimed' | 'unavailable' | 'unknown';

/**
 * How this copy was started, as far as the way back cares: `development`
 * (Electron with the app's folder), `appimage` (the AppImage file, which
 * installs nothing by itself), `installed` (deb, NSIS, dmg: the installer
 * registered the scheme).
 */
export type AppLaunchKind = 'development' | 'appimage' | 'installed';

export interface AppLinkCheck {
  /** `cz.netrex.connect`. */
  readonly scheme: string;
  readonly status: AppLinkStatus;
  readonly launch: AppLaunchKind | null;
  /**
   * What the OS says opens the scheme when it is not this executable: an
   * application's name, a desktop entry id or a program's path. Null when
   * nothing does or the OS does not say.
   */
  readonly holder: string | null;
  /** True when this check registered the app again (it was not registered, or not to this executable). */
  readonly repaired: boolean;
  /**
   * Windows: whether this copy runs as administrator (links that a browser
   * running without administrator rights opens cannot reach it). Null
   * elsewhere, or when it could not be told.
   */
  readonly elevated: boolean | null;
  /** A short English account of what failed (for the log and the diagnosis); no path of a secret, no URL. */
  readonly detail: string | null;
  /** Epoch ms of the check; null when none ran. */
  readonly checkedAt: number | null;
}

/** The two ways back. */
export type ReturnRoute = 'app-link' | 'loopback';

/**
 * Why a portal's sign-in takes its route, for the window's words:
 *
 * - `app-link-works`: the app link reaches this executable (or cannot be
 *   checked here: `unchecked`).
 * - `portal-uses-loopback`: the portal's settings choose the loopback address.
 * - `chosen`: the operator chose the loopback address for this sign-in (the
 *   app link did not bring the browser back).
 * - `development`, `not-registered`, `claimed`, `elevated`: why the app link
 *   may not reach the app; with the loopback address registered, the sign-in
 *   uses it (unless another program holds its port), else it uses the app
 *   link and the window leads with the other ways.
 */
export type WayBackReason =
  | 'app-link-works'
  | 'unchecked'
  | 'portal-uses-loopback'
  | 'chosen'
  | 'development'
  | 'not-registered'
  | 'claimed'
  | 'elevated';

/**
 * Where an operator can find the address to paste when the browser does not
 * come back by itself:
 *
 * - `address-bar`: the loopback route. When the app does not answer there,
 *   the browser shows its "can't connect" page with the whole
 *   `http://127.0.0.1:…` address in the address bar (checked: Chromium 150,
 *   Firefox ESR 140, headless and on a display).
 * - `none-shown`: the app link. A browser that cannot open the app stays on
 *   the portal's page after Allow and shows the `cz.netrex.connect:` address
 *   nowhere (same check; Firefox names the address only when it is typed
 *   into the address bar, never after a portal's redirect).
 */
export type PasteHint = 'address-bar' | 'none-shown';

/** The way back one portal's browser sign-in takes, now. */
export interface PortalWayBack {
  readonly providerId: string;
  readonly route: ReturnRoute;
  readonly reason: WayBackReason;
  /** True when the app link may not reach the app and the sign-in still uses it (no loopback address registered). */
  readonly appLinkDoubtful: boolean;
  /** What the portal has registered for this app: the app link, the loopback address, or both. */
  readonly registered: { readonly appLink: boolean; readonly loopback: boolean };
  /** The loopback port, when the portal has the loopback address registered. */
  readonly loopbackPort: number | null;
  /** True when the loopback route was wanted but another program holds its port. */
  readonly loopbackBusy: boolean;
  /** The address the browser returns to, without any query: what the paste hint says it starts with. */
  readonly returnAddress: string;
  /** The portal's loopback address (what an administrator registers to make it the fallback). */
  readonly loopbackAddress: string;
  readonly pasteHint: PasteHint;
  /** With `claimed`: what holds the scheme (AppLinkCheck.holder). */
  readonly holder: string | null;
}

/** A loopback port some portal may return through, and whether it can be had. */
export interface LoopbackPortState {
  readonly port: number;
  /** `free`; `in-use-by-app` (a sign-in of this app listens there now); `taken` (another program). */
  readonly state: 'free' | 'in-use-by-app' | 'taken';
}

/** The whole way back, for the window and the diagnosis report. */
export interface WayBackStatus {
  readonly appLink: AppLinkCheck;
  /** Every loopback port a portal may use; empty until checked. */
  readonly loopbackPorts: readonly LoopbackPortState[];
  /** One entry per portal, in the portal list's order. */
  readonly portals: readonly PortalWayBack[];
}
