import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rememberFixedPhrases } from '../../../renderer/src/i18n/fixed-phrases';
import { createI18n } from '../../../renderer/src/i18n/i18n';

/** `t` of a language, counting the lookups that reach i18next. */
function countingT(language: 'en' | 'cs'): { t: TFunction; lookups: string[] } {
  const i18n = createI18n(language);
  const lookups: string[] = [];
  const t = ((key: string, ...rest: unknown[]) => {
    lookups.push(key);
    return (i18n.t as unknown as (k: string, ...r: unknown[]) => string)(key, ...rest);
  }) as unknown as TFunction;
  return { t, lookups };
}

describe('rememberFixedPhrases', () => {
  it.each(['en', 'cs'] as const)('says what t says (%s)', (language) => {
    const { t } = countingT(language);
    const remembering = rememberFixedPhrases(t);
    for (const key of ['account.cameras', 'account.signOut', 'state.connected'] as const) {
      expect(remembering(key)).toBe(t(key));
      expect(remembering(key)).toBe(t(key));
    }
    for (const count of [1, 2, 5]) {
      expect(remembering('account.cameraCount', { count })).toBe(
        t('account.cameraCount', { count }),
      );
    }
    expect(remembering('account.latency', { ms: 12 })).toBe(t('account.latency', { ms: 12 }));
  });

  it('looks a phrase without options up once, and every call with options', () => {
    const { t, lookups } = countingT('cs');
    const remembering = rememberFixedPhrases(t);
    for (let card = 0; card < 100; card++) {
      remembering('account.cameras');
      remembering('account.cameraCount', { count: card });
    }
    expect(lookups.filter((key) => key === 'account.cameras')).toHaveLength(1);
    expect(lookups.filter((key) => key === 'account.cameraCount')).toHaveLength(100);
    expect(remembering('account.cameraCount', { count: 3 })).toBe('3 kamery');
  });

  it('keeps the phrases of one t apart from another language', () => {
    const english = rememberFixedPhrases(countingT('en').t);
    const czech = rememberFixedPhrases(countingT('cs').t);
    expect(english('account.signOut')).not.toBe(czech('account.signOut'));
    expect(english('account.signOut')).toBe(countingT('en').t('account.signOut'));
  });
});
