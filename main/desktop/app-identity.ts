// Who the app is to Windows: the AppUserModelID that ties the taskbar button,
// notifications and the Start-menu shortcut together. Pure: the shell sets it.
//
// It must be the one the installer wrote: electron-builder 26.17's NSIS target
// passes `APP_ID: appInfo.id` (the config's appId; out/targets/nsis/NsisTarget.js)
// and its template stamps it on the shortcuts (templates/nsis/include/
// installer.nsh: `WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"`).
// Without it Electron settles on "electron.app.<name>" at first use
// (shell/common/application_info_win.cc, GetRawAppUserModelID), and the first
// notification rewrites the Start-menu shortcut of the product's name with
// that id (shell/browser/notifications/win/windows_toast_activator.cc,
// EnsureShortcut). So it is set first, before any window, tray or notification.

/** electron-builder.yml `appId` (a test holds the two together). */
export const APP_USER_MODEL_ID = 'cz.netrex.connect';

/** The id to set, where there is one to set: Windows only (Electron has the call there only). */
export function appUserModelIdFor(platform: NodeJS.Platform): string | null {
  return platform === 'win32' ? APP_USER_MODEL_ID : null;
}
