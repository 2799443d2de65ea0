// The second way in: a personal API token made in the portal. The token is
// read from the masked field, the field is cleared at once, and the token goes
// to the bridge; it is never kept in React state or the store, so it can never
// be rendered back.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hostOf } from '../format/time';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { Field } from './Field';
import { ScreenHeading } from './ScreenHeading';
import { SetByOrganisation } from './SetByOrganisation';

export function ApiTokenScreen({ initialProviderId }: { initialProviderId?: string }) {
  const { t } = useTranslation();
  const { providers, busy, policy } = useAppState();
  const store = useAppStore();
  const [providerId, setProviderId] = useState(initialProviderId ?? providers[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const selectId = useId();
  const checking = busy.includes(actionKey.apiToken);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const field = tokenRef.current;
    if (!field || checking) return;
    const token = field.value.trim();
    field.value = '';
    if (token === '') {
      setError(t('apiToken.empty'));
      field.focus();
      return;
    }
    setError(null);
    const label = labelRef.current?.value.trim() || undefined;
    const refused = await store.signInWithApiToken({ providerId, token, label });
    if (refused) {
      setError(errorText(t, refused));
      tokenRef.current?.focus();
    }
  }

  if (policy.allowApiTokens === false) {
    return (
      <>
        <ScreenHeading>{t('apiToken.title')}</ScreenHeading>
        <div className="panel">
          <p className="callout callout-warning">
            {t('policy.apiTokensOff')} <SetByOrganisation />
          </p>
          <button type="button" className="button" onClick={() => store.goHome()}>
            {t('apiToken.back')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <ScreenHeading>{t('apiToken.title')}</ScreenHeading>
      <p className="lead">{t('apiToken.lead')}</p>
      <form className="panel form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={selectId}>{t('apiToken.portal')}</label>
          <select
            id={selectId}
            value={providerId}
            onChange={(event) => setProviderId(event.target.value)}
          >
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name} ({hostOf(provider.url)})
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('apiToken.token')}
          hint={t('apiToken.hint')}
          error={error}
          inputRef={tokenRef}
          type="password"
          autoComplete="off"
          spellCheck={false}
          onInput={() => setError(null)}
        />
        <Field
          label={t('apiToken.label')}
          hint={t('apiToken.labelHint')}
          inputRef={labelRef}
          type="text"
          autoComplete="off"
        />
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={checking || undefined}
            disabled={providerId === ''}
          >
            {checking ? t('apiToken.checking') : t('apiToken.submit')}
          </button>
          <button type="button" className="button" onClick={() => store.goHome()}>
            {t('apiToken.back')}
          </button>
        </div>
      </form>
    </>
  );
}
