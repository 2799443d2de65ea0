// The way back, as the operator needs to know it: before and during a
// sign-in, why the browser comes back through a local address, or why it may
// not come back at all and what to do about it; after a minute of waiting,
// what to do if it never came back. The words follow the main process's
// PortalWayBack (main/common/way-back.ts); nothing here holds a link's query.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalWayBack, ProviderView } from '../../../main/ipc/contract';
import { useNow } from '../store/clock';
import { actionKey, type SignInTracking } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';

/** The help shows once a sign-in has waited this long. */
export const LONG_WAIT_MS = 60_000;

/** `http://127.0.0.1:28814`: the address without its path, as the operator reads it. */
function shortAddress(address: string): string {
  return URL.canParse(address) ? new URL(address).origin : address;
}

function useWhy() {
  const { t } = useTranslation();
  return (way: PortalWayBack): string | null => {
    switch (way.reason) {
      case 'development':
      case 'not-registered':
      case 'elevated':
      case 'chosen':
        return t(`wayBack.why.${way.reason}`);
      case 'claimed':
        return way.holder
          ? t('wayBack.why.claimed', { holder: way.holder })
          : t('wayBack.why.claimedUnnamed');
      default:
        return null;
    }
  };
}

/**
 * Before the sign-in (and while it waits): why the browser returns through a
 * local address, or why it may not return at all. Nothing when the app link
 * works, or when the portal itself is set to the local address (`always`
 * shows that too, for the waiting screen).
 */
export function WayBackNote({
  way,
  always = false,
}: {
  way: PortalWayBack | undefined;
  always?: boolean;
}) {
  const { t } = useTranslation();
  const why = useWhy();
  if (!way) return null;
  const reason = why(way);
  if (way.route === 'loopback') {
    const address = shortAddress(way.returnAddress);
    if (reason === null) {
      return always ? <p className="fine-print">{t('wayBack.returnsVia', { address })}</p> : null;
    }
    return (
      <p className="callout callout-info" data-way-back={way.reason}>
        {reason} {t('wayBack.viaLoopback', { address })}
      </p>
    );
  }
  if (!way.appLinkDoubtful || reason === null) return null;
  const fix =
    way.reason === 'elevated'
      ? t('wayBack.fix.elevated')
      : t(way.reason === 'development' ? 'wayBack.fix.development' : 'wayBack.fix.other', {
          // The whole address: it is what the administrator registers.
          address: way.loopbackAddress,
        });
  return (
    <div className="callout callout-warning" data-way-back={way.reason}>
      <p>
        {reason} {t('wayBack.doubtful')}
      </p>
      <p>{fix}</p>
      {way.loopbackBusy && way.loopbackPort !== null ? (
        <p>{t('wayBack.loopbackBusy', { port: way.loopbackPort })}</p>
      ) : null}
    </div>
  );
}

/**
 * Shown by itself once a sign-in has waited a minute (counted from the first
 * attempt of this wait: a replaced one keeps it open): the browser's "Open
 * app?" question, signing in again through the local address (where the
 * portal has it), a fresh link for another browser, and where the address to
 * paste is (the form follows).
 */
export function LongWaitHelp({
  provider,
  tracking,
}: {
  provider: ProviderView;
  tracking: SignInTracking;
}) {
  const now = useNow();
  if (now - tracking.localStartedAt < LONG_WAIT_MS) return null;
  return <LongWaitPanel provider={provider} way={tracking.view.wayBack} />;
}

function LongWaitPanel({ provider, way }: { provider: ProviderView; way?: PortalWayBack }) {
  const { t } = useTranslation();
  const state = useAppState();
  const store = useAppStore();
  const [copied, setCopied] = useState(false);
  const copyKey = actionKey.copyLink(provider.id);
  const copying = state.busy.includes(copyKey);
  const copyError = state.errors[copyKey];
  const signingIn = state.busy.includes(actionKey.signIn(provider.id));
  const viaAppLink = way?.route !== 'loopback';
  const loopbackOffered = viaAppLink && way?.registered.loopback === true;

  async function copy() {
    if (copying) return;
    setCopied(false);
    setCopied(await store.copySignInLink(provider.id));
  }

  return (
    <section className="long-wait" aria-labelledby="long-wait-title">
      <h3 id="long-wait-title">{t('longWait.title')}</h3>
      {viaAppLink ? <p>{t('longWait.prompt')}</p> : <p>{t('longWait.loopbackPage')}</p>}
      {loopbackOffered && way ? (
        <div className="long-wait-way">
          <button
            type="button"
            className="button"
            aria-disabled={signingIn || undefined}
            onClick={() => void (signingIn || store.signInViaLoopback(provider.id))}
          >
            {t('longWait.viaLoopback')}
          </button>
          <p className="field-hint">
            {t('longWait.viaLoopbackHint', { address: shortAddress(way.loopbackAddress) })}
          </p>
        </div>
      ) : null}
      <div className="long-wait-way">
        <button
          type="button"
          className="button"
          aria-disabled={copying || undefined}
          onClick={() => void copy()}
        >
          {t('longWait.copyLink')}
        </button>
        <p className="field-hint">{t('longWait.copyLinkHint')}</p>
        <p role="status" className="save-outcome">
          {copied ? t('longWait.copied') : null}
        </p>
        {copyError ? (
          <p role="alert" className="callout callout-error">
            {errorText(t, copyError)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
