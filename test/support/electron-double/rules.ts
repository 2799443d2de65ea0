// The rules the typed double of Electron holds the app to, each with the
// Electron source that makes it a rule (electron/electron main at 45 nightly;
// the project pins 45.5.0). Where Electron itself throws, the double throws
// the same message; every broken rule is also recorded, so a caller that
// catches the error (the shell's start-up catch) still fails the smoke test.
// Rules that are the app's own (one tray) say so.

/** One rule: what it says and where Electron says it. */
export interface ElectronRule {
  readonly id: string;
  readonly says: string;
  readonly source: string;
}

export const RULES = {
  safeStorageAfterReady: {
    id: 'safe-storage-after-ready',
    says: 'safeStorage cannot be used before app is ready',
    source:
      'shell/browser/api/electron_api_safe_storage.cc (encryptStringAsync/decryptStringAsync reject, isAsyncEncryptionAvailable resolves false before ready)',
  },
  sessionAfterReady: {
    id: 'session-after-ready',
    says: 'Session can only be received when app is ready',
    source: 'shell/browser/api/electron_api_session.cc (defaultSession, fromPartition)',
  },
  protocolHandleAfterReady: {
    id: 'protocol-handle-after-ready',
    says: 'Session can only be received when app is ready',
    source:
      'lib/browser/api/protocol.ts (protocol.handle goes through session.defaultSession) and electron_api_session.cc',
  },
  schemesBeforeReady: {
    id: 'schemes-before-ready',
    says: 'protocol.registerSchemesAsPrivileged should be called before app is ready',
    source: 'shell/browser/api/electron_api_protocol.cc (RegisterSchemesAsPrivileged)',
  },
  codeCacheNeedsStandard: {
    id: 'code-cache-needs-standard',
    says: 'Code cache can only be enabled when the custom scheme is registered as standard scheme.',
    source: 'shell/browser/api/electron_api_protocol.cc (RegisterSchemesAsPrivileged)',
  },
  schemesOnce: {
    id: 'schemes-once',
    says: 'protocol.registerSchemesAsPrivileged can be called only once',
    source: 'docs/api/protocol.md (registerSchemesAsPrivileged: "can be called only once")',
  },
  sandboxBeforeReady: {
    id: 'sandbox-before-ready',
    says: 'app.enableSandbox() can only be called before app is ready',
    source: 'shell/browser/api/electron_api_app.cc (App::EnableSandbox)',
  },
  trayAfterReady: {
    id: 'tray-after-ready',
    says: 'Cannot create Tray before app is ready',
    source: 'shell/browser/api/electron_api_tray.cc (Tray::New)',
  },
  oneTray: {
    id: 'one-tray',
    says: 'The app has one tray icon: a second Tray while the first lives shows two icons',
    source: "the app's own rule (Electron allows several Tray objects)",
  },
  windowAfterReady: {
    id: 'window-after-ready',
    says: 'Cannot create BrowserWindow before app is ready',
    source: 'shell/browser/api/electron_api_browser_window.cc (BrowserWindow::New)',
  },
  notificationAfterReady: {
    id: 'notification-after-ready',
    says: 'Cannot create Notification before app is ready',
    source: 'shell/browser/api/electron_api_notification.cc (Notification::New)',
  },
  netAfterReady: {
    id: 'net-after-ready',
    says: 'net module can only be used after app is ready',
    source: 'lib/browser/api/net.ts (request)',
  },
  dialogAfterReady: {
    id: 'dialog-after-ready',
    says: 'dialog module can only be used after app is ready',
    source: 'lib/browser/api/dialog.ts',
  },
  preloadExists: {
    id: 'preload-exists',
    says: 'webPreferences.preload must be the absolute path of an existing file',
    source:
      'docs/api/structures/web-preferences.md (preload: "the absolute file path to the script")',
  },
  oneHandlerPerChannel: {
    id: 'one-handler-per-channel',
    says: 'Attempted to register a second handler for a channel',
    source: 'lib/browser/ipc-main-impl.ts (IpcMainImpl.handle)',
  },
  userModelIdWindowsOnly: {
    id: 'app-user-model-id-windows-only',
    says: 'app.setAppUserModelId exists on Windows only',
    source: 'shell/browser/api/electron_api_app.cc (setAppUserModelId under BUILDFLAG(IS_WIN))',
  },
  userModelIdFirst: {
    id: 'app-user-model-id-first',
    says: 'On Windows the AppUserModelId is set before any window, tray or notification exists',
    source:
      'shell/common/application_info_win.cc (GetRawAppUserModelID settles on electron.app.<name> at first use) and shell/browser/notifications/win/windows_toast_activator.cc (EnsureShortcut writes that id into the Start-menu shortcut)',
  },
  menuRoleKnown: {
    id: 'menu-role-known',
    says: 'A menu item role must be one Electron knows',
    source: 'lib/browser/api/menu-item-roles.ts (RoleId)',
  },
  loadAppEntry: {
    id: 'load-app-entry',
    says: 'The window loads app://renderer/index.html, served by the registered app: handler',
    source: "the app's own rule (security checklist #18: no file://)",
  },
} as const satisfies Record<string, ElectronRule>;

export type RuleName = keyof typeof RULES;

export interface Violation {
  readonly rule: string;
  readonly says: string;
  readonly source: string;
  readonly detail?: string;
}

/** Thrown where Electron throws (same message), and for the app's own rules. */
export class ElectronRuleError extends Error {
  override readonly name = 'ElectronRuleError';
  constructor(
    readonly rule: ElectronRule,
    detail?: string,
  ) {
    super(detail ? `${rule.says} (${detail})` : rule.says);
  }
}

/** The double's memory of what was broken, and whether the app is ready. */
export class Rulebook {
  readonly violations: Violation[] = [];
  #ready = false;

  get ready(): boolean {
    return this.#ready;
  }

  markReady(): void {
    this.#ready = true;
  }

  /** Records the rule as broken and answers the error to throw. */
  broken(name: RuleName, detail?: string): ElectronRuleError {
    const rule = RULES[name];
    this.violations.push({
      rule: rule.id,
      says: rule.says,
      source: rule.source,
      ...(detail ? { detail } : {}),
    });
    return new ElectronRuleError(rule, detail);
  }

  /** Throws (and records) unless the app is ready. */
  afterReady(name: RuleName, detail?: string): void {
    if (!this.#ready) throw this.broken(name, detail);
  }

  /** Throws (and records) once the app is ready. */
  beforeReady(name: RuleName, detail?: string): void {
    if (this.#ready) throw this.broken(name, detail);
  }
}
