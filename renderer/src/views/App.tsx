// The window: header with navigation, the notices, and the current screen.
import { useTranslation } from 'react-i18next';
import { useAppState } from '../store/store-context';
import type { Screen } from '../store/screens';
import { AppHeader } from './AppHeader';
import { ApiTokenScreen } from './ApiTokenScreen';
import { ChoosePortalScreen } from './ChoosePortalScreen';
import { ConnectionsScreen } from './ConnectionsScreen';
import { DiagnosticsScreen } from './DiagnosticsScreen';
import { errorText } from './error-text';
import { Notices } from './Notices';
import { SettingsScreen } from './SettingsScreen';
import { SignInScreen } from './SignInScreen';

export function App() {
  const { t } = useTranslation();
  const state = useAppState();

  if (state.status !== 'ready') {
    return (
      <main id="main" className="app-main app-main-centered">
        <h1 className="screen-title">{t('app.name')}</h1>
        {state.status === 'loading' ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <p role="alert" className="callout callout-error">
            {t('app.loadFailed')} {state.loadError ? errorText(t, state.loadError) : null}
          </p>
        )}
      </main>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Notices />
        <CurrentScreen screen={state.screen} />
      </main>
    </>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'loading':
    case 'connections':
      return <ConnectionsScreen />;
    case 'choose-portal':
      return <ChoosePortalScreen />;
    case 'sign-in':
      return <SignInScreen key={screen.providerId} providerId={screen.providerId} />;
    case 'api-token':
      return <ApiTokenScreen initialProviderId={screen.providerId} initialLabel={screen.label} />;
    case 'settings':
      return <SettingsScreen providerId={screen.providerId} reason={screen.reason} />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
  }
}
