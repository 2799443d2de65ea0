// Saving the diagnosis report: the native save dialog chooses where (the page
// never names a path), the chosen name's ending chooses text or JSON.
// Electron docs/api/dialog.md, dialog.showSaveDialog([window, ]options):
// resolves { canceled, filePath } (filePath empty when canceled); `filters`
// offer the two formats, `defaultPath` may be a full file path.
import { app, dialog, type BrowserWindow } from 'electron';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPorts } from '../app-services';
import { formatOfPath } from '../support/diagnosis/report-files';

export function createSaveReportPort(
  window: () => BrowserWindow | null,
): NonNullable<AppPorts['saveReport']> {
  return async ({ suggestedName, content }) => {
    const options = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [
        { name: 'Text', extensions: ['txt'] },
        { name: 'JSON', extensions: ['json'] },
      ],
    };
    const parent = window();
    const chosen = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { saved: false };
    writeFileSync(chosen.filePath, content(formatOfPath(chosen.filePath)), { mode: 0o600 });
    return { saved: true, path: chosen.filePath };
  };
}
