// The report in Czech.
import { duration, utc } from './format';
import type { ReportWords } from './words';

const ROLE = {
  token: 'Přihlašovací server (token endpoint)',
  api: 'API',
  discovery: 'Přihlašovací server (discovery)',
};
const STATE: Record<string, string> = {
  connected: 'připojeno',
  refreshing: 'obnovuje přihlášení',
  offline: 'offline (zkouší to samo znovu)',
  expired: 'portál přihlášení ukončil: přihlaste se znovu',
  error: 'portál odmítá',
  authorizing: 'probíhá nové přihlášení',
  'signed-out': 'odhlášeno',
};
const accounts = (n: number) => (n === 1 ? 'účet' : n >= 2 && n <= 4 ? 'účty' : 'účtů');

export const csWords: ReportWords = {
  heading: 'Diagnostika Netrex Connect',
  created: (at, tookMs) => `Vytvořeno ${utc(at)}; kontroly trvaly ${duration(tookMs)}.`,
  summary: (c) =>
    `Prošlo ${c.ok ?? 0}, selhalo ${c.fail ?? 0}, varování ${c.warn ?? 0}, přeskočeno ${c.skip ?? 0} (nepočítá se jako prošlé).`,
  statusLabel: { ok: 'OK', warn: 'POZOR', fail: 'CHYBA', skip: 'PŘESKOČENO', info: 'INFO' },
  sections: {
    app: 'Aplikace a systém',
    storage: 'Kde jsou uložena přihlášení',
    wayBack: 'Cesta zpět z prohlížeče',
    portal: (name) => `Portál: ${name}`,
    accounts: 'Účty',
    // Czech counts: 1 řádek, 2–4 řádky, 5 and more řádků.
    log: (count) =>
      count === 0
        ? 'Záznam'
        : count === 1
          ? 'Poslední řádek záznamu'
          : count <= 4
            ? `Poslední ${count} řádky záznamu`
            : `Posledních ${count} řádků záznamu`,
  },
  app: {
    version: (name, version) => `${name} ${version}`,
    runtime: 'Běhové prostředí',
    runtimeDetail: (electron, chromium, node) =>
      `Electron ${electron}, Chromium ${chromium}, Node ${node}`,
    os: 'Operační systém',
    install: 'Nainstalováno jako',
    installKind: (kind) =>
      ({
        development: 'vývojová kopie (nenainstalovaná)',
        appimage: 'AppImage',
        deb: 'balíček Debian (v /opt)',
        snap: 'balíček Snap',
        'nsis-per-user': 'instalátor pro Windows, pro tohoto uživatele',
        'nsis-per-machine': 'instalátor pro Windows, pro všechny uživatele',
        'mac-applications': 'aplikace ve složce Aplikace',
        'mac-translocated':
          'aplikace, kterou macOS spouští z dočasné kopie: přesuňte ji do složky Aplikace',
        'mac-disk-image': 'aplikace spuštěná z obrazu disku: nejdřív ji zkopírujte do Aplikací',
        unpacked: 'rozbalená kopie (bez instalátoru)',
      })[kind] ?? kind,
    started: 'Spuštěno',
    startedHow: (atLogin) => (atLogin ? 'po přihlášení k počítači' : 'obsluhou'),
    language: (setting, shown) =>
      `Nastavený jazyk: ${setting === 'system' ? 'podle systému' : setting}; tato zpráva: ${shown === 'cs' ? 'čeština' : 'angličtina'}`,
  },
  storage: {
    keyStore: 'Úložiště klíčů',
    keyStoreDetail: (backend, weak, available) =>
      !available
        ? `${backend}: šifrování není k dispozici, přihlášení se drží jen v paměti.`
        : weak
          ? `${backend}: klíč skutečně nechrání (chybí klíčenka). Nainstalujte nebo odemkněte klíčenku (GNOME Keyring, KWallet), aby se přihlášení ukládala bezpečně.`
          : `${backend}: uložená přihlášení šifruje.`,
    policy: 'Co se ukládá',
    policyDetail: (policy) =>
      ({
        encrypted: 'Přihlášení se ukládají šifrovaně.',
        'memory-only': 'Přihlášení se drží jen v paměti: po zavření aplikace se ztratí.',
        'weak-allowed': 'Přihlášení se ukládají se slabou ochranou, jak obsluha zvolila.',
      })[policy] ?? policy,
    vaultFile: 'Soubor uložených přihlášení',
    vaultFileOk: (n) => `Čitelný; obsahuje ${n} ${accounts(n)}.`,
    vaultFileMissing: 'Zatím žádný (nic se neuložilo).',
    vaultFileRecovered: (damage) =>
      `Při spuštění ho nešlo přečíst (${damage}), byl odložen stranou; přihlaste se znovu.`,
    vaultFileKept: (sealedBy, damage) =>
      sealedBy
        ? `Zapečetilo ho jiné úložiště klíčů (${sealedBy}), které teď není k dispozici; zůstává nedotčený a v této relaci se nic neukládá.`
        : `Je poškozený (${damage ?? 'nečitelný'}) a nešel odložit; v této relaci se nic neukládá.`,
    lastWrite: 'Poslední uložení',
    lastWriteFailed: (code) => `Poslední uložení selhalo (${code}).`,
    lastWriteOk: 'Žádné uložení neselhalo.',
    roundTrip: 'Zkouška úložiště klíčů',
    roundTripOk: (ms) => `Zkušební hodnota se zašifrovala a dešifrovala za ${ms} ms.`,
    roundTripFailed:
      'Zašifrování zkušební hodnoty selhalo: klíčenka může být zamčená. Odemkněte ji (nebo se znovu přihlaste k ploše) a zkontrolujte znovu.',
    roundTripTimedOut: (s) =>
      `Úložiště klíčů neodpovědělo do ${s} s: zamčená klíčenka možná čeká na heslo.`,
    roundTripSkipped: 'Neprovedeno: žádné úložiště klíčů není k dispozici.',
    keyringWait: 'Uložená přihlášení čekají na klíčenku',
    keyringWaitDetail: (sealedBy, since, unsaved) =>
      `Uložená přihlášení zapečetil ${sealedBy || 'úložiště klíčů'}, které se od ${utc(since)} neotevřelo. Soubor zůstává beze změny a aplikace se ptá znovu; odemkněte klíčenku (nebo se znovu přihlaste k ploše).${unsaved ? ' Přihlášení provedená mezitím jsou jen v paměti, dokud se neotevře.' : ''}`,
  },
  wayBack: {
    title: 'Kontroly cesty zpět',
    unavailable: 'Tato verze aplikace je nekontroluje.',
  },
  portal: {
    address: 'Adresa',
    addressDetail: (url, dialect, redirect) =>
      `${url} (${dialect === 'netrex' ? 'protokol Netrex' : 'standardní OAuth 2.0'}; zpět do aplikace ${redirect === 'loopback' ? 'přes místní adresu' : 'odkazem aplikace'})`,
    notConfigured: 'Portál nemá nastavenou adresu.',
    badAddress: 'Jeho adresu nelze použít: opravte ji v Nastavení.',
    dns: (host) => `Vyhledání názvu: ${host}`,
    dnsOk: (addresses, ms) => `Nalezeno ${addresses.join(', ')} za ${ms} ms.`,
    tcp: (host, port) => `Spojení: ${host}:${port}`,
    tcpOk: (ms) => `Spojeno za ${ms} ms.`,
    tls: (host, port) => `Zabezpečené spojení: ${host}:${port}`,
    tlsOk: (subject, issuer, until, protocol) =>
      `${protocol}; certifikát pro ${subject}, vydal ${issuer}, platný do ${utc(until)}.`,
    tlsPlain: 'Prosté http (povolené jen k tomuto počítači): není co ověřit.',
    http: (role) => ROLE[role],
    httpOk: (status, ms) => `Odpověděl (HTTP ${status}) za ${ms} ms.`,
    httpStatus: (status) =>
      status === 404
        ? 'Odpověděl HTTP 404: na této adrese nic není. Zkontrolujte adresu portálu.'
        : status === 407
          ? 'Proxy vyžaduje přihlášení (HTTP 407). Obraťte se na oddělení IT.'
          : status >= 300 && status < 400
            ? `Odpověděl přesměrováním (HTTP ${status}): místo portálu možná odpovídá něco mezi (přihlašovací stránka Wi-Fi, proxy).`
            : status === 429
              ? 'Portál je přetížený (HTTP 429); zeptá se znovu později.'
              : `Odpověděl HTTP ${status}: portál (nebo brána před ním) má potíže. Zkuste to později; pokud to trvá, dejte vědět správci portálu.`,
    proxy: 'Proxy',
    proxyDetail: (pac) =>
      pac.trim().toUpperCase() === 'DIRECT'
        ? 'Přímé spojení (bez proxy).'
        : `Systém posílá spojení k tomuto portálu přes: ${pac}.`,
    proxyUnknown: 'Nezjišťováno (systémovou proxy zná jen aplikace sama).',
    clock: 'Hodiny',
    clockOk: (offset) =>
      `Hodiny portálu se shodují s hodinami počítače (${offset === 0 ? 'stejná sekunda' : `rozdíl ${duration(offset)}`}).`,
    clockSkew: (offset) =>
      `Hodiny portálu jdou o ${duration(offset)} ${offset > 0 ? 'napřed' : 'pozadu'} oproti hodinám počítače. Nastavte na počítači datum, čas a časové pásmo automaticky. Platnost přihlášení se počítá podle hodin počítače, ale standardní přihlášení OpenID čas kontrolují a mohou selhat.`,
    clockUnknown: 'Portál svůj čas neuvedl.',
    failure: (kind, c) => {
      const at = `${c.host}:${c.port}`;
      switch (kind) {
        case 'name_not_found':
          return `Název ${c.host} nebyl nalezen. Zkontrolujte adresu portálu nebo síť a nastavení DNS tohoto počítače.`;
        case 'dns_failed':
          return `Název ${c.host} nešlo vyhledat: server DNS neodpověděl správně. Zkontrolujte připojení k síti.`;
        case 'refused':
          return `${at} spojení odmítl: na tomto portu nic neodpovídá, nebo ho odmítá firewall. Zkontrolujte adresu a port portálu.`;
        case 'timed_out':
          return `${at} neodpověděl do ${c.seconds} s: spojení možná zahazuje firewall, nebo portál neběží.`;
        case 'reset':
          return `Spojení s ${at} bylo přerušeno: může ho zastavovat firewall, proxy nebo bezpečnostní software.`;
        case 'unreachable':
          return `${c.host} není z tohoto počítače dosažitelný: zkontrolujte připojení k síti.`;
        case 'cert_untrusted':
          return `Certifikát portálu není důvěryhodný${c.issuer ? ` (vydal ${c.issuer})` : ''}. Certifikát portálu možná nahrazuje proxy nebo bezpečnostní software: obraťte se na oddělení IT. Dokud mu tento počítač nedůvěřuje, přihlášení fungovat nemůže.`;
        case 'cert_expired':
          return `Platnost certifikátu portálu skončila${c.date ? ` ${utc(c.date)}` : ''}. Pokud má počítač správné datum, musí se certifikát portálu obnovit: dejte vědět správci portálu.`;
        case 'cert_not_yet_valid':
          return `Certifikát portálu platí až od ${c.date ? utc(c.date) : 'pozdějšího data'}: hodiny tohoto počítače možná nejdou správně.`;
        case 'cert_wrong_name':
          return `Certifikát je vystaven na jiný název${c.names?.length ? ` (${c.names.join(', ')})` : ''}, ne na ${c.host}. Adresa může být špatně, nebo místo portálu odpovídá něco mezi.`;
        case 'tls_failed':
          return `Zabezpečené spojení s ${at} selhalo${c.reason ? ` (${c.reason})` : ''}: na tomto portu možná neběží https, nebo do spojení něco zasahuje.`;
        case 'proxy_failed':
          return `Proxy se nedokázala spojit s ${c.host}${c.reason ? ` (${c.reason})` : ''}. Zkontrolujte nastavení proxy nebo se obraťte na oddělení IT.`;
        case 'network_failed':
          return `Spojení s ${at} selhalo${c.reason ? ` (${c.reason})` : ''}.`;
      }
    },
  },
  accounts: {
    none: 'Není přihlášen žádný účet.',
    title: (label, portal) => (label && label !== portal ? `${label} na ${portal}` : portal),
    detail: (f) =>
      [
        `Stav: ${STATE[f.state] ?? f.state}.`,
        `Poslední úspěšná kontrola: ${f.lastSuccessAt === null ? 'žádná' : utc(f.lastSuccessAt)}.`,
        f.error ? `Kód poslední chyby: ${f.error}.` : '',
        f.nextRefreshAt !== null ? `Příští obnovení: ${utc(f.nextRefreshAt)}.` : '',
        f.nextRetryAt !== null ? `Další pokus: ${utc(f.nextRetryAt)}.` : '',
        f.persisted ? '' : 'Není uloženo v tomto počítači.',
      ]
        .filter(Boolean)
        .join(' '),
  },
  log: { none: 'Žádný záznam (nebo je prázdný).' },
  command: {
    written: (text, json, failed) =>
      `Diagnostická zpráva je v ${text} (pro stroje: ${json}). ${failed === 0 ? 'Žádná kontrola neselhala.' : `Selhaných kontrol: ${failed}; viz řádky označené [CHYBA].`}`,
    notWritten: (folder, reason) =>
      `Diagnostickou zprávu se nepodařilo zapsat do ${folder} (${reason}). Zkontrolujte, že složka existuje a lze do ní zapisovat, nebo otevřete Nastavení → Diagnostika a zprávu zkopírujte.`,
    handedOver: (text) =>
      `Netrex Connect už běží: diagnostickou zprávu zapíše během několika sekund do ${text}.`,
  },
};
