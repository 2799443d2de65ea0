// `--diagnose` at the edge (main/electron/diagnose.ts) under a typed double of
// Electron. The diagnose run ends with app.exit, and app.exit emits neither
// 'before-quit' nor 'will-quit' (docs/api/app.md, app.exit; Browser::Exit in
// shell/browser/browser.cc skips them): the shell's will-quit handler, which
// disposes the services, never runs. A refresh the report's checks set off
// (an overdue token is refreshed at start) may still be writing the vault then.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnoseAndExit } from '../../../main/electron/diagnose';
import { reportPaths } from '../../../main/support/diagnosis/report-files';
import { electronDouble } from '../../support/electron-double/mocked';
import { startServicesRig, type ServicesRig } from '../../support/services-rig';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();
let rig: ServicesRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('--diagnose at the edge', () => {
  it('disposes the services (their writes finished) before app.exit, which skips will-quit', async () => {
    rig = await startServicesRig();
    const order: string[] = [];
    const services = rig.services;
    const watched = {
      ...services,
      dispose: async () => {
        order.push('dispose:start');
        await services.dispose();
        order.push('dispose:done');
      },
    };
    const exitsBefore = double.app.calls.filter((c) => c.name === 'exit').length;
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const onExit = double.app.exit.bind(double.app);
      const exit = vi.spyOn(double.app, 'exit').mockImplementation((code?: number) => {
        order.push(`exit:${code ?? 0}`);
        onExit(code);
      });
      await diagnoseAndExit(watched, reportPaths(join(rig.dir.path, 'logs'), rig.clock.now()));
      exit.mockRestore();
    } finally {
      write.mockRestore();
    }
    expect(order).toEqual(['dispose:start', 'dispose:done', 'exit:0']);
    expect(double.app.calls.filter((c) => c.name === 'exit')).toHaveLength(exitsBefore + 1);
  });
});
