// A throwaway HTTP server on 127.0.0.1 and a random free port, for tests.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Disposable } from '../../main/common/lifecycle';

export interface LoopbackServer extends Disposable {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

export async function listenOnLoopback(
  handler: RequestListener,
  port = 0,
): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    close,
    dispose: close,
  };
}

/**
 * A port that was free a moment ago, for a server the code under test opens
 * itself (a loopback redirect, a second portal). Another process could take it
 * in between; on a test machine that has not been seen.
 */
export async function freePort(): Promise<number> {
  const probe = await listenOnLoopback(() => undefined);
  await probe.close();
  return probe.port;
}
