// The fetch port of the services: Electron's network stack (the OS proxy
// settings and certificate store) through net.request, in a session of its own
// kept in memory, so no cookie a portal sets on the token endpoint lands in
// the window's session or on disk. Not net.fetch: it turns every 3xx asked
// for with `redirect: 'manual'` into a rejection (net-answer.ts says why and
// what is done instead).
import { net, session } from 'electron';
import { fetchOverNetRequest } from '../desktop/net-answer';

/** Not `persist:`-prefixed: an in-memory session for the main process's own HTTP. */
const HTTP_PARTITION = 'netrex-main-http';

/** The services' own session; the same one each call (fromPartition keeps it per name). After `ready`. */
export function portalSession(): Electron.Session {
  return session.fromPartition(HTTP_PARTITION, { cache: false });
}

/** After `ready` (session and net need it). */
export function createPortalFetch(): typeof fetch {
  const http = portalSession();
  return (input, init) =>
    fetchOverNetRequest((options) => net.request({ ...options, session: http }), input, init);
}

/** The proxy Chromium chooses for a portal's address, in the session the services' requests use. */
export function resolvePortalProxy(url: string): Promise<string> {
  return portalSession().resolveProxy(url);
}
