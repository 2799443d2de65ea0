// The renderer's composition root: one store over the bridge, i18n following
// the store's language setting, and the React tree.
// First: the store starts loading before the rest is evaluated (window-store.ts).
import { store } from './store/window-store';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n/i18n';
import { resolveLanguage } from './i18n/language';
import { StoreProvider } from './store/store-context';
import { App } from './views/App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const osLanguages = () => store.getState().appInfo?.languages ?? navigator.languages;
const i18n = createI18n(resolveLanguage('system', navigator.languages));

// The language follows the setting (or the OS), and the page says which it is.
function followLanguage(): void {
  const language = resolveLanguage(store.getState().settings.language, osLanguages());
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}
store.subscribe(followLanguage);
followLanguage();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
