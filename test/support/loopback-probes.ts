// The diagnosis's network probes for tests, held to loopback: the real Node
// probes (main/support/diagnosis/node-probes.ts) behind a guard that answers
// any other host the way a resolver answers a name it does not know
// (ENOTFOUND), so a report made in a test never sends a DNS query or a
// packet off this machine: the built-in portals (system2.netrex.cz,
// cloud.camstreamer.com) show as "name not found" there.
import { isIP } from 'node:net';
import { createNodeProbes, type NodeProbeOptions } from '../../main/support/diagnosis/node-probes';
import type { NetworkProbes } from '../../main/support/diagnosis/probes';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

function notFound(host: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (tests stay on loopback)`), {
    code: 'ENOTFOUND',
  });
}

export function loopbackProbes(options: NodeProbeOptions): NetworkProbes {
  const guardedFetch: NodeProbeOptions['fetch'] = async (url, init) => {
    const host = new URL(url).hostname;
    if (!isLoopbackHost(host)) throw new TypeError('fetch failed', { cause: notFound(host) });
    return options.fetch(url, init);
  };
  const probes = createNodeProbes({
    ...options,
    fetch: guardedFetch,
    resolve: async (host) => {
      if (!isLoopbackHost(host)) throw notFound(host);
      return host === 'localhost' ? ['127.0.0.1'] : [host.replace(/^\[|\]$/g, '')];
    },
  });
  const guard =
    <A extends unknown[], T>(run: (host: string, ...rest: A) => Promise<T>) =>
    (host: string, ...rest: A): Promise<T> =>
      isLoopbackHost(host) ? run(host, ...rest) : Promise.reject(notFound(host));
  return {
    ...probes,
    lookup: guard(probes.lookup),
    connect: guard(probes.connect),
    handshake: guard(probes.handshake),
  };
}
