// An account's state at a glance: colour, a shape, and words (never colour alone).
import type { TFunction } from 'i18next';
import type { AccountSnapshot } from '../../../main/ipc/contract';
import { secondsUntil } from '../format/time';
import { useNow } from '../store/clock';

export function StateBadge({ account, t }: { account: AccountSnapshot; t: TFunction }) {
  return (
    <span className={`badge badge-${account.state}`}>
      <span className="badge-dot" aria-hidden="true" />
      {account.state === 'offline' && account.nextRetryAt !== null ? (
        <OfflineRetry at={account.nextRetryAt} t={t} />
      ) : (
        t(`state.${account.state}`)
      )}
    </span>
  );
}

function OfflineRetry({ at, t }: { at: number; t: TFunction }) {
  const now = useNow();
  const seconds = secondsUntil(at, now);
  return seconds > 0 ? t('state.offlineRetry', { count: seconds }) : t('state.offlineRetryNow');
}
