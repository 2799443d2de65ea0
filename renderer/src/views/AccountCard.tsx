// One account: portal, label, state, cameras, access expiry, rights, checks.
// The list gives it the translations and its calls' state (see
// ConnectionsScreen); it re-renders when those or its account change, and on
// the shared clock's tick.
import { memo, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { AccountSnapshot, UserFacingError } from '../../../main/ipc/contract';
import { labelSaysMore } from '../format/account-name';
import { formatRelative, hostOf } from '../format/time';
import { useNow } from '../store/clock';
import { useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { RightsList } from './RightsList';
import { StateBadge } from './StateBadge';

const TROUBLED: ReadonlySet<AccountSnapshot['state']> = new Set(['offline', 'expired', 'error']);
/** A portal clock further than this from ours is shown (as the diagnosis does: main/support/diagnosis). */
const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

export interface AccountCardProps {
  readonly account: AccountSnapshot;
  readonly t: TFunction;
  /** The window's language, for relative times. */
  readonly language: string;
  /** A status check of this account is on its way. */
  readonly checking: boolean;
  /** Its sign-out is on its way. */
  readonly signingOut: boolean;
  /** The last failure of its check or sign-out. */
  readonly callError: UserFacingError | undefined;
}

export const AccountCard = memo(function AccountCard({
  account,
  t,
  language,
  checking,
  signingOut,
  callError,
}: AccountCardProps) {
  const store = useAppStore();
  const now = useNow();
  const titleId = useId();
  const when = (at: number) => formatRelative(at - now, language);
  // The label under the portal's name only when it says more than that name.
  const named = labelSaysMore(account.label, account.providerName);

  return (
    <article className={`account account-${account.state}`} aria-labelledby={titleId}>
      <header className="account-head">
        <div>
          <p className="account-portal">
            {named ? `${account.providerName} ` : null}
            <span className="muted">
              {named ? '· ' : null}
              {hostOf(account.providerUrl)}
            </span>
          </p>
          <h2 id={titleId} className="account-label">
            {named ? account.label : account.providerName}
          </h2>
        </div>
        <StateBadge account={account} t={t} />
      </header>

      {TROUBLED.has(account.state) && account.lastError ? (
        <p
          className={`callout account-problem ${account.state === 'offline' ? 'callout-warning' : 'callout-error'}`}
        >
          {errorText(t, account.lastError)}
        </p>
      ) : null}

      <ClockSkew offsetMs={account.portalClockOffsetMs} t={t} />

      <dl className="facts">
        <dt>{t('account.cameras')}</dt>
        <dd>
          <Cameras account={account} t={t} />
        </dd>
        <dt>{t('account.access')}</dt>
        <dd>
          {account.tokenExpiresAt === null
            ? t('account.noExpiry')
            : account.tokenExpiresAt > now
              ? t('account.expiresIn', { when: when(account.tokenExpiresAt) })
              : t('account.expiredAgo', { when: when(account.tokenExpiresAt) })}
          {account.canRefresh && account.state !== 'expired' ? (
            <span className="muted"> · {t('account.renewsItself')}</span>
          ) : null}
        </dd>
        <dt>{t('account.rights')}</dt>
        <dd>
          <RightsList rights={account.rights} t={t} />
        </dd>
        <dt>{t('account.lastCheck')}</dt>
        <dd>
          {account.lastCheckAt === null ? t('account.neverChecked') : when(account.lastCheckAt)}
          {/* How fast the portal answered belongs to a check that reached it, not to a failed one. */}
          {account.latencyMs !== null && !TROUBLED.has(account.state) ? (
            <span className="muted"> · {t('account.latency', { ms: account.latencyMs })}</span>
          ) : null}
        </dd>
        <dt>{t('account.method')}</dt>
        <dd>{account.method === 'api-token' ? t('account.viaToken') : t('account.viaBrowser')}</dd>
      </dl>

      {account.persisted ? null : <p className="fine-print">{t('account.memoryOnly')}</p>}

      <div className="actions">
        {account.state === 'expired' ? (
          <button
            type="button"
            className="button button-primary"
            aria-describedby={titleId}
            onClick={() =>
              account.method === 'api-token'
                ? store.go({ name: 'api-token', providerId: account.providerId })
                : store.go({ name: 'sign-in', providerId: account.providerId })
            }
          >
            {t('account.signInAgain')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          aria-describedby={titleId}
          aria-disabled={checking || undefined}
          onClick={() => void (checking || store.checkNow(account.id))}
        >
          {checking ? t('account.checking') : t('account.checkNow')}
        </button>
        <button
          type="button"
          className="button button-danger"
          aria-describedby={titleId}
          aria-disabled={signingOut || undefined}
          onClick={() => void (signingOut || store.signOut(account.id))}
        >
          {t('account.signOut')}
        </button>
      </div>
      {callError ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, callError)}
        </p>
      ) : null}
    </article>
  );
});

function Cameras({ account, t }: { account: AccountSnapshot; t: TFunction }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const cameras = account.cameras;
  if (!cameras) return <>{t('account.camerasUnknown')}</>;
  const count = t('account.cameraCount', { count: cameras.count });
  if (cameras.names.length === 0) return <>{count}</>;
  return (
    <>
      {count}{' '}
      <button
        type="button"
        className="button-link"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('account.hideNames') : t('account.showNames')}
      </button>
      <ul id={listId} className="camera-names" hidden={!open}>
        {cameras.names.map((name, index) => (
          <li key={`${index}-${name}`}>{name}</li>
        ))}
      </ul>
    </>
  );
}

/** The portal's clock far from ours: say by how much, and what to do. */
function ClockSkew({ offsetMs, t }: { offsetMs: number | undefined; t: TFunction }) {
  if (offsetMs === undefined || Math.abs(offsetMs) <= CLOCK_SKEW_WARNING_MS) return null;
  const count = Math.round(Math.abs(offsetMs) / 60_000);
  return (
    <p className="callout callout-warning">
      {offsetMs > 0 ? t('account.clockAhead', { count }) : t('account.clockBehind', { count })}
    </p>
  );
}
