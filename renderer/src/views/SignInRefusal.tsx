// Why a sign-in did not finish, and what to do next, by the error's code.
import { useTranslation } from 'react-i18next';
import type { ProviderView, UserFacingError } from '../../../main/ipc/contract';
import { useAppStore } from '../store/store-context';
import { errorText } from './error-text';

type RefusalKind =
  'declined' | 'rights' | 'client' | 'timedOut' | 'superseded' | 'noAnswer' | 'portal';

/**
 * Refusals the window's own title and next step explain fully, in the
 * operator's language; the main process's (English) sentence would only say
 * the same again. The others keep it: it names what the portal refused.
 */
const EXPLAINED_BY_TITLE: ReadonlySet<RefusalKind> = new Set([
  'declined',
  'timedOut',
  'superseded',
]);

/** The refusals the portal and the app name, grouped by what the operator does next. */
export function refusalKind(code: string): RefusalKind {
  switch (code) {
    case 'access_denied':
      return 'declined';
    case 'invalid_scope':
      return 'rights';
    case 'invalid_client':
    case 'unauthorized_client':
      return 'client';
    case 'timed_out':
      return 'timedOut';
    case 'superseded':
      return 'superseded';
    // The portal never answered: not "reported a problem".
    case 'timeout':
    case 'network':
      return 'noAnswer';
    default:
      return 'portal';
  }
}

export function SignInRefusal({
  provider,
  error,
}: {
  provider: ProviderView;
  error: UserFacingError;
}) {
  const { t } = useTranslation();
  const store = useAppStore();
  const kind = refusalKind(error.code);
  const toSettings = kind === 'rights' || kind === 'client';
  return (
    <div role="alert" className="callout callout-error refusal" data-refusal={kind}>
      <h2 className="refusal-title">{t(`refusal.${kind}.title`)}</h2>
      {EXPLAINED_BY_TITLE.has(kind) ? null : <p>{errorText(t, error)}</p>}
      {error.detail ? (
        <p className="refusal-detail">
          {t('refusal.portalSaid')} <q>{error.detail}</q>
        </p>
      ) : null}
      <p className="refusal-next">{t(`refusal.${kind}.next`, { portal: provider.name })}</p>
      {toSettings ? (
        <button
          type="button"
          className="button"
          onClick={() => store.openSettings(provider.id, error)}
        >
          {t('signIn.openSettings', { portal: provider.name })}
        </button>
      ) : null}
    </div>
  );
}
