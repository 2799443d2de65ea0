import { describe, expect, it } from 'vitest';
import { isAppSender } from '../../../main/desktop/sender-check';

const mainFrame = (url: string) => ({ url, parent: null });

describe('isAppSender', () => {
  it('accepts the main frame of the app page', () => {
    expect(isAppSender(mainFrame('app://renderer/index.html'))).toBe(true);
    expect(isAppSender(mainFrame('app://renderer/index.html#/settings'))).toBe(true);
  });

  it.each([
    ['a destroyed or navigated frame (null)', null],
    ['no frame at all', undefined],
    [
      'a sub-frame of the app page',
      { url: 'app://renderer/index.html', parent: mainFrame('app://renderer/index.html') },
    ],
    ['a portal page', mainFrame('https://system2.netrex.cz/oauth2/auth/')],
    ['the loopback stand-in', mainFrame('http://127.0.0.1:4010/')],
    ['file://', mainFrame('file:///opt/netrex/out/renderer/index.html')],
    ['another app:// host', mainFrame('app://evil/index.html')],
    ['a host that extends ours', mainFrame('app://renderer.evil/index.html')],
    ['about:blank', mainFrame('about:blank')],
    ['devtools', mainFrame('devtools://devtools/bundled/inspector.html')],
    ['an empty URL', mainFrame('')],
  ])('refuses %s', (_name, frame) => {
    expect(isAppSender(frame)).toBe(false);
  });
});
