// The way back as a service: checks (and repairs) the app link through the
// host's port at start and before each browser sign-in, sees which loopback
// ports can be had, and answers the route each portal's sign-in takes
// (main/auth/way-back.ts decides). Its state is plain data for the window and
// the diagnosis report; every change is told once.
import type { AppLinkPort } from '../app-services';
import { chooseWayBack, registeredRedirects } from '../auth/way-back';
import { AuthError } from '../auth/auth-error';
import type { Clock } from '../common/clock';
import type { Disposable } from '../common/lifecycle';
import type { Log } from '../common/log';
import type {
  AppLinkCheck,
  LoopbackPortState,
  PortalWayBack,
  WayBackStatus,
} from '../common/way-back';
import { APP_SCHEME } from '../auth/redirect-uri';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';

export interface WayBackServiceOptions {
  /** Absent: the app link is taken as it is (`unknown`). */
  readonly appLink?: AppLinkPort;
  readonly providers: () => readonly ProviderConfig[];
  /** Whether a loopback port can be listened on now. */
  readonly isPortFree: (port: number) => Promise<boolean>;
  /** The loopback ports a sign-in of this app listens on now. */
  readonly portsInUse: () => readonly number[];
  readonly log: Log;
  /** For the time a sign-in waits for a check (CHECK_WAIT_MS). */
  readonly clock: Pick<Clock, 'setTimer'>;
  /** Told on every change of the status (way-back-changed). */
  readonly onChange: (status: WayBackStatus) => void;
}

export interface WayBackService extends Disposable {
  /** The state as last checked; the portals' routes as of now. */
  status(): WayBackStatus;
  /** Checks (and repairs) the app link and the loopback ports; one check at a time. */
  check(): Promise<WayBackStatus>;
  /** Checks, then answers the route of `providerId`'s sign-in. */
  routeFor(providerId: ProviderId): Promise<PortalWayBack>;
  /** The portals changed: their routes may have too. */
  providersChanged(): void;
}

/**
 * How long a sign-in waits for the check before it goes on with what was
 * known: a system tool that hangs (each has its own 5 s limit) must not hold
 * the browser back. The check goes on and its outcome is told when it comes.
 */
export const CHECK_WAIT_MS = 3_000;

const NOT_CHECKED: AppLinkCheck = {
  scheme: APP_SCHEME,
  status: 'unknown',
  launch: null,
  holder: null,
  repaired: false,
  elevated: null,
  detail: null,
  checkedAt: null,
};

export function createWayBackService(options: WayBackServiceOptions): WayBackService {
  let appLink = NOT_CHECKED;
  let ports: readonly LoopbackPortState[] = [];
  let running: Promise<WayBackStatus> | undefined;
  let told = '';
  let disposed = false;

  const portState = (port: number) => ports.find((p) => p.port === port)?.state ?? null;
  const status = (): WayBackStatus => ({
    appLink,
    loopbackPorts: ports,
    portals: options.providers().map((p) => chooseWayBack(p, appLink, portState(p.loopbackPort))),
  });
  const tell = (): WayBackStatus => {
    const now = status();
    // The same state again (a check that found nothing new) is not news.
    const key = JSON.stringify({ ...now, appLink: { ...now.appLink, checkedAt: null } });
    if (key !== told && !disposed) {
      told = key;
      options.onChange(now);
    }
    return now;
  };

  const checkPorts = async (): Promise<LoopbackPortState[]> => {
    const wanted = new Set<number>();
    for (const p of options.providers())
      if (registeredRedirects(p).loopback) wanted.add(p.loopbackPort);
    const ours = new Set(options.portsInUse());
    return Promise.all(
      [...wanted]
        .sort((a, b) => a - b)
        .map(async (port): Promise<LoopbackPortState> => ({
          port,
          state: ours.has(port)
            ? 'in-use-by-app'
            : (await options.isPortFree(port))
              ? 'free'
              : 'taken',
        })),
    );
  };

  const runCheck = async (): Promise<WayBackStatus> => {
    let checked: AppLinkCheck;
    let portStates: LoopbackPortState[];
    try {
      [checked, portStates] = await Promise.all([
        options.appLink ? options.appLink.check() : Promise.resolve(NOT_CHECKED),
        checkPorts(),
      ]);
    } catch (error) {
      // The port promises never to throw; if it does, what was known stays.
      options.log.warn('way-back.check-failed', {
        error: error instanceof Error ? error.name : typeof error,
      });
      return tell();
    }
    appLink = checked;
    ports = portStates;
    options.log.info('way-back.checked', {
      status: checked.status,
      launch: checked.launch,
      repaired: checked.repaired,
      elevated: checked.elevated,
      holder: checked.holder,
      detail: checked.detail,
      portsTaken: portStates.filter((p) => p.state === 'taken').length,
    });
    return tell();
  };

  const check = (): Promise<WayBackStatus> => {
    running ??= runCheck().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    status,
    check,
    async routeFor(providerId) {
      const checked = await new Promise<WayBackStatus>((resolve) => {
        const timer = options.clock.setTimer(CHECK_WAIT_MS, () => resolve(status()));
        void check().then((done) => {
          timer.dispose();
          resolve(done);
        });
      });
      const way = checked.portals.find((p) => p.providerId === providerId);
      if (way) return way;
      // A portal added while the check ran: its route from the same facts.
      const provider = options.providers().find((p) => p.id === providerId);
      if (!provider) throw new AuthError('unknown_provider');
      return chooseWayBack(provider, appLink, portState(provider.loopbackPort));
    },
    providersChanged: () => void tell(),
    dispose() {
      disposed = true;
    },
  };
}
