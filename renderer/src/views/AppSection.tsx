// The app itself: language and starting at login.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../main/ipc/contract';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { SetByOrganisation } from './SetByOrganisation';
import { UpdateSection } from './UpdateSection';

export function AppSection() {
  const { t } = useTranslation();
  const { settings, appInfo, errors, policy } = useAppState();
  const loginFixed = policy.launchAtLogin !== undefined;
  const store = useAppStore();
  const languageId = useId();
  const loginId = useId();
  const error = errors[actionKey.appSettings];

  return (
    <section className="settings-section" aria-labelledby="settings-app">
      <h2 id="settings-app">{t('appSettings.title')}</h2>
      <div className="panel form">
        <div className="field">
          <label htmlFor={languageId}>{t('appSettings.language')}</label>
          <select
            id={languageId}
            value={settings.language}
            onChange={(event) =>
              void store.updateAppSettings({
                language: event.target.value as AppSettings['language'],
              })
            }
          >
            <option value="system">{t('appSettings.languageSystem')}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="cs" lang="cs">
              Čeština
            </option>
          </select>
        </div>
        <label className="check check-block" htmlFor={loginId}>
          <input
            id={loginId}
            type="checkbox"
            checked={loginFixed ? policy.launchAtLogin : settings.startAtLogin}
            disabled={loginFixed}
            onChange={(event) =>
              void store.updateAppSettings({ startAtLogin: event.target.checked })
            }
          />
          <span>
            {t('appSettings.startAtLogin')} {loginFixed ? <SetByOrganisation /> : null}
          </span>
        </label>
        <UpdateSection />
        {error ? (
          <p role="alert" className="callout callout-error">
            {errorText(t, error)}
          </p>
        ) : null}
        {appInfo ? (
          <p className="fine-print">
            {t('appSettings.version', { name: appInfo.name, version: appInfo.version })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
