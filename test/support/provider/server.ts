// The stand-in portal's HTTP server: routes each request to its endpoint,
// counts it, applies injected latency and faults, and writes the reply. It
// listens on 127.0.0.1 only, tracks every socket so that stop/close end at
// once (even with a request held open by a 'no-answer' fault), and can stop
// and listen again on the same port with its state kept.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Disposable } from '../../../main/common/lifecycle';
import {
  parseConfig,
  settingsOf,
  type EffectiveConfig,
  type ProviderSettings,
  type ProviderStandInConfig,
  type Right,
} from './config';
import { authorizeEndpoint } from './endpoints/authorize';
import { graphqlEndpoint } from './endpoints/graphql';
import { revokeEndpoint } from './endpoints/revoke';
import { FAULTS_PATH, standInFaultsEndpoint } from './endpoints/stand-in-faults';
import { peekGrantType, tokenEndpoint } from './endpoints/token';
import { FaultInjector } from './faults';
import {
  BodyTooLargeError,
  readBody,
  respond,
  type Endpoint,
  type Handler,
  type StandInRequest,
} from './http';
import { ProviderState, type Clock } from './state';
import { emptyStats, type ProviderStats } from './stats';

export interface StartProviderOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Milliseconds since the epoch, like Date.now (the default). */
  readonly clock?: Clock;
  /** Serve /__stand-in/faults (default true). */
  readonly faultsOverHttp?: boolean;
  /**
   * The portal's clock as its answers' Date header says it (epoch ms); default
   * Node's own header (the real time). A portal whose clock is off.
   */
  readonly dateHeader?: () => number;
}

export type Faults = Pick<FaultInjector, 'inject' | 'latency' | 'clear'>;

export interface ProviderStandIn extends Disposable {
  /** `http://127.0.0.1:PORT`, the portal's base URL. */
  readonly url: string;
  readonly port: number;
  /** The effective configuration (clients, users, initial switches). */
  readonly config: EffectiveConfig;
  /** The live switches, read on every request: change them at any time. */
  readonly settings: ProviderSettings;
  readonly faults: Faults;
  /** Request counters per endpoint, and per grant_type for the token endpoint. */
  readonly stats: ProviderStats;
  resetStats(): void;
  /** Every secret issued or configured (tokens, codes, secrets, passwords, received verifiers). */
  issued(): string[];
  /** Makes refresh tokens (of one user, or all) fail with invalid_grant. */
  invalidateRefreshTokens(username?: string): void;
  addApiToken(username: string, token: string, rights?: readonly Right[], expiresAt?: Date): void;
  /** Returns false when the token was unknown or already revoked. */
  revokeApiToken(token: string): boolean;
  /** Stops listening and drops every connection; state is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Which endpoint serves each path (a variant portal in front of this one routes the same way). */
export const ROUTES: Readonly<Record<string, Endpoint>> = {
  '/oauth2/auth': 'authorize',
  '/oauth2/auth/': 'authorize',
  '/oauth2/token': 'token',
  '/oauth2/revoke': 'revoke',
  '/api/graphql.php': 'graphql',
};

export async function startProvider(
  config: Partial<ProviderStandInConfig> = {},
  options: StartProviderOptions = {},
): Promise<ProviderStandIn> {
  const effective = parseConfig(config);
  const state = new ProviderState(effective, settingsOf(effective), options.clock ?? Date.now);
  const faults = new FaultInjector();
  const handlers: Record<Endpoint, Handler> = {
    authorize: authorizeEndpoint(state),
    token: tokenEndpoint(state),
    revoke: revokeEndpoint(state),
    graphql: graphqlEndpoint(state),
  };
  const faultsEndpoint =
    options.faultsOverHttp === false ? undefined : standInFaultsEndpoint(faults);

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.dateHeader) res.setHeader('date', new Date(options.dateHeader()).toUTCString());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const endpoint = ROUTES[url.pathname];
    const isFaults = faultsEndpoint !== undefined && url.pathname === FAULTS_PATH;
    if (!endpoint && !isFaults) {
      respond(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      respond(res, { status: 413, headers: { 'content-type': 'text/plain' }, body: 'Too large' });
      return;
    }
    const request: StandInRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    if (!endpoint) {
      respond(res, faultsEndpoint!(request));
      return;
    }

    const stats = state.stats;
    stats[endpoint].requests += 1;
    if (endpoint === 'token') {
      const grantType = peekGrantType(request);
      if (grantType === 'authorization_code' || grantType === 'refresh_token') {
        stats.token[grantType] += 1;
      } else stats.token.other_grant += 1;
    }
    const delay = faults.delayOf(endpoint);
    if (delay > 0) await wait(delay);
    const action = faults.take(endpoint);
    if (action) {
      stats[endpoint].faulted += 1;
      if (action.kind === 'reply') respond(res, action.reply);
      else if (action.kind === 'reset') req.socket.resetAndDestroy();
      // 'no-answer': hold the socket open; stop() destroys it.
      return;
    }
    respond(res, handlers[endpoint](request));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Never echo the error: it may quote a request, and requests carry secrets.
      if (!res.headersSent) respond(res, { status: 500, body: 'Internal error in the stand-in' });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });

  const port = await listen(options.port ?? 0);
  let listening = true;
  let closed = false;

  const stop = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const done = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await done;
  };

  const close = async (): Promise<void> => {
    closed = true;
    await stop();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    config: effective,
    settings: state.settings,
    faults,
    get stats() {
      return state.stats;
    },
    resetStats() {
      state.stats = emptyStats();
    },
    issued: () => state.issued(),
    invalidateRefreshTokens: (username) => state.invalidateRefreshTokens(username),
    addApiToken: (username, token, rights, expiresAt) =>
      state.addApiToken(username, token, rights, expiresAt?.getTime()),
    revokeApiToken: (token) => state.revokeApiToken(token),
    stop,
    async start() {
      if (closed) throw new Error('The stand-in was closed; start a new one.');
      if (listening) return;
      await listen(port);
      listening = true;
    },
    close,
    dispose: close,
  };
}
