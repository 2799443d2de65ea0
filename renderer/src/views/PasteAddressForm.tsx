// "Paste the address instead": for when the browser could not hand the
// sign-in back to the app. The address carries a one-time code, so like the
// API token it is read from the field, the field is cleared, and it goes
// straight to the bridge without being kept. When it is refused, what was
// pasted is shown back without its secrets (the address and the names of its
// parts), so the operator can compare it with the browser's.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalWayBack, ProviderView } from '../../../main/ipc/contract';
import { pastedAddressSummary } from '../format/pasted-address';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { Field } from './Field';

export function PasteAddressForm({
  provider,
  way,
}: {
  provider: ProviderView;
  /** The sign-in's way back: which address comes back, and whether a browser shows it. */
  way?: PortalWayBack;
}) {
  const { t } = useTranslation();
  const store = useAppStore();
  const { busy } = useAppState();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState<string | undefined>(undefined);
  const fieldRef = useRef<HTMLInputElement>(null);
  const formId = useId();
  const sending = busy.includes(actionKey.paste);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const field = fieldRef.current;
    if (!field || sending) return;
    const address = field.value.trim();
    field.value = '';
    if (address === '') {
      setError(t('paste.empty'));
      field.focus();
      return;
    }
    setError(null);
    setPasted(undefined);
    const summary = pastedAddressSummary(address);
    const refused = await store.completeSignIn(address);
    if (refused) {
      setError(errorText(t, refused));
      setPasted(summary);
      fieldRef.current?.focus();
    }
  }

  return (
    <div className="paste">
      <button
        type="button"
        className="button-link"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        {t('paste.toggle')}
      </button>
      <form id={formId} hidden={!open} noValidate onSubmit={submit} className="paste-form">
        <Field
          label={t('paste.label')}
          hint={
            way?.pasteHint === 'address-bar'
              ? t('paste.hintLoopback', { prefix: way.returnAddress })
              : t('paste.hint', { prefix: way?.returnAddress ?? provider.redirectUri })
          }
          error={error}
          inputRef={fieldRef}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        {pasted ? (
          <p className="field-hint pasted">
            {t('paste.youPasted')} <code>{pasted}</code>
          </p>
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={sending || undefined}
          >
            {t('paste.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
