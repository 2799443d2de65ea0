// UpdaterPort over electron-updater's AppUpdater (electron-updater 6.8, read
// in node_modules/electron-updater/out/AppUpdater.js): the edge hands in
// the instance it made (`autoUpdater`), tests one made over a Node adapter.
// What this relies on from its source:
//   - autoDownload and autoInstallOnAppQuit default to true (constructor):
//     both are turned off here, first thing, so nothing downloads or installs
//     before the policy is known and nothing installs on quit, ever;
//   - setFeedURL({ provider: 'generic', url, channel }) makes a GenericProvider
//     that reads `${channel}${platform suffix}.yml` (providers/Provider.js
//     getCustomChannelName). Setting `updater.channel` instead would also set
//     allowDowngrade = true (its setter), so the channel goes in the options;
//   - checkForUpdates() answers null when the updater is inactive (not
//     packaged), else { isUpdateAvailable, updateInfo };
//   - downloadUpdate(token) verifies the file's sha512 from latest.yml
//     (builder-util-runtime DigestTransform: ERR_CHECKSUM_MISMATCH) and, on
//     Windows, the installer's publisher signature (NsisUpdater
//     verifyUpdateCodeSignature); neither is switched off here;
//   - quitAndInstall(isSilent, isForceRunAfter) quits and runs the installer.
import { CancellationToken, type AppUpdater, type ProgressInfo } from 'electron-updater';
import type { UpdaterPort } from './update-service';

export function electronUpdaterPort(updater: AppUpdater): UpdaterPort {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // Its own logger writes free text with feed addresses; the service logs structured events.
  updater.logger = null;
  let token: CancellationToken | null = null;
  return {
    configure(feed) {
      updater.setFeedURL({ provider: 'generic', url: feed.url, channel: feed.channel });
    },
    async check() {
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download(onProgress) {
      token = new CancellationToken();
      const progress = (info: ProgressInfo): void => onProgress(info.percent);
      updater.on('download-progress', progress);
      try {
        await updater.downloadUpdate(token);
      } finally {
        updater.off('download-progress', progress);
        token = null;
      }
    },
    install() {
      // Not silent (the installer shows its progress), and the app starts again after.
      updater.quitAndInstall(false, true);
    },
    cancel() {
      token?.cancel();
    },
  };
}
