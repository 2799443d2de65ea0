// Čeština. Stejné klíče jako en.ts; počitatelné texty mají všechny české
// tvary množného čísla (one: 1, few: 2–4, many: desetinná čísla, other: 0 a 5+).
import { appMessagesCs } from './app-messages-cs';
import { managedRulesCs } from './managed-rules-cs';

export const cs = {
  app: {
    name: 'Netrex Connect',
    loading: 'Načítání…',
    loadFailed: 'Okno se nepodařilo načíst.',
  },
  nav: {
    skip: 'Přeskočit na obsah',
    label: 'Hlavní',
    connections: 'Připojení',
    addAccount: 'Přidat účet',
    settings: 'Nastavení',
  },
  errors: {
    bridgeUnavailable: 'Aplikace neodpověděla. Zavřete okno a otevřete ho znovu.',
    unnamedPortal: 'bez názvu',
  },
  fromApp: appMessagesCs,
  managedRule: managedRulesCs,
  notices: {
    connected: 'Připojeno k portálu {{portal}}.',
    connectedAs: 'Připojeno k portálu {{portal}}: {{label}}.',
    whoNamed: '{{label}} ({{portal}})',
    signedOut: 'Odhlášeno: {{who}}.',
    signedOutToken:
      'Odhlášeno: {{who}}. Netrex Connect API token zapomněl; samotný token ale funguje dál, dokud ho nesmažete v portálu {{portal}} (ikona uživatele → </> API).',
    revokeFailed:
      'Odhlášeno: {{who}}, ale portál {{portal}} se nepodařilo požádat o ukončení přístupu: {{reason}} Pro jistotu ho ukončete v portálu (ikona uživatele → </> API).',
    revokeUnconfirmed: 'Odhlášeno: {{who}}. {{reason}}',
    dismiss: 'Zavřít',
  },
  choose: {
    title: 'Který portál používáte?',
    lead: 'Vyberte portál, ve kterém spravujete své kamery. Přihlásíte se do něj ve svém obvyklém prohlížeči.',
    haveToken: 'Máte z portálu API token?',
    useToken: 'Přihlaste se raději tokenem',
    tagManaged: 'Nastavila vaše organizace',
    tagDemo: 'Ukázka',
    tagCustom: 'Přidali jste vy',
    tagNeedsSetup: 'Vyžaduje nastavení',
  },
  other: {
    card: 'Jiný portál…',
    cardHint: 'Vlastní adresa vaší firmy nebo prodejce',
    urlLabel: 'Adresa portálu',
    urlHint: 'Například https://kamery.example.cz: adresa, na které se do portálu přihlašujete.',
    nameLabel: 'Zobrazovaný název (nepovinné)',
    nameHint:
      'Jak bude portál v aplikaci pojmenovaný. Když pole necháte prázdné, použije se adresa.',
    submit: 'Pokračovat',
    adding: 'Přidávám…',
    problem: {
      empty: 'Nejdřív zadejte adresu portálu.',
      'not-a-url':
        'Tohle nevypadá jako webová adresa. Zkopírujte ji z adresního řádku prohlížeče, například https://kamery.example.cz.',
      'not-https': 'Adresa musí začínat https://, aby bylo spojení šifrované.',
      'has-credentials': 'Uživatelské jméno a heslo do adresy nepište; přihlásíte se v prohlížeči.',
      'has-query-or-fragment': 'Zadejte jen adresu portálu, bez ničeho za znakem ? nebo #.',
    },
  },
  signIn: {
    title: 'Přihlášení do portálu {{portal}}',
    panelLabel: 'Přihlášení',
    explain:
      'V prohlížeči se otevře portál {{portal}}. Přihlaste se jako obvykle a povolte přístup; toto okno se pak samo aktualizuje.',
    button: 'Přihlásit se přes {{portal}}',
    opening: 'Otevírám prohlížeč…',
    privacy: 'Heslo zadáváte jen na vlastní stránce portálu. Aplikace ho nikdy neuvidí.',
    cancelled: 'Přihlášení bylo zrušeno. Začít znovu můžete, kdykoli budete chtít.',
    replaces:
      'K portálu {{portal}} už jste přihlášeni. Nové přihlášení to stávající nahradí: portál neříká, kdo se přihlašuje, proto aplikace drží u každého portálu jedno přihlášení. Pro druhého člověka použijte API token.',
    notReadyTitle: 'Portál {{portal}} zatím není nastavený pro přihlášení jedním kliknutím',
    notReadyAsk:
      'Požádejte správce, ať portál {{portal}} pro Netrex Connect nastaví. Do té doby se můžete přihlásit osobním API tokenem vytvořeným v portálu.',
    notReadyAskNoToken: 'Požádejte správce, ať portál {{portal}} pro Netrex Connect nastaví.',
    setUpYourself: 'Nastavit portál {{portal}} sami',
    openSettings: 'Otevřít nastavení portálu {{portal}}',
    useToken: 'Přihlásit se raději API tokenem',
    otherPortal: 'Vybrat jiný portál',
    addPortal: 'Přidat další portál',
    portalSettings: 'Nastavení portálu',
    missingTitle: 'Portál nenalezen',
    missing: 'Tento portál už v aplikaci není nastavený.',
    choosePortal: 'Vybrat portál',
  },
  refusal: {
    portalSaid: 'Portál uvedl:',
    declined: {
      title: 'Přístup jste odmítli',
      next: 'Portál {{portal}} potřebuje k připojení vaše svolení. Zvolte znovu „Přihlásit se přes {{portal}}“ a v prohlížeči přístup povolte.',
    },
    rights: {
      title: 'Portál nepovolil oprávnění, o která aplikace žádala',
      next: 'Požádejte správce portálu o jejich povolení, nebo v nastavení portálu {{portal}} zrušte oprávnění, která nepotřebujete.',
    },
    client: {
      title: 'Portál tuto aplikaci nepoznal',
      next: 'Zkontrolujte ID klienta a tajný klíč klienta v nastavení portálu {{portal}}; musí odpovídat aplikaci registrované v portálu.',
    },
    timedOut: {
      title: 'Přihlášení trvalo příliš dlouho',
      next: 'Prohlížeč se nevrátil včas. Začněte znovu, zabere to jen chvilku.',
    },
    superseded: {
      title: 'Přihlášení převzal novější pokus',
      next: 'Platí jen poslední pokus o přihlášení. Dokončete ho v prohlížeči, nebo začněte znovu tady.',
    },
    noAnswer: {
      title: 'Portál neodpověděl',
      next: 'Nic nebylo přihlášeno. Zkontrolujte připojení a začněte znovu; pokud se to opakuje, portál může být mimo provoz.',
    },
    portal: {
      title: 'Portál ohlásil problém',
      next: 'Zkuste to za chvíli znovu. Pokud se to opakuje, obraťte se na správce portálu.',
    },
  },
  waiting: {
    title: 'Dokončete přihlášení v prohlížeči',
    explain:
      'Otevřeli jsme portál {{portal}} ve vašem prohlížeči. Přihlaste se v něm a povolte přístup; toto okno se pak samo aktualizuje.',
    timeLeft: 'Zbývá:',
    timeUp: 'Čas vypršel; aplikace tento pokus ukončuje.',
    reopen: 'Znovu otevřít prohlížeč',
    cancel: 'Zrušit',
    exchangingTitle: 'Skoro hotovo',
    exchanging: 'Potvrzuji přihlášení u portálu {{portal}}…',
    slow: 'Portál {{portal}} zatím neodpověděl. Můžete počkat, nebo přihlášení zrušit a začít znovu.',
  },
  paste: {
    toggle: 'Vložit adresu ručně',
    label: 'Adresa z prohlížeče',
    hint: 'Vložte adresu začínající {{prefix}}, pokud ji máte. Chrome, Edge ani Firefox ji neukážou: když aplikaci nedokážou otevřít, zůstanou na stránce portálu.',
    hintLoopback:
      'Pokud prohlížeč ukáže stránku, že se nemůže připojit, zkopírujte celou adresu z jeho adresního řádku (začíná {{prefix}}) a vložte ji sem.',
    submit: 'Dokončit přihlášení',
    empty: 'Nejdřív vložte adresu z prohlížeče.',
    youPasted: 'Co jste vložili (bez kódů):',
  },
  wayBack: {
    why: {
      development:
        'Odkazy aplikace vedou jen do nainstalované kopie Netrex Connect, ne do kopie spuštěné pro vývoj.',
      'not-registered':
        'Tento počítač přihlašovací odkazy v Netrex Connect neotevírá: registrace aplikace pro ně se nezdařila.',
      claimed:
        'Přihlašovací odkazy na tomto počítači otevírá {{holder}}, ne tato kopie Netrex Connect, a aplikace si je nedokázala vzít zpět.',
      claimedUnnamed:
        'Přihlašovací odkazy na tomto počítači otevírá jiný program, ne tato kopie Netrex Connect, a aplikace si je nedokázala vzít zpět.',
      elevated:
        'Netrex Connect běží jako správce a odkazy, které otevře váš prohlížeč, se ke kopii spuštěné jako správce nedostanou.',
      chosen: 'Tentokrát jste zvolili návrat přes místní adresu.',
    },
    viaLoopback:
      'Prohlížeč se proto do aplikace vrátí přes místní adresu na tomto počítači ({{address}}). Nic nastavovat nemusíte.',
    returnsVia:
      'Prohlížeč se do aplikace vrátí přes místní adresu na tomto počítači ({{address}}).',
    doubtful:
      'Po povolení přístupu se prohlížeč do aplikace nemusí vrátit a neukáže žádnou adresu, kterou by šlo vložit.',
    fix: {
      elevated: 'Zavřete Netrex Connect a spusťte ho znovu bez práv správce.',
      development:
        'Přihlaste se z nainstalované kopie, nebo požádejte správce portálu, aby pro tuto aplikaci zaregistroval i místní adresu {{address}}.',
      other:
        'Požádejte správce portálu, aby pro tuto aplikaci zaregistroval i místní adresu {{address}}; do té doby je spolehlivou cestou API token.',
    },
    loopbackBusy:
      'Místní adresu teď nelze použít: port {{port}} tohoto počítače používá jiný program.',
  },
  longWait: {
    title: 'Prohlížeč se nevrátil?',
    prompt:
      'Prohlížeč se možná ptá, zda má otevřít Netrex Connect. Hledejte jeho dotaz v horní části okna prohlížeče (může být schovaný za jinými okny), zvolte Otevřít a zaškrtněte „Vždy povolit“, aby se už neptal. Pokud jste zvolili Zrušit, použijte některou z cest níže.',
    viaLoopback: 'Přihlásit se znovu přes místní adresu',
    viaLoopbackHint:
      'Prohlížeč se pak vrátí přes {{address}} na tomto počítači, aniž by se ptal na otevření aplikace.',
    loopbackPage:
      'Pokud prohlížeč ukáže stránku, že se nemůže připojit (Chrome a Edge: „Tento web není dostupný“, Firefox: „Nelze se připojit“), zkopírujte celou adresu z jeho adresního řádku a vložte ji níže.',
    copyLink: 'Zkopírovat nový přihlašovací odkaz',
    copyLinkHint:
      'Pro přihlášení z jiného prohlížeče nebo profilu prohlížeče: vložte odkaz do jeho adresního řádku. Dříve zahájené přihlášení se tím zruší.',
    copied:
      'Přihlašovací odkaz je zkopírovaný. Vložte ho do adresního řádku prohlížeče, který chcete použít.',
  },
  connections: {
    title: 'Připojení',
    add: 'Přidat účet',
    empty: 'Zatím tu nejsou žádné účty. Zvolte „Přidat účet“ a připojte se ke svému portálu.',
    summary_one: '{{count}} účet',
    summary_few: '{{count}} účty',
    summary_many: '{{count}} účtu',
    summary_other: '{{count}} účtů',
  },
  state: {
    connected: 'Připojeno',
    refreshing: 'Obnovuje se',
    offline: 'Offline',
    offlineRetry_one: 'Offline – další pokus za {{count}} s',
    offlineRetry_few: 'Offline – další pokus za {{count}} s',
    offlineRetry_many: 'Offline – další pokus za {{count}} s',
    offlineRetry_other: 'Offline – další pokus za {{count}} s',
    offlineRetryNow: 'Offline – zkouším to znovu',
    expired: 'Vypršelo – přihlaste se znovu',
    error: 'Chyba',
    authorizing: 'Přihlašování…',
    'signed-out': 'Odhlášeno',
  },
  account: {
    cameras: 'Kamery',
    cameraCount_one: '{{count}} kamera',
    cameraCount_few: '{{count}} kamery',
    cameraCount_many: '{{count}} kamery',
    cameraCount_other: '{{count}} kamer',
    camerasUnknown: 'Zatím neověřeno',
    showNames: 'Zobrazit názvy',
    hideNames: 'Skrýt názvy',
    access: 'Přístup',
    expiresIn: 'Vyprší {{when}}',
    expiredAgo: 'Vypršel {{when}}',
    noExpiry: 'Bez data vypršení',
    renewsItself: 'obnovuje se automaticky',
    camerasAsOf: 'stav {{when}}',
    lastSuccess: 'Poslední úspěšná kontrola',
    lastTry: 'poslední pokus {{when}}',
    renewsWhenBack: 'obnoví se, až portál {{portal}} odpoví',
    rights: 'Oprávnění',
    noRights: 'Žádná neuvedena',
    rightsOfToken: 'Zvolena v portálu při vytvoření tokenu',
    lastCheck: 'Poslední kontrola',
    neverChecked: 'Zatím neproběhla',
    latency: 'odpověď za {{ms}} ms',
    method: 'Přihlášení',
    viaBrowser: 'V prohlížeči',
    viaToken: 'API tokenem',
    memoryOnly:
      'Uloženo jen v paměti: po restartu aplikace se budete muset přihlásit znovu. Viz Nastavení → Uložená přihlášení.',
    signInAgain: 'Přihlásit se znovu',
    checkNow: 'Zkontrolovat',
    checking: 'Kontroluji…',
    signOut: 'Odhlásit',
    signOutAsk: 'Odhlásit tento účet?',
    signOutEndsGrant:
      'Netrex Connect požádá portál {{portal}}, aby toto přihlášení hned ukončil. Chcete-li se znovu připojit, přihlásíte se znovu v prohlížeči.',
    signOutEndsToken:
      'Netrex Connect tento API token zapomene. Samotný token ale funguje dál, dokud ho nesmažete v portálu {{portal}} (ikona uživatele → </> API).',
    signOutConfirm: 'Ano, odhlásit',
    signOutKeep: 'Neodhlašovat',
    clockAhead_one:
      'Hodiny portálu jdou o {{count}} minutu napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAhead_few:
      'Hodiny portálu jdou o {{count}} minuty napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAhead_many:
      'Hodiny portálu jdou o {{count}} minuty napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAhead_other:
      'Hodiny portálu jdou o {{count}} minut napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehind_one:
      'Hodiny portálu jdou o {{count}} minutu pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehind_few:
      'Hodiny portálu jdou o {{count}} minuty pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehind_many:
      'Hodiny portálu jdou o {{count}} minuty pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehind_other:
      'Hodiny portálu jdou o {{count}} minut pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAheadHours_one:
      'Hodiny portálu jdou o {{count}} hodinu napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAheadHours_few:
      'Hodiny portálu jdou o {{count}} hodiny napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAheadHours_many:
      'Hodiny portálu jdou o {{count}} hodiny napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockAheadHours_other:
      'Hodiny portálu jdou o {{count}} hodin napřed oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehindHours_one:
      'Hodiny portálu jdou o {{count}} hodinu pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehindHours_few:
      'Hodiny portálu jdou o {{count}} hodiny pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehindHours_many:
      'Hodiny portálu jdou o {{count}} hodiny pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
    clockBehindHours_other:
      'Hodiny portálu jdou o {{count}} hodin pozadu oproti tomuto počítači. Nastavte na počítači automatické nastavení data a času; pokud jsou správně, dejte vědět správci portálu.',
  },
  rights: {
    read: 'Zobrazovat kamery a nastavení',
    write: 'Měnit nastavení',
    liveview: 'Sledovat živý obraz',
    audiotransmit: 'Mluvit do reproduktorů kamer',
    liveview_ptz: 'Ovládat otočné kamery (PTZ)',
    liveview_light: 'Zapínat světla kamer',
    liveview_audioclip: 'Přehrávat zvukové klipy',
    recordings: 'Prohlížet záznamy',
    recordings_delete: 'Mazat záznamy',
    events: 'Zobrazovat události',
  },
  apiToken: {
    title: 'Přihlášení API tokenem',
    lead: 'Vložte osobní API token z vašeho portálu. Aplikace ho před uložením ověří u portálu.',
    portal: 'Portál',
    token: 'API token',
    hint: 'V portálu: ikona uživatele → </> API → Create an API TOKEN. Tuto nabídku vidí jen účty s plným přístupem.',
    label: 'Název připojení (nepovinné)',
    labelHint:
      'Například „Kamery v kanceláři“. Necháte-li pole prázdné, použije se název zobrazený v poli.',
    submit: 'Ověřit a uložit',
    checking: 'Ověřuji u portálu…',
    back: 'Zpět',
    empty: 'Nejdřív vložte API token.',
    choosePortal: 'Vyberte portál, který token vytvořil',
    goesTo: 'Netrex Connect pošle token jen do portálu {{portal}}, aby ho ověřil:',
    defaultLabel: 'API token',
    defaultLabelN: 'API token {{n}}',
  },
  settings: {
    title: 'Nastavení',
    portals: 'Portály',
    choosePortal: 'Portál k nastavení',
    noPortals: 'Žádný portál není nastavený.',
  },
  provider: {
    setup: 'Nastavení přihlášení pro portál {{portal}}',
    locked: 'Nastavila vaše organizace. Tady se to změnit nedá; obraťte se na správce IT.',
    clientId: 'ID klienta',
    clientIdHint: 'V portálu: ikona uživatele → </> API → OAuth2 Application.',
    rights: 'Požadovaná oprávnění',
    rightsHint: 'Co smí aplikace s vaším účtem dělat. Žádejte jen o to, co potřebujete.',
    save: 'Uložit změny',
    saving: 'Ukládám…',
    saved: 'Uloženo.',
    remove: 'Odebrat tento portál',
    badPort: 'Port musí být celé číslo od 1 do 65535.',
    pkceNotAdvertised:
      'O serveru: jeho konfigurace přihlašování neuvádí metody PKCE, které podporuje (code_challenge_methods_supported). Netrex Connect přesto posílá PKCE S256 a každou odpověď kontroluje jako obvykle, takže přihlášení funguje. Správce serveru může pole doplnit, aby to věděly i jiné aplikace.',
  },
  secret: {
    label: 'Tajný klíč klienta',
    set: 'Nastaven',
    notSet: 'Nenastaven',
    hint: 'Uchovává se v tomto počítači šifrovaně a už se nikdy nezobrazí.',
    add: 'Přidat tajný klíč',
    replace: 'Nahradit tajný klíč',
    remove: 'Odebrat tajný klíč',
    newLabel: 'Nový tajný klíč klienta',
    save: 'Uložit tajný klíč',
    cancel: 'Zrušit',
    empty: 'Nejdřív tajný klíč napište nebo vložte.',
  },
  redirect: {
    legend: 'Jak se prohlížeč vrátí do aplikace',
    scheme: 'Odkaz aplikace (doporučeno)',
    schemeHint: 'Prohlížeč předá přihlášení přímo aplikaci.',
    loopback: 'Místní adresa v tomto počítači',
    loopbackHint: 'Pro portály, které přijímají jen adresy http://127.0.0.1.',
    port: 'Port',
    portHint: 'Stejný port jako v adrese registrované v portálu.',
    address: 'Adresa k registraci v portálu',
    addressHint:
      'V OAuth2 Application portálu {{portal}} přidejte přesně tuto adresu do seznamu adres pro přesměrování.',
    copy: 'Kopírovat adresu',
    copied: 'Adresa zkopírována.',
    copyFailed: 'Kopírování se nepovedlo. Označte adresu a zkopírujte ji ručně.',
    saveFirst: 'Uložte změny, pak se zobrazí adresa pro nové nastavení.',
  },
  storage: {
    title: 'Uložená přihlášení',
    backend: 'Chráněno pomocí',
    none: 'Klíčenka není k dispozici',
    unknown: 'Aplikace nezjistila, jak se přihlášení ukládají.',
    encrypted: 'Přihlášení jsou šifrovaná klíčenkou systému a zůstávají v tomto počítači.',
    weakWarning:
      'Tento počítač nemá klíčenku, která by uložená přihlášení chránila. Na disku by je mohl přečíst kdokoli, kdo může číst vaše soubory.',
    policyMemory:
      'Teď jsou přihlášení jen v paměti: při každém spuštění aplikace se budete přihlašovat znovu.',
    policyWeak: 'Přihlášení se ukládají v tomto počítači se slabou ochranou.',
    optIn: 'Přesto ukládat přihlášení se slabou ochranou',
    optInHint: 'Jen na počítači, který používáte sami. Vypnout to můžete kdykoli.',
    recovered: '{{reason}} Původní soubor byl přesunut do {{path}}.',
    fileKept: '{{reason}} Jde o soubor {{path}}.',
    waitingForKeyring:
      'Čeká se na klíčenku systému: uložená přihlášení ({{path}}) zůstávají, jak jsou, a vrátí se sama, jakmile ji odemknete. Do té doby se nová přihlášení uchovávají jen v paměti.',
    waitingUnsaved:
      'Přihlášení provedená mezitím jsou jen v paměti; uloží se, jakmile se klíčenka otevře. Do té doby aplikaci neukončujte, jinak se k nim později přihlaste znovu.',
    setAside: {
      title: 'Odložené poškozené soubory',
      none: 'Žádný poškozený soubor s přihlášeními se neuchovává.',
      kept_one:
        'Uchovává se soubor s uloženými přihlášeními, který se nepodařilo přečíst, pro případ, že půjde znovu použít. Může stále obsahovat platná přihlášení.',
      kept_few:
        'Uchovávají se {{count}} soubory s uloženými přihlášeními, které se nepodařilo přečíst, pro případ, že půjdou znovu použít. Mohou stále obsahovat platná přihlášení.',
      kept_many:
        'Uchovává se {{count}} souboru s uloženými přihlášeními, které se nepodařilo přečíst, pro případ, že půjdou znovu použít. Mohou stále obsahovat platná přihlášení.',
      kept_other:
        'Uchovává se {{count}} souborů s uloženými přihlášeními, které se nepodařilo přečíst, pro případ, že půjdou znovu použít. Mohou stále obsahovat platná přihlášení.',
      deleteAt: 'sám se smaže {{date}}',
      delete_one: 'Smazat ho teď',
      delete_few: 'Smazat je teď',
      delete_many: 'Smazat je teď',
      delete_other: 'Smazat je teď',
      retention: 'Odložené poškozené soubory mazat po',
      days_one: '{{count}} dni',
      days_few: '{{count}} dnech',
      days_many: '{{count}} dne',
      days_other: '{{count}} dnech',
    },
  },
  appSettings: {
    title: 'Aplikace',
    language: 'Jazyk',
    languageSystem: 'Podle systému',
    startAtLogin: 'Spouštět Netrex Connect po přihlášení k počítači',
    version: '{{name}} verze {{version}}',
  },
  policy: {
    setByOrganisation: 'Nastaveno vaší organizací',
    apiTokensOff:
      'Vaše organizace na tomto počítači nepovoluje přihlášení osobním tokenem API. Přihlaste se přes portál v prohlížeči.',
    customPortalsOff:
      'Vaše organizace na tomto počítači nepovoluje přidávat portály. Požádejte správce, ať portál, který potřebujete, přidá.',
    weakStorageOff:
      'Vaše organizace nepovoluje uchovávat přihlášení v tomto počítači bez klíčenky.',
  },
  updates: {
    title: 'Aktualizace',
    disabled: {
      development: 'Aktualizace jsou vypnuté, dokud Netrex Connect běží ze zdrojového kódu.',
      policy: 'Nové verze Netrex Connect na tento počítač instaluje vaše organizace.',
      'policy-invalid':
        'Aktualizace jsou vypnuté: nastavení aktualizací od vaší organizace nelze použít. Řekněte to správci.',
      'no-feed': 'Není nastaven server aktualizací, a proto se Netrex Connect sám neaktualizuje.',
      'per-machine-install':
        'Netrex Connect je nainstalován pro všechny uživatele tohoto počítače; nové verze instaluje vaše organizace.',
      unsupported:
        'Netrex Connect se v tomto systému nemůže aktualizovat sám; nové verze instalujte ručně.',
    },
    idle: 'Netrex Connect hledá aktualizace na pozadí.',
    checking: 'Hledá se aktualizace…',
    downloading: 'Stahuje se verze {{version}} ({{percent}} %)…',
    ready: 'Verze {{version}} je stažená a ověřená.',
    restart: 'Restartovat a aktualizovat',
    blockedSignIn: 'Právě probíhá přihlášení: restartujte, až skončí.',
    blockedSaving: 'Vaše přihlášení se právě ukládají: restartujte za chvíli.',
  },
  support: {
    title: 'Pomoc při potížích',
    intro:
      'Když přihlášení nebo spojení nefunguje, diagnostika projde každý krok a řekne, co je špatně. Můžete ji zkopírovat nebo uložit pro oddělení IT; neobsahuje žádné heslo ani token.',
    diagnostics: 'Diagnostika',
    showLogs: 'Zobrazit záznamy',
    detailedLog: 'Podrobný záznam',
    detailedLogHint:
      'Zapisuje o každém kroku víc, pro řešení potíží s podporou. Až budou potíže vyřešené, vypněte ho.',
  },
  diagnostics: {
    title: 'Diagnostika',
    intro:
      'Netrex Connect zkontroluje tento počítač, kde jsou uložena přihlášení, a každý portál: jeho název, spojení, certifikát, odpovědi a hodiny. Každá kontrola čeká nejvýš několik sekund.',
    again: 'Zkontrolovat znovu',
    running: 'Kontroluji…',
    runningLong: 'Kontroluji; trvá to nejvýš několik sekund.',
    copy: 'Zkopírovat zprávu',
    copied: 'Zpráva je zkopírovaná. Vložte ji do zprávy pro oddělení IT.',
    copyFailed: 'Zprávu se nepodařilo zkopírovat. Použijte Uložit.',
    save: 'Uložit zprávu…',
    saved: 'Zpráva je uložená v {{path}}.',
    back: 'Zpět do Nastavení',
    summary: 'Prošlo: {{ok}}, selhalo: {{fail}}, varování: {{warn}}, přeskočeno: {{skip}}.',
    status: { ok: 'OK', warn: 'Pozor', fail: 'Chyba', skip: 'Přeskočeno', info: 'Info' },
  },
} as const;
