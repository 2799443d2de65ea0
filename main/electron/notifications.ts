// System notifications about accounts: the decision is account-alerts.ts
// (pure, clock and words passed in); this shows what it decides with
// Electron's Notification, in the app's language as it is when it shows it,
// and wakes up when a pending "offline for five minutes" is due.
import { Notification } from 'electron';
import type { AppServices } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import {
  decideAccountAlerts,
  EMPTY_ALERT_MEMORY,
  type AlertMemory,
} from '../desktop/account-alerts';
import type { EdgeWords } from '../desktop/edge-words';

export function watchAccountAlerts(
  services: Pick<AppServices, 'accounts' | 'events'>,
  onClick: () => void,
  words: () => EdgeWords,
  now: () => number = Date.now,
): Disposable {
  let memory: AlertMemory = EMPTY_ALERT_MEMORY;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  // Held until closed: a collected Notification no longer reports its click.
  const shown = new Set<Notification>();

  const check = (): void => {
    if (disposed) return;
    const decision = decideAccountAlerts(memory, services.accounts(), now(), words());
    memory = decision.memory;
    if (Notification.isSupported()) {
      for (const alert of decision.alerts) {
        const notification = new Notification({ title: alert.title, body: alert.body });
        notification.on('click', onClick);
        notification.on('close', () => shown.delete(notification));
        shown.add(notification);
        notification.show();
      }
    }
    clearTimeout(timer);
    timer =
      decision.wakeAt === null
        ? undefined
        : setTimeout(check, Math.max(0, decision.wakeAt - now()));
  };

  check();
  const subscription = services.events.on('accounts-changed', check);
  return toDisposable(async () => {
    disposed = true;
    clearTimeout(timer);
    shown.clear();
    await subscription.dispose();
  });
}
