import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { cs } from '../../../renderer/src/i18n/cs';
import { en } from '../../../renderer/src/i18n/en';
import { resolveLanguage } from '../../../renderer/src/i18n/language';

type Tree = { readonly [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key path, with plural suffixes folded into one `key#plural` entry. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string')
      keys.add(PLURAL.test(path) ? `${path.replace(PLURAL, '')}#plural` : path);
    else for (const inner of keysOf(value, `${path}.`)) keys.add(inner);
  }
  return keys;
}

function valuesOf(tree: Tree): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[key, value] as [string, string]]
      : valuesOf(value).map(([k, v]) => [`${key}.${k}`, v] as [string, string]),
  );
}

describe('translations', () => {
  it('Czech has exactly the English keys', () => {
    expect([...keysOf(cs)].sort()).toEqual([...keysOf(en)].sort());
  });

  it('Czech plurals have every form Czech needs (one, few, many, other)', () => {
    const plurals = valuesOf(cs)
      .map(([key]) => key)
      .filter((key) => PLURAL.test(key));
    const families = new Set(plurals.map((key) => key.replace(PLURAL, '')));
    expect(families.size).toBeGreaterThan(0);
    for (const family of families) {
      for (const form of ['one', 'few', 'many', 'other'])
        expect(plurals).toContain(`${family}_${form}`);
    }
  });

  it('every placeholder of an English text is used in its Czech text', () => {
    // {{Portal}} is {{portal}} capitalised to start an English sentence; Czech needs only one.
    const czech = new Map(
      valuesOf(cs).map(([k, v]) => [
        k.replace(PLURAL, ''),
        v.replaceAll('{{Portal}}', '{{portal}}'),
      ]),
    );
    for (const [key, text] of valuesOf(en)) {
      const placeholders = text.replaceAll('{{Portal}}', '{{portal}}').match(/\{\{\w+\}\}/g) ?? [];
      const other = czech.get(key.replace(PLURAL, ''));
      for (const placeholder of placeholders)
        expect(other, `${key} in Czech`).toContain(placeholder);
    }
  });

  it('Czech counts pick the right form', async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: 'cs',
      resources: { cs: { translation: cs } },
      interpolation: { escapeValue: false },
    });
    const cameras = (count: number) => i18n.t('account.cameraCount', { count });
    expect([1, 2, 4, 5, 0, 21].map(cameras)).toEqual([
      '1 kamera',
      '2 kamery',
      '4 kamery',
      '5 kamer',
      '0 kamer',
      '21 kamer',
    ]);
  });

  it('the diagnosis summary reads right for one warning as for several (English)', async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const summary = (warn: number) =>
      i18n.t('diagnostics.summary', { ok: 9, fail: 13, warn, skip: 5 });
    expect(summary(1)).not.toMatch(/\b1 warnings\b/);
    expect([summary(1), summary(2)]).toEqual([
      'Passed: 9, failed: 13, warnings: 1, skipped: 5.',
      'Passed: 9, failed: 13, warnings: 2, skipped: 5.',
    ]);
  });

  it('Czech text uses its diacritics (not an ASCII transliteration)', () => {
    const all = valuesOf(cs)
      .map(([, v]) => v)
      .join(' ');
    for (const letter of ['á', 'é', 'í', 'ě', 'š', 'č', 'ř', 'ž', 'ý', 'ů'])
      expect(all).toContain(letter);
  });
});

describe('resolveLanguage', () => {
  it('follows the first OS language the window speaks', () => {
    expect(resolveLanguage('system', ['de-DE', 'cs-CZ', 'en-US'])).toBe('cs');
    expect(resolveLanguage('system', ['en-GB', 'cs'])).toBe('en');
    expect(resolveLanguage('system', ['de', 'fr'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });

  it('an explicit choice wins over the OS', () => {
    expect(resolveLanguage('en', ['cs-CZ'])).toBe('en');
    expect(resolveLanguage('cs', ['en-US'])).toBe('cs');
  });
});
