// One account: portal, label, state, cameras, access expiry, rights, checks.
// The list gives it the translations and its calls' state (see
// ConnectionsScreen); it re-renders when those or its account change, and on
// the shared clock's tick.
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
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
  // Sign-out ends the portal's access at once: the card asks first, saying what it ends.
  const [asking, setAsking] = useState(false);
  const signOutRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking || !returnFocus.current) return;
    returnFocus.current = false;
    signOutRef.current?.focus();
  }, [asking]);
  const when = (at: number) => formatRelative(at - now, language);
  // The label under the portal's name only when it says more than that name.
  const named = labelSaysMore(account.label, account.providerName);
  // Offline, expired or refused: the facts on the card are as of the last successful check.
  const troubled = TROUBLED.has(account.state);

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

      {troubled && account.lastError ? (
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
          <Cameras
            account={account}
            t={t}
            asOf={
              // Not checked since: the count is the last successful check's, and says so.
              troubled && account.lastSuccessAt !== null
                ? t('account.camerasAsOf', { when: when(account.lastSuccessAt) })
                : undefined
            }
          />
        </dd>
        <dt>{t('account.access')}</dt>
        <dd>
          {account.tokenExpiresAt === null
            ? t('account.noExpiry')
            : account.tokenExpiresAt > now
              ? t('account.expiresIn', { when: when(account.tokenExpiresAt) })
              : t('account.expiredAgo', { when: when(account.tokenExpiresAt) })}
          {account.canRefresh && account.state !== 'expired' ? (
            <span className="muted">
              {' '}
              ·{' '}
              {/* Expired while the portal is away: renewed when it answers, not "automatically" now. */}
              {troubled && account.tokenExpiresAt !== null && account.tokenExpiresAt <= now
                ? t('account.renewsWhenBack', { portal: account.providerName })
                : t('account.renewsItself')}
            </span>
          ) : null}
        </dd>
        <dt>{t('account.rights')}</dt>
        <dd>
          <RightsList rights={account.rights} t={t} method={account.method} />
        </dd>
        {troubled ? (
          <>
            {/* The check that failed is not news; the last one that worked, and its age, is. */}
            <dt>{t('account.lastSuccess')}</dt>
            <dd>
              {account.lastSuccessAt === null
                ? t('account.neverChecked')
                : when(account.lastSuccessAt)}
              {account.lastCheckAt !== null ? (
                <span className="muted">
                  {' '}
                  · {t('account.lastTry', { when: when(account.lastCheckAt) })}
                </span>
              ) : null}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('account.lastCheck')}</dt>
            <dd>
              {account.lastCheckAt === null ? t('account.neverChecked') : when(account.lastCheckAt)}
              {account.latencyMs !== null ? (
                <span className="muted"> · {t('account.latency', { ms: account.latencyMs })}</span>
              ) : null}
            </dd>
          </>
        )}
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
                ? // The same name: the new token replaces this one (identity.ts).
                  store.go({
                    name: 'api-token',
                    providerId: account.providerId,
                    label: account.label,
                  })
                : void store.renewSignIn(account.providerId)
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
        {asking ? null : (
          <button
            type="button"
            className="button button-danger"
            ref={signOutRef}
            aria-describedby={titleId}
            aria-disabled={signingOut || undefined}
            onClick={() => setAsking(true)}
          >
            {t('account.signOut')}
          </button>
        )}
      </div>
      {asking ? (
        <SignOutQuestion
          account={account}
          t={t}
          signingOut={signingOut}
          onConfirm={() => void (signingOut || store.signOut(account.id))}
          onKeep={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        />
      ) : null}
      {callError ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, callError)}
        </p>
      ) : null}
    </article>
  );
});

function Cameras({
  account,
  t,
  asOf,
}: {
  account: AccountSnapshot;
  t: TFunction;
  /** "as of 12 minutes ago", when the count is older than the card's state. */
  asOf: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const cameras = account.cameras;
  if (!cameras) return <>{t('account.camerasUnknown')}</>;
  const count = (
    <>
      {t('account.cameraCount', { count: cameras.count })}
      {asOf ? <span className="muted"> · {asOf}</span> : null}
    </>
  );
  if (cameras.names.length === 0) return count;
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

/** "Sign out of this account?", what it ends, and the two answers; Escape keeps it. */
function SignOutQuestion({
  account,
  t,
  signingOut,
  onConfirm,
  onKeep,
}: {
  account: AccountSnapshot;
  t: TFunction;
  signingOut: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const askId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  // Focus lands on the safe answer.
  useEffect(() => keepRef.current?.focus(), []);
  const ends =
    account.method === 'api-token' ? 'account.signOutEndsToken' : 'account.signOutEndsGrant';
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onKeep();
  }
  return (
    <div className="confirm" role="group" aria-labelledby={askId} onKeyDown={onKeyDown}>
      <p id={askId} className="confirm-ask">
        <strong>{t('account.signOutAsk')}</strong> {t(ends, { portal: account.providerName })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          aria-disabled={signingOut || undefined}
          onClick={onConfirm}
        >
          {t('account.signOutConfirm')}
        </button>
        <button type="button" className="button" ref={keepRef} onClick={onKeep}>
          {t('account.signOutKeep')}
        </button>
      </div>
    </div>
  );
}

/** The portal's clock far from ours: say by how much, and what to do. */
function ClockSkew({ offsetMs, t }: { offsetMs: number | undefined; t: TFunction }) {
  if (offsetMs === undefined || Math.abs(offsetMs) <= CLOCK_SKEW_WARNING_MS) return null;
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  // Two hours and more read in hours ("188 hours", not "11284 minutes").
  const hours = minutes >= 120;
  const count = hours ? Math.round(minutes / 60) : minutes;
  const key = `account.clock${offsetMs > 0 ? 'Ahead' : 'Behind'}${hours ? 'Hours' : ''}` as const;
  return <p className="callout callout-warning">{t(key, { count })}</p>;
}
