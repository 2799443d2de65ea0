// The app link's registration, as a port for the services: Electron's
// protocol-client calls (app.isDefaultProtocolClient,
// setAsDefaultProtocolClient, getApplicationNameForProtocol) for this launch,
// plus what Electron cannot tell — on Linux the desktop entry xdg-mime
// resolves the scheme to, on Windows the registry's command and whether this
// copy runs elevated. The rules are main/desktop/app-link-check.ts.
//
// Which arguments Electron takes where (docs/api/app.md; browser_win.cc,
// browser_linux.cc, browser_mac.mm, main at 45 nightly): `path` and `args` are
// Windows only, compared exactly with the HKCU command; Linux and macOS
// ignore them. So development passes Electron's executable with the app
// folder (Windows), a packaged app passes nothing (process.execPath).
import { app } from 'electron';
import { homedir } from 'node:os';
import { win32 } from 'node:path';
import type { AppLinkPort } from '../app-services';
import { APP_SCHEME } from '../auth/redirect-uri';
import { appLaunchOf } from '../desktop/app-launch';
import { checkAppLink, type AppLinkSystem } from '../desktop/app-link-check';
import { createLinuxUrlHandler } from '../desktop/linux-url-handler-install';
import { commandRunner, hostEnvironment, type RunCommand } from '../desktop/os-command';
import { elevatedFromWhoamiGroups, WHOAMI_GROUPS_ARGS } from '../desktop/windows-elevation';
import { parseRegQueryValue, windowsCommandKey } from '../desktop/windows-protocol-command';

export interface AppLinkAdapterOptions {
  readonly platform?: NodeJS.Platform;
  readonly env?: NodeJS.ProcessEnv;
  readonly execPath?: string;
  readonly home?: string;
  /** Runs xdg-mime, reg and whoami; default: child_process with the browser's environment. */
  readonly run?: RunCommand;
  readonly now?: () => number;
}

export function createAppLinkPort(options: AppLinkAdapterOptions = {}): AppLinkPort {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const launch = appLaunchOf({
    platform,
    isPackaged: app.isPackaged,
    execPath: options.execPath ?? process.execPath,
    appPath: app.getAppPath(),
    env,
  });
  const run = options.run ?? commandRunner(hostEnvironment(env));
  // Nothing at all for a packaged app (not `undefined`s): Electron then takes process.execPath.
  const electronArgs = (
    launch.kind === 'development' ? [launch.program, [...launch.args]] : []
  ) as [path?: string, args?: string[]];
  const systemTool = (name: string) =>
    win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', name);

  const system: AppLinkSystem = {
    platform,
    scheme: APP_SCHEME,
    launch,
    isDefault: () => app.isDefaultProtocolClient(APP_SCHEME, ...electronArgs),
    setDefault: () => app.setAsDefaultProtocolClient(APP_SCHEME, ...electronArgs),
    // "accepts an entire URL, including :// at a minimum" (docs/api/app.md).
    handlerName: () => app.getApplicationNameForProtocol(`${APP_SCHEME}://`),
    now: options.now ?? Date.now,
    ...(platform === 'linux'
      ? {
          linux: {
            // Set by Electron from package.json's desktopName before the app's code runs
            // (lib/browser/init.ts, app.setDesktopName → CHROME_DESKTOP).
            desktopId: env.CHROME_DESKTOP || `${APP_SCHEME}.desktop`,
            handler: createLinuxUrlHandler({
              scheme: APP_SCHEME,
              desktopId: env.CHROME_DESKTOP || `${APP_SCHEME}.desktop`,
              name: app.getName(),
              env: hostEnvironment(env),
              home: options.home ?? homedir(),
              run,
            }),
          },
        }
      : {}),
    ...(platform === 'win32'
      ? {
          async readWindowsCommand() {
            const answer = await run(systemTool('reg.exe'), [
              'query',
              windowsCommandKey(APP_SCHEME),
              '/ve',
            ]);
            return answer === 'missing' || answer.code !== 0
              ? null
              : parseRegQueryValue(answer.stdout);
          },
          async elevated() {
            const answer = await run(systemTool('whoami.exe'), WHOAMI_GROUPS_ARGS);
            return answer === 'missing' || answer.code !== 0
              ? null
              : elevatedFromWhoamiGroups(answer.stdout);
          },
        }
      : {}),
  };
  return { check: () => checkAppLink(system) };
}
