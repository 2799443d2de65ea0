// Every policy IT can set, in one zod schema: the readers of each OS only turn
// their shapes (registry values, plist types, JSON) into its input, and the
// admin templates (ADMX/ADML, .mobileconfig, policy.json) are generated from
// it. Each field carries what the templates say about it (`.meta`), in English
// and Czech. The names are the same everywhere: a registry value name, a plist
// key and a JSON field.
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../common/log';
import { providerIdSchema } from '../providers/provider-config';

/** Where the policies live on each OS (also the ADMX's key and the plist's domain). */
export const POLICY_REGISTRY_KEY = 'SOFTWARE\\Policies\\Netrex\\Connect';
export const POLICY_PLIST_DOMAIN = 'cz.netrex.connect';

/** How a policy is shown in Group Policy and written to the registry. */
export type PolicyKind = 'boolean' | 'enum' | 'text' | 'json-list';

export type PolicyCategory = 'portals' | 'sign-in' | 'app' | 'updates';

interface Words {
  readonly title: string;
  readonly explain: string;
}

export interface PolicyMeta {
  readonly kind: PolicyKind;
  readonly category: PolicyCategory;
  /** The first version that knows the policy (the ADMX's supportedOn). */
  readonly since: string;
  readonly en: Words;
  readonly cs: Words;
  /** Enum items in words, by value. */
  readonly items?: Readonly<Record<string, { readonly en: string; readonly cs: string }>>;
  /** The value the samples (policy.json, .mobileconfig, sample.reg) set. */
  readonly sample: unknown;
}

export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

const httpsUrl = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password && !url.search;
    } catch {
      return false;
    }
  }, 'must be an https:// address without a query or credentials');

const since = '0.1.0';

function policy<T extends z.ZodType>(schema: T, meta: PolicyMeta): T {
  return schema.meta({ policy: meta }) as T;
}

/**
 * The policies. `providers` is a list of portal entries (their own strict
 * schema: main/providers/managed-config.ts); every other one is a scalar.
 */
export const POLICY_FIELDS = {
  providers: policy(z.array(z.unknown()), {
    kind: 'json-list',
    category: 'portals',
    since,
    en: {
      title: 'Portals and their OAuth clients',
      explain:
        'The portals Netrex Connect lists, with the OAuth client registered for it in each portal, as a JSON list of entries (id, name, url, dialect, clientId, clientSecret, rights, redirectKind, loopbackPort, loopbackFallback, locked). An entry with the id "netrex" or "camstreamer-cloud" sets the client of that built-in portal. See docs/it-deployment.md for every field.',
    },
    cs: {
      title: 'Portály a jejich klienti OAuth',
      explain:
        'Portály, které Netrex Connect nabízí, s klientem OAuth registrovaným pro aplikaci v každém portálu, jako seznam JSON (id, name, url, dialect, clientId, clientSecret, rights, redirectKind, loopbackPort, loopbackFallback, locked). Položka s id "netrex" nebo "camstreamer-cloud" nastaví klienta vestavěného portálu. Všechna pole popisuje docs/it-deployment.md.',
    },
    sample: [
      { id: 'netrex', clientId: 'our-netrex-client', clientSecret: 'the portal client secret' },
      {
        id: 'reseller-video',
        name: 'Reseller Video',
        url: 'https://video.reseller.example',
        clientId: 'our-reseller-client',
        rights: ['read', 'write'],
        redirectKind: 'loopback',
        loopbackPort: 28813,
      },
    ],
  }),
  allowCustomPortals: policy(z.boolean(), {
    kind: 'boolean',
    category: 'portals',
    since,
    en: {
      title: 'Allow operators to add portals',
      explain:
        'Disabled: operators cannot add portals by hand ("Other portal…"); portals added before stay. Enabled or not configured: they can.',
    },
    cs: {
      title: 'Povolit operátorům přidávat portály',
      explain:
        'Zakázáno: operátoři nemohou přidávat portály ručně („Jiný portál…“); dříve přidané portály zůstávají. Povoleno nebo nenastaveno: mohou.',
    },
    sample: false,
  }),
  hideBuiltInPortals: policy(z.boolean(), {
    kind: 'boolean',
    category: 'portals',
    since,
    en: {
      title: 'Hide the built-in portals IT does not configure',
      explain:
        'Enabled: the window lists only the portals these policies set (a built-in portal they configure stays); an account signed in before to a hidden portal keeps working. Disabled or not configured: the built-in portals are listed.',
    },
    cs: {
      title: 'Skrýt vestavěné portály, které IT nenastavuje',
      explain:
        'Povoleno: okno nabízí jen portály nastavené těmito zásadami (vestavěný portál, který nastavují, zůstává); účet přihlášený dříve ke skrytému portálu funguje dál. Zakázáno nebo nenastaveno: vestavěné portály se nabízejí.',
    },
    sample: true,
  }),
  defaultPortal: policy(providerIdSchema, {
    kind: 'text',
    category: 'portals',
    since,
    en: {
      title: 'The portal the window opens on',
      explain:
        'The id of a portal the window lists (one set by these policies, or a built-in portal that is not hidden): the sign-in screen opens on it instead of the list of portals. An id the window does not list is reported and ignored.',
    },
    cs: {
      title: 'Portál, na kterém se okno otevře',
      explain:
        'Id portálu, který okno nabízí (nastaveného těmito zásadami, nebo vestavěného, který není skrytý): přihlašovací obrazovka se otevře na něm místo seznamu portálů. Id, které okno nenabízí, se nahlásí a nepoužije.',
    },
    sample: 'reseller-video',
  }),
  allowApiTokens: policy(z.boolean(), {
    kind: 'boolean',
    category: 'sign-in',
    since,
    en: {
      title: 'Allow sign-in with a personal API token',
      explain:
        'Disabled: operators sign in only through the portal in the browser; a pasted personal API token is refused. Enabled or not configured: both ways are offered.',
    },
    cs: {
      title: 'Povolit přihlášení osobním tokenem API',
      explain:
        'Zakázáno: operátoři se přihlašují jen přes portál v prohlížeči; vložený osobní token API je odmítnut. Povoleno nebo nenastaveno: nabízejí se oba způsoby.',
    },
    sample: true,
  }),
  allowWeakStorage: policy(z.boolean(), {
    kind: 'boolean',
    category: 'sign-in',
    since,
    en: {
      title: 'Allow keeping sign-ins without a keyring',
      explain:
        'Where no keyring protects the key (Linux without GNOME Keyring or KWallet), an operator may choose to keep sign-ins on disk anyway. Disabled: they are kept in memory only and never written that way. Enabled or not configured: the operator chooses.',
    },
    cs: {
      title: 'Povolit uchování přihlášení bez klíčenky',
      explain:
        'Kde klíč nechrání žádná klíčenka (Linux bez GNOME Keyring nebo KWallet), může se operátor rozhodnout ponechat přihlášení na disku. Zakázáno: přihlášení zůstávají jen v paměti a takto se nikdy nezapisují. Povoleno nebo nenastaveno: rozhodne operátor.',
    },
    sample: false,
  }),
  launchAtLogin: policy(z.boolean(), {
    kind: 'boolean',
    category: 'app',
    since,
    en: {
      title: 'Start Netrex Connect at login',
      explain:
        'Enabled: the app always starts at login (in the tray). Disabled: it never does. Not configured: the operator chooses in Settings.',
    },
    cs: {
      title: 'Spouštět Netrex Connect po přihlášení',
      explain:
        'Povoleno: aplikace se vždy spustí po přihlášení (v oznamovací oblasti). Zakázáno: nikdy. Nenastaveno: rozhodne operátor v Nastavení.',
    },
    sample: true,
  }),
  logLevel: policy(z.enum(LOG_LEVELS as [LogLevel, ...LogLevel[]]), {
    kind: 'enum',
    category: 'app',
    since,
    en: {
      title: 'Log level',
      explain:
        'How much the app writes to its log: error, warn, info (default) or debug. The log never holds a token, a code or a secret.',
    },
    cs: {
      title: 'Úroveň záznamu',
      explain:
        'Kolik aplikace zapisuje do svého záznamu: error, warn, info (výchozí) nebo debug. Záznam nikdy neobsahuje token, kód ani tajný klíč.',
    },
    items: {
      error: { en: 'Errors only', cs: 'Jen chyby' },
      warn: { en: 'Warnings and errors', cs: 'Varování a chyby' },
      info: { en: 'Information (default)', cs: 'Informace (výchozí)' },
      debug: { en: 'Everything (for troubleshooting)', cs: 'Vše (pro řešení potíží)' },
    },
    sample: 'info',
  }),
  updatesEnabled: policy(z.boolean(), {
    kind: 'boolean',
    category: 'updates',
    since,
    en: {
      title: 'Allow automatic updates',
      explain:
        'Disabled: the app never checks for updates; IT deploys new versions. Enabled or not configured: it checks the update server (below) in the background and offers "Restart to update".',
    },
    cs: {
      title: 'Povolit automatické aktualizace',
      explain:
        'Zakázáno: aplikace nikdy nehledá aktualizace; nové verze nasazuje IT. Povoleno nebo nenastaveno: na pozadí se ptá serveru aktualizací (níže) a nabídne „Restartovat a aktualizovat“.',
    },
    sample: true,
  }),
  updateUrl: policy(httpsUrl, {
    kind: 'text',
    category: 'updates',
    since,
    en: {
      title: 'Update server',
      explain:
        'The https:// address of the folder holding latest.yml and the installers (an electron-builder "generic" feed). Without one, the app does not update itself.',
    },
    cs: {
      title: 'Server aktualizací',
      explain:
        'Adresa https:// složky se souborem latest.yml a instalátory (zdroj „generic“ nástroje electron-builder). Bez ní se aplikace sama neaktualizuje.',
    },
    sample: 'https://updates.example.com/netrex-connect',
  }),
  updateChannel: policy(z.enum(UPDATE_CHANNELS), {
    kind: 'enum',
    category: 'updates',
    since,
    en: {
      title: 'Update channel',
      explain: 'Which releases the app follows: latest (default) or beta.',
    },
    cs: {
      title: 'Kanál aktualizací',
      explain: 'Které verze aplikace sleduje: latest (výchozí) nebo beta.',
    },
    items: {
      latest: { en: 'Released versions (latest)', cs: 'Vydané verze (latest)' },
      beta: { en: 'Beta versions', cs: 'Beta verze' },
    },
    sample: 'latest',
  }),
} as const;

export type PolicyName = keyof typeof POLICY_FIELDS;
export const POLICY_NAMES = Object.keys(POLICY_FIELDS) as PolicyName[];

/** The whole document (policy.json, a plist's keys, a registry key's values). */
export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  ...(Object.fromEntries(POLICY_NAMES.map((name) => [name, POLICY_FIELDS[name].optional()])) as {
    [K in PolicyName]: z.ZodOptional<(typeof POLICY_FIELDS)[K]>;
  }),
});
export type PolicyDocumentInput = z.input<typeof policySchema>;

/** A policy's template facts. */
export function policyMeta(name: PolicyName): PolicyMeta {
  const meta = z.globalRegistry.get(POLICY_FIELDS[name]) as { policy?: PolicyMeta } | undefined;
  if (!meta?.policy) throw new Error(`policy ${name} has no template facts`);
  return meta.policy;
}

/** The values an enum policy allows, in order. */
export function policyOptions(name: PolicyName): readonly string[] {
  const field = POLICY_FIELDS[name] as z.ZodType;
  return field instanceof z.ZodEnum ? (field.options as string[]) : [];
}

/** The scalar policies' values once read (providers go to the registry of portals). */
export interface PolicyValues {
  readonly allowCustomPortals?: boolean;
  readonly hideBuiltInPortals?: boolean;
  readonly defaultPortal?: string;
  readonly allowApiTokens?: boolean;
  readonly allowWeakStorage?: boolean;
  readonly launchAtLogin?: boolean;
  readonly logLevel?: LogLevel;
  readonly updatesEnabled?: boolean;
  readonly updateUrl?: string;
  readonly updateChannel?: UpdateChannel;
}
export type ScalarPolicyName = keyof PolicyValues;
export const SCALAR_POLICY_NAMES = POLICY_NAMES.filter(
  (name): name is ScalarPolicyName => name !== 'providers',
);

/**
 * What a set but broken policy counts as. What could not be read may have been
 * a lockdown, so the permissions fail closed (false); a broken update server
 * or channel turns updates off; a broken login or log setting is not applied.
 * A broken allowWeakStorage is not applied either: as false it would take the
 * operator's sign-ins off the disk over a typo (only a valid false does).
 */
export const WHEN_INVALID: { readonly [K in ScalarPolicyName]: PolicyValues[K] | undefined } = {
  allowCustomPortals: false,
  // Hiding is a convenience, not a lockdown: a broken value hides nothing.
  hideBuiltInPortals: undefined,
  defaultPortal: undefined,
  allowApiTokens: false,
  allowWeakStorage: undefined,
  launchAtLogin: undefined,
  logLevel: undefined,
  updatesEnabled: false,
  updateUrl: undefined,
  updateChannel: undefined,
};
