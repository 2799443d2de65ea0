// Home once signed in: every account and whether its portal connection works.
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../store/store-context';
import { AccountCard } from './AccountCard';
import { ScreenHeading } from './ScreenHeading';

export function ConnectionsScreen() {
  const { t } = useTranslation();
  const { accounts } = useAppState();
  const store = useAppStore();
  return (
    <>
      <div className="screen-head">
        <ScreenHeading refocusKey={accounts.length}>{t('connections.title')}</ScreenHeading>
        <button type="button" className="button" onClick={() => store.addAccount()}>
          {t('connections.add')}
        </button>
      </div>
      {accounts.length === 0 ? (
        <p className="lead">{t('connections.empty')}</p>
      ) : (
        <>
          <p className="lead">{t('connections.summary', { count: accounts.length })}</p>
          <ul className="account-list">
            {accounts.map((account) => (
              <li key={account.id}>
                <AccountCard account={account} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
