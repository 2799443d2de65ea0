// While the browser is out: what to do there, how long is left, and the ways
// out (cancel, open again, paste the address).
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../main/ipc/contract';
import { formatCountdown } from '../format/time';
import { useNow } from '../store/clock';
import { SLOW_ANSWER_MS, actionKey, type SignInTracking } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { useFocusWhenLost } from './focus';
import { EscapeCancels } from './EscapeCancels';
import { PasteAddressForm } from './PasteAddressForm';
import { LongWaitHelp, WayBackNote } from './WayBackHelp';

export function SignInWaiting({
  provider,
  tracking,
}: {
  provider: ProviderView;
  tracking: SignInTracking;
}) {
  const { t } = useTranslation();
  const state = useAppState();
  const store = useAppStore();
  const key = actionKey.signIn(provider.id);
  const busy = state.busy.includes(key);
  const error = state.errors[key];
  // The sign-in button that held focus is gone: the operator lands on what to do now.
  const headingRef = useFocusWhenLost<HTMLHeadingElement>(tracking.view.phase);

  const cancel = () => void (busy || store.cancelSignIn(provider.id));
  const cancelButton = (
    <button type="button" className="button" aria-disabled={busy || undefined} onClick={cancel}>
      {t('waiting.cancel')}
    </button>
  );

  if (tracking.view.phase === 'exchanging') {
    return (
      <section className="panel waiting" aria-labelledby="waiting-title">
        <EscapeCancels onEscape={cancel} />
        <h2 id="waiting-title" ref={headingRef} tabIndex={-1}>
          {t('waiting.exchangingTitle')}
        </h2>
        <p role="status">{t('waiting.exchanging', { portal: provider.name })}</p>
        <SlowAnswer since={tracking.phaseSince} portal={provider.name} />
        <div className="actions">{cancelButton}</div>
        {error ? (
          <p role="alert" className="callout callout-error">
            {errorText(t, error)}
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <section className="panel waiting" aria-labelledby="waiting-title">
      <EscapeCancels onEscape={cancel} />
      <h2 id="waiting-title" ref={headingRef} tabIndex={-1}>
        {t('waiting.title')}
      </h2>
      <p>{t('waiting.explain', { portal: provider.name })}</p>
      <WayBackNote way={tracking.view.wayBack} always />
      <Countdown localDeadline={tracking.localDeadline} />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => void (busy || store.reopenBrowser(provider.id))}
        >
          {t('waiting.reopen')}
        </button>
        {cancelButton}
      </div>
      {error ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, error)}
        </p>
      ) : null}
      <LongWaitHelp provider={provider} tracking={tracking} />
      <PasteAddressForm provider={provider} way={tracking.view.wayBack} />
    </section>
  );
}

function Countdown({ localDeadline }: { localDeadline: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const remaining = localDeadline - now;
  return (
    <p className="countdown">
      <span className="countdown-label">{t('waiting.timeLeft')}</span>{' '}
      <span role="timer" className="countdown-value">
        {formatCountdown(remaining)}
      </span>
      {remaining <= 0 ? <span className="countdown-over"> {t('waiting.timeUp')}</span> : null}
    </p>
  );
}

/** "Still waiting for <portal>…": the answer takes longer than it should; Cancel is right there. */
function SlowAnswer({ since, portal }: { since: number; portal: string }) {
  const { t } = useTranslation();
  const now = useNow();
  if (now - since < SLOW_ANSWER_MS) return null;
  return <p className="callout callout-info">{t('waiting.slow', { portal })}</p>;
}
