// Typed translation keys: `t('no.such.key')` fails to compile.
import 'i18next';
import type { Translations } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translations };
  }
}
