// Help for a support case: the diagnosis report, the log folder, and a more
// detailed log while a problem is being looked into.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';

export function SupportSection() {
  const { t } = useTranslation();
  const { settings, busy, errors } = useAppState();
  const store = useAppStore();
  const detailedId = useId();
  const folderError = errors[actionKey.logFolder];

  return (
    <section className="settings-section" aria-labelledby="settings-support">
      <h2 id="settings-support">{t('support.title')}</h2>
      <div className="panel form">
        <p>{t('support.intro')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => store.go({ name: 'diagnostics' })}
          >
            {t('support.diagnostics')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy.includes(actionKey.logFolder)}
            onClick={() => void store.openLogFolder()}
          >
            {t('support.showLogs')}
          </button>
        </div>
        {folderError ? (
          <p role="alert" className="callout callout-error">
            {errorText(t, folderError)}
          </p>
        ) : null}
        <label className="check check-block" htmlFor={detailedId}>
          <input
            id={detailedId}
            type="checkbox"
            checked={settings.detailedLog}
            onChange={(event) =>
              void store.updateAppSettings({ detailedLog: event.target.checked })
            }
          />
          <span>
            {t('support.detailedLog')}
            <span className="field-hint block">{t('support.detailedLogHint')}</span>
          </span>
        </label>
      </div>
    </section>
  );
}
