// macOS's way in for a sign-in link (main/electron/deep-links.ts) under the
// typed double of Electron. docs/api/app.md (Event: 'open-url', main at 45
// nightly): the listener gets (event, url), must call event.preventDefault()
// to handle the URL itself, and must be added early: "If you register the
// listener in response to a `ready` event, you'll miss URLs that trigger the
// launch of your application." So the link that launched the app arrives
// before `ready` and waits in the inbox until the services attach.
import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkInbox } from '../../../main/desktop/deep-link-inbox';
import { listenForDeepLinks } from '../../../main/electron/deep-links';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();

describe("a link from macOS's 'open-url'", () => {
  it('is taken before ready, handled (preventDefault), and delivered once the services attach', async () => {
    expect(double.app.isReady()).toBe(false);
    const inbox = createDeepLinkInbox(() => undefined);
    const reveal = vi.fn();
    const refused = vi.fn();
    listenForDeepLinks(inbox, { reveal, refused });

    const link = 'cz.netrex.connect://callback/x?state=s';
    const event = { preventDefault: vi.fn() };
    double.app.emit('open-url', event, link);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(reveal).toHaveBeenCalledTimes(1);
    expect(inbox.pending).toBe(1);

    double.app.emitReady();
    const delivered: string[] = [];
    await inbox.attach(async (url) => void delivered.push(url));
    expect(delivered).toEqual([link]);
    expect(refused).not.toHaveBeenCalled();
  });

  it('a URL of another scheme is not ours: no window, nothing queued', () => {
    const inbox = createDeepLinkInbox(() => undefined);
    const reveal = vi.fn();
    listenForDeepLinks(inbox, { reveal, refused: vi.fn() });
    double.app.emit('open-url', { preventDefault: vi.fn() }, 'https://example.invalid/');
    expect(reveal).not.toHaveBeenCalled();
    expect(inbox.pending).toBe(0);
  });
});
