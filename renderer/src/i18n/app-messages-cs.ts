// Slova okna pro to, co hlásí hlavní proces: stejné kódy a varianty jako
// app-messages-en.ts. Název portálu se neskloňuje, proto „portál {{portal}}“,
// „portálu {{portal}}“, „s portálem {{portal}}“. {{Portal}} je tentýž název
// s velkým písmenem na začátku; česká věta ho nepotřebuje.
export const appMessagesCs = {
  access_denied:
    'V portálu {{portal}} jste žádost odmítli, takže se Netrex Connect nepřihlásil. Chcete-li se připojit, přihlaste se znovu a přístup povolte.',
  invalid_scope:
    'Portál {{portal}} odmítl požadovaná oprávnění. Vyberte v nastavení portálu méně oprávnění, nebo se zeptejte správce, o která oprávnění smí aplikace žádat.',
  server_error:
    'Portál {{portal}} hlásí vnitřní potíže. Pokud trvají, obraťte se na správce portálu.',
  temporarily_unavailable:
    'Portál {{portal}} je dočasně nedostupný. Obvykle bývá do několika minut opět k dispozici.',
  unauthorized_client:
    'Portál {{portal}} této aplikaci nedovoluje přihlásit se tímto způsobem. Požádejte správce, ať v portálu zkontroluje aplikaci OAuth.',
  unsupported_response_type:
    'Portál {{portal}} nepodporuje způsob přihlášení, který Netrex Connect používá (autorizační kód). Požádejte správce, ať zkontroluje aplikaci OAuth.',
  invalid_request:
    'Portál {{portal}} žádost o přihlášení odmítl. Zkontrolujte, že ID klienta a registrovaná adresa pro návrat odpovídají nastavení portálu, a zkuste to znovu.',
  invalid_client:
    'Portál {{portal}} nepřijal ID klienta nebo tajný klíč klienta. Zkontrolujte je v nastavení portálu, nebo se obraťte na správce.',
  invalid_grant:
    'Portál {{portal}} už toto přihlášení nepřijímá: vypršelo, už bylo použito, nebo bylo zrušeno. Přihlaste se znovu.',
  unknown_redirect:
    'Tohle není adresa pro přihlášení do Netrex Connect. Po schválení v prohlížeči zkopírujte celou adresu z adresního řádku a vložte ji znovu.',
  not_pending:
    'Žádné přihlášení do portálu {{portal}} nečeká na odpověď. Spusťte přihlášení znovu z Netrex Connect.',
  state_mismatch:
    'Tato odpověď nepatří k probíhajícímu přihlášení, a proto byla z bezpečnostních důvodů ignorována. Dokončete přihlášení v kartě prohlížeče, kterou Netrex Connect otevřel naposledy, nebo začněte znovu.',
  incomplete_redirect:
    'Tato adresa je neúplná: končí dřív, než část, která ji váže k vašemu přihlášení. Zkopírujte z adresního řádku prohlížeče celou adresu (je dlouhá: označte ji celou) a vložte ji znovu.',
  replayed:
    'Tato odpověď už byla použita a dvakrát ji použít nelze. Pokud nejste připojeni, spusťte přihlášení znovu.',
  timed_out_one:
    'Přihlášení do portálu {{portal}} nebylo dokončeno do {{count}} minuty, a tak vypršelo. Spusťte ho znovu.',
  timed_out_few:
    'Přihlášení do portálu {{portal}} nebylo dokončeno do {{count}} minut, a tak vypršelo. Spusťte ho znovu.',
  timed_out_many:
    'Přihlášení do portálu {{portal}} nebylo dokončeno do {{count}} minuty, a tak vypršelo. Spusťte ho znovu.',
  timed_out_other:
    'Přihlášení do portálu {{portal}} nebylo dokončeno do {{count}} minut, a tak vypršelo. Spusťte ho znovu.',
  superseded:
    'Bylo spuštěno novější přihlášení do portálu {{portal}}, a tak bylo toto opuštěno. Dokončete v prohlížeči to nejnovější.',
  cancelled: 'Přihlášení do portálu {{portal}} bylo zrušeno.',
  iss_mismatch:
    'Odpověď uvádí, že pochází z jiného serveru než z portálu {{portal}}, a proto byla z bezpečnostních důvodů odmítnuta. Začněte znovu; pokud se to opakuje, informujte správce.',
  missing_code:
    'Portál {{portal}} vrátil prohlížeč bez přihlašovacího kódu. Spusťte přihlášení znovu.',
  portal_error:
    'Portál {{portal}} místo odpovědi k přihlášení vrátil chybu nebo nečekanou stránku. Pokud se to opakuje, zkontrolujte adresu portálu.',
  network:
    'Netrex Connect se nemůže spojit s portálem {{portal}}. Zkontrolujte připojení k internetu a nastavení proxy.',
  timeout_one:
    'Portál {{portal}} neodpověděl do {{count}} sekundy. Pokud se to opakuje, zkontrolujte připojení.',
  timeout_few:
    'Portál {{portal}} neodpověděl do {{count}} sekund. Pokud se to opakuje, zkontrolujte připojení.',
  timeout_many:
    'Portál {{portal}} neodpověděl do {{count}} sekundy. Pokud se to opakuje, zkontrolujte připojení.',
  timeout_other:
    'Portál {{portal}} neodpověděl do {{count}} sekund. Pokud se to opakuje, zkontrolujte připojení.',
  invalid_token_response:
    'Portál {{portal}} vrátil výsledek přihlášení, který Netrex Connect nedokáže použít (chybí přístupový token, nebo je nepodporovaného typu). Informujte správce.',
  discovery_failed: {
    default:
      'Netrex Connect nedokázal načíst konfiguraci přihlašování portálu {{portal}}. Zkontrolujte, že adresa vydavatele (issuer) přesně odpovídá serveru.',
    'redirect-elsewhere':
      'Portál {{portal}} odpověděl na žádost o konfiguraci přihlašování přesměrováním (HTTP {{status}}) na {{host}}. Netrex Connect sleduje přesměrování jen v rámci serveru vydavatele (nebo z http na https na stejném hostiteli a portu), a proto skončil. Nastavte adresu vydavatele (issuer) na vlastní adresu vydavatele serveru.',
    'redirect-again':
      'Portál {{portal}} přesměroval žádost o konfiguraci přihlašování víckrát (podruhé HTTP {{status}} na {{host}}). Netrex Connect sleduje jen jedno přesměrování. Nastavte adresu vydavatele (issuer) na vlastní adresu vydavatele serveru.',
    'redirect-no-location':
      'Portál {{portal}} odpověděl na žádost o konfiguraci přihlašování přesměrováním (HTTP {{status}}), které neuvádí kam. Zkontrolujte adresu vydavatele (issuer).',
    'not-found':
      'Portál {{portal}} na této adrese nemá konfiguraci přihlašování: /.well-known/openid-configuration i /.well-known/oauth-authorization-server pod ní odpověděly 404 Not Found. Zkontrolujte adresu vydavatele (issuer); obvykle obsahuje cestu k tenantu nebo realmu.',
    status:
      'Portál {{portal}} odpověděl na žádost o konfiguraci přihlašování kódem HTTP {{status}} místo konfigurace. Zkontrolujte adresu vydavatele (issuer) a to, že server dovolí konfiguraci číst komukoli.',
    'not-json':
      'Portál {{portal}} místo konfigurace přihlašování (JSON) vrátil webovou stránku nebo jiný text. Adresa je nejspíš web, ne vydavatel (issuer) serveru: zkontrolujte ji.',
    'no-issuer':
      'Portál {{portal}} vrátil dokument JSON, který není konfigurací přihlašování (neuvádí vydavatele). Zkontrolujte adresu vydavatele (issuer).',
    'issuer-mismatch':
      'Konfigurace přihlašování na této adrese patří jinému vydavateli: server o sobě uvádí {{claimed}}, ale portál {{portal}} je nastavený na {{configured}}. Obě adresy se musí přesně shodovat; pokud je server ten správný, nastavte adresu vydavatele na {{claimed}}.',
    'issuer-template':
      'Portál {{portal}} místo svého vydavatele uvádí zástupný text ({{claimed}}): jde o adresu pro více tenantů. Nastavte adresu vydavatele (issuer) vašeho vlastního tenantu, s ID tenantu místo zástupného textu.',
    'endpoint-missing':
      'Konfigurace přihlašování portálu {{portal}} neobsahuje {{field}}, bez kterého se Netrex Connect nepřihlásí. Informujte správce serveru.',
    'endpoint-not-https':
      'Konfigurace přihlašování portálu {{portal}} uvádí pro {{field}} adresu, která nezačíná https:// (http:// je povolené jen pro 127.0.0.1 a [::1]), a proto ji Netrex Connect nepoužije. Informujte správce serveru.',
    'field-invalid':
      'Konfigurace přihlašování portálu {{portal}} má neplatné pole {{field}}. Informujte správce serveru.',
  },
  pkce_unsupported:
    'Portál {{portal}} uvádí metody PKCE, které podporuje ({{listed}}), a S256 mezi nimi není. Netrex Connect se přihlašuje jen s PKCE S256; požádejte správce serveru, ať ji zapne.',
  loopback_unavailable:
    'Netrex Connect nemůže na portu {{port}} tohoto počítače čekat na odpověď prohlížeče; port možná používá jiný program. Ukončete ho, nebo v nastavení portálu zvolte jiný port.',
  not_configured: {
    default: 'Portál {{portal}} ještě není nastavený pro přihlášení. Otevřete jeho nastavení.',
    'client-id-and-secret-netrex':
      'Portál {{portal}} zatím nemá ID klienta ani tajný klíč klienta. V portálu vytvořte aplikaci OAuth2 (ikona uživatele → </> API → OAuth2 Application) s adresou pro návrat, kterou ukazuje nastavení, a pak sem zadejte její ID klienta a tajný klíč, nebo se obraťte na správce.',
    'client-id-and-secret-managed':
      'Portál {{portal}} zatím nemá ID klienta ani tajný klíč klienta. Požádejte správce, ať je doplní ve spravované konfiguraci.',
    'client-id-netrex':
      'Portál {{portal}} zatím nemá ID klienta. V portálu vytvořte aplikaci OAuth2 (ikona uživatele → </> API → OAuth2 Application) s adresou pro návrat, kterou ukazuje nastavení, a pak sem zadejte její ID klienta, nebo se obraťte na správce.',
    'client-id-oauth2':
      'Portál {{portal}} zatím nemá ID klienta. Zaregistrujte Netrex Connect na serveru jako nativního klienta s adresou pro návrat, kterou ukazuje nastavení, a pak sem zadejte jeho ID klienta, nebo se obraťte na správce.',
    'client-id-managed':
      'Portál {{portal}} zatím nemá ID klienta. Požádejte správce, ať ho doplní ve spravované konfiguraci.',
    'client-secret':
      'Portál {{portal}} zatím nemá tajný klíč klienta. Zadejte sem tajný klíč aplikace OAuth2 z portálu, nebo se obraťte na správce.',
    'client-secret-managed':
      'Portál {{portal}} zatím nemá tajný klíč klienta. Požádejte správce, ať ho doplní ve spravované konfiguraci.',
    'address-not-a-url':
      'Adresa portálu {{portal}} není povolená: není to webová adresa (očekává se např. https://portal.example.com). Opravte ji v nastavení.',
    'address-not-https':
      'Adresa portálu {{portal}} není povolená: musí začínat https:// (nešifrované http:// jen pro 127.0.0.1 a [::1]). Opravte ji v nastavení.',
    'address-has-credentials':
      'Adresa portálu {{portal}} není povolená: nesmí obsahovat uživatelské jméno ani heslo. Opravte ji v nastavení.',
    'address-has-query-or-fragment':
      'Adresa portálu {{portal}} není povolená: nesmí obsahovat nic za znakem ? nebo #. Opravte ji v nastavení.',
  },
  unknown_provider: 'Tento portál už v seznamu není. Přidejte ho znovu, nebo zvolte jiný.',
  provider_changed:
    'Portál {{portal}} je teď na jiné adrese než té, ke které se tento účet přihlásil, a tak mu Netrex Connect z tohoto přihlášení nic neposílá. Chcete-li portál používat na nové adrese, přihlaste se znovu.',
  no_refresh_token:
    'Portál {{portal}} nedal Netrex Connect možnost připojení obnovovat. Až vyprší, přihlaste se znovu.',
  revocation_failed:
    'Portál {{portal}} nepotvrdil, že přihlášení zrušil. Přístup aplikace můžete zrušit přímo v portálu.',
  revocation_unsupported:
    'Portál {{portal}} neumožňuje, aby aplikace přihlášení zrušila. V případě potřeby zrušte přístup přímo v portálu.',
  disposed: 'Netrex Connect se ukončuje, a proto to bylo zastaveno.',

  unknown_account: 'Tento účet už v Netrex Connect není. Obnovte seznam, nebo se přihlaste znovu.',
  signed_out:
    'Přihlášení do portálu {{portal}} skončilo, takže Netrex Connect k tomuto účtu nemá přístup. Přihlaste se znovu.',
  provider_missing:
    'Portál tohoto účtu ({{portal}}) už není v seznamu portálů. Přidejte ho znovu, nebo se z účtu odhlaste.',
  provider_in_use_one:
    'K portálu {{portal}} je stále přihlášený {{count}} účet. Nejdřív se z něj odhlaste, pak portál odeberte.',
  provider_in_use_few:
    'K portálu {{portal}} jsou stále přihlášené {{count}} účty. Nejdřív se z nich odhlaste, pak portál odeberte.',
  provider_in_use_many:
    'K portálu {{portal}} je stále přihlášeno {{count}} účtu. Nejdřív se z nich odhlaste, pak portál odeberte.',
  provider_in_use_other:
    'K portálu {{portal}} je stále přihlášeno {{count}} účtů. Nejdřív se z nich odhlaste, pak portál odeberte.',
  api_token_rejected:
    'Portál {{portal}} tento API token nepřijal. Zkontrolujte, že jste zkopírovali celý token a že je v portálu stále platný (ikona uživatele → </> API), a vložte ho znovu.',
  api_token_malformed:
    'Tohle nevypadá jako API token: obsahuje mezery nebo zalomení řádků. Zkopírujte token z portálu znovu (ikona uživatele → </> API) a vložte jen samotný token.',
  api_token_revoked:
    'API token už není platný: portál {{portal}} ho odmítl. Vytvořte v portálu nový token (ikona uživatele → </> API) a přihlaste se s ním znovu.',
  api_token_unsupported:
    'Portál {{portal}} je standardní server OAuth; osobní API tokeny mají jen portály Netrex a CamStreamer Cloud. Přihlaste se raději přes prohlížeč.',
  api_token_target_changed:
    'Adresa portálu {{portal}} už není ta, která se ukazovala, když jste ho vybrali, a proto token nebyl nikam odeslán. Zkontrolujte portál a jeho adresu a vložte token znovu.',
  api_token_not_revocable:
    'Netrex Connect API token zapomněl, smazat ho ale může jen portál {{portal}}: token funguje, dokud ho v portálu nesmažete (ikona uživatele → </> API).',
  access_rejected:
    'Portál {{portal}} už toto přihlášení nepřijímá (jeho API odpovědělo, že přístup není platný). Přihlaste se znovu.',
  api_forbidden:
    'Portál {{portal}} odmítl vypsat kamery tohoto účtu (HTTP {{status}}). Účtu možná chybí oprávnění číst kamery; zeptejte se správce portálu.',
  api_unavailable:
    'Portál {{portal}} teď na svém API neodpovídá (HTTP {{status}}). Netrex Connect to sám zkusí znovu.',
  api_unexpected:
    'Portál {{portal}} místo seznamu kamer vrátil odpověď, které Netrex Connect nerozumí (HTTP {{status}}). Aplikace to zkusí znovu; pokud se to opakuje, zkontrolujte adresu portálu.',
  api_query_failed:
    'Portál {{portal}} přihlášení přijal, ale nedokázal vypsat kamery. Netrex Connect to později zkusí znovu.',

  invalid_input: {
    default: 'Netrex Connect tuto hodnotu nemohl přijmout. Zkontrolujte ji a zkuste to znovu.',
    'url-not-a-url':
      'Adresa není platná: není to webová adresa (očekává se např. https://portal.example.com).',
    'url-not-https':
      'Adresa není platná: musí začínat https:// (nešifrované http:// je povolené jen pro 127.0.0.1 a [::1]).',
    'url-has-credentials': 'Adresa není platná: nesmí obsahovat uživatelské jméno ani heslo.',
    'url-has-query-or-fragment': 'Adresa není platná: nesmí obsahovat nic za znakem ? nebo #.',
    name: 'Název musí mít 1 až 80 znaků a nesmí obsahovat řídicí znaky.',
    clientId: 'ID klienta smí mít nejvýše 200 tisknutelných znaků ASCII a nesmí obsahovat mezery.',
    rights:
      'Seznam oprávnění není platný: uveďte aspoň jedno a nejvýše 50 oprávnění, která portál zná, každé jen jednou.',
    redirectKind:
      'Zvolte, jak se prohlížeč vrací do aplikace: odkazem aplikace, nebo místní adresou.',
    loopbackPort: 'Port musí být celé číslo od 1024 do 65535.',
    clientSecret: 'Tajný klíč klienta musí mít 1 až 16 384 znaků. Vložte ho z portálu znovu.',
    request:
      'Netrex Connect tento požadavek nemohl přijmout. Zkuste to znovu; pokud se to opakuje, restartujte aplikaci.',
    account: 'Účet se nepodařilo uložit, protože jeho údaje nejsou platné. Přihlaste se znovu.',
  },
  locked: {
    default: 'Portál {{portal}} nastavil váš správce a tady ho změnit nelze.',
    'demo-secret': 'Portál {{portal}} má vlastní tajný klíč klienta; ten změnit nelze.',
    'managed-secret':
      'Portál {{portal}} nastavil váš správce; jeho tajný klíč klienta tady změnit nelze.',
  },
  not_removable:
    'Portál {{portal}} je součástí aplikace nebo ho nastavil váš správce, a proto ho odebrat nelze.',
  duplicate: 'Tato adresa už v seznamu je jako „{{portal}}“.',
  custom_portals_disabled:
    'Správce na tomto počítači nepovoluje přidávat portály. Požádejte ho, ať portál přidá do spravované konfigurace.',
  encrypt_failed:
    'Systémová klíčenka ({{backend}}) odmítla uložená přihlášení zašifrovat. Přihlášení platí, dokud aplikaci nezavřete; odemkněte klíčenku a přihlaste se znovu, aby se přihlášení uložilo.',
  write_failed:
    'Uložená přihlášení se nepodařilo zapsat na disk ({{systemError}}). Přihlášení platí, dokud aplikaci nezavřete; uvolněte místo na disku nebo zkontrolujte oprávnění složky s daty aplikace a pak se přihlaste znovu, aby se přihlášení uložilo.',
  weak_storage_unavailable:
    'Tento počítač nenabízí žádný způsob, jak přihlášení zašifrovat, a proto je nelze uložit na disk. Zůstanou v paměti, dokud aplikaci nezavřete; aby přihlášení vydržela, nastavte systémovou klíčenku.',

  managed_config_invalid: {
    default:
      'Spravovaná konfigurace {{file}} není platná. Netrex Connect tuto část ignoruje a funguje bez ní; požádejte správce, ať soubor opraví.',
    file: 'Spravovanou konfiguraci {{file}} nelze použít: {{reason}}. Dokud ji správce neopraví, Netrex Connect funguje bez ní a co může omezovat, zůstává zde omezeno (ruční přidávání portálů, osobní tokeny API, aktualizace).',
    lockdown:
      'Spravovaná konfigurace {{file}} není platná v položce {{field}}: {{reason}}. Dokud ji správce neopraví, co může omezovat, zůstává zde omezeno (ruční přidávání portálů, osobní tokeny API, aktualizace).',
    entry:
      'Spravovaná konfigurace {{file}} není platná v položce {{field}}: {{reason}}. Netrex Connect tuto část ignoruje a funguje bez ní; požádejte správce, ať soubor opraví.',
  },
  policy_source_refused: {
    default:
      'Zásady v {{source}} nebyly použity: Netrex Connect se řídí jen tím, co mohl zapsat výhradně správce. Požádejte správce, ať {{path}} patří správcům a jen oni do něj mohou zapisovat.',
    owner:
      'Zásady v {{source}} nebyly použity: {{path}} nepatří správci, takže ho mohl zapsat jiný uživatel tohoto počítače. Požádejte správce, ať patří správcům a jen oni do něj mohou zapisovat.',
    writable:
      'Zásady v {{source}} nebyly použity: {{path}} mohou měnit i uživatelé, kteří nejsou správci. Požádejte správce, ať do něj mohou zapisovat jen správci.',
    unchecked:
      'Zásady v {{source}} nebyly použity: Netrex Connect nemohl ověřit, kdo smí {{path}} měnit. Požádejte správce, ať zásady nastaví přes Zásady skupiny nebo Intune.',
  },
  set_by_policy: {
    default: 'Toto na tomto počítači nastavuje vaše organizace, a proto to zde nelze změnit.',
    'api-tokens':
      'Vaše organizace na tomto počítači nepovoluje přihlášení osobním tokenem API. Přihlaste se přes portál v prohlížeči.',
    'weak-storage':
      'Vaše organizace nepovoluje uchovávat přihlášení na disku bez klíčenky. Zůstanou v paměti, dokud aplikaci nezavřete; aby přihlášení vydržela, nastavte systémovou klíčenku.',
    'launch-at-login':
      'Zda se Netrex Connect spouští po přihlášení, na tomto počítači určuje vaše organizace, a proto to zde nelze změnit.',
  },
  update_restart_refused: {
    default: 'Žádná aktualizace není připravena k instalaci.',
    'sign-in':
      'Právě probíhá přihlášení. Dokončete je nebo zrušte a pak restartujte pro aktualizaci.',
    saving: 'Vaše přihlášení se právě ukládají. Restartujte pro aktualizaci za chvíli.',
    'not-ready': 'Žádná aktualizace není připravena k instalaci.',
  },
  update_failed: {
    default: 'Aktualizaci se nepodařilo stáhnout. Aplikace to zkusí znovu později.',
    offline: 'Server aktualizací není dostupný. Aplikace to zkusí znovu později.',
    'not-found':
      'Server aktualizací nemá pro tuto aplikaci informace o verzích (chybí latest.yml). Řekněte to správci.',
    checksum:
      'Stažená aktualizace neodpovídá svému kontrolnímu součtu, a proto byla zahozena. Aplikace to zkusí znovu později.',
    signature:
      'Stažená aktualizace není podepsána vydavatelem této aplikace, a proto byla odmítnuta. Řekněte to správci.',
    server: 'Server aktualizací odpověděl chybou. Aplikace to zkusí znovu později.',
    'invalid-feed': 'Informace o verzích na serveru aktualizací nelze přečíst. Řekněte to správci.',
    unknown: 'Aktualizaci se nepodařilo stáhnout. Aplikace to zkusí znovu později.',
  },
  provider_shadowed:
    'Váš portál „{{portal}}“ má stejné ID jako portál nastavený správcem, a proto se zobrazuje jen ten správcův.',
  provider_settings_unreadable:
    'Nastavení vašich portálů se nepodařilo přečíst. Soubor byl přesunut do {{path}}; vestavěné portály jsou k dispozici, své portály přidejte znovu.',
  provider_settings_invalid:
    'Uložený portál (položka {{entry}}, {{field}}) není platný, a proto byl přeskočen. Přidejte ho znovu.',
  vault_recovered: {
    default:
      'Uložená přihlášení se nepodařilo přečíst. Soubor byl odložen stranou a účty v něm jsou odhlášené; přihlaste se znovu.',
    corrupted:
      'Soubor s uloženými přihlášeními je poškozený. Byl odložen stranou a účty v něm jsou odhlášené; přihlaste se znovu.',
    invalid:
      'Soubor s uloženými přihlášeními je poškozený (jeho uspořádání tato aplikace nezapisuje). Byl odložen stranou a účty v něm jsou odhlášené; přihlaste se znovu.',
    'newer-version':
      'Soubor s uloženými přihlášeními zapsala novější verze Netrex Connect. Byl odložen stranou a účty v něm jsou odhlášené; přihlaste se znovu.',
    undecryptable:
      'Uložená přihlášení nejde dešifrovat klíčenkou tohoto počítače: možná pocházejí z jiného počítače nebo uživatelského účtu, nebo byla klíčenka obnovena. Soubor byl odložen stranou a účty v něm jsou odhlášené; přihlaste se znovu.',
  },
  vault_waiting_for_keyring:
    'Uložená přihlášení čekají na klíčenku systému, která ještě není odemčená. Zůstávají, jak jsou, a vrátí se sama, jakmile ji odemknete; do té doby se nová přihlášení uchovávají jen v paměti.',
  vault_keyring_opened: 'Klíčenka systému je odemčená: uložená přihlášení jsou zpět.',
  vault_file_kept: {
    default:
      'Uložená přihlášení se nepodařilo přečíst ani odložit stranou, takže soubor zůstává beze změny a přihlášení se do zavření aplikace uchovávají jen v paměti.',
    'sealed-elsewhere':
      'Uložená přihlášení jsou zašifrovaná klíčenkou ({{sealedBy}}), která teď není k dispozici (používá se {{backend}}). Zůstávají, jak jsou, a znovu se otevřou, až bude klíčenka zpět: odemkněte ji nebo spusťte a restartujte Netrex Connect. Do té doby se přihlášení uchovávají jen v paměti.',
    corrupted:
      'Soubor s uloženými přihlášeními je poškozený. Nepodařilo se ho odložit stranou, takže zůstává beze změny a přihlášení se do zavření aplikace uchovávají jen v paměti.',
    invalid:
      'Soubor s uloženými přihlášeními je poškozený (jeho uspořádání tato aplikace nezapisuje). Nepodařilo se ho odložit stranou, takže zůstává beze změny a přihlášení se do zavření aplikace uchovávají jen v paměti.',
    'newer-version':
      'Soubor s uloženými přihlášeními zapsala novější verze Netrex Connect. Nepodařilo se ho odložit stranou, takže zůstává beze změny a přihlášení se do zavření aplikace uchovávají jen v paměti.',
    undecryptable:
      'Uložená přihlášení nejde dešifrovat klíčenkou tohoto počítače ani odložit stranou, takže soubor zůstává beze změny a přihlášení se do zavření aplikace uchovávají jen v paměti.',
  },
  vault_settings_unreadable: {
    default:
      'Soubor, který si pamatuje, zda na tomto počítači ukládat přihlášení, se nepodařilo přečíst.',
    protected:
      'Soubor, který si pamatuje, zda na tomto počítači ukládat přihlášení, se nepodařilo přečíst. Jinak se nic nemění: uložená přihlášení chrání systémová klíčenka.',
    'protected-moved':
      'Soubor, který si pamatuje, zda na tomto počítači ukládat přihlášení, se nepodařilo přečíst; byl přesunut do {{path}}. Jinak se nic nemění: uložená přihlášení chrání systémová klíčenka.',
    'memory-only':
      'Soubor, který si pamatuje, zda na tomto počítači ukládat přihlášení, se nepodařilo přečíst. Dokud znovu nezvolíte v Nastavení → Uložená přihlášení, nová přihlášení se uchovávají jen v paměti; ta dříve uložená zůstávají beze změny na disku a vrátí se, jakmile ukládání znovu zapnete a aplikaci restartujete.',
    'memory-only-moved':
      'Soubor, který si pamatuje, zda na tomto počítači ukládat přihlášení, se nepodařilo přečíst; byl přesunut do {{path}}. Dokud znovu nezvolíte v Nastavení → Uložená přihlášení, nová přihlášení se uchovávají jen v paměti; ta dříve uložená zůstávají beze změny na disku a vrátí se, jakmile ukládání znovu zapnete a aplikaci restartujete.',
  },
  settings_unreadable: {
    default: 'Nastavení aplikace se nepodařilo přečíst, a proto platí výchozí hodnoty.',
    moved:
      'Nastavení aplikace se nepodařilo přečíst, a proto platí výchozí hodnoty. Soubor byl přesunut do {{path}}.',
  },
  browser_unavailable:
    'Netrex Connect nemohl pro přihlášení otevřít webový prohlížeč. Zkontrolujte, že je nastavený výchozí prohlížeč, a zkuste to znovu.',
  sign_in_address_refused:
    'Netrex Connect neotevřel přihlašovací stránku portálu: takovou adresu aplikace neotevírá (jen https, nešifrované http jen k tomuto počítači). Zkontrolujte adresu v nastavení portálu; pokud se to opakuje, informujte správce.',
  loopback_not_registered:
    'Portál {{portal}} nemá pro Netrex Connect zaregistrovanou místní adresu (http://127.0.0.1), takže se prohlížeč touto cestou vrátit nemůže. Požádejte správce o její registraci, nebo se přihlaste API tokenem.',
  clipboard_unavailable:
    'Netrex Connect nemohl vložit přihlašovací odkaz do schránky. Použijte raději „Znovu otevřít prohlížeč“, nebo vložte adresu z prohlížeče.',
  internal_error:
    'V Netrex Connect se něco pokazilo. Zkuste to znovu; pokud se to opakuje, restartujte aplikaci.',
  forbidden_sender: 'Tento požadavek nepřišel z okna Netrex Connect, a proto byl odmítnut.',
  several_links:
    'Netrex Connect byl spuštěn s několika přihlašovacími odkazy najednou a neotevřel žádný z nich. Spusťte přihlášení znovu z aplikace.',
  link_too_long:
    'Netrex Connect byl otevřen s přihlašovacím odkazem mnohem delším, než jaký posílá kterýkoli portál, a proto ho ignoroval. Spusťte přihlášení znovu z aplikace.',
  // Co provozovatel nepotvrdil ve vlastním dialogu aplikace (main/common/confirmation.ts)
  not_confirmed: {
    default: 'Nebylo to potvrzeno v dialogu Netrex Connect, a proto se nic nezměnilo.',
    'weak-storage':
      'Přihlášení se na tomto počítači dál neukládají: ukládání bez systémové klíčenky nebylo potvrzeno v dialogu Netrex Connect. Chcete-li je přesto ukládat, zvolte to znovu a potvrďte.',
    'first-sign-in':
      'Přihlášení k portálu {{portal}} nezačalo: první otevření jeho přihlašovací stránky nebylo potvrzeno v dialogu Netrex Connect. Pokud jste tento portál přidali sami a jeho adrese důvěřujete, zahajte přihlášení znovu a potvrďte.',
    'replace-sign-in':
      'Dřívější přihlášení k portálu {{portal}} zůstává: jeho nahrazení nebylo potvrzeno v dialogu Netrex Connect, a proto se nové přihlášení nepoužilo. Pokud jste ho chtěli nahradit, přihlaste se znovu a potvrďte.',
  },
  // Odložené poškozené soubory trezoru (main/services/set-aside-vault-files.ts)
  set_aside_not_deleted_one:
    'Odložený poškozený soubor s přihlášeními se nepodařilo smazat ({{path}}). Zkontrolujte, že váš uživatelský účet smí měnit složku s daty aplikace, nebo soubor smažte sami.',
  set_aside_not_deleted_few:
    '{{count}} odložené poškozené soubory s přihlášeními se nepodařilo smazat, například {{path}}. Zkontrolujte, že váš uživatelský účet smí měnit složku s daty aplikace, nebo soubory smažte sami.',
  set_aside_not_deleted_many:
    '{{count}} odloženého poškozeného souboru s přihlášeními se nepodařilo smazat, například {{path}}. Zkontrolujte, že váš uživatelský účet smí měnit složku s daty aplikace, nebo soubory smažte sami.',
  set_aside_not_deleted_other:
    '{{count}} odložených poškozených souborů s přihlášeními se nepodařilo smazat, například {{path}}. Zkontrolujte, že váš uživatelský účet smí měnit složku s daty aplikace, nebo soubory smažte sami.',
  set_aside_settings_unreadable: {
    default:
      'Nastavení, jak dlouho se uchovávají poškozené soubory s přihlášeními, se nepodařilo přečíst, a proto se uchovávají {{days}} dní.',
    moved:
      'Nastavení, jak dlouho se uchovávají poškozené soubory s přihlášeními, se nepodařilo přečíst, a proto se uchovávají {{days}} dní. Soubor byl přesunut do {{path}}.',
  },
  portal_trust_unreadable: {
    default:
      'Seznam portálů, jejichž adresu jste potvrdili, se nepodařilo přečíst, a proto se Netrex Connect před prvním přihlášením ke každému přidanému portálu zeptá znovu.',
    moved:
      'Seznam portálů, jejichž adresu jste potvrdili, se nepodařilo přečíst, a proto se Netrex Connect před prvním přihlášením ke každému přidanému portálu zeptá znovu. Soubor byl přesunut do {{path}}.',
  },
  // Diagnostika a záznam (main/services/diagnosis-service.ts, main/services/index.ts)
  report_save_unavailable: 'Uložení zprávy tu není k dispozici. Zkopírujte ji.',
  report_not_saved:
    'Zprávu se tam nepodařilo uložit. Zvolte jinou složku (třeba Dokumenty), nebo zprávu zkopírujte.',
  log_folder_unavailable: {
    default: 'Tato kopie Netrex Connect žádný záznam nevede.',
    path: 'Složku se záznamem se nepodařilo otevřít. Najdete ji v {{path}}.',
  },
} as const;
