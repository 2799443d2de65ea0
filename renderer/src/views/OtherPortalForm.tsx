// "Other portal…": a reseller's own address, checked beside the field before
// it is added.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPortalUrl } from '../format/portal-url';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { Field } from './Field';

export function OtherPortalForm() {
  const { t } = useTranslation();
  const store = useAppStore();
  const { busy } = useAppState();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const formId = useId();
  const adding = busy.includes(actionKey.addPortal);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (adding) return;
    const checked = checkPortalUrl(urlRef.current?.value ?? '');
    if (!checked.ok) {
      setError(t(`other.problem.${checked.problem}`));
      urlRef.current?.focus();
      return;
    }
    setError(null);
    const name = nameRef.current?.value.trim() || undefined;
    const refused = await store.addPortal({ url: checked.url, name });
    if (refused) {
      setError(errorText(t, refused));
      urlRef.current?.focus();
    }
  }

  return (
    <div className="other-portal">
      <button
        type="button"
        className="portal-card portal-card-other"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        <span className="portal-card-name">{t('other.card')}</span>
        <span className="portal-card-host">{t('other.cardHint')}</span>
      </button>
      <form id={formId} className="panel" hidden={!open} noValidate onSubmit={submit}>
        <Field
          label={t('other.urlLabel')}
          hint={t('other.urlHint')}
          error={error}
          inputRef={urlRef}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          onInput={() => setError(null)}
        />
        <Field
          label={t('other.nameLabel')}
          hint={t('other.nameHint')}
          inputRef={nameRef}
          type="text"
          autoComplete="off"
        />
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={adding || undefined}
          >
            {adding ? t('other.adding') : t('other.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
