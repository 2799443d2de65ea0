// The banner: the app's name and the three places an operator goes.
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../store/store-context';
import type { ScreenName } from '../store/screens';

type Place = 'connections' | 'add' | 'settings';

function placeOf(screen: ScreenName): Place {
  if (screen === 'settings' || screen === 'diagnostics') return 'settings';
  if (screen === 'connections' || screen === 'loading') return 'connections';
  return 'add';
}

export function AppHeader() {
  const { t } = useTranslation();
  const { screen } = useAppState();
  const store = useAppStore();
  const current = placeOf(screen.name);
  const items: ReadonlyArray<{ place: Place; label: string; go: () => void }> = [
    {
      place: 'connections',
      label: t('nav.connections'),
      go: () => store.go({ name: 'connections' }),
    },
    { place: 'add', label: t('nav.addAccount'), go: () => store.addAccount() },
    { place: 'settings', label: t('nav.settings'), go: () => store.openSettings() },
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 19V5l8 9V5M16 5l4 7-4 7" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {items.map((item) => (
            <li key={item.place}>
              <button
                type="button"
                className="nav-item"
                aria-current={item.place === current ? 'page' : undefined}
                onClick={item.go}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
