// Check and repair of the app link: does `cz.netrex.connect:` start this very
// executable? If not, register it again and look once more. The OS facts
// arrive through `AppLinkSystem` (Electron's calls, xdg-mime, the registry),
// which the Electron adapter (main/electron/app-link.ts) builds; the rules
// here are tested in Node over doubles that answer as Electron's sources say.
import type { AppLinkCheck, AppLinkStatus } from '../common/way-back';
import { appLinkUnavailable, type AppLaunch } from './app-launch';
import type { LinuxUrlHandler } from './linux-url-handler-install';
import { linuxVerdict } from './linux-url-handler';
import { programOfWindowsCommand } from './windows-protocol-command';

export interface AppLinkSystem {
  readonly platform: NodeJS.Platform;
  readonly scheme: string;
  readonly launch: AppLaunch;
  /** app.isDefaultProtocolClient for this launch (Windows: with its program and arguments). */
  isDefault(): boolean;
  /** app.setAsDefaultProtocolClient for this launch. */
  setDefault(): boolean;
  /** app.getApplicationNameForProtocol('<scheme>://'): '' when nothing handles it. */
  handlerName(): string;
  /** Linux: the app's desktop id and the entries and xdg-mime behind it. */
  readonly linux?: { readonly desktopId: string; readonly handler: LinuxUrlHandler };
  /** Windows: the command string registered for the scheme (HKCU), null when none or unreadable. */
  readWindowsCommand?(): Promise<string | null>;
  /** Windows: whether this process runs elevated; null when it cannot tell. */
  elevated?(): Promise<boolean | null>;
  now(): number;
}

interface Probe {
  readonly status: Extract<AppLinkStatus, 'registered' | 'not-registered' | 'claimed'>;
  readonly holder: string | null;
}

/**
 * Checks the app link and, unless told not to, repairs it. Never throws: a
 * tool that fails becomes `detail`, and a check that cannot run at all is
 * `unknown`.
 */
export async function checkAppLink(
  system: AppLinkSystem,
  options: { readonly repair?: boolean } = {},
): Promise<AppLinkCheck> {
  const repair = options.repair ?? true;
  const base = {
    scheme: system.scheme,
    launch: system.launch.kind,
    elevated: null as boolean | null,
  };
  const unavailable = appLinkUnavailable(system.platform, system.launch);
  if (unavailable) {
    return {
      ...base,
      status: 'unavailable',
      holder: null,
      repaired: false,
      detail:
        unavailable === 'development'
          ? 'app links reach only a packaged app on this system (development run)'
          : `app links are not supported on ${system.platform}`,
      checkedAt: system.now(),
    };
  }
  try {
    const elevated = system.elevated ? await system.elevated() : null;
    const probe = probeFor(system);
    let found = await probe.check();
    let repaired = false;
    let detail: string | null = probe.detail();
    if (found.status !== 'registered' && repair) {
      const failures = await probe.repair();
      repaired = true;
      found = await probe.check();
      detail = failures.length > 0 ? failures.join('; ') : probe.detail();
    }
    return { ...base, elevated, ...found, repaired, detail, checkedAt: system.now() };
  } catch (error) {
    // An OS call that throws (it should not) leaves the state unknown, said plainly.
    return {
      ...base,
      status: 'unknown',
      holder: null,
      repaired: false,
      detail: `the check failed (${error instanceof Error ? error.name : typeof error})`,
      checkedAt: system.now(),
    };
  }
}

interface Prober {
  check(): Promise<Probe>;
  /** Registers again; answers what failed, in words. */
  repair(): Promise<string[]>;
  /** Anything worth saying about how the check was made. */
  detail(): string | null;
}

function probeFor(system: AppLinkSystem): Prober {
  if (system.platform === 'linux' && system.linux) return linuxProber(system, system.linux);
  if (system.platform === 'win32') return windowsProber(system);
  return electronProber(system);
}

/** macOS (and Linux without xdg-mime): Electron's own answer, the holder's name from the OS. */
function electronProber(system: AppLinkSystem): Prober {
  return {
    async check() {
      if (system.isDefault()) return { status: 'registered', holder: null };
      const holder = system.handlerName().trim();
      return holder ? { status: 'claimed', holder } : { status: 'not-registered', holder: null };
    },
    async repair() {
      return system.setDefault() ? [] : ['setAsDefaultProtocolClient answered false'];
    },
    detail: () => null,
  };
}

/**
 * Windows: Electron's answer compares the HKCU command with this launch's
 * exactly; when it differs, the registry's command names the program that
 * holds the scheme (else the OS's name for the handler, which also sees HKLM).
 */
function windowsProber(system: AppLinkSystem): Prober {
  return {
    async check() {
      if (system.isDefault()) return { status: 'registered', holder: null };
      const command = system.readWindowsCommand ? await system.readWindowsCommand() : null;
      // Another program, or this one with other arguments (another development folder).
      const program = command ? programOfWindowsCommand(command) : null;
      if (program) return { status: 'claimed', holder: program };
      const name = system.handlerName().trim();
      return name
        ? { status: 'claimed', holder: name }
        : { status: 'not-registered', holder: null };
    },
    async repair() {
      return system.setDefault() ? [] : ['setAsDefaultProtocolClient answered false'];
    },
    detail: () => null,
  };
}

/** Linux: xdg-mime's default and the entry it names; Electron's (GIO) answer only without xdg-mime. */
function linuxProber(system: AppLinkSystem, linux: NonNullable<AppLinkSystem['linux']>): Prober {
  let withoutXdgMime = false;
  const fallback = electronProber(system);
  return {
    async check() {
      const state = await linux.handler.inspect();
      withoutXdgMime = state === null;
      if (!state) return fallback.check();
      return linuxVerdict(state, linux.desktopId, system.launch.program);
    },
    async repair() {
      if (withoutXdgMime) return ['xdg-mime is not installed (package xdg-utils)'];
      const outcome = await linux.handler.repair(system.launch.program, system.launch.args);
      return [...outcome.failures];
    },
    detail: () => (withoutXdgMime ? 'xdg-mime is not installed: Electron answered' : null),
  };
}
