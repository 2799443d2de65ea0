// Static: the shell tells the services when the computer wakes up, so an
// overdue refresh runs at once (AppServices.resume), and stops listening on quit.
import { describe, expect, it } from 'vitest';
import { read } from '../../support/static-checks';

const shell = read('main/electron/app-shell.ts');

describe("static: powerMonitor 'resume'", () => {
  it('calls services.resume() from a resume listener', () => {
    const listener = /const (\w+) = \(\): void => (\w+)\.resume\(\);/.exec(shell);
    expect(listener, 'a resume listener that calls <services>.resume()').not.toBeNull();
    const [, name, services] = listener!;
    expect(shell).toContain(`powerMonitor.on('resume', ${name})`);
    // The listener's services are the ready ones the bridge is registered with.
    expect(shell).toMatch(new RegExp(`registerBridge\\(${services},`));
  });

  it('removes the listener with the other disposables', () => {
    expect(shell).toMatch(
      /disposables\.add\(toDisposable\(\(\) => void powerMonitor\.off\('resume', \w+\)\)\)/,
    );
  });
});
