// Saved-sign-in files that could not be read and were set aside: they may
// still hold valid sign-ins, so the operator sees where they are, when each
// is deleted by itself, can delete them now, and chooses how long they are kept.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';

/** The retention periods offered (the stored one is added when it is another). */
const RETENTION_CHOICES = [7, 30, 90, 365] as const;

export function SetAsideFilesPanel() {
  const { t, i18n } = useTranslation();
  const { setAside, busy, errors } = useAppState();
  const store = useAppStore();
  const retentionId = useId();
  if (!setAside) return null;
  const working = busy.includes(actionKey.setAside);
  const error = errors[actionKey.setAside];
  const count = setAside.files.length;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const choices = [...new Set([...RETENTION_CHOICES, setAside.retentionDays])].sort(
    (a, b) => a - b,
  );

  return (
    <div className="form set-aside">
      <h3>{t('storage.setAside.title')}</h3>
      {count === 0 ? (
        <p>{t('storage.setAside.none')}</p>
      ) : (
        <>
          <p className="callout callout-warning">{t('storage.setAside.kept', { count })}</p>
          <ul className="set-aside-files">
            {setAside.files.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code>{' '}
                <span className="field-hint">
                  {t('storage.setAside.deleteAt', { date: date.format(file.deleteAt) })}
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-danger"
            aria-disabled={working || undefined}
            onClick={() => void (working || store.deleteSetAsideFiles())}
          >
            {t('storage.setAside.delete', { count })}
          </button>
        </>
      )}
      <div className="field">
        <label htmlFor={retentionId}>{t('storage.setAside.retention')}</label>
        <select
          id={retentionId}
          value={setAside.retentionDays}
          onChange={(event) => void store.setSetAsideRetention(Number(event.target.value))}
        >
          {choices.map((days) => (
            <option key={days} value={days}>
              {t('storage.setAside.days', { count: days })}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
