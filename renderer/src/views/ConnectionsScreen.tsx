// Home once signed in: every account and whether its portal connection works.
//
// The list reads the store and the translations once and hands each card what
// it shows. With 100 accounts, cards that each subscribed to both (five
// useTranslation hooks and a store subscription per card) cost the window's
// first render a good part of its time, and every change of the store (one
// card's check) re-rendered all of them. The cards' fixed phrases are looked
// up once per language, not once per card.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberFixedPhrases } from '../i18n/fixed-phrases';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { AccountCard } from './AccountCard';
import { ScreenHeading } from './ScreenHeading';

export function ConnectionsScreen() {
  const { t, i18n } = useTranslation();
  const { accounts, busy, errors } = useAppState();
  const store = useAppStore();
  const cardT = useMemo(() => rememberFixedPhrases(t), [t]);
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
                <AccountCard
                  account={account}
                  t={cardT}
                  language={i18n.language}
                  checking={busy.includes(actionKey.check(account.id))}
                  signingOut={busy.includes(actionKey.signOut(account.id))}
                  callError={
                    errors[actionKey.check(account.id)] ?? errors[actionKey.signOut(account.id)]
                  }
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
