import { describe, expect, it } from 'vitest';
import { routeArgv } from '../../../main/desktop/argv-routing';
import {
  createDeepLinkInbox,
  MAX_QUEUED_LINKS,
  takeRoute,
} from '../../../main/desktop/deep-link-inbox';

describe('deep-link inbox', () => {
  it('holds a cold-start link until the services attach, then delivers it', async () => {
    const errors: unknown[] = [];
    const inbox = createDeepLinkInbox((e) => errors.push(e));
    inbox.push('cz.netrex.connect:/oauth/callback/demo?code=1&state=a');
    expect(inbox.pending).toBe(1);
    const handled: string[] = [];
    await inbox.attach(async (url) => void handled.push(url));
    expect(handled).toEqual(['cz.netrex.connect:/oauth/callback/demo?code=1&state=a']);
    expect(inbox.pending).toBe(0);
    expect(errors).toEqual([]);
  });

  it('delivers queued links in order, one at a time, and later ones at once', async () => {
    const inbox = createDeepLinkInbox(() => {});
    inbox.push('a');
    inbox.push('b');
    const log: string[] = [];
    let active = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const attached = inbox.attach(async (url) => {
      active++;
      expect(active).toBe(1);
      log.push(`start ${url}`);
      if (url === 'a') await gate;
      // A link pushed while the queue drains waits its turn.
      if (url === 'a') expect(log).toEqual(['start a']);
      log.push(`end ${url}`);
      active--;
    });
    inbox.push('c');
    release();
    await attached;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    inbox.push('d');
    await Promise.resolve();
    expect(log.at(-2)).toBe('start d');
  });

  it('reports a handler that throws instead of swallowing it, and goes on', async () => {
    const errors: unknown[] = [];
    const inbox = createDeepLinkInbox((e) => errors.push(e));
    inbox.push('bad');
    inbox.push('good');
    const handled: string[] = [];
    await inbox.attach(async (url) => {
      if (url === 'bad') throw new TypeError('boom');
      handled.push(url);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(handled).toEqual(['good']);
  });

  it('keeps at most MAX_QUEUED_LINKS before attach, dropping the oldest', async () => {
    const inbox = createDeepLinkInbox(() => {});
    for (let i = 0; i < MAX_QUEUED_LINKS + 5; i++) inbox.push(`link-${i}`);
    expect(inbox.pending).toBe(MAX_QUEUED_LINKS);
    const handled: string[] = [];
    await inbox.attach(async (url) => void handled.push(url));
    expect(handled[0]).toBe('link-5');
    expect(handled.at(-1)).toBe(`link-${MAX_QUEUED_LINKS + 4}`);
  });

  it('takes a routed command line: the link into the inbox, a refusal to the operator, else nothing', () => {
    const pushed: string[] = [];
    const told: string[] = [];
    const inbox = { push: (url: string) => void pushed.push(url) };
    const link = 'cz.netrex.connect:/oauth/callback/demo?code=1&state=a';
    takeRoute(routeArgv(['/opt/netrex-connect', '--flag', link]), inbox, (m) =>
      told.push(m.message),
    );
    takeRoute(routeArgv(['/opt/netrex-connect']), inbox, (m) => told.push(m.message));
    takeRoute(routeArgv(['/opt/netrex-connect', link, link]), inbox, (m) => told.push(m.message));
    expect(pushed).toEqual([link]);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/2 sign-in links at once/);
  });
});
