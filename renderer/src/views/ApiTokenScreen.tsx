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
import { EscapeCancels } from './EscapeCancels';
import { ScreenHeading } from './ScreenHeading';
import { SetByOrganisation } from './SetByOrganisation';

export function ApiTokenScreen({
  initialProviderId,
  initialLabel,
}: {
  initialProviderId?: string;
  /** The account a new token renews: its name, so the new token replaces it. */
  initialLabel?: string;
}) {
  const { t } = useTranslation();
  const { providers: all, accounts, busy, policy } = useAppState();
  const store = useAppStore();
  // Personal API tokens are a feature of Netrex-protocol portals (standard servers refuse them).
  const providers = all.filter((p) => p.dialect === 'netrex');
  // The portal in context, or the only one there is; never simply the first of several:
  // a token sent to the wrong portal is a credential handed to another company.
  const [providerId, setProviderId] = useState(
    initialProviderId ?? (providers.length === 1 ? providers[0]!.id : ''),
  );
  const target = providers.find((p) => p.id === providerId);
  const targetId = useId();
  // Untitled tokens get a name no token on that portal has yet ("API token 2"): shown in the
  // empty field, so the cards tell them apart and a new token never replaces another unasked.
  const taken = new Set(
    accounts
      .filter((a) => a.method === 'api-token' && a.providerId === providerId)
      .map((a) => a.label),
  );
  let n = 1;
  const nameOf = (k: number) =>
    k === 1 ? t('apiToken.defaultLabel') : t('apiToken.defaultLabelN', { n: k });
  while (taken.has(nameOf(n))) n++;
  const suggestedLabel = nameOf(n);
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
    const label = labelRef.current?.value.trim() || suggestedLabel;
    if (!target) return;
    // The address shown above goes along: the token is sent there or nowhere.
    const refused = await store.signInWithApiToken({
      providerId: target.id,
      providerUrl: target.url,
      token,
      label,
    });
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
      <EscapeCancels onEscape={() => store.goHome()} />
      <ScreenHeading>{t('apiToken.title')}</ScreenHeading>
      <p className="lead">{t('apiToken.lead')}</p>
      <form className="panel form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={selectId}>{t('apiToken.portal')}</label>
          <select
            id={selectId}
            value={providerId}
            aria-describedby={target ? targetId : undefined}
            onChange={(event) => setProviderId(event.target.value)}
          >
            {target ? null : (
              <option value="" disabled>
                {t('apiToken.choosePortal')}
              </option>
            )}
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name} ({hostOf(provider.url)})
              </option>
            ))}
          </select>
          {target ? (
            <p id={targetId} className="field-hint token-target">
              {t('apiToken.goesTo', { portal: target.name })} <code>{target.url}</code>
            </p>
          ) : null}
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
          defaultValue={initialLabel}
          placeholder={suggestedLabel}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={checking || undefined}
            aria-describedby={target ? targetId : undefined}
            disabled={!target}
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
