// The tray icon and its menu, rebuilt whenever the accounts or the app's
// language change. What it shows comes from tray-menu.ts and tray-icon.ts
// (pure), in the words `words()` gives (edge-words.ts); this only maps that
// plain data onto Electron's Tray, Menu and nativeImage.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AppServices } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import type { EdgeWords } from '../desktop/edge-words';
import { trayIconBitmap, trayStatus, type TrayStatus } from '../desktop/tray-icon';
import {
  trayMenuModel,
  trayTooltip,
  type TrayAction,
  type TrayMenuItem,
} from '../desktop/tray-menu';

export interface TrayActions {
  open(): void;
  signIn(providerId: string): void;
  quit(): void;
}

const ICON_SIZE = 32;

function icon(status: TrayStatus): Electron.NativeImage {
  // macOS draws menu-bar icons at 16 pt: the 32 px bitmap is its @2x.
  const scaleFactor = process.platform === 'darwin' ? 2 : 1;
  return nativeImage.createFromBitmap(trayIconBitmap(ICON_SIZE, status), {
    width: ICON_SIZE,
    height: ICON_SIZE,
    scaleFactor,
  });
}

function toTemplate(
  items: readonly TrayMenuItem[],
  run: (a: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, click: () => run(item.action) };
      case 'submenu':
        return { label: item.label, submenu: toTemplate(item.items, run) };
    }
  });
}

export function createAppTray(
  services: Pick<
    AppServices,
    'accounts' | 'events' | 'providers' | 'onLanguageSettingChanged' | 'storageStatus'
  >,
  actions: TrayActions,
  /** The words of the app's language as it is now. */
  words: () => EdgeWords,
): Disposable {
  const tray = new Tray(icon('none'));
  tray.setToolTip(words().appName);
  tray.on('click', () => actions.open());

  const run = (action: TrayAction): void => {
    if (action.kind === 'open') actions.open();
    else if (action.kind === 'sign-in') actions.signIn(action.providerId);
    else actions.quit();
  };

  // Not through the bridge handlers: those are the window's, and its page's
  // first call is what releases the notices held for it.
  const refresh = (): void => {
    if (tray.isDestroyed()) return;
    const accounts = services.accounts();
    const providers = services.providers();
    const said = words();
    const storage = { waitingForKeyring: Boolean(services.storageStatus().keyStoreWaiting) };
    tray.setImage(icon(trayStatus(accounts)));
    tray.setToolTip(trayTooltip(accounts, said, storage));
    tray.setContextMenu(
      Menu.buildFromTemplate(toTemplate(trayMenuModel(accounts, providers, said, storage), run)),
    );
  };

  refresh();
  // A finished sign-in may also have changed which portals are ready. (The
  // vault's status changing, the keyring opening, is an accounts change too.)
  const onAccounts = services.events.on('accounts-changed', refresh);
  const onSignIn = services.events.on('sign-in-changed', refresh);
  // The operator chose another language in the window.
  const onLanguage = services.onLanguageSettingChanged(refresh);
  return toDisposable(async () => {
    await onAccounts.dispose();
    await onSignIn.dispose();
    await onLanguage.dispose();
    tray.destroy();
  });
}
