// `--diagnose` at the edge (the rules are main/desktop/diagnose-argv.ts and
// main/support/diagnosis/diagnose-command.ts). The first copy runs the report
// once its services are up, prints where it went and exits; a copy already
// running takes a second copy's request through 'second-instance' (Electron
// docs/api/app.md: the event's fourth argument is the additionalData the
// second copy gave requestSingleInstanceLock) and tells the operator.
import { app } from 'electron';
import type { AppServices } from '../app-services';
import { toDisposable, type Disposable } from '../common/lifecycle';
import { acceptDiagnoseRequest } from '../desktop/diagnose-argv';
import { runDiagnoseCommand } from '../support/diagnosis/diagnose-command';
import type { ReportPaths } from '../support/diagnosis/report-files';

/**
 * Runs the report, prints the outcome and exits the app with the command's
 * code. The services are disposed first: app.exit emits neither 'before-quit'
 * nor 'will-quit' (docs/api/app.md; Browser::ExitWithCode,
 * shell/browser/browser.cc), so the shell's will-quit handler, which waits for
 * the vault's writes (a refresh the run set off), never runs on this path.
 */
export async function diagnoseAndExit(services: AppServices, paths: ReportPaths): Promise<void> {
  const outcome = await runDiagnoseCommand(() => services.diagnose(), paths);
  (outcome.exitCode === 0 ? process.stdout : process.stderr).write(`${outcome.message}\n`);
  try {
    await services.dispose();
  } catch {
    // The report is written and said; the exit code stays the report's.
  }
  app.exit(outcome.exitCode);
}

/** A running copy writes the report a second copy asked for, and says so with `tell`. */
export function listenForDiagnoseRequests(
  services: AppServices,
  folder: string,
  tell: (message: string) => void,
): Disposable {
  const onSecondInstance = (_event: unknown, _argv: string[], _cwd: string, data: unknown) => {
    const paths = acceptDiagnoseRequest(data, folder);
    if (!paths) return;
    void runDiagnoseCommand(() => services.diagnose(), paths).then((outcome) =>
      tell(outcome.message),
    );
  };
  app.on('second-instance', onSecondInstance);
  return toDisposable(() => void app.off('second-instance', onSecondInstance));
}
