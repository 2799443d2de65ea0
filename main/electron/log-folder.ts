// The app's log file in the OS's usual place for an app's logs, and "Show
// logs". Electron main at 45 nightly, shell/common/electron_paths.cc
// (DIR_APP_LOGS): app.getPath('logs') is ~/Library/Logs/<app name> on macOS
// and <userData>/logs elsewhere (so ~/.config/Netrex Connect/logs on Linux,
// %APPDATA%\Netrex Connect\logs on Windows), and the folder is created when
// it is missing; shell/browser/api/electron_api_app.cc (App::SetAppLogsPath,
// GetDefaultAppLogPath) agrees. It may be asked before `ready`: the path
// provider is registered at start-up (shell/app/electron_main_delegate.cc),
// and App::RequestSingleInstanceLock reads DIR_USER_DATA before `ready` as
// well. docs/api/shell.md: shell.openPath resolves
// with an error message on failure and "" on success (it never rejects for that).
import { app, shell } from 'electron';
import { openLogFile, type LogFile } from '../support/log-file';

/** Opens main.log in the logs folder. Call after any change of userData (its parent elsewhere than macOS). */
export function openAppLogFile(): LogFile {
  return openLogFile({ folder: app.getPath('logs') });
}

/** "Show logs": the folder in the file manager; rejects with the OS's reason when it cannot. */
export async function showFolder(folder: string): Promise<void> {
  const failure = await shell.openPath(folder);
  if (failure) throw new Error(failure);
}
