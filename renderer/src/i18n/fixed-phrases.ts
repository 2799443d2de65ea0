// i18next works a key out anew on every call (key and namespace split,
// fallbacks, nesting, plural suffixes, post-processing); the Connections
// screen asks for the same dozen fixed phrases once per card, 100 cards and
// more. A phrase asked for without options is kept after its first lookup;
// a call with options (a count, values) goes to i18next every time.
import type { TFunction } from 'i18next';

/** `t`, remembering its phrases that take no options. Make one per `t` (that is, per language). */
export function rememberFixedPhrases(t: TFunction): TFunction {
  const lookUp = t as unknown as (key: unknown, ...rest: unknown[]) => string;
  const phrases = new Map<string, string>();
  const remembering = (key: unknown, ...rest: unknown[]): string => {
    if (rest.length > 0 || typeof key !== 'string') return lookUp(key, ...rest);
    let phrase = phrases.get(key);
    if (phrase === undefined) {
      phrase = lookUp(key);
      phrases.set(key, phrase);
    }
    return phrase;
  };
  return remembering as unknown as TFunction;
}
