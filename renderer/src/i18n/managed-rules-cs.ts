// Proč byla část spravované konfigurace odmítnuta: jeden úryvek na každé
// pravidlo hlavního procesu (stejné klíče jako managed-rules-en.ts).
export const managedRulesCs = {
  'file-too-large': 'soubor je větší než 1 MB, mnohem větší než jakýkoli takový soubor',
  'file-unreadable': 'soubor nelze přečíst',
  'file-permission-denied':
    'soubor nelze přečíst (přístup odepřen): účet operátora ho musí mít možnost číst',
  'file-not-json': 'soubor není platný JSON',
  'file-not-object': 'soubor musí obsahovat jeden objekt JSON ({ … })',
  'unknown-setting': 'toto nastavení Netrex Connect nezná (zná {{known}})',
  'unknown-fields':
    'položka obsahuje pole, která Netrex Connect nezná ({{names}}); zkontrolujte jejich zápis',
  'wrong-type': 'hodnota musí být {{expected}}',
  'not-one-of': 'hodnota musí být jedna z těchto: {{allowed}}',
  empty: 'hodnota nesmí být prázdná',
  'too-long': 'hodnota smí mít nejvýše {{max}} znaků',
  'out-of-range': 'hodnota musí být číslo od {{min}} do {{max}}',
  'whole-number': 'hodnota musí být celé číslo',
  'id-format': 'ID tvoří 1–40 malých písmen, číslic nebo pomlček',
  'client-id-format': 'ID klienta smí obsahovat jen tisknutelné znaky ASCII bez mezer',
  'control-characters': 'hodnota nesmí obsahovat řídicí znaky',
  'duplicate-id': 'toto ID už má dřívější položka; každý portál uveďte jen jednou',
  'built-in-address':
    'vestavěný portál si ponechává svou adresu; chcete-li jinou, dejte portálu nové ID',
  'built-in-dialect': 'vestavěný portál si ponechává svůj protokol; dejte portálu nové ID',
  required: 'je povinné u portálu, který není vestavěný',
  'url-not-a-url': 'nejde o webovou adresu (například https://portal.example.com)',
  'url-not-https': 'adresa musí začínat https:// (obyčejné http:// jen pro 127.0.0.1 a [::1])',
  'url-has-credentials': 'adresa nesmí obsahovat uživatelské jméno ani heslo',
  'url-has-query-or-fragment': 'adresa nesmí obsahovat dotaz (?…) ani fragment (#…)',
  'rights-none': 'uveďte alespoň jedno oprávnění',
  'rights-too-many': 'uveďte nejvýše {{max}} oprávnění',
  'rights-repeated': 'každé oprávnění uveďte jen jednou',
  'rights-unknown': 'oprávnění musí být z tohoto seznamu: {{allowed}}',
  'scopes-format':
    'názvy rozsahů (scope) nesmějí obsahovat mezery, uvozovky, čárky ani zpětná lomítka',
  'unknown-portal': 'neodkazuje na žádný portál z tohoto souboru ani na zobrazený vestavěný portál',
  invalid: 'hodnota není platná',
  types: {
    boolean: 'true nebo false (bez uvozovek)',
    string: 'text v uvozovkách',
    array: 'seznam v [ ]',
    object: 'objekt v { }',
    number: 'číslo',
  },
} as const;
