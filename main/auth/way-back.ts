// Which way back a browser sign-in takes, given whether the app link reaches
// this very executable (AppLinkCheck) and what the portal has registered.
// Pure: the sign-in flow asks it before every browser sign-in, the diagnosis
// report shows its answer for every portal.
//
// - A portal set to the loopback address always returns through it.
// - Otherwise the app link, while it reaches the app (or cannot be checked).
// - When it may not reach the app — not registered, held by another program,
//   a development run on Linux or macOS, a copy run as administrator on
//   Windows — the loopback address, if the portal has it registered too and
//   no other program holds its port; else still the app link, and the window
//   leads with the other ways (`appLinkDoubtful`).
import type {
  AppLinkCheck,
  LoopbackPortState,
  PortalWayBack,
  WayBackReason,
} from '../common/way-back';
import type { ProviderConfig } from '../providers/provider-config';
import { customSchemeRedirectUri, loopbackRedirectUri } from './redirect-uri';

export type WayBackPortal = Pick<
  ProviderConfig,
  'id' | 'redirectKind' | 'loopbackPort' | 'loopbackFallback'
>;

/** What the portal has registered for this app. */
export function registeredRedirects(portal: WayBackPortal): PortalWayBack['registered'] {
  return {
    appLink: portal.redirectKind === 'custom-scheme',
    loopback: portal.redirectKind === 'loopback' || portal.loopbackFallback === true,
  };
}

type Doubt = Extract<WayBackReason, 'development' | 'not-registered' | 'claimed' | 'elevated'>;

/**
 * Why the app link may not reach the app, or null when it will (or cannot
 * be told). Elevation comes first: re-registering cannot help there.
 */
export function appLinkDoubt(appLink: AppLinkCheck): Doubt | null {
  if (appLink.elevated === true) return 'elevated';
  switch (appLink.status) {
    case 'registered':
    case 'unknown':
      return null;
    case 'claimed':
      return 'claimed';
    case 'not-registered':
      return 'not-registered';
    case 'unavailable':
      return appLink.launch === 'development' ? 'development' : 'not-registered';
  }
}

export function chooseWayBack(
  portal: WayBackPortal,
  appLink: AppLinkCheck,
  loopbackPort: LoopbackPortState['state'] | null = null,
): PortalWayBack {
  const registered = registeredRedirects(portal);
  const taken = loopbackPort === 'taken';
  const base = {
    providerId: portal.id,
    registered,
    loopbackPort: registered.loopback ? portal.loopbackPort : null,
    holder: appLink.status === 'claimed' ? appLink.holder : null,
    loopbackAddress: loopbackRedirectUri(portal.id, portal.loopbackPort),
  };
  const viaLoopback = (reason: WayBackReason): PortalWayBack => ({
    ...base,
    route: 'loopback',
    reason,
    appLinkDoubtful: false,
    loopbackBusy: taken,
    returnAddress: base.loopbackAddress,
    pasteHint: 'address-bar',
  });
  const viaAppLink = (reason: WayBackReason, doubtful: boolean): PortalWayBack => ({
    ...base,
    route: 'app-link',
    reason,
    appLinkDoubtful: doubtful,
    loopbackBusy: doubtful && registered.loopback && taken,
    returnAddress: customSchemeRedirectUri(portal.id),
    pasteHint: 'none-shown',
  });

  if (portal.redirectKind === 'loopback') return viaLoopback('portal-uses-loopback');
  const doubt = appLinkDoubt(appLink);
  if (!doubt)
    return viaAppLink(appLink.status === 'registered' ? 'app-link-works' : 'unchecked', false);
  if (registered.loopback && !taken) return viaLoopback(doubt);
  return viaAppLink(doubt, true);
}

/**
 * The operator's choice of the loopback address for one sign-in (the app link
 * did not bring the browser back): only where the portal has it registered,
 * else null (the portal would refuse the redirect).
 */
export function withLoopbackChosen(way: PortalWayBack): PortalWayBack | null {
  if (!way.registered.loopback) return null;
  if (way.route === 'loopback') return way;
  return {
    ...way,
    route: 'loopback',
    reason: 'chosen',
    appLinkDoubtful: false,
    loopbackBusy: false,
    returnAddress: way.loopbackAddress,
    pasteHint: 'address-bar',
  };
}
