// A second start handed to the running copy (main/electron/deep-links.ts)
// under a typed double of Electron. 'second-instance' carries the second
// copy's argv (docs/api/app.md, Event: 'second-instance';
// shell/browser/api/electron_api_app.cc, App::OnSecondInstance). An ordinary
// second start or a sign-in link brings the window forward; `netrex
// --diagnose` typed in a terminal asks only for the report (diagnose.ts),
// which is told in a notification, and leaves the window where it was.
import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkInbox } from '../../../main/desktop/deep-link-inbox';
import { listenForDeepLinks } from '../../../main/electron/deep-links';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();

describe("a second start, in the running copy's 'second-instance'", () => {
  it('brings the window forward for a start or a link, not for --diagnose', () => {
    const reveal = vi.fn();
    const refused = vi.fn();
    listenForDeepLinks(
      createDeepLinkInbox(() => undefined),
      { reveal, refused },
    );
    const secondStart = (argv: string[]) =>
      double.app.emit('second-instance', { preventDefault() {} }, argv, '/', null);

    secondStart(['/opt/Netrex Connect/netrex-connect', '--diagnose']);
    expect(reveal).not.toHaveBeenCalled();
    secondStart(['/opt/Netrex Connect/netrex-connect']);
    expect(reveal).toHaveBeenCalledTimes(1);
    secondStart(['/opt/Netrex Connect/netrex-connect', 'cz.netrex.connect://callback/x?state=s']);
    expect(reveal).toHaveBeenCalledTimes(2);
    expect(refused).not.toHaveBeenCalled();
  });
});
