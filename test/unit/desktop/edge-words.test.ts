// The edge's words: the language it picks (the window's rule), and every
// sentence present, filled and distinct in both languages.
import { describe, expect, it } from 'vitest';
import { decideAccountAlerts, EMPTY_ALERT_MEMORY } from '../../../main/desktop/account-alerts';
import { routeArgv } from '../../../main/desktop/argv-routing';
import {
  EDGE_LANGUAGES,
  EDGE_WORDS,
  edgeLanguage,
  edgeWords,
  linkRefusalText,
  type EdgeWords,
} from '../../../main/desktop/edge-words';
import type { AccountSnapshot, AppSettings } from '../../../main/ipc/contract';
import { resolveLanguage } from '../../../renderer/src/i18n/language';

/** Every sentence of a table, functions called with sample values, by path. */
function sentences(words: EdgeWords): Map<string, string> {
  const out = new Map<string, string>();
  const sample = (fn: (...args: never[]) => string, path: string): string => {
    // Sample values for the sentence's parameters, chosen by its path.
    const args = ['Kancelář (Netrex)', 'English reason.'] as const;
    if (/tooltip/.test(path)) return (fn as (a: number, b: number) => string)(2, 3);
    if (/offlineBody/.test(path)) return (fn as (a: string, m: number) => string)(args[0], 5);
    if (/severalLinks/.test(path)) return (fn as (n: number) => string)(2);
    if (/account$/.test(path)) return (fn as (a: string, b: string) => string)(args[0], 'state');
    return (fn as (a: string, b: string) => string)(...args);
  };
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, sample(value as never, path));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(words, '');
  return out;
}

const account = (state: AccountSnapshot['state']): AccountSnapshot =>
  ({
    id: 'a',
    providerName: 'Netrex',
    label: 'Kancelář',
    state,
  }) as AccountSnapshot;

describe('edgeLanguage', () => {
  it.each<[AppSettings['language'], string[], 'en' | 'cs']>([
    ['en', ['cs-CZ'], 'en'],
    ['cs', ['en-US'], 'cs'],
    ['system', ['cs-CZ', 'en-US'], 'cs'],
    ['system', ['CS'], 'cs'],
    ['system', ['de-DE', 'cs-CZ'], 'cs'],
    ['system', ['de-DE', 'en-GB', 'cs-CZ'], 'en'],
    ['system', ['sk-SK'], 'en'],
    ['system', [], 'en'],
    ['system', [''], 'en'],
  ])('%s with the OS saying %j: %s', (setting, os, expected) => {
    expect(edgeLanguage(setting, os)).toBe(expected);
    // The window decides by the same rule: tray and window never disagree.
    expect(resolveLanguage(setting, os)).toBe(expected);
    expect(edgeWords(setting, os)).toBe(EDGE_WORDS[expected]);
  });
});

describe('EDGE_WORDS', () => {
  const en = sentences(EDGE_WORDS.en);
  const cs = sentences(EDGE_WORDS.cs);

  it('has every sentence in both languages, none empty, none left unfilled', () => {
    expect([...cs.keys()]).toEqual([...en.keys()]);
    expect(en.size).toBeGreaterThan(25);
    for (const language of EDGE_LANGUAGES) {
      for (const [path, text] of sentences(EDGE_WORDS[language])) {
        expect(text.trim(), `${language} ${path}`).not.toBe('');
        expect(text, `${language} ${path}`).not.toMatch(/\$\{|\{\{|undefined|NaN/);
      }
    }
  });

  it('says every Czech sentence in Czech (only the app name is the same)', () => {
    const same = [...en].filter(([path, text]) => cs.get(path) === text).map(([path]) => path);
    expect(same).toEqual(['appName']);
    // Proper Czech: the sentences carry diacritics.
    expect(
      [...cs.values()].filter((text) => /[áčďéěíňóřšťúůýž]/i.test(text)).length,
    ).toBeGreaterThan(cs.size * 0.8);
  });

  it('counts minutes and links the Czech way', () => {
    const { offlineBody } = EDGE_WORDS.cs.alerts;
    expect(offlineBody('Netrex', 1)).toContain('déle než 1 minutu');
    expect(offlineBody('Netrex', 3)).toContain('déle než 3 minuty');
    expect(offlineBody('Netrex', 5)).toContain('déle než 5 minut');
    expect(EDGE_WORDS.cs.shell.severalLinks(3)).toContain('odkazy najednou (celkem 3)');
  });

  it('tells a refused link in the language asked for', () => {
    const link = 'cz.netrex.connect:/oauth/callback/demo?code=1&state=a';
    const several = routeArgv([link, link, link]);
    const tooLong = routeArgv([`${link}${'x'.repeat(9000)}`]);
    if (several.kind !== 'refused' || tooLong.kind !== 'refused') throw new Error('not refused');
    expect(linkRefusalText(several, EDGE_WORDS.en)).toBe(several.message);
    expect(linkRefusalText(tooLong, EDGE_WORDS.en)).toBe(tooLong.message);
    expect(linkRefusalText(several, EDGE_WORDS.cs)).toMatch(
      /^Netrex Connect byl spuštěn s několika .* \(celkem 3\)/,
    );
    expect(linkRefusalText(tooLong, EDGE_WORDS.cs)).toMatch(/ignoroval/);
  });

  it('gives the alerts in the words passed in', () => {
    const { alerts } = decideAccountAlerts(
      EMPTY_ALERT_MEMORY,
      [account('expired')],
      0,
      EDGE_WORDS.cs,
    );
    expect(alerts).toEqual([
      {
        accountId: 'a',
        kind: 'expired',
        title: 'Přihlášení vypršelo',
        body: 'Kancelář (Netrex): portál už toto přihlášení nepřijímá. Otevřete Netrex Connect a přihlaste se znovu.',
      },
    ]);
  });
});
