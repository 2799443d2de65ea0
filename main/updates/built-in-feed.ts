// The update server a build carries: electron-builder writes the `publish`
// entry of electron-builder.yml into resources/app-update.yml
// (app-builder-lib/out/publish/PublishManager.js, onAfterPack), and
// electron-updater reads it for its cache folder (updaterCacheDirName) before
// any download. This project's entry points at updates.invalid (RFC 2606:
// never resolves), so the file exists and names no server; a build for one
// organisation may name its own, used when no policy names one.

/** The `url:` of an app-update.yml (electron-builder's serializeToYaml), unless it is a placeholder. */
export function builtInUpdateFeed(appUpdateYml: string | null): string | null {
  if (!appUpdateYml) return null;
  const url = /^url:\s*['"]?(https:\/\/[^'"\s]+)['"]?\s*$/m.exec(appUpdateYml)?.[1];
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host === 'invalid' || host.endsWith('.invalid') ? null : url;
  } catch {
    return null;
  }
}
