// The way back as the diagnosis report tells it: one finding for the app
// link's registration, one for running as administrator (Windows), one per
// loopback port a portal may use, one per portal's route. Pure: it reads the
// WayBackStatus the way-back service already holds and writes it in the
// report's language. No URL's query is in a WayBackStatus, so none is here.
import type { AppLinkCheck, PortalWayBack, WayBackStatus } from '../../common/way-back';
import type { WayBackFinding } from './build-report';
import type { ReportLanguage } from './model';

interface WayBackWords {
  readonly appLinkTitle: (scheme: string) => string;
  readonly appLink: Record<AppLinkCheck['status'], (holder: string | null) => string>;
  readonly repaired: string;
  readonly elevatedTitle: string;
  readonly elevated: string;
  readonly notElevated: string;
  readonly portTitle: (port: number) => string;
  readonly port: Record<'free' | 'in-use-by-app' | 'taken', string>;
  readonly portalTitle: (providerId: string) => string;
  readonly route: (portal: PortalWayBack) => string;
  readonly doubtful: string;
  readonly busy: (port: number | null) => string;
}

const en: WayBackWords = {
  appLinkTitle: (scheme) => `App link (${scheme}:)`,
  appLink: {
    registered: () => 'Links open this very copy of the app.',
    'not-registered': () =>
      'Nothing opens these links, and registering again did not help. Reinstall the app, or sign in with the loopback address or by pasting the address.',
    claimed: (holder) =>
      `Another program holds these links${holder ? ` (${holder})` : ''}, and registering again did not take them back. Uninstall the other copy, or reinstall this one.`,
    unavailable: () =>
      'Cannot be registered when the app runs from its development folder: sign-ins use the loopback address or pasting.',
    unknown: () => 'Not checked yet.',
  },
  repaired: ' The app registered them again during this check.',
  elevatedTitle: 'Running as administrator',
  elevated:
    'This copy runs as administrator: a browser running without administrator rights cannot hand it links. Start the app normally.',
  notElevated: 'This copy runs without administrator rights.',
  portTitle: (port) => `Loopback port ${port}`,
  port: {
    free: 'Free: a sign-in can listen there.',
    'in-use-by-app': 'Used by a sign-in of this app right now.',
    taken:
      'Another program listens there: a sign-in that returns through it cannot be received. Close that program, or ask your administrator for another port.',
  },
  portalTitle: (id) => `Way back for ${id}`,
  route: (p) =>
    p.route === 'loopback'
      ? `Back to the app by the loopback address ${p.returnAddress}.`
      : `Back to the app by the app link ${p.returnAddress}.`,
  doubtful:
    ' The app link may not reach this app and the portal has no loopback address registered: if the browser does not come back, paste the address.',
  busy: (port) =>
    ` The loopback port ${port ?? ''} is taken by another program, so the app link is used.`,
};

const cs: WayBackWords = {
  appLinkTitle: (scheme) => `Odkaz aplikace (${scheme}:)`,
  appLink: {
    registered: () => 'Odkazy otevírá právě tato kopie aplikace.',
    'not-registered': () =>
      'Tyto odkazy nic neotevírá a nová registrace nepomohla. Přeinstalujte aplikaci, nebo se přihlaste přes adresu loopback či vložením adresy.',
    claimed: (holder) =>
      `Tyto odkazy drží jiný program${holder ? ` (${holder})` : ''} a nová registrace je nezískala zpět. Odinstalujte druhou kopii, nebo tuto přeinstalujte.`,
    unavailable: () =>
      'Při spuštění z vývojové složky je nelze zaregistrovat: přihlášení používá adresu loopback nebo vložení adresy.',
    unknown: () => 'Zatím nezkontrolováno.',
  },
  repaired: ' Aplikace je během této kontroly zaregistrovala znovu.',
  elevatedTitle: 'Spuštěno jako správce',
  elevated:
    'Tato kopie běží jako správce: prohlížeč bez práv správce jí odkazy nepředá. Spusťte aplikaci normálně.',
  notElevated: 'Tato kopie běží bez práv správce.',
  portTitle: (port) => `Port loopback ${port}`,
  port: {
    free: 'Volný: přihlášení na něm může naslouchat.',
    'in-use-by-app': 'Právě ho používá přihlášení této aplikace.',
    taken:
      'Naslouchá na něm jiný program: přihlášení, které se vrací přes něj, nelze přijmout. Zavřete ten program, nebo požádejte správce o jiný port.',
  },
  portalTitle: (id) => `Cesta zpět pro ${id}`,
  route: (p) =>
    p.route === 'loopback'
      ? `Zpět do aplikace přes adresu loopback ${p.returnAddress}.`
      : `Zpět do aplikace přes odkaz aplikace ${p.returnAddress}.`,
  doubtful:
    ' Odkaz aplikace nemusí aplikaci dosáhnout a portál nemá zaregistrovanou adresu loopback: pokud se prohlížeč nevrátí, vložte adresu.',
  busy: (port) =>
    ` Port loopback ${port ?? ''} drží jiný program, proto se použije odkaz aplikace.`,
};

const APP_LINK_STATUS = {
  registered: 'ok',
  'not-registered': 'fail',
  claimed: 'fail',
  unavailable: 'info',
  unknown: 'skip',
} as const;

/** The way back's findings for the report, in its language. */
export function wayBackFindings(status: WayBackStatus, language: ReportLanguage): WayBackFinding[] {
  const words = language === 'cs' ? cs : en;
  const link = status.appLink;
  const findings: WayBackFinding[] = [
    {
      id: 'app-link',
      status: APP_LINK_STATUS[link.status],
      title: words.appLinkTitle(link.scheme),
      detail: words.appLink[link.status](link.holder) + (link.repaired ? words.repaired : ''),
      ...(link.status === 'registered' ? {} : { code: link.status.replace('-', '_') }),
      facts: {
        status: link.status,
        launch: link.launch,
        holder: link.holder,
        repaired: link.repaired,
        detail: link.detail,
      },
    },
  ];
  if (link.elevated !== null) {
    findings.push({
      id: 'elevated',
      status: link.elevated ? 'warn' : 'ok',
      title: words.elevatedTitle,
      detail: link.elevated ? words.elevated : words.notElevated,
      ...(link.elevated ? { code: 'elevated' } : {}),
    });
  }
  for (const port of status.loopbackPorts) {
    findings.push({
      id: `loopback-port.${port.port}`,
      status: port.state === 'taken' ? 'fail' : 'ok',
      title: words.portTitle(port.port),
      detail: words.port[port.state],
      ...(port.state === 'taken' ? { code: 'port_taken' } : {}),
      facts: { port: port.port, state: port.state },
    });
  }
  for (const portal of status.portals) {
    const warn = portal.appLinkDoubtful || portal.loopbackBusy;
    findings.push({
      id: `portal.${portal.providerId}`,
      status: warn ? 'warn' : 'ok',
      title: words.portalTitle(portal.providerId),
      detail:
        words.route(portal) +
        (portal.loopbackBusy ? words.busy(portal.loopbackPort) : '') +
        (portal.appLinkDoubtful ? words.doubtful : ''),
      ...(warn ? { code: portal.loopbackBusy ? 'loopback_busy' : 'app_link_doubtful' } : {}),
      facts: {
        route: portal.route,
        reason: portal.reason,
        registeredAppLink: portal.registered.appLink,
        registeredLoopback: portal.registered.loopback,
        loopbackPort: portal.loopbackPort,
      },
    });
  }
  return findings;
}
