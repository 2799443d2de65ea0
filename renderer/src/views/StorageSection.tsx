// Where sign-ins are kept: the keychain backend in use, the warning and the
// explicit opt-in where it is weak, what happened if the old file was
// unreadable, why it is left alone when it is, that it waits for a keyring
// not yet unlocked, and a save that failed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '../../../main/ipc/contract';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { appMessage, errorText } from './error-text';
import { SetAsideFilesPanel } from './SetAsideFilesPanel';
import { SetByOrganisation } from './SetByOrganisation';

const BACKEND_NAMES: Readonly<Record<string, string>> = {
  gnome_libsecret: 'GNOME Keyring (libsecret)',
  kwallet: 'KDE Wallet',
  kwallet5: 'KDE Wallet 5',
  kwallet6: 'KDE Wallet 6',
  secret_portal: 'Secret portal (xdg-desktop-portal)',
  dpapi: 'Windows Data Protection (DPAPI)',
  keychain: 'macOS Keychain',
};

export function StorageSection() {
  const { t } = useTranslation();
  const { storage, busy, errors, policy } = useAppState();
  const forbidden = policy.allowWeakStorage === false;
  const store = useAppStore();
  const optInId = useId();
  const saving = busy.includes(actionKey.storage);
  const error = errors[actionKey.storage];

  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage.title')}</h2>
      {!storage ? (
        <p className="panel">{t('storage.unknown')}</p>
      ) : (
        <div className="panel">
          <dl className="facts">
            <dt>{t('storage.backend')}</dt>
            <dd>{backendName(storage, t('storage.none'))}</dd>
          </dl>
          {storage.recovered ? (
            <p className="callout callout-warning">
              {t('storage.recovered', {
                path: storage.recovered.movedTo,
                reason:
                  appMessage(t, 'vault_recovered', { variant: storage.recovered.damage }) ??
                  storage.recovered.reason,
              })}
            </p>
          ) : null}
          {storage.keyStoreWaiting ? (
            <div className="callout callout-warning" role="status">
              <p>{t('storage.waitingForKeyring', { path: storage.keyStoreWaiting.path })}</p>
              {storage.keyStoreWaiting.unsavedChanges ? <p>{t('storage.waitingUnsaved')}</p> : null}
            </div>
          ) : null}
          {storage.fileKept ? (
            <p className="callout callout-warning">
              {t('storage.fileKept', {
                path: storage.fileKept.path,
                reason:
                  appMessage(t, 'vault_file_kept', {
                    variant: storage.fileKept.sealedBy
                      ? 'sealed-elsewhere'
                      : storage.fileKept.damage,
                    sealedBy: storage.fileKept.sealedBy ?? undefined,
                    backend: storage.backend,
                  }) ?? storage.fileKept.reason,
              })}
            </p>
          ) : null}
          {storage.lastWriteError ? (
            <p className="callout callout-error">{errorText(t, storage.lastWriteError)}</p>
          ) : null}
          {storage.weak ? (
            <>
              <p className="callout callout-warning">{t('storage.weakWarning')}</p>
              <p>
                {storage.policy === 'weak-allowed'
                  ? t('storage.policyWeak')
                  : t('storage.policyMemory')}
              </p>
              <label className="check check-block" htmlFor={optInId}>
                <input
                  id={optInId}
                  type="checkbox"
                  checked={storage.policy === 'weak-allowed'}
                  disabled={forbidden}
                  aria-disabled={saving || undefined}
                  onChange={(event) =>
                    void (saving || store.setWeakStorageAllowed(event.target.checked))
                  }
                />
                <span>
                  {t('storage.optIn')} {forbidden ? <SetByOrganisation /> : null}
                  <span className="field-hint block">
                    {forbidden ? t('policy.weakStorageOff') : t('storage.optInHint')}
                  </span>
                </span>
              </label>
            </>
          ) : (
            <p>{t('storage.encrypted')}</p>
          )}
          {error ? (
            <p role="alert" className="callout callout-error">
              {errorText(t, error)}
            </p>
          ) : null}
          <SetAsideFilesPanel />
        </div>
      )}
    </section>
  );
}

function backendName(storage: StorageStatus, none: string): string {
  if (storage.backend === 'basic_text' || storage.backend === 'unavailable') return none;
  return BACKEND_NAMES[storage.backend] ?? storage.backend;
}
