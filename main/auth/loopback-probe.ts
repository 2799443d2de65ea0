// Whether a loopback port can be had right now: listens on 127.0.0.1:<port>
// exactly as the sign-in's listener would (exclusive), and lets go at once.
// For the way back and the diagnosis: a port another program holds turns the
// loopback route into one that would fail.
import { createServer } from 'node:net';

export function isLoopbackPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}
