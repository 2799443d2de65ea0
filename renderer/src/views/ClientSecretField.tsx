// The client secret is write-only: the window shows whether one is stored,
// never the secret. A new one is read from the masked field, the field is
// cleared, and the secret goes to the bridge without being kept.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../main/ipc/contract';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { Field } from './Field';

export function ClientSecretField({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const { busy } = useAppState();
  const store = useAppStore();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const saving = busy.includes(actionKey.secret(provider.id));

  async function saveSecret() {
    const field = fieldRef.current;
    if (!field || saving) return;
    const secret = field.value;
    field.value = '';
    if (secret.trim() === '') {
      setError(t('secret.empty'));
      field.focus();
      return;
    }
    const refused = await store.setClientSecret(provider.id, secret);
    if (refused) {
      setError(errorText(t, refused));
      fieldRef.current?.focus();
    } else {
      setError(null);
      setEditing(false);
    }
  }

  async function removeSecret() {
    if (saving) return;
    const refused = await store.setClientSecret(provider.id, null);
    setError(refused ? errorText(t, refused) : null);
  }

  // Enter saves the secret instead of submitting the surrounding settings form.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void saveSecret();
  }

  return (
    <div className="secret" role="group" aria-labelledby={`${statusId}-label`}>
      <p className="secret-status">
        <span id={`${statusId}-label`} className="secret-label">
          {t('secret.label')}
        </span>{' '}
        <span id={statusId} className={provider.clientSecretSet ? 'tag tag-ok' : 'tag'}>
          {provider.clientSecretSet ? t('secret.set') : t('secret.notSet')}
        </span>
      </p>
      <p className="field-hint">{t('secret.hint')}</p>
      {editing ? (
        <>
          <Field
            label={t('secret.newLabel')}
            error={error}
            inputRef={fieldRef}
            type="password"
            autoComplete="off"
            spellCheck={false}
            onKeyDown={onKeyDown}
            autoFocus
          />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={saving || undefined}
              onClick={() => void saveSecret()}
            >
              {t('secret.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                if (fieldRef.current) fieldRef.current.value = '';
                setEditing(false);
                setError(null);
              }}
            >
              {t('secret.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-describedby={statusId}
            onClick={() => setEditing(true)}
          >
            {provider.clientSecretSet ? t('secret.replace') : t('secret.add')}
          </button>
          {provider.clientSecretSet ? (
            <button
              type="button"
              className="button button-danger"
              aria-disabled={saving || undefined}
              onClick={() => void removeSecret()}
            >
              {t('secret.remove')}
            </button>
          ) : null}
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      )}
    </div>
  );
}
