// How the browser comes back to the app, and the exact address the portal's
// administrator registers (with a copy button).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView, RedirectKind } from '../../../main/ipc/contract';
import { Field } from './Field';

export function RedirectFields({
  kind,
  port,
  onKind,
  onPort,
}: {
  kind: RedirectKind;
  port: string;
  onKind: (kind: RedirectKind) => void;
  onPort: (port: string) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const options: ReadonlyArray<{ value: RedirectKind; label: string; hint: string }> = [
    { value: 'custom-scheme', label: t('redirect.scheme'), hint: t('redirect.schemeHint') },
    { value: 'loopback', label: t('redirect.loopback'), hint: t('redirect.loopbackHint') },
  ];
  return (
    <fieldset className="redirect-fieldset">
      <legend>{t('redirect.legend')}</legend>
      {options.map((option) => (
        <label key={option.value} className="check check-block">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={kind === option.value}
            onChange={() => onKind(option.value)}
          />
          <span>
            {option.label}
            <span className="field-hint block">{option.hint}</span>
          </span>
        </label>
      ))}
      {kind === 'loopback' ? (
        <Field
          className="field-narrow"
          label={t('redirect.port')}
          hint={t('redirect.portHint')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={port}
          onChange={(event) => onPort(event.target.value)}
        />
      ) : null}
    </fieldset>
  );
}

export function RedirectAddress({ provider, dirty }: { provider: ProviderView; dirty: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const addressId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(provider.redirectUri);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="redirect-address">
      <p className="secret-label">{t('redirect.address')}</p>
      <p className="field-hint">{t('redirect.addressHint', { portal: provider.name })}</p>
      <div className="copy-row">
        <code id={addressId} className="address">
          {provider.redirectUri}
        </code>
        <button
          type="button"
          className="button"
          aria-describedby={addressId}
          onClick={() => void copy()}
        >
          {t('redirect.copy')}
        </button>
      </div>
      <p role="status" className="save-outcome">
        {copied === 'yes' ? t('redirect.copied') : null}
        {copied === 'failed' ? t('redirect.copyFailed') : null}
      </p>
      {dirty ? <p className="field-hint">{t('redirect.saveFirst')}</p> : null}
    </div>
  );
}
