// The window has its own words, in English and Czech, for every code an error
// or a notice of the main process can carry. The codes are read from main/'s
// source (every `…Code` union and every `code: '…'` it writes), not listed by
// hand, so a new code without texts fails here.
import { createInstance, type TFunction } from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AccountError } from '../../../main/accounts/account-error';
import { AuthError } from '../../../main/auth/auth-error';
import { assertAllowedAddress } from '../../../main/auth/http';
import { MANAGED_CONFIG_RULES } from '../../../main/providers/managed-config-rules';
import { providerReadiness } from '../../../main/providers/readiness';
import type { ProviderConfig } from '../../../main/providers/provider-config';
import { settingsDamagedWarning } from '../../../main/vault/vault-settings';
import { cs } from '../../../renderer/src/i18n/cs';
import { en } from '../../../renderer/src/i18n/en';
import { appMessage, appMessageKey, errorText } from '../../../renderer/src/views/error-text';
import { parse, read, tsFiles } from '../../support/static-checks';

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const literalsOf = (type: ts.TypeNode): string[] =>
  ts.isUnionTypeNode(type)
    ? type.types.flatMap(literalsOf)
    : ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)
      ? [type.literal.text]
      : [];

interface SourceFacts {
  /** Codes: members of every `…Code` union, every `code: '…'` written (zod's issues aside). */
  readonly codes: Set<string>;
  /** Members of the named string unions (e.g. UrlProblem, VaultDamage). */
  readonly unions: Map<string, string[]>;
  /** Every `variant: '…'` written. */
  readonly variants: Set<string>;
  /** Settings fields refused by name (`validate('name', …)`, `invalid('url', …)`): invalid_input's variants. */
  readonly fields: Set<string>;
}

function readMain(): SourceFacts {
  const codes = new Set<string>();
  const unions = new Map<string, string[]>();
  const variants = new Set<string>();
  const fields = new Set<string>();
  for (const file of tsFiles('main')) {
    // The diagnosis report's check codes (`cert_expired`, `clock_skew`) travel
    // with the report's own words, never as an error or a notice.
    if (file.startsWith('main/support/diagnosis/')) continue;
    walk(parse(file, read(file)), (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        ['validate', 'invalid'].includes(node.expression.text) &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        fields.add(node.arguments[0].text);
      } else if (ts.isTypeAliasDeclaration(node)) {
        const members = literalsOf(node.type);
        if (members.length === 0) return;
        unions.set(node.name.text, members);
        if (node.name.text.endsWith('Code')) for (const code of members) codes.add(code);
      } else if (ts.isPropertySignature(node) && node.name.getText() === 'code' && node.type) {
        for (const code of literalsOf(node.type)) codes.add(code);
      } else if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.initializer)) {
        const name = node.name.getText();
        const call = node.parent.parent;
        const zodIssue =
          ts.isCallExpression(call) &&
          ts.isPropertyAccessExpression(call.expression) &&
          call.expression.name.text === 'addIssue';
        if (name === 'code' && !zodIssue) codes.add(node.initializer.text);
        if (name === 'variant') variants.add(node.initializer.text);
      }
    });
  }
  return { codes, unions, variants, fields };
}

const MAIN = readMain();
const TEXTS = { en: en.fromApp, cs: cs.fromApp } as const;
type Lang = keyof typeof TEXTS;

async function translator(lang: Lang): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: lang,
    resources: { en: { translation: en }, cs: { translation: cs } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** The text `key` (`fromApp.code[.variant]`) resolves to, plural families by their `_other`. */
function textAt(lang: Lang, key: string): string | undefined {
  let node: unknown = TEXTS[lang];
  for (const part of key.split('.').slice(1)) {
    const record = node as Record<string, unknown>;
    node = record[part] ?? record[`${part}_other`];
  }
  return typeof node === 'string' ? node : undefined;
}

describe("the main process's codes have the window's words", () => {
  it('finds the codes in the source (the unions and the literal codes)', () => {
    for (const code of ['access_denied', 'api_token_revoked', 'write_failed', 'locked'])
      expect(MAIN.codes).toContain(code);
    for (const code of ['vault_recovered', 'managed_config_invalid', 'several_links'])
      expect(MAIN.codes).toContain(code);
    expect(MAIN.codes).not.toContain('custom'); // zod's issue code, not ours
    expect(MAIN.codes.size).toBeGreaterThan(60);
  });

  it.each(['en', 'cs'] as const)(
    'every code has a %s text (a variant object has its default)',
    (lang) => {
      const missing = [...MAIN.codes].filter((code) => {
        const key = appMessageKey(code);
        return key === undefined || !textAt(lang, key);
      });
      expect(missing).toEqual([]);
    },
  );

  it('every variant main writes has its own text', () => {
    const variantsOfAnyCode = new Set(
      Object.values(en.fromApp).flatMap((entry) =>
        typeof entry === 'string' ? [] : Object.keys(entry),
      ),
    );
    expect(MAIN.variants.size).toBeGreaterThan(3);
    expect([...MAIN.variants].filter((variant) => !variantsOfAnyCode.has(variant))).toEqual([]);
    expect(MAIN.fields.size).toBeGreaterThan(4);
    const refusedFields = [...MAIN.fields].filter((field) => field !== 'url'); // url: by rule, below
    expect(
      refusedFields.filter((field) => !Object.hasOwn(en.fromApp.invalid_input, field)),
    ).toEqual([]);
  });

  it('every address rule and every kind of vault damage has its sentence', () => {
    const problems = MAIN.unions.get('UrlProblem') ?? [];
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) {
      expect(appMessageKey('invalid_input', { variant: `url-${problem}` })).toBe(
        `fromApp.invalid_input.url-${problem}`,
      );
      expect(appMessageKey('not_configured', { variant: `address-${problem}` })).toBe(
        `fromApp.not_configured.address-${problem}`,
      );
    }
    const damages = MAIN.unions.get('VaultDamage') ?? [];
    expect(damages.length).toBeGreaterThan(3);
    for (const damage of [...damages, 'sealed-elsewhere']) {
      expect(appMessageKey('vault_file_kept', { variant: damage })).toBe(
        `fromApp.vault_file_kept.${damage}`,
      );
    }
    for (const damage of damages) {
      expect(appMessageKey('vault_recovered', { variant: damage })).toBe(
        `fromApp.vault_recovered.${damage}`,
      );
    }
  });

  it('what the readiness check, the address check and the vault settings say has its own variant', () => {
    const base: ProviderConfig = {
      id: 'acme',
      name: 'ACME Cams',
      dialect: 'netrex',
      origin: 'custom',
      url: 'https://video.acme.example',
      clientId: '',
      rights: ['read'],
      redirectKind: 'custom-scheme',
      loopbackPort: 28813,
      locked: false,
    };
    const reasons = [
      providerReadiness(base, false),
      providerReadiness({ ...base, dialect: 'oauth2' }, false),
      providerReadiness({ ...base, locked: true }, false),
      providerReadiness({ ...base, clientId: 'x' }, false),
      providerReadiness({ ...base, clientId: 'x', locked: true }, false),
    ].map((readiness) => (readiness.ready ? undefined : readiness.reason));
    const refused = (() => {
      try {
        assertAllowedAddress({ name: 'ACME Cams', url: 'http://video.acme.example' });
      } catch (error) {
        return (error as AuthError).toUserFacing();
      }
    })();
    const warnings = [true, false].flatMap((matters) =>
      [null, '/data/vault-settings.json.invalid-1'].map((movedTo) =>
        settingsDamagedWarning({ reason: 'x', movedTo }, matters),
      ),
    );
    for (const error of [...reasons, refused, ...warnings]) {
      expect(error?.params?.variant).toEqual(expect.any(String));
      expect(appMessageKey(error!.code, error!.params)).not.toMatch(/\.default$/);
    }
  });
});

describe('errorText', () => {
  it('says a real error of the main process in Czech, with its portal and counts', async () => {
    const t = await translator('cs');
    const offline = new AuthError('network', { portal: 'ACME Cams' }).toUserFacing();
    expect(errorText(t, offline)).toBe(
      'Netrex Connect se nemůže spojit s portálem ACME Cams. Zkontrolujte připojení k internetu a nastavení proxy.',
    );
    const revoked = new AccountError('api_token_revoked', { portal: 'ACME Cams' }).toUserFacing();
    expect(errorText(t, revoked)).toMatch(
      /^API token už není platný: portál ACME Cams ho odmítl\./,
    );
    const late = (minutes: number) =>
      errorText(t, new AuthError('timed_out', { portal: 'ACME Cams', minutes }).toUserFacing());
    expect(late(1)).toContain('do 1 minuty');
    expect(late(3)).toContain('do 3 minut');
    expect(late(10)).toContain('do 10 minut');
    const busy = new AccountError('provider_in_use', { portal: 'ACME Cams', count: 2 });
    expect(errorText(t, busy.toUserFacing())).toContain('jsou stále přihlášené 2 účty');
    const status = new AccountError('api_forbidden', { portal: 'ACME Cams', status: 403 });
    expect(errorText(t, status.toUserFacing())).toContain('(HTTP 403)');
  });

  it('starts an English sentence with the portal capitalised, and names an unnamed one', async () => {
    const t = await translator('en');
    expect(errorText(t, new AuthError('invalid_scope', { portal: 'acme' }).toUserFacing())).toMatch(
      /^Acme refused the requested rights\./,
    );
    expect(errorText(t, new AuthError('server_error').toUserFacing())).toMatch(
      /^The portal reported an internal problem\./,
    );
    const cs = await translator('cs');
    expect(errorText(cs, new AuthError('server_error').toUserFacing())).toMatch(
      /^Portál bez názvu hlásí vnitřní potíže\./,
    );
  });

  it("falls back to the main process's words for a code it does not know, and to the default for a variant", async () => {
    const t = await translator('cs');
    expect(errorText(t, { code: 'brand_new', message: 'Something new happened.' })).toBe(
      'Something new happened.',
    );
    expect(errorText(t, { code: 'constructor', message: 'Not a text of ours.' })).toBe(
      'Not a text of ours.',
    );
    const odd = { code: 'locked', message: 'x', params: { portal: 'ACME Cams', variant: 'new' } };
    expect(errorText(t, odd)).toBe('Portál ACME Cams nastavil váš správce a tady ho změnit nelze.');
  });

  it('puts in only the values the error carries, never its English message or the portal text', async () => {
    const t = await translator('cs');
    const error = new AuthError('access_denied', {
      portal: 'ACME Cams',
      detail: 'Denied by <b>policy</b>',
    }).toUserFacing();
    const text = errorText(t, error);
    expect(text).not.toContain('Denied');
    expect(text).not.toContain(error.message);
    expect(appMessage(t, 'write_failed', { systemError: 'ENOSPC' })).toContain('(ENOSPC)');
  });
});

describe('the managed configuration says why, in both languages', () => {
  it('every rule main names has its fragment in English and Czech, and nothing more', () => {
    expect(MANAGED_CONFIG_RULES.length).toBeGreaterThan(20);
    for (const table of [en.managedRule, cs.managedRule]) {
      const fragments = Object.keys(table).filter((key) => key !== 'types');
      expect(fragments.sort()).toEqual([...MANAGED_CONFIG_RULES].sort());
    }
    expect(Object.keys(cs.managedRule.types).sort()).toEqual(
      Object.keys(en.managedRule.types).sort(),
    );
  });

  it.each(['en', 'cs'] as const)('fills the reason into the notice (%s)', async (lang) => {
    const t = await translator(lang);
    const notice = {
      code: 'managed_config_invalid',
      message: 'English only',
      params: {
        file: '/etc/netrex-connect/managed.json',
        variant: 'lockdown',
        field: 'allowCustomPortals',
        rule: 'wrong-type',
        expected: 'boolean',
      },
    };
    const text = errorText(t, notice);
    expect(text).toContain(
      lang === 'en' ? 'true or false (without quotes)' : 'true nebo false (bez uvozovek)',
    );
    expect(text).toContain('allowCustomPortals');
    expect(text).not.toContain('{{');
    const unknown = errorText(t, {
      ...notice,
      params: { ...notice.params, rule: 'from-a-newer-app' },
    });
    expect(unknown).toContain(lang === 'en' ? "the value isn't valid" : 'hodnota není platná');
  });
});
