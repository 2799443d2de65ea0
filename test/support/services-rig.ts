// The whole main-process services (createServices) over test ports: Node's
// fetch, AES-256-GCM, conf documents in a temporary directory, a recorded
// openExternal, a fake login item, a recording confirmation (the operator's
// answers to the main process's own dialog), a manual clock. The portal stand-in is
// handed in as the demo portal, exactly as the app's demo mode does. Every
// answer and event is recorded, so a test can search them all for secrets.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppLinkPort, AppPorts, AppServices } from '../../main/app-services';
import type { ConfirmQuestion } from '../../main/common/confirmation';
import { formatOfPath } from '../../main/support/diagnosis/report-files';
import { loopbackProbes } from './loopback-probes';
import type { Log } from '../../main/common/log';
import type { LogFileControl } from '../../main/support/log-file';
import { createConfDocumentStore } from '../../main/common/document-store';
import type { BridgeEventName, BridgeEvents, Notice, SignInView } from '../../main/ipc/contract';
import { BRIDGE_EVENTS } from '../../main/ipc/contract';
import { createServices, type ServiceOptions } from '../../main/services';
import { playAuthorization } from './portal-client';
import { AesGcmCipher } from './aes-cipher';
import { demoPortalOf } from './demo-portal';
import { ManualClock } from './manual-clock';
import { startProvider, type ProviderStandIn, type ProviderStandInConfig } from './provider';
import { makeTempDir, type TempDir } from './temp-dir';

export const APP_INFO = {
  name: 'Netrex Connect',
  version: '0.1.0-test',
  platform: 'linux',
  languages: ['en-US', 'cs'],
  demo: true,
} as const;

export interface ServicesRigOptions {
  readonly standIn?: Partial<ProviderStandInConfig>;
  readonly cipher?: AesGcmCipher;
  readonly services?: ServiceOptions;
  /** Written as the managed configuration file before the services start. */
  readonly managedConfig?: string;
  /** Reuse this directory (a restart); otherwise a fresh one. */
  readonly dir?: TempDir;
  /** The services' HTTP (default: Node's fetch), e.g. one that can hold requests. */
  readonly fetch?: typeof fetch;
  /** The OS languages the app reports (default: en-US, then cs). */
  readonly languages?: readonly string[];
  /** `false`: the host has no confirmation port at all (AppPorts.confirm absent). */
  readonly confirmPort?: boolean;
  /** The services' log and the file behind it (default: none). */
  readonly log?: Log & Partial<LogFileControl>;
  /** The cipher's place in the ports, when a test needs another than `cipher` (a key store that hangs). */
  readonly portCipher?: AppPorts['cipher'];
  /** The host's app-link check (default: none, the app link is `unknown`, as in a browser). */
  readonly appLink?: AppLinkPort;
}

export interface RecordedEvent {
  readonly name: BridgeEventName;
  readonly payload: unknown;
}

export interface ServicesRig {
  readonly services: AppServices;
  readonly portal: ProviderStandIn;
  readonly clock: ManualClock;
  readonly dir: TempDir;
  readonly cipher: AesGcmCipher;
  /** Every URL handed to openExternal. */
  readonly opened: string[];
  /**
   * What the native save dialog answers: a file name in the rig's folder (the
   * report is written there), or null for Cancel. Default: the suggested name.
   */
  onSaveDialog: (suggestedName: string) => string | null;
  /** How many times "Show logs" asked the host to open the log folder. */
  readonly logFolderOpened: { count: number };
  /** Every text the main process put on the clipboard (a fresh sign-in link). */
  readonly clipboard: string[];
  /** Replaces what openExternal does (default: records the URL). */
  onOpenExternal: (url: string) => Promise<void>;
  readonly loginItem: { enabled: boolean };
  /** Every question the services asked through AppPorts.confirm, in order. */
  readonly confirmations: ConfirmQuestion[];
  /** The operator's answer to the next questions (default: yes to all). */
  answer: (question: ConfirmQuestion) => boolean | Promise<boolean>;
  readonly events: RecordedEvent[];
  /** Every Result and event, as JSON, for leak searches. */
  readonly transcript: string[];
  /** Records a value (a Result) in the transcript and hands it back. */
  record<T>(value: T): T;
  notices(): Notice[];
  signInViews(): SignInView[];
  /** A browser sign-in over HTTP: signIn through the handlers, login and allow, the redirect as a deep link. */
  signInWithBrowser(providerId?: string): Promise<string>;
  /** The redirect the stand-in answers for the last opened authorization URL. */
  playLastAuthorization(): Promise<string>;
  /** Resolves on the first event of `name` (already recorded or coming) that satisfies `test`. */
  until<E extends BridgeEventName>(
    name: E,
    test: (payload: BridgeEvents[E]) => boolean,
  ): Promise<BridgeEvents[E]>;
  close(options?: { keepDir?: boolean; keepPortal?: boolean }): Promise<void>;
}

export async function startServicesRig(
  options: ServicesRigOptions & { portal?: ProviderStandIn; clock?: ManualClock } = {},
): Promise<ServicesRig> {
  const clock = options.clock ?? new ManualClock();
  const portal =
    options.portal ?? (await startProvider(options.standIn ?? {}, { clock: () => clock.now() }));
  const dir = options.dir ?? makeTempDir('netrex-services-');
  const cipher = options.cipher ?? AesGcmCipher.random({ backend: 'gnome_libsecret' });
  const managedConfigPath = `${dir.path}/managed.json`;
  if (options.managedConfig !== undefined) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(managedConfigPath, options.managedConfig);
  }
  const opened: string[] = [];
  const clipboard: string[] = [];
  const loginItem = { enabled: false };
  const confirmations: ConfirmQuestion[] = [];
  const events: RecordedEvent[] = [];
  const transcript: string[] = [];
  const waiters = new Set<() => void>();

  const rig = {} as ServicesRig;
  const logFolderOpened = { count: 0 };
  const ports: AppPorts = {
    fetch: options.fetch ?? fetch,
    cipher: options.portCipher ?? cipher,
    openExternal: (url) => rig.onOpenExternal(url),
    documentStore: (name) => createConfDocumentStore(dir.path, name),
    platform: 'linux',
    appInfo: { ...APP_INFO, languages: [...(options.languages ?? APP_INFO.languages)] },
    loginItem: {
      get: () => loginItem.enabled,
      set: (enabled) => void (loginItem.enabled = enabled),
    },
    managedConfigPath,
    ...(options.confirmPort === false
      ? {}
      : {
          confirm: async (question: ConfirmQuestion) => {
            confirmations.push(question);
            transcript.push(JSON.stringify({ confirm: question }));
            return rig.answer(question);
          },
        }),
    ...(options.log ? { log: options.log } : {}),
    ...(options.log && isLogFile(options.log) ? { logFile: options.log } : {}),
    async openLogFolder() {
      logFolderOpened.count++;
    },
    // The native dialog's stand-in: the operator picks a name in the rig's folder.
    async saveReport({ suggestedName, content }) {
      const chosen = rig.onSaveDialog(suggestedName);
      if (chosen === null) return { saved: false };
      const path = join(dir.path, basename(chosen));
      writeFileSync(path, content(formatOfPath(path)));
      return { saved: true, path };
    },
    clipboard: { writeText: (text) => void clipboard.push(text) },
    ...(options.appLink ? { appLink: options.appLink } : {}),
  };
  const services = await createServices(ports, demoPortalOf(portal), {
    clock,
    random: () => 0.5,
    env: {},
    // A report made in a test probes loopback only (the built-in portals are elsewhere).
    diagnosisProbes: loopbackProbes({ fetch: ports.fetch }),
    ...options.services,
  });
  for (const name of Object.values(BRIDGE_EVENTS)) {
    services.events.on(name, (payload) => {
      events.push({ name, payload });
      transcript.push(JSON.stringify({ event: name, payload }));
      for (const wake of [...waiters]) wake();
    });
  }

  Object.assign(rig, {
    services,
    portal,
    clock,
    dir,
    cipher,
    opened,
    clipboard,
    onOpenExternal: async (url: string) => void opened.push(url),
    onSaveDialog: (suggestedName: string) => suggestedName,
    logFolderOpened,
    loginItem,
    confirmations,
    answer: () => true,
    events,
    transcript,
    record<T>(value: T): T {
      transcript.push(JSON.stringify(value));
      return value;
    },
    notices: () => events.filter((e) => e.name === 'notice').map((e) => e.payload as Notice),
    signInViews: () =>
      events.filter((e) => e.name === 'sign-in-changed').map((e) => e.payload as SignInView),
    async playLastAuthorization() {
      const url = opened.at(-1);
      if (!url) throw new Error('nothing was opened in the browser');
      return playAuthorization(portal, url);
    },
    async signInWithBrowser(providerId = 'demo') {
      const started = rig.record(await services.handlers.signIn(providerId));
      if (!started.ok) throw new Error(`signIn refused: ${started.error.code}`);
      const location = await rig.playLastAuthorization();
      await services.handleDeepLink(location);
      const connected = rig
        .signInViews()
        .findLast((v) => v.providerId === providerId && v.phase === 'connected');
      if (!connected?.accountId) throw new Error('the sign-in did not connect');
      return connected.accountId;
    },
    until<E extends BridgeEventName>(name: E, test: (payload: BridgeEvents[E]) => boolean) {
      return new Promise<BridgeEvents[E]>((resolve) => {
        let seen = 0;
        const check = (): boolean => {
          for (; seen < events.length; seen++) {
            const event = events[seen]!;
            if (event.name === name && test(event.payload as BridgeEvents[E])) {
              waiters.delete(wake);
              resolve(event.payload as BridgeEvents[E]);
              return true;
            }
          }
          return false;
        };
        const wake = (): void => void check();
        if (!check()) waiters.add(wake);
      });
    },
    async close(closing: { keepDir?: boolean; keepPortal?: boolean } = {}) {
      await services.dispose();
      if (!closing.keepPortal) await portal.close();
      if (!closing.keepDir) await dir.dispose();
    },
  });
  return rig;
}

function isLogFile(log: Partial<LogFileControl>): log is LogFileControl {
  return typeof log.recentLines === 'function' && typeof log.knowSecrets === 'function';
}
