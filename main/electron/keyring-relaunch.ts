// Restarts the app, quietly, to ask a keyring again that did not answer at
// start: Electron asks it once per run (keyring-relaunch.ts says why and
// when). This only watches the facts and calls app.relaunch and app.quit.
import { app, powerMonitor } from 'electron';
import type { AppServices } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import {
  decideKeyringRelaunch,
  keyringRelaunchOptions,
  keyringRelaunchesSoFar,
} from '../desktop/keyring-relaunch';
import { START_IN_TRAY_ARG } from './login-item';

export interface KeyringRelaunch extends Disposable {
  /** Looks again (the window closed; `resumed`: the computer woke up). */
  check(options?: { readonly resumed?: boolean }): void;
}

export function watchKeyringRelaunch(
  services: Pick<AppServices, 'storageStatus' | 'events'>,
  windowOpen: () => boolean,
  log: (message: string) => void,
): KeyringRelaunch {
  const relaunchesSoFar = keyringRelaunchesSoFar(process.argv);
  let timer: NodeJS.Timeout | undefined;
  let done = false;

  const check = ({ resumed = false } = {}): void => {
    if (done) return;
    clearTimeout(timer);
    const decision = decideKeyringRelaunch({
      waiting: services.storageStatus().keyStoreWaiting ?? null,
      windowOpen: windowOpen(),
      now: Date.now(),
      relaunchesSoFar,
      resumed,
    });
    if (decision.kind === 'later') {
      timer = setTimeout(() => check(), Math.max(0, decision.at - Date.now()));
      timer.unref();
    } else if (decision.kind === 'relaunch') {
      done = true;
      log(`keyring: restarting to ask it again (restart ${relaunchesSoFar + 1})`);
      app.relaunch(
        keyringRelaunchOptions(
          {
            argv: process.argv,
            platform: process.platform,
            isPackaged: app.isPackaged,
            execPath: process.execPath,
            appPath: app.getAppPath(),
            env: process.env,
          },
          relaunchesSoFar,
          START_IN_TRAY_ARG,
        ),
      );
      app.quit();
    }
  };

  // The vault's status changing (the keyring opened, a sign-in kept in memory) is an accounts change.
  const onAccounts = services.events.on('accounts-changed', () => check());
  // Woken up: the operator has probably unlocked the session, and the keyring with it.
  const onResume = (): void => check({ resumed: true });
  powerMonitor.on('resume', onResume);
  check();
  return {
    check,
    dispose: toDisposable(async () => {
      done = true;
      clearTimeout(timer);
      powerMonitor.off('resume', onResume);
      await onAccounts.dispose();
    }).dispose,
  };
}
