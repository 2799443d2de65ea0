// "Sign in with <portal>": one button, then what to do while the browser is
// out, then the result in plain words.
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../main/ipc/contract';
import { hostOf } from '../format/time';
import { actionKey, type SignInTracking } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { useFocusWhenLost } from './focus';
import { ScreenHeading } from './ScreenHeading';
import { SignInRefusal } from './SignInRefusal';
import { SignInWaiting } from './SignInWaiting';
import { WayBackNote } from './WayBackHelp';

/** Account states whose browser sign-in no longer works (expired; being renewed). */
const LAPSED: ReadonlySet<string> = new Set(['expired', 'authorizing']);

export function SignInScreen({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const state = useAppState();
  const store = useAppStore();
  const provider = state.providers.find((p) => p.id === providerId);

  if (!provider) {
    return (
      <>
        <ScreenHeading>{t('signIn.missingTitle')}</ScreenHeading>
        <p className="lead">{t('signIn.missing')}</p>
        <button type="button" className="button button-primary" onClick={() => store.addAccount()}>
          {t('signIn.choosePortal')}
        </button>
      </>
    );
  }

  const tracking = state.signIns[providerId];
  const phase = tracking?.view.phase;
  const inProgress = phase === 'waiting' || phase === 'exchanging';
  return (
    <>
      <ScreenHeading>{t('signIn.title', { portal: provider.name })}</ScreenHeading>
      <p className="subtitle">{hostOf(provider.url)}</p>
      {!provider.ready ? (
        <NotReady provider={provider} />
      ) : inProgress && tracking ? (
        <SignInWaiting provider={provider} tracking={tracking} />
      ) : (
        <SignInStart provider={provider} tracking={tracking} />
      )}
      {inProgress ? null : <OtherWays provider={provider} />}
    </>
  );
}

function SignInStart({
  provider,
  tracking,
}: {
  provider: ProviderView;
  tracking: SignInTracking | undefined;
}) {
  const { t } = useTranslation();
  const state = useAppState();
  const store = useAppStore();
  const key = actionKey.signIn(provider.id);
  const starting = state.busy.includes(key);
  const startError = state.errors[key];
  const view = tracking?.view;
  // Back from waiting (cancelled, refused): the next step is this button.
  const primaryRef = useFocusWhenLost<HTMLButtonElement>(view?.phase);
  // Without a user's identity (the Netrex protocol names none; a standard server only with
  // `openid`), a second sign-in replaces the first (main/accounts/identity.ts).
  // An expired sign-in is not a connection to lose: renewing one's own needs no warning.
  const replaces =
    (provider.dialect === 'netrex' || !provider.rights.includes('openid')) &&
    state.accounts.some(
      (a) => a.providerId === provider.id && a.method === 'oauth' && !LAPSED.has(a.state),
    );
  return (
    <section className="panel sign-in-panel" aria-label={t('signIn.panelLabel')}>
      {view?.phase === 'failed' && view.error ? (
        <SignInRefusal provider={provider} error={view.error} />
      ) : null}
      {view?.phase === 'cancelled' ? (
        <p className="callout callout-info">{t('signIn.cancelled')}</p>
      ) : null}
      <p>{t('signIn.explain', { portal: provider.name })}</p>
      <WayBackNote way={state.wayBack?.portals.find((p) => p.providerId === provider.id)} />
      {replaces ? (
        <p className="callout callout-info">{t('signIn.replaces', { portal: provider.name })}</p>
      ) : null}
      <button
        type="button"
        className="button button-primary button-large"
        ref={primaryRef}
        aria-disabled={starting || undefined}
        onClick={() => void (starting || store.signIn(provider.id))}
      >
        {starting ? t('signIn.opening') : t('signIn.button', { portal: provider.name })}
      </button>
      {startError ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, startError)}
        </p>
      ) : null}
      <p className="fine-print">{t('signIn.privacy')}</p>
    </section>
  );
}

/**
 * A portal nobody has set up yet (a built-in without its OAuth client): an
 * operator usually cannot create that client, so the panel leads with the
 * administrator and the API token, which needs no client; setting it up
 * oneself comes second, and says everything that is missing at once.
 */
function NotReady({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const { policy } = useAppState();
  // Only where API tokens exist (the Netrex protocol) and IT allows them.
  const tokens = provider.dialect === 'netrex' && policy.allowApiTokens !== false;
  return (
    <section className="panel callout-warning-panel" aria-labelledby="not-ready-title">
      <h2 id="not-ready-title">{t('signIn.notReadyTitle', { portal: provider.name })}</h2>
      {/* The API token is promised only where it is offered. */}
      <p>
        {t(tokens ? 'signIn.notReadyAsk' : 'signIn.notReadyAskNoToken', {
          portal: provider.name,
        })}
      </p>
      {provider.notReadyReason ? (
        <p className="fine-print">{errorText(t, provider.notReadyReason)}</p>
      ) : null}
      <div className="actions">
        {tokens ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => store.go({ name: 'api-token', providerId: provider.id })}
          >
            {t('signIn.useToken')}
          </button>
        ) : null}
        {provider.locked ? null : (
          <button
            type="button"
            className={tokens ? 'button' : 'button button-primary'}
            onClick={() => store.openSettings(provider.id, provider.notReadyReason)}
          >
            {t('signIn.setUpYourself', { portal: provider.name })}
          </button>
        )}
      </div>
    </section>
  );
}

function OtherWays({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const { providers, policy, portalPolicy } = useAppState();
  const store = useAppStore();
  // "Add another portal" leads to the choice only for its "Other portal…", which IT may forbid.
  const choice = providers.length > 1 || portalPolicy.customPortalsAllowed;
  return (
    <ul className="other-ways">
      {/* Personal API tokens are a Netrex-protocol feature; a standard server refuses them. IT may forbid them. */}
      {provider.dialect === 'netrex' && provider.ready && policy.allowApiTokens !== false ? (
        <li>
          <button
            type="button"
            className="button-link"
            onClick={() => store.go({ name: 'api-token', providerId: provider.id })}
          >
            {t('signIn.useToken')}
          </button>
        </li>
      ) : null}
      {choice ? (
        <li>
          <button
            type="button"
            className="button-link"
            onClick={() => store.go({ name: 'choose-portal' })}
          >
            {providers.length > 1 ? t('signIn.otherPortal') : t('signIn.addPortal')}
          </button>
        </li>
      ) : null}
      {provider.ready ? (
        <li>
          <button
            type="button"
            className="button-link"
            onClick={() => store.openSettings(provider.id)}
          >
            {t('signIn.portalSettings')}
          </button>
        </li>
      ) : null}
    </ul>
  );
}
