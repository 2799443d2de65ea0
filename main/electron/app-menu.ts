// The app's own menu (app-menu.ts decides what is in it) mapped onto
// Electron's Menu, set as the application menu and built again in the new
// language when the operator changes it. Replaces Electron's default menu,
// which has Toggle Developer Tools (lib/browser/default-menu.ts).
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { AppServices } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import {
  APP_DOCUMENTATION_URL,
  appMenuModel,
  type AppMenuAction,
  type AppMenuItem,
} from '../desktop/app-menu';
import type { EdgeWords } from '../desktop/edge-words';

export interface AppMenuActions {
  openDocumentation(): void;
  /** Opens the log's folder; without it the menu has no "Show logs" (the log's owner adds it). */
  readonly showLogs?: () => void;
}

function toTemplate(
  items: readonly AppMenuItem[],
  run: (action: AppMenuAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'role':
        return { role: item.role, label: item.label };
      case 'action':
        return { label: item.label, click: () => run(item.action) };
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return {
          label: item.label,
          ...(item.role ? { role: item.role } : {}),
          submenu: toTemplate(item.items, run),
        };
    }
  });
}

export function installAppMenu(
  services: Pick<AppServices, 'onLanguageSettingChanged'>,
  words: () => EdgeWords,
  actions: AppMenuActions,
): Disposable {
  const run = (action: AppMenuAction): void => {
    if (action === 'open-documentation') actions.openDocumentation();
    else actions.showLogs?.();
  };
  const build = (): void => {
    const said = words();
    app.setAboutPanelOptions({
      applicationName: said.appName,
      applicationVersion: app.getVersion(),
      website: APP_DOCUMENTATION_URL,
    });
    const facts = {
      platform: process.platform,
      packaged: app.isPackaged,
      showLogs: actions.showLogs !== undefined,
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(appMenuModel(facts, said), run)));
  };
  build();
  const onLanguage = services.onLanguageSettingChanged(build);
  return toDisposable(() => onLanguage.dispose());
}
