// The app's own updates: why they are off, or what they are doing, and
// "Restart to update" once a verified update waits (never while a sign-in
// runs or sign-ins are being saved: the main process says so, and this
// shows it).
import { useTranslation } from 'react-i18next';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { SetByOrganisation } from './SetByOrganisation';

export function UpdateSection() {
  const { t } = useTranslation();
  const { update, policy, busy, errors } = useAppState();
  const store = useAppStore();
  if (!update) return null;
  const fixed = policy.updatesEnabled !== undefined || policy.updateChannel !== undefined;
  const error = errors[actionKey.update];
  return (
    <div className="field" role="group" aria-labelledby="settings-updates">
      <h3 id="settings-updates" className="field-label">
        {t('updates.title')} {fixed ? <SetByOrganisation /> : null}
      </h3>
      {update.state === 'disabled' ? (
        <p>{t(`updates.disabled.${update.reason}`)}</p>
      ) : update.state === 'idle' ? (
        <p>{t('updates.idle')}</p>
      ) : update.state === 'checking' ? (
        <p>{t('updates.checking')}</p>
      ) : update.state === 'downloading' ? (
        <p>{t('updates.downloading', { version: update.version, percent: update.percent })}</p>
      ) : update.state === 'failed' ? (
        <p className="callout callout-warning">{errorText(t, update.error)}</p>
      ) : (
        <>
          <p>{t('updates.ready', { version: update.version })}</p>
          {update.blocked ? (
            <p className="field-hint">
              {update.blocked === 'sign-in'
                ? t('updates.blockedSignIn')
                : t('updates.blockedSaving')}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            aria-disabled={update.blocked !== null || busy.includes(actionKey.update) || undefined}
            onClick={() =>
              void (update.blocked || busy.includes(actionKey.update) || store.restartToUpdate())
            }
          >
            {t('updates.restart')}
          </button>
        </>
      )}
      {error ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
