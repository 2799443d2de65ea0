// One portal's sign-in setup: client ID, secret (write-only), rights to ask
// for, how the browser comes back, and the address to register in the portal.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ProviderSettingsPatch,
  ProviderView,
  RedirectKind,
  UserFacingError,
} from '../../../main/ipc/contract';
import { hostOf } from '../format/time';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { ClientSecretField } from './ClientSecretField';
import { errorText } from './error-text';
import { Field } from './Field';
import { RedirectAddress, RedirectFields } from './RedirectFields';
import { useRightName } from './RightsList';

export function ProviderSettings({
  provider,
  reason,
}: {
  provider: ProviderView;
  reason?: UserFacingError;
}) {
  const { t } = useTranslation();
  const { busy } = useAppState();
  const store = useAppStore();
  const rightName = useRightName();
  const [clientId, setClientId] = useState(provider.clientId);
  const [rights, setRights] = useState<readonly string[]>(provider.rights);
  const [redirectKind, setRedirectKind] = useState<RedirectKind>(provider.redirectKind);
  const [port, setPort] = useState(String(provider.loopbackPort));
  const [outcome, setOutcome] = useState<{ saved: true } | { error: string } | null>(null);
  const saving = busy.includes(actionKey.provider(provider.id));
  const locked = provider.locked;

  function toggleRight(right: string, on: boolean) {
    setRights(on ? [...rights, right] : rights.filter((r) => r !== right));
    setOutcome(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const patch: { -readonly [K in keyof ProviderSettingsPatch]: ProviderSettingsPatch[K] } = {};
    if (clientId.trim() !== provider.clientId) patch.clientId = clientId.trim();
    const ordered = provider.availableRights.filter((r) => rights.includes(r));
    if (ordered.join(',') !== provider.rights.join(',')) patch.rights = ordered;
    if (redirectKind !== provider.redirectKind) patch.redirectKind = redirectKind;
    if (redirectKind === 'loopback') {
      const value = Number(port);
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        setOutcome({ error: t('provider.badPort') });
        return;
      }
      if (value !== provider.loopbackPort) patch.loopbackPort = value;
    }
    if (Object.keys(patch).length === 0) {
      setOutcome({ saved: true });
      return;
    }
    const refused = await store.updateProvider(provider.id, patch);
    setOutcome(refused ? { error: errorText(t, refused) } : { saved: true });
  }

  const redirectDirty =
    redirectKind !== provider.redirectKind ||
    (redirectKind === 'loopback' && port !== String(provider.loopbackPort));

  return (
    <div className="panel provider-settings">
      <h3 className="provider-title">
        {provider.name} <span className="muted">· {hostOf(provider.url)}</span>
      </h3>
      {reason ? <p className="callout callout-warning">{errorText(t, reason)}</p> : null}
      {locked ? <p className="callout callout-info">{t('provider.locked')}</p> : null}
      {provider.server?.pkce === 'not-advertised' ? (
        <p className="callout callout-info" data-server-fact="pkce-not-advertised">
          {t('provider.pkceNotAdvertised')}
        </p>
      ) : null}
      <form noValidate onSubmit={save} className="form">
        <fieldset disabled={locked} className="plain-fieldset">
          <legend className="visually-hidden">
            {t('provider.setup', { portal: provider.name })}
          </legend>
          <Field
            label={t('provider.clientId')}
            hint={t('provider.clientIdHint')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={clientId}
            onChange={(event) => {
              setClientId(event.target.value);
              setOutcome(null);
            }}
          />
          <ClientSecretField provider={provider} />
          <fieldset className="rights-fieldset">
            <legend>{t('provider.rights')}</legend>
            <p className="field-hint">{t('provider.rightsHint')}</p>
            <ul className="rights-grid">
              {provider.availableRights.map((right) => (
                <li key={right}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={rights.includes(right)}
                      onChange={(event) => toggleRight(right, event.target.checked)}
                    />
                    <span>
                      {rightName(right)} <code className="muted">{right}</code>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <RedirectFields
            kind={redirectKind}
            port={port}
            onKind={(kind) => {
              setRedirectKind(kind);
              setOutcome(null);
            }}
            onPort={(value) => {
              setPort(value);
              setOutcome(null);
            }}
          />
          <div className="actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={saving || undefined}
            >
              {saving ? t('provider.saving') : t('provider.save')}
            </button>
            {provider.origin === 'custom' ? (
              <button
                type="button"
                className="button button-danger"
                onClick={() => void store.removeProvider(provider.id)}
              >
                {t('provider.remove')}
              </button>
            ) : null}
          </div>
        </fieldset>
        <p role="status" className="save-outcome">
          {outcome && 'saved' in outcome ? t('provider.saved') : null}
        </p>
        {outcome && 'error' in outcome ? (
          <p role="alert" className="callout callout-error">
            {outcome.error}
          </p>
        ) : null}
      </form>
      <RedirectAddress provider={provider} dirty={redirectDirty} />
    </div>
  );
}
