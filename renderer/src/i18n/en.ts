// English: the reference resource. Czech (cs.ts) has the same keys, plus the
// plural forms Czech needs; a unit test keeps the two in step.
import { appMessagesEn } from './app-messages-en';
import { managedRulesEn } from './managed-rules-en';

export const en = {
  app: {
    name: 'Netrex Connect',
    loading: 'Loading…',
    loadFailed: "The window couldn't load.",
  },
  nav: {
    skip: 'Skip to content',
    label: 'Main',
    connections: 'Connections',
    addAccount: 'Add account',
    settings: 'Settings',
  },
  errors: {
    bridgeUnavailable: "The app didn't answer. Close the window and open it again.",
    /** For a message about a portal whose name the main process did not know. */
    unnamedPortal: 'the portal',
  },
  fromApp: appMessagesEn,
  managedRule: managedRulesEn,
  notices: {
    connected: 'Connected to {{portal}}.',
    connectedAs: 'Connected to {{portal}}: {{label}}.',
    /** An account named in a sentence, when its label says more than its portal's name. */
    whoNamed: '{{label}} ({{portal}})',
    signedOut: 'Signed out of {{who}}.',
    signedOutToken:
      'Signed out of {{who}}. Netrex Connect forgot the API token; the token itself keeps working until you delete it in {{portal}} (user icon → </> API).',
    revokeFailed:
      "Signed out of {{who}}, but {{portal}} couldn't be asked to end its access: {{reason}} To be sure, end it in the portal (user icon → </> API).",
    revokeUnconfirmed: 'Signed out of {{who}}. {{reason}}',
    dismiss: 'Dismiss',
  },
  choose: {
    title: 'Which portal do you use?',
    lead: "Choose the portal where you manage your cameras. You'll sign in there, in your usual browser.",
    haveToken: 'Got an API token from the portal?',
    useToken: 'Sign in with the token instead',
    tagManaged: 'Set up by your organisation',
    tagDemo: 'Demo',
    tagCustom: 'Added by you',
    tagNeedsSetup: 'Needs setup',
  },
  other: {
    card: 'Other portal…',
    cardHint: "Your company's or reseller's own address",
    urlLabel: 'Portal address',
    urlHint:
      'For example https://cameras.example.com: the address you open to sign in to the portal.',
    nameLabel: 'Name to show (optional)',
    nameHint: 'How the app calls this portal. Leave it empty to use the address.',
    submit: 'Continue',
    adding: 'Adding…',
    problem: {
      empty: "Enter the portal's address first.",
      'not-a-url':
        "This doesn't look like a web address. Copy it from your browser's address bar, for example https://cameras.example.com.",
      'not-https': 'The address must start with https:// so that the connection is encrypted.',
      'has-credentials':
        "Leave the user name and password out of the address; you'll sign in in the browser.",
      'has-query-or-fragment': "Enter only the portal's address, without anything after ? or #.",
    },
  },
  signIn: {
    title: 'Sign in to {{portal}}',
    panelLabel: 'Sign in',
    explain:
      'Your browser will open {{portal}}. Sign in there as usual and allow access; this window updates by itself.',
    button: 'Sign in with {{portal}}',
    opening: 'Opening your browser…',
    privacy: "You type your password only on the portal's own page. This app never sees it.",
    cancelled: "Sign-in cancelled. Start again whenever you're ready.",
    replaces:
      "You're already signed in to {{portal}}. Signing in again replaces that connection: the portal doesn't say who signs in, so the app keeps one sign-in per portal. For a second person, use an API token.",
    notReadyTitle: "{{portal}} isn't set up for one-click sign-in yet",
    notReadyAsk:
      'Ask your administrator to set up {{portal}} for Netrex Connect. Until then, you can sign in with a personal API token made in the portal.',
    notReadyAskNoToken: 'Ask your administrator to set up {{portal}} for Netrex Connect.',
    setUpYourself: 'Set up {{portal}} yourself',
    openSettings: 'Open {{portal}} settings',
    useToken: 'Sign in with an API token instead',
    otherPortal: 'Choose a different portal',
    addPortal: 'Add another portal',
    portalSettings: 'Portal settings',
    missingTitle: 'Portal not found',
    missing: 'This portal is no longer set up in the app.',
    choosePortal: 'Choose a portal',
  },
  refusal: {
    portalSaid: 'The portal said:',
    declined: {
      title: 'You declined access',
      next: '{{portal}} needs your permission to connect. Choose “Sign in with {{portal}}” again and allow access in the browser.',
    },
    rights: {
      title: "The portal didn't allow the rights the app asked for",
      next: "Ask the portal's administrator to allow them, or untick the rights you don't need in {{portal}} settings.",
    },
    client: {
      title: "The portal didn't recognise this app",
      next: 'Check the client ID and client secret in {{portal}} settings; they must match the application registered in the portal.',
    },
    timedOut: {
      title: 'The sign-in took too long',
      next: "The browser didn't come back in time. Start again; it takes only a moment.",
    },
    superseded: {
      title: 'A newer sign-in took over',
      next: 'Only the most recent sign-in counts. Finish it in the browser, or start again here.',
    },
    noAnswer: {
      title: "The portal didn't answer",
      next: 'Nothing was signed in. Check your connection, then start again; if it keeps happening, the portal may be down.',
    },
    portal: {
      title: 'The portal reported a problem',
      next: "Try again in a moment. If it keeps happening, contact the portal's administrator.",
    },
  },
  waiting: {
    title: 'Finish signing in in your browser',
    explain:
      'We opened {{portal}} in your browser. Sign in there and allow access; this window updates by itself.',
    timeLeft: 'Time left:',
    timeUp: 'Time is up; the app is closing this attempt.',
    reopen: 'Open the browser again',
    cancel: 'Cancel',
    exchangingTitle: 'Almost done',
    exchanging: 'Confirming the sign-in with {{portal}}…',
    slow: "{{portal}} hasn't answered yet. You can wait, or cancel and start again.",
  },
  paste: {
    toggle: 'Paste the address instead',
    label: 'Address from the browser',
    hint: "Paste an address that starts with {{prefix}}, if you have one. Chrome, Edge and Firefox don't show it: when they can't open the app, they stay on the portal's page.",
    hintLoopback:
      "If the browser shows a page saying it can't connect, copy the whole address from its address bar (it starts with {{prefix}}) and paste it here.",
    submit: 'Finish signing in',
    empty: 'Paste the address from the browser first.',
    youPasted: 'What you pasted (without its codes):',
  },
  wayBack: {
    why: {
      development:
        'App links reach only an installed copy of Netrex Connect, not one started for development.',
      'not-registered':
        "This computer doesn't open Netrex Connect for sign-in links: registering the app for them failed.",
      claimed:
        'Sign-in links on this computer open {{holder}}, not this copy of Netrex Connect, and the app could not take them back.',
      claimedUnnamed:
        'Sign-in links on this computer open another program, not this copy of Netrex Connect, and the app could not take them back.',
      elevated:
        "Netrex Connect is running as administrator, and links your browser opens can't reach a copy running as administrator.",
      chosen: 'You chose to come back through a local address this time.',
    },
    viaLoopback:
      'So the browser comes back to the app through a local address on this computer ({{address}}) instead. There is nothing to set up.',
    returnsVia:
      'The browser comes back to the app through a local address on this computer ({{address}}).',
    doubtful:
      "After you allow access, your browser may not come back to the app, and it won't show an address to paste.",
    fix: {
      elevated: 'Close Netrex Connect and start it again without administrator rights.',
      development:
        "Sign in from an installed copy, or ask the portal's administrator to register the local address {{address}} for this app as well.",
      other:
        "Ask the portal's administrator to register the local address {{address}} for this app as well; until then, an API token is the sure way in.",
    },
    loopbackBusy:
      "The local address can't be used now: another program is using port {{port}} of this computer.",
  },
  longWait: {
    title: "Browser didn't come back?",
    prompt:
      "Your browser may be asking whether to open Netrex Connect. Look for its question at the top of the browser window (it can be hidden behind other windows), choose Open, and tick “Always allow” so it won't ask again. If you chose Cancel, use one of the ways below.",
    viaLoopback: 'Sign in again through a local address',
    viaLoopbackHint:
      'The browser then comes back through {{address}} on this computer, without asking to open the app.',
    loopbackPage:
      "If the browser shows a page saying it can't connect (Chrome and Edge: “This site can't be reached”, Firefox: “Unable to connect”), copy the whole address from its address bar and paste it below.",
    copyLink: 'Copy a fresh sign-in link',
    copyLinkHint:
      'To sign in from another browser or browser profile: paste the link into its address bar. The sign-in you started before is then abandoned.',
    copied: 'Sign-in link copied. Paste it into the address bar of the browser you want to use.',
  },
  connections: {
    title: 'Connections',
    add: 'Add account',
    empty: 'No accounts yet. Choose “Add account” to connect to your portal.',
    summary_one: '{{count}} account',
    summary_other: '{{count}} accounts',
  },
  state: {
    connected: 'Connected',
    refreshing: 'Refreshing',
    offline: 'Offline',
    offlineRetry_one: 'Offline — retrying in {{count}} s',
    offlineRetry_other: 'Offline — retrying in {{count}} s',
    offlineRetryNow: 'Offline — retrying now',
    expired: 'Expired — sign in again',
    error: 'Error',
    authorizing: 'Signing in…',
    'signed-out': 'Signed out',
  },
  account: {
    cameras: 'Cameras',
    cameraCount_one: '{{count}} camera',
    cameraCount_other: '{{count}} cameras',
    camerasUnknown: 'Not checked yet',
    showNames: 'Show names',
    hideNames: 'Hide names',
    access: 'Access',
    expiresIn: 'Expires {{when}}',
    expiredAgo: 'Expired {{when}}',
    noExpiry: 'No expiry date',
    renewsItself: 'renewed automatically',
    camerasAsOf: 'as of {{when}}',
    lastSuccess: 'Last successful check',
    lastTry: 'last try {{when}}',
    renewsWhenBack: 'renewed once {{portal}} answers',
    rights: 'Rights',
    noRights: 'None listed',
    rightsOfToken: 'Chosen in the portal when the token was made',
    lastCheck: 'Last check',
    neverChecked: 'Not yet',
    latency: 'answered in {{ms}} ms',
    method: 'Signed in',
    viaBrowser: 'In the browser',
    viaToken: 'With an API token',
    memoryOnly:
      "Kept in memory only: you'll need to sign in again after the app restarts. See Settings → Saved sign-ins.",
    signInAgain: 'Sign in again',
    checkNow: 'Check now',
    checking: 'Checking…',
    signOut: 'Sign out',
    signOutAsk: 'Sign out of this account?',
    signOutEndsGrant:
      'Netrex Connect asks {{portal}} to end this sign-in at once. To connect again, you sign in again in the browser.',
    signOutEndsToken:
      'Netrex Connect forgets this API token. The token itself keeps working until you delete it in {{portal}} (user icon → </> API).',
    signOutConfirm: 'Yes, sign out',
    signOutKeep: 'Stay signed in',
    clockAhead_one:
      "This portal's clock is {{count}} minute ahead of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockAhead_other:
      "This portal's clock is {{count}} minutes ahead of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockBehind_one:
      "This portal's clock is {{count}} minute behind this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockBehind_other:
      "This portal's clock is {{count}} minutes behind this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockAheadHours_one:
      "This portal's clock is {{count}} hour ahead of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockAheadHours_other:
      "This portal's clock is {{count}} hours ahead of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockBehindHours_one:
      "This portal's clock is {{count}} hour behind of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
    clockBehindHours_other:
      "This portal's clock is {{count}} hours behind of this computer's. Let this computer set its date and time automatically; if they are right, tell the portal's administrator.",
  },
  rights: {
    read: 'View cameras and settings',
    write: 'Change settings',
    liveview: 'Watch live video',
    audiotransmit: 'Speak through cameras',
    liveview_ptz: 'Move PTZ cameras',
    liveview_light: 'Switch camera lights',
    liveview_audioclip: 'Play audio clips',
    recordings: 'Watch recordings',
    recordings_delete: 'Delete recordings',
    events: 'See events',
  },
  apiToken: {
    title: 'Sign in with an API token',
    lead: 'Paste a personal API token from your portal. The app checks it with the portal before saving it.',
    portal: 'Portal',
    token: 'API token',
    hint: 'In the portal: user icon → </> API → Create an API TOKEN. Only accounts with full access see it.',
    label: 'Name for this connection (optional)',
    labelHint: 'For example “Office cameras”. Left empty, the name shown in the field is used.',
    submit: 'Check and save',
    checking: 'Checking with the portal…',
    back: 'Back',
    empty: 'Paste the API token first.',
    choosePortal: 'Choose the portal that made the token',
    goesTo: 'Netrex Connect sends the token only to {{portal}}, to check it:',
    defaultLabel: 'API token',
    defaultLabelN: 'API token {{n}}',
  },
  settings: {
    title: 'Settings',
    portals: 'Portals',
    choosePortal: 'Portal to set up',
    noPortals: 'No portals are set up.',
  },
  provider: {
    setup: 'Sign-in setup for {{portal}}',
    locked:
      "Set up by your organisation. These settings can't be changed here; ask your IT administrator.",
    clientId: 'Client ID',
    clientIdHint: 'From the portal: user icon → </> API → OAuth2 Application.',
    rights: 'Rights to ask for',
    rightsHint: 'What the app may do with your account. Ask only for what you need.',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'Saved.',
    remove: 'Remove this portal',
    badPort: 'The port must be a whole number from 1 to 65535.',
    pkceNotAdvertised:
      "About the server: its sign-in configuration doesn't list the PKCE methods it supports (code_challenge_methods_supported). Netrex Connect sends S256 PKCE anyway and checks every answer as usual, so sign-in works. The server's administrator may add the field so that other apps know it too.",
  },
  secret: {
    label: 'Client secret',
    set: 'Set',
    notSet: 'Not set',
    hint: 'Kept encrypted on this computer and never shown again.',
    add: 'Add secret',
    replace: 'Replace secret',
    remove: 'Remove secret',
    newLabel: 'New client secret',
    save: 'Save secret',
    cancel: 'Cancel',
    empty: 'Type or paste the secret first.',
  },
  redirect: {
    legend: 'How the browser returns to the app',
    scheme: 'App link (recommended)',
    schemeHint: 'The browser hands the sign-in straight to the app.',
    loopback: 'Local address on this computer',
    loopbackHint: 'For portals that accept only http://127.0.0.1 addresses.',
    port: 'Port',
    portHint: 'The same port as in the address registered in the portal.',
    address: 'Address to register in the portal',
    addressHint:
      "In {{portal}}'s OAuth2 Application, add this exact address to the list of redirect URLs.",
    copy: 'Copy address',
    copied: 'Address copied.',
    copyFailed: "Couldn't copy. Select the address and copy it by hand.",
    saveFirst: 'Save your changes to see the address for the new setting.',
  },
  storage: {
    title: 'Saved sign-ins',
    backend: 'Protected by',
    none: 'No keyring available',
    unknown: "The app couldn't find out how sign-ins are stored.",
    encrypted: "Sign-ins are encrypted with your system's keyring and stay on this computer.",
    weakWarning:
      'This computer has no keyring to protect saved sign-ins. Saved on disk, they could be read by anyone who can read your files.',
    policyMemory:
      "Right now sign-ins are kept in memory only: you'll sign in again each time the app starts.",
    policyWeak: 'Sign-ins are saved on this computer with weak protection.',
    optIn: 'Save sign-ins anyway, with weak protection',
    optInHint: 'Only on a computer that you alone use. You can switch this off at any time.',
    recovered: '{{reason}} The old file was moved to {{path}}.',
    fileKept: '{{reason}} The file is {{path}}.',
    waitingForKeyring:
      "Waiting for the system keyring: your saved sign-ins ({{path}}) are kept as they are and come back by themselves once it's unlocked. Until then new sign-ins are kept in memory only.",
    waitingUnsaved:
      "Sign-ins made since are in memory only; they're saved as soon as the keyring opens. Don't quit the app before that, or sign in to them again later.",
    setAside: {
      title: 'Damaged files set aside',
      none: 'No damaged sign-in file is kept.',
      kept_one:
        "A saved-sign-ins file that couldn't be read is kept, in case it can be used again. It may still hold valid sign-ins.",
      kept_other:
        "{{count}} saved-sign-ins files that couldn't be read are kept, in case they can be used again. They may still hold valid sign-ins.",
      deleteAt: 'deleted by itself on {{date}}',
      delete_one: 'Delete it now',
      delete_other: 'Delete them now',
      retention: 'Delete damaged files set aside after',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
    },
  },
  appSettings: {
    title: 'App',
    language: 'Language',
    languageSystem: 'Same as the system',
    startAtLogin: 'Open Netrex Connect when I sign in to this computer',
    version: '{{name}} version {{version}}',
  },
  policy: {
    setByOrganisation: 'Set by your organisation',
    apiTokensOff:
      "Your organisation doesn't allow signing in with a personal API token on this computer. Sign in through the portal in your browser.",
    customPortalsOff:
      "Your organisation doesn't allow adding portals on this computer. Ask your administrator to add the portal you need.",
    weakStorageOff:
      "Your organisation doesn't allow keeping sign-ins on this computer without a keyring.",
  },
  updates: {
    title: 'Updates',
    disabled: {
      development: 'Updates are off while Netrex Connect runs from its source.',
      policy: 'Your organisation installs new versions of Netrex Connect on this computer.',
      'policy-invalid':
        "Updates are off: your organisation's update settings can't be used. Tell your administrator.",
      'no-feed': 'No update server is set, so Netrex Connect does not update itself.',
      'per-machine-install':
        'Netrex Connect is installed for every user of this computer; your organisation installs its new versions.',
      unsupported:
        "Netrex Connect can't update itself on this system; install new versions by hand.",
    },
    idle: 'Netrex Connect looks for updates in the background.',
    checking: 'Looking for an update…',
    downloading: 'Downloading version {{version}} ({{percent}} %)…',
    ready: 'Version {{version}} is downloaded and checked.',
    restart: 'Restart to update',
    blockedSignIn: 'A sign-in is in progress: restart once it is finished.',
    blockedSaving: 'Your sign-ins are being saved: restart in a moment.',
  },
  support: {
    title: 'Help with a problem',
    intro:
      'When signing in or staying connected does not work, the diagnosis checks each step and says what is wrong. You can copy or save it for your IT help desk; it holds no password or token.',
    diagnostics: 'Diagnostics',
    showLogs: 'Show logs',
    detailedLog: 'Detailed log',
    detailedLogHint:
      'Writes more about each step, for a support case. Turn it off when the problem is solved.',
  },
  diagnostics: {
    title: 'Diagnostics',
    intro:
      'Netrex Connect checks this computer, where sign-ins are kept and each portal: its name, the connection, its certificate, its answers and its clock. Each check waits a few seconds at most.',
    again: 'Check again',
    running: 'Checking…',
    runningLong: 'Checking; this takes a few seconds at most.',
    copy: 'Copy report',
    copied: 'The report is copied. Paste it into a message to your IT help desk.',
    copyFailed: "The report couldn't be copied. Use Save instead.",
    save: 'Save report…',
    saved: 'The report is saved in {{path}}.',
    back: 'Back to Settings',
    summary: 'Passed: {{ok}}, failed: {{fail}}, warnings: {{warn}}, skipped: {{skip}}.',
    status: { ok: 'OK', warn: 'Warning', fail: 'Failed', skip: 'Skipped', info: 'Info' },
  },
} as const;

/** The shape every language resource has (its plural keys may differ). */
export type Translations = typeof en;
