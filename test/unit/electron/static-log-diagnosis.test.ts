// Static: the log and diagnosis adapters rely on these Electron facts (main at
// 45 nightly; each names its source), and use them as the rules say.
import { describe, expect, it } from 'vitest';
import { read } from '../../support/static-checks';

const logFolder = read('main/electron/log-folder.ts');
const dialog = read('main/electron/report-dialog.ts');
const diagnose = read('main/electron/diagnose.ts');
const shell = read('main/electron/app-shell.ts');

describe('static: the log and diagnosis adapters', () => {
  it("keeps the log in app.getPath('logs') (shell/common/electron_paths.cc, DIR_APP_LOGS)", () => {
    expect(logFolder).toContain("openLogFile({ folder: app.getPath('logs') })");
    expect(logFolder).toContain('shell/common/electron_paths.cc');
  });

  it('opens it only after this copy holds the single-instance lock: a second copy never writes it', () => {
    const lock = shell.indexOf('app.requestSingleInstanceLock(');
    const open = shell.indexOf('openAppLogFile()');
    expect(lock).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(lock);
    expect(shell.slice(lock, open)).toContain('app.quit();\n    return;');
  });

  it('treats shell.openPath\'s non-empty answer as the failure it is (docs/api/shell.md: "" on success)', () => {
    expect(logFolder).toMatch(
      /const failure = await shell\.openPath\(folder\);\s+if \(failure\) throw/,
    );
    expect(logFolder).toContain('docs/api/shell.md');
  });

  it('saves only where showSaveDialog answered, unless canceled (docs/api/dialog.md: { canceled, filePath })', () => {
    expect(dialog).toContain('if (chosen.canceled || !chosen.filePath) return { saved: false };');
    expect(dialog).toContain(
      'writeFileSync(chosen.filePath, content(formatOfPath(chosen.filePath))',
    );
    expect(dialog).toContain('docs/api/dialog.md');
    // The port takes no path from its caller (the page): only a suggested name.
    expect(dialog).toMatch(/async \(\{ suggestedName, content \}\)/);
  });

  it('hands --diagnose to a running copy through additionalData (docs/api/app.md), checked on arrival', () => {
    expect(shell).toMatch(
      /app\.requestSingleInstanceLock\(\s*diagnosePaths \? diagnoseRequestData\(diagnosePaths\) : undefined,?\s*\)/,
    );
    expect(diagnose).toContain(
      'const onSecondInstance = (_event: unknown, _argv: string[], _cwd: string, data: unknown) => {',
    );
    expect(diagnose).toContain('const paths = acceptDiagnoseRequest(data, folder);');
    expect(diagnose).toContain('docs/api/app.md');
    expect(diagnose).toMatch(/app\.off\('second-instance', onSecondInstance\)/);
  });

  it("asks the proxy of the services' own session (docs/api/session.md: ses.resolveProxy(url))", () => {
    expect(shell).toContain('resolveProxy: resolvePortalProxy,');
    const portalHttp = read('main/electron/portal-http.ts');
    expect(portalHttp).toMatch(/return portalSession\(\)\.resolveProxy\(url\)/);
    // The same session the fetch port sends through.
    expect(portalHttp).toMatch(/const http = portalSession\(\);\s+return \(input, init\) =>/);
    expect(portalHttp).toMatch(/session\.fromPartition\(HTTP_PARTITION, \{ cache: false \}\)/);
  });

  it('gives the services the log file, its folder for Show logs, and the runtime facts', () => {
    for (const port of [
      'log: appLog,',
      'logFile: appLog,',
      'openLogFolder: () => showFolder(appLog.folder),',
      'runtime: runtimeFacts(startedAtLogin(process.argv)),',
      'saveReport: createSaveReportPort(() => window),',
    ]) {
      expect(shell).toContain(port);
    }
  });
});
