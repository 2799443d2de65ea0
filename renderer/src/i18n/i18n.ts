// i18next with the two bundled resource sets; no loading over the network.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs } from './cs';
import { en } from './en';
import type { UiLanguage } from './language';

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'cs'],
    resources: { en: { translation: en }, cs: { translation: cs } },
    // React escapes what it renders; escaping here too would show &amp; etc.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
