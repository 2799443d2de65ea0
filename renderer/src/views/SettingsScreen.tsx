// Settings: each portal's sign-in setup, where sign-ins are kept, the app itself.
import { useTranslation } from 'react-i18next';
import type { UserFacingError } from '../../../main/ipc/contract';
import { useAppState, useAppStore } from '../store/store-context';
import { AppSection } from './AppSection';
import { ProviderSettings } from './ProviderSettings';
import { ScreenHeading } from './ScreenHeading';
import { StorageSection } from './StorageSection';
import { SupportSection } from './SupportSection';

export function SettingsScreen({
  providerId,
  reason,
}: {
  providerId?: string;
  reason?: UserFacingError;
}) {
  const { t } = useTranslation();
  const { providers } = useAppState();
  const store = useAppStore();
  const selected = providers.find((p) => p.id === providerId) ?? providers[0];
  return (
    <>
      <ScreenHeading>{t('settings.title')}</ScreenHeading>
      <section className="settings-section" aria-labelledby="settings-portals">
        <h2 id="settings-portals">{t('settings.portals')}</h2>
        {providers.length > 1 ? (
          <ul className="segmented" aria-label={t('settings.choosePortal')}>
            {providers.map((provider) => (
              <li key={provider.id}>
                <button
                  type="button"
                  className="segment"
                  aria-current={provider.id === selected?.id ? 'true' : undefined}
                  onClick={() => store.openSettings(provider.id)}
                >
                  {provider.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {selected ? (
          <ProviderSettings
            key={selected.id}
            provider={selected}
            reason={selected.id === providerId ? reason : undefined}
          />
        ) : (
          <p>{t('settings.noPortals')}</p>
        )}
      </section>
      <StorageSection />
      <AppSection />
      <SupportSection />
    </>
  );
}
