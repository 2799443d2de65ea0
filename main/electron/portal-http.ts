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

/** After `ready` (session and net need it). */
export function createPortalFetch(): typeof fetch {
  const http = session.fromPartition(HTTP_PARTITION, { cache: false });
  return (input, init) =>
    fetchOverNetRequest((options) => net.request({ ...options, session: http }), input, init);
}
