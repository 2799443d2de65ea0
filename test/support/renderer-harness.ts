// Runs the production build of the renderer in Chromium with a `window.netrex`
// whose calls go to a Node-side handler table (`BridgeHandlers`): the same
// table the Electron edge serves over IPC. View tests give it fixed answers;
// the end-to-end tests give it the real services.
//
// The page keeps its strict CSP: the static server sends the same policy as a
// header, and axe-core is injected through the DevTools protocol (see axe.ts),
// which CSP does not govern, so no `bypassCSP` is needed.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppEvents, BridgeEventSource, BridgeHandlers } from '../../main/app-services';
import type { Disposable } from '../../main/common/lifecycle';
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeMethodName,
} from '../../main/ipc/contract';
import { recordDomOf, type DomRecord } from './dom-record';
import { serveRenderer, type RendererServer } from './renderer-server';

/** One message that crossed the bridge, in order. */
export type BridgeMessage =
  | {
      readonly seq: number;
      readonly direction: 'call';
      readonly name: BridgeMethodName;
      readonly payload: unknown[];
    }
  | {
      readonly seq: number;
      readonly direction: 'answer';
      readonly name: BridgeMethodName;
      readonly payload: unknown;
    }
  | {
      readonly seq: number;
      readonly direction: 'thrown';
      readonly name: BridgeMethodName;
      readonly payload: string;
    }
  | {
      readonly seq: number;
      readonly direction: 'event';
      readonly name: BridgeEventName;
      readonly payload: unknown;
    };

export interface OpenRendererOptions {
  /** Answers every bridge call; the page's promise settles with what it returns. */
  readonly handlers: BridgeHandlers;
  /**
   * Pushed into the page as they happen (the real services' events). When the
   * source is the services' own (`AppEvents`), every call from the page tells
   * it the page is ready, as the Electron edge's dispatch does.
   */
  readonly events?: BridgeEventSource | AppEvents;
  /** The browser's language (navigator.languages), e.g. `cs-CZ`. */
  readonly locale?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Reuse a running server; without one, a server is started and closed with the page. */
  readonly server?: RendererServer;
  /** Runs after the page exists and before the renderer loads (e.g. `page.clock.install()`). */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  /** Context permissions, e.g. `['clipboard-read', 'clipboard-write']`. */
  readonly permissions?: readonly string[];
  /** Records every text and attribute value the page ever shows (dom-record.ts), for the leak search. */
  readonly recordDom?: boolean;
}

export interface ConsoleLine {
  readonly type: string;
  readonly text: string;
}

export interface RendererPage extends Disposable {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  /** Every call, answer and event that crossed the bridge, in order. */
  readonly messages: readonly BridgeMessage[];
  /** Console errors, uncaught page errors and CSP violations. */
  readonly pageErrors: readonly string[];
  /** Every console message of the page, of any level (warnings too), in order. */
  readonly consoleMessages: readonly ConsoleLine[];
  /** Every text and attribute value the page showed; only when opened with `recordDom`. */
  readonly domRecord: DomRecord | undefined;
  /** All messages as one JSON text, for searching it for secrets. */
  transcript(): string;
  /** Pushes an event into the page, as the main process would. */
  emit<E extends BridgeEventName>(name: E, payload: BridgeEvents[E]): Promise<void>;
  /** Resolves once every event pushed so far has been delivered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const BINDING = '__netrexBridgeCall';
const DELIVER = '__netrexBridgeDeliver';

/** The page side: `window.netrex` with exactly the contract's members. */
function installBridge(spec: {
  methods: readonly string[];
  events: Record<string, string>;
  binding: string;
  deliver: string;
}): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  for (const name of Object.values(spec.events)) listeners.set(name, new Set());
  const bridge: Record<string, unknown> = {};
  for (const method of spec.methods) {
    bridge[method] = (...args: unknown[]) => {
      const call = (window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
        spec.binding
      ];
      if (!call) return Promise.reject(new Error('The bridge binding is missing.'));
      return call(method, args);
    };
  }
  for (const [subscriber, name] of Object.entries(spec.events)) {
    bridge[subscriber] = (listener: Listener) => {
      const set = listeners.get(name);
      set?.add(listener);
      return () => {
        set?.delete(listener);
      };
    };
  }
  Object.defineProperty(window, 'netrex', { value: Object.freeze(bridge), enumerable: true });
  Object.defineProperty(window, spec.deliver, {
    value: (name: string, payload: unknown) => {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
  });
}

export async function openRenderer(
  browser: Browser,
  options: OpenRendererOptions,
): Promise<RendererPage> {
  const ownServer = options.server ? null : await serveRenderer();
  const server = options.server ?? ownServer!;
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1000, height: 760 },
    reducedMotion: 'reduce',
  });
  if (options.permissions?.length) {
    await context.grantPermissions([...options.permissions], { origin: server.url });
  }
  const messages: BridgeMessage[] = [];
  const pageErrors: string[] = [];
  const consoleMessages: ConsoleLine[] = [];
  let seq = 0;
  const allowed = new Set<string>(BRIDGE_METHODS);

  await context.exposeBinding(BINDING, async (_source, name: unknown, args: unknown) => {
    if (typeof name !== 'string' || !allowed.has(name) || !Array.isArray(args)) {
      throw new Error(`Not a bridge method: ${String(name)}`);
    }
    const method = name as BridgeMethodName;
    messages.push({ seq: ++seq, direction: 'call', name: method, payload: args });
    // The page subscribed before its first call: held notices may go out now.
    if (options.events && 'windowReady' in options.events) options.events.windowReady();
    const handler = options.handlers[method] as (...a: unknown[]) => Promise<unknown>;
    try {
      const answer = await handler(...args);
      messages.push({ seq: ++seq, direction: 'answer', name: method, payload: answer });
      return answer;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      messages.push({ seq: ++seq, direction: 'thrown', name: method, payload: text });
      throw error;
    }
  });
  const spec = {
    methods: [...BRIDGE_METHODS],
    events: { ...BRIDGE_EVENTS },
    binding: BINDING,
    deliver: DELIVER,
  };
  // As source text: the TypeScript loaders may wrap inner functions in a
  // `__name` helper that exists only in Node, so the page gets a no-op one.
  await context.addInitScript({
    content: `(() => { const __name = (f) => f; (${installBridge.toString()})(${JSON.stringify(spec)}); })();`,
  });

  const domRecord = options.recordDom ? await recordDomOf(context) : undefined;
  const page = await context.newPage();
  page.on('console', (message) => {
    consoleMessages.push({ type: message.type(), text: message.text() });
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));

  let delivery: Promise<void> = Promise.resolve();
  const emit = <E extends BridgeEventName>(name: E, payload: BridgeEvents[E]): Promise<void> => {
    messages.push({ seq: ++seq, direction: 'event', name, payload });
    delivery = delivery.then(() =>
      page
        .evaluate(
          ([deliver, n, p]) => {
            const pageWindow = window as unknown as Record<string, (n: string, p: unknown) => void>;
            pageWindow[deliver]?.(n, p);
          },
          [DELIVER, name, payload] as const,
        )
        .catch((error: unknown) => {
          if (!page.isClosed()) pageErrors.push(`event ${name} not delivered: ${String(error)}`);
        }),
    );
    return delivery;
  };
  const subscriptions: Disposable[] = [];
  if (options.events) {
    for (const name of Object.values(BRIDGE_EVENTS)) {
      subscriptions.push(options.events.on(name, (payload) => void emit(name, payload)));
    }
  }

  if (options.beforeLoad) await options.beforeLoad(page);
  await page.goto(server.url);

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const subscription of subscriptions.splice(0)) await subscription.dispose();
    await context.close().catch(() => undefined);
    await ownServer?.close();
  };
  return {
    page,
    context,
    url: server.url,
    messages,
    pageErrors,
    consoleMessages,
    domRecord,
    transcript: () => JSON.stringify(messages),
    emit,
    settled: () => delivery,
    close,
    dispose: close,
  };
}
