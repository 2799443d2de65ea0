// The few sentences the app says outside its window — the tray menu and its
// tooltip, the app menu, system notifications, the start-up error box — in the window's
// languages. The window has its own, far larger, i18next resources
// (renderer/src/i18n); the edge needs a couple of dozen sentences, so a plain
// typed table: a missing one in either language does not compile. Pure: no
// Electron, tested in Node.
import type { AccountState, AppSettings } from '../ipc/contract';
import type { ArgvRefusal } from './argv-routing';

export const EDGE_LANGUAGES = ['en', 'cs'] as const;
export type EdgeLanguage = (typeof EDGE_LANGUAGES)[number];

function isEdgeLanguage(value: string): value is EdgeLanguage {
  return (EDGE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The window's rule (renderer/src/i18n/language.ts; a test holds the two to
 * the same answers): the operator's choice, or with `system` the first OS
 * language we ship, matched on its primary subtag (`cs-CZ` is Czech), else
 * English.
 */
export function edgeLanguage(
  setting: AppSettings['language'],
  osLanguages: readonly string[],
): EdgeLanguage {
  if (setting !== 'system') return setting;
  for (const tag of osLanguages) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isEdgeLanguage(primary)) return primary;
  }
  return 'en';
}

export interface EdgeWords {
  readonly appName: string;
  /** An account's state after its name in the tray: "Office — connected". */
  readonly state: Readonly<Record<AccountState, string>>;
  readonly tray: {
    /** One line per account: its name and its state. */
    account(name: string, state: string): string;
    readonly noAccounts: string;
    signInAgain(portal: string): string;
    readonly open: string;
    /** The submenu of portals ready for one-click sign-in. */
    readonly signIn: string;
    /** No portal is ready: opens the window, where one is set up. */
    readonly signInInWindow: string;
    readonly quit: string;
    readonly tooltipNoAccounts: string;
    tooltip(connected: number, total: number): string;
    /** The saved sign-ins wait for a keyring not yet unlocked. */
    readonly waitingForKeyring: string;
    readonly tooltipWaitingForKeyring: string;
  };
  readonly alerts: {
    readonly expiredTitle: string;
    expiredBody(account: string): string;
    readonly offlineTitle: string;
    offlineBody(account: string, minutes: number): string;
  };
  /** What the shell itself tells the operator (a notification, or a box before `ready`). */
  readonly shell: {
    readonly windowFailed: string;
    /**
     * A sign-in started from the tray did not start. English: the services'
     * own sentence, which says why. Czech: the portal and where to see why
     * (a sign-in started in the window shows the reason in Czech).
     */
    signInFailed(portal: string, englishReason: string): string;
    severalLinks(count: number): string;
    readonly linkTooLong: string;
    /** Help → Documentation could not reach the browser: where it is. */
    documentationFailed(url: string): string;
  };
  /** The app's menu (app-menu.ts). */
  readonly menu: {
    readonly file: string;
    readonly edit: string;
    readonly view: string;
    readonly window: string;
    readonly help: string;
    readonly about: string;
    readonly services: string;
    readonly hide: string;
    readonly hideOthers: string;
    readonly showAll: string;
    readonly quit: string;
    readonly undo: string;
    readonly redo: string;
    readonly cut: string;
    readonly copy: string;
    readonly paste: string;
    readonly pasteAndMatchStyle: string;
    readonly selectAll: string;
    readonly reload: string;
    readonly developerTools: string;
    readonly actualSize: string;
    readonly zoomIn: string;
    readonly zoomOut: string;
    readonly fullScreen: string;
    readonly minimize: string;
    readonly close: string;
    readonly documentation: string;
    readonly showLogs: string;
  };
  /** Said once, the first time the window is closed (app-lifecycle.ts). */
  readonly stillRunning: { readonly title: string; readonly body: string };
  readonly startup: {
    readonly title: string;
    folder(code: string): string;
    diskFull(code: string): string;
    internal(kind: string): string;
  };
  /** The main process's own questions (confirm-dialog.ts, main/common/confirmation.ts). */
  readonly confirm: {
    readonly weakStorage: ConfirmWords<[backend: string]>;
    readonly firstSignIn: ConfirmWords<[portal: string, address: string]>;
    readonly replaceSignIn: ConfirmWords<[portal: string, account: string]>;
  };
}

/** One question: what is asked, why it matters, and the two answers (the safe one first). */
export interface ConfirmWords<A extends unknown[]> {
  message(...args: A): string;
  detail(...args: A): string;
  readonly refuse: string;
  readonly accept: string;
}

/** 1 minuta, 2–4 minuty, 5 minut: the Czech plural, chosen by Intl's rule. */
function czechCount(count: number, one: string, few: string, other: string): string {
  const form = new Intl.PluralRules('cs').select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : other}`;
}

const EN: EdgeWords = {
  appName: 'Netrex Connect',
  state: {
    'signed-out': 'signed out',
    authorizing: 'signing in…',
    connected: 'connected',
    refreshing: 'renewing sign-in…',
    offline: 'portal unreachable',
    expired: 'sign-in expired',
    error: 'error',
  },
  tray: {
    account: (name, state) => `${name} — ${state}`,
    noAccounts: 'No portal signed in',
    signInAgain: (portal) => `Sign in again to ${portal}`,
    open: 'Open Netrex Connect',
    signIn: 'Sign in',
    signInInWindow: 'Sign in…',
    quit: 'Quit',
    tooltipNoAccounts: 'Netrex Connect — no portal signed in',
    tooltip: (connected, total) => `Netrex Connect — ${connected} of ${total} connected`,
    waitingForKeyring: 'Saved sign-ins wait for the keyring to be unlocked',
    tooltipWaitingForKeyring: 'Netrex Connect — waiting for the keyring to be unlocked',
  },
  alerts: {
    expiredTitle: 'Sign-in expired',
    expiredBody: (account) =>
      `${account}: the portal no longer accepts this sign-in. Open Netrex Connect and sign in again.`,
    offlineTitle: 'Portal unreachable',
    offlineBody: (account, minutes) =>
      `${account} has been unreachable for more than ${minutes} minutes. Netrex Connect keeps retrying; check the network or the portal.`,
  },
  shell: {
    windowFailed: 'The Netrex Connect window could not load.',
    signInFailed: (_portal, englishReason) => englishReason,
    severalLinks: (count) =>
      `Netrex Connect was started with ${count} sign-in links at once and opened none of them. Start the sign-in again from the app.`,
    linkTooLong:
      'Netrex Connect was opened with a sign-in link far longer than any portal sends, so it was ignored. Start the sign-in again from the app.',
    documentationFailed: (url) =>
      `Netrex Connect could not open the documentation in your browser. You find it at ${url}`,
  },
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Netrex Connect',
    services: 'Services',
    hide: 'Hide Netrex Connect',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Netrex Connect',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    selectAll: 'Select All',
    reload: 'Reload',
    developerTools: 'Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    minimize: 'Minimize',
    close: 'Close Window',
    documentation: 'Netrex Connect Documentation',
    showLogs: 'Show Logs',
  },
  stillRunning: {
    title: 'Netrex Connect is still running',
    body:
      'It keeps your portals connected in the background. Open it again from its icon in the tray ' +
      '(or by starting it again); to end it, choose Quit in the tray or the app menu.',
  },
  startup: {
    title: 'Netrex Connect could not start',
    folder: (code) =>
      `Netrex Connect cannot use its data folder (${code}). ` +
      'Check that your user account may read and write the app data folder, then start the app again.',
    diskFull: (code) =>
      `Netrex Connect cannot write its data folder: the disk is full (${code}). Free some space, then start the app again.`,
    internal: (kind) =>
      `Netrex Connect could not start because of an internal error (${kind}). ` +
      'Start it again; if this keeps happening, reinstall the app or ask your administrator.',
  },
  confirm: {
    weakStorage: {
      message: () => 'Save sign-ins on this computer without a keyring?',
      detail: (backend) =>
        `This computer has no system keyring to protect the saved sign-ins (${backend}). ` +
        'They would be encrypted with a key built into the app, so anyone who can read your files could use your portal accounts. ' +
        'Choose this only on a computer that you alone use. If you did not just choose it in Netrex Connect, choose Keep in memory.',
      refuse: 'Keep in memory',
      accept: 'Save on this computer',
    },
    firstSignIn: {
      message: (portal) => `Open the sign-in page of ${portal}?`,
      detail: (portal, address) =>
        `This is the first sign-in to ${portal}, a portal added on this computer, at ${address}. ` +
        'Netrex Connect will open this address in your browser, and what you sign in to there becomes your account in the app. ' +
        'Continue only if you added this portal yourself and trust its address.',
      refuse: 'Cancel',
      accept: 'Open sign-in page',
    },
    replaceSignIn: {
      message: (portal) => `Replace the sign-in to ${portal}?`,
      detail: (portal, account) =>
        `A new sign-in to ${portal} has just arrived. Netrex Connect keeps one sign-in there (${account}), ` +
        'so using the new one ends the earlier sign-in at the portal. ' +
        'If you did not just sign in to this portal, keep the earlier sign-in.',
      refuse: 'Keep the earlier sign-in',
      accept: 'Replace and end the earlier one',
    },
  },
};

const CS: EdgeWords = {
  appName: 'Netrex Connect',
  state: {
    'signed-out': 'odhlášeno',
    authorizing: 'přihlašování…',
    connected: 'připojeno',
    refreshing: 'obnovuje se přihlášení…',
    offline: 'portál je nedostupný',
    expired: 'přihlášení vypršelo',
    error: 'chyba',
  },
  tray: {
    // Czech typography: a spaced en dash.
    account: (name, state) => `${name} – ${state}`,
    noAccounts: 'Není přihlášen žádný portál',
    signInAgain: (portal) => `Znovu se přihlásit k portálu ${portal}`,
    open: 'Otevřít Netrex Connect',
    signIn: 'Přihlásit se',
    signInInWindow: 'Přihlásit se…',
    quit: 'Ukončit',
    tooltipNoAccounts: 'Netrex Connect – není přihlášen žádný portál',
    tooltip: (connected, total) => `Netrex Connect – připojeno ${connected} z ${total}`,
    waitingForKeyring: 'Uložená přihlášení čekají na odemčení klíčenky',
    tooltipWaitingForKeyring: 'Netrex Connect – čeká se na odemčení klíčenky',
  },
  alerts: {
    expiredTitle: 'Přihlášení vypršelo',
    expiredBody: (account) =>
      `${account}: portál už toto přihlášení nepřijímá. Otevřete Netrex Connect a přihlaste se znovu.`,
    offlineTitle: 'Portál je nedostupný',
    offlineBody: (account, minutes) =>
      `${account}: portál je nedostupný už déle než ${czechCount(minutes, 'minutu', 'minuty', 'minut')}. ` +
      'Netrex Connect to zkouší dál; zkontrolujte síť nebo portál.',
  },
  shell: {
    windowFailed: 'Okno Netrex Connect se nepodařilo načíst.',
    signInFailed: (portal) =>
      `Přihlášení k portálu ${portal} se nepodařilo zahájit. ` +
      'Zahajte ho v okně Netrex Connect, kde uvidíte důvod.',
    severalLinks: (count) =>
      // "s/se" would depend on how the number is read: the count goes in brackets.
      `Netrex Connect byl spuštěn s několika přihlašovacími odkazy najednou (celkem ${count}) ` +
      'a neotevřel žádný z nich. ' +
      'Spusťte přihlášení znovu z aplikace.',
    linkTooLong:
      'Netrex Connect byl otevřen s přihlašovacím odkazem mnohem delším, než jaký posílá kterýkoli portál, ' +
      'a proto ho ignoroval. Spusťte přihlášení znovu z aplikace.',
    documentationFailed: (url) =>
      `Netrex Connect nemohl otevřít dokumentaci ve vašem prohlížeči. Najdete ji na adrese ${url}`,
  },
  menu: {
    file: 'Soubor',
    edit: 'Úpravy',
    view: 'Zobrazení',
    window: 'Okno',
    help: 'Nápověda',
    about: 'O aplikaci Netrex Connect',
    services: 'Služby',
    hide: 'Skrýt Netrex Connect',
    hideOthers: 'Skrýt ostatní',
    showAll: 'Zobrazit vše',
    quit: 'Ukončit Netrex Connect',
    undo: 'Zpět',
    redo: 'Znovu',
    cut: 'Vyjmout',
    copy: 'Kopírovat',
    paste: 'Vložit',
    pasteAndMatchStyle: 'Vložit a přizpůsobit styl',
    selectAll: 'Vybrat vše',
    reload: 'Načíst znovu',
    developerTools: 'Vývojářské nástroje',
    actualSize: 'Skutečná velikost',
    zoomIn: 'Přiblížit',
    zoomOut: 'Oddálit',
    fullScreen: 'Celá obrazovka',
    minimize: 'Minimalizovat',
    close: 'Zavřít okno',
    documentation: 'Dokumentace Netrex Connect',
    showLogs: 'Zobrazit protokoly',
  },
  stillRunning: {
    title: 'Netrex Connect běží dál',
    body:
      'Udržuje vaše portály připojené na pozadí. Znovu ho otevřete ikonou v oznamovací oblasti ' +
      '(nebo dalším spuštěním); ukončíte ho volbou Ukončit v nabídce ikony nebo v nabídce aplikace.',
  },
  startup: {
    title: 'Netrex Connect se nepodařilo spustit',
    folder: (code) =>
      `Netrex Connect nemůže používat svou složku s daty (${code}). ` +
      'Zkontrolujte, že váš uživatelský účet smí číst složku s daty aplikace a zapisovat do ní, a spusťte aplikaci znovu.',
    diskFull: (code) =>
      `Netrex Connect nemůže zapisovat do své složky s daty: disk je plný (${code}). ` +
      'Uvolněte místo a spusťte aplikaci znovu.',
    internal: (kind) =>
      `Netrex Connect se nepodařilo spustit kvůli vnitřní chybě (${kind}). ` +
      'Spusťte aplikaci znovu; pokud se to opakuje, přeinstalujte ji nebo se obraťte na správce.',
  },
  confirm: {
    weakStorage: {
      message: () => 'Ukládat přihlášení na tomto počítači bez klíčenky?',
      detail: (backend) =>
        `Tento počítač nemá systémovou klíčenku, která by uložená přihlášení chránila (${backend}). ` +
        'Byla by zašifrovaná klíčem zabudovaným v aplikaci, takže kdokoli, kdo může číst vaše soubory, by mohl použít vaše účty na portálech. ' +
        'Zvolte to jen na počítači, který používáte výhradně vy. Pokud jste to v Netrex Connect právě nezvolili, vyberte Ponechat jen v paměti.',
      refuse: 'Ponechat jen v paměti',
      accept: 'Ukládat na tomto počítači',
    },
    firstSignIn: {
      message: (portal) => `Otevřít přihlašovací stránku portálu ${portal}?`,
      detail: (portal, address) =>
        `Jde o první přihlášení k portálu ${portal}, který byl přidán na tomto počítači, na adrese ${address}. ` +
        'Netrex Connect tuto adresu otevře ve vašem prohlížeči a k čemu se tam přihlásíte, to se stane vaším účtem v aplikaci. ' +
        'Pokračujte, jen pokud jste tento portál přidali sami a jeho adrese důvěřujete.',
      refuse: 'Zrušit',
      accept: 'Otevřít přihlašovací stránku',
    },
    replaceSignIn: {
      message: (portal) => `Nahradit přihlášení k portálu ${portal}?`,
      detail: (portal, account) =>
        `Právě dorazilo nové přihlášení k portálu ${portal}. Netrex Connect u něj uchovává jedno přihlášení (${account}), ` +
        'takže použitím nového se dřívější přihlášení na portálu ukončí. ' +
        'Pokud jste se k tomuto portálu právě nepřihlásili, ponechte dřívější přihlášení.',
      refuse: 'Ponechat dřívější přihlášení',
      accept: 'Nahradit a ukončit dřívější',
    },
  },
};

export const EDGE_WORDS: Readonly<Record<EdgeLanguage, EdgeWords>> = { en: EN, cs: CS };

/** The edge's words for the app's language setting and the OS's languages. */
export function edgeWords(
  setting: AppSettings['language'],
  osLanguages: readonly string[],
): EdgeWords {
  return EDGE_WORDS[edgeLanguage(setting, osLanguages)];
}

/** What the operator is told about a sign-in link that was not used. */
export function linkRefusalText(refusal: ArgvRefusal, words: EdgeWords): string {
  return refusal.code === 'several_links'
    ? words.shell.severalLinks(refusal.count)
    : words.shell.linkTooLong;
}
