// First step: which portal the operator signs in to.
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../main/ipc/contract';
import { hostOf } from '../format/time';
import { useAppState, useAppStore } from '../store/store-context';
import { OtherPortalForm } from './OtherPortalForm';
import { ScreenHeading } from './ScreenHeading';
import { SetByOrganisation } from './SetByOrganisation';

export function ChoosePortalScreen() {
  const { t } = useTranslation();
  const { providers, policy } = useAppState();
  const store = useAppStore();
  return (
    <>
      <ScreenHeading>{t('choose.title')}</ScreenHeading>
      <p className="lead">{t('choose.lead')}</p>
      <ul className="portal-grid">
        {providers.map((provider) => (
          <li key={provider.id}>
            <PortalCard
              provider={provider}
              onChoose={() => store.go({ name: 'sign-in', providerId: provider.id })}
            />
          </li>
        ))}
      </ul>
      {policy.allowCustomPortals === false ? (
        <p className="aside-line">
          {t('policy.customPortalsOff')} <SetByOrganisation />
        </p>
      ) : (
        <OtherPortalForm />
      )}
      {policy.allowApiTokens === false ? null : (
        <p className="aside-line">
          {t('choose.haveToken')}{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => store.go({ name: 'api-token' })}
          >
            {t('choose.useToken')}
          </button>
        </p>
      )}
    </>
  );
}

function PortalCard({ provider, onChoose }: { provider: ProviderView; onChoose: () => void }) {
  const { t } = useTranslation();
  const tag =
    provider.origin === 'managed'
      ? t('choose.tagManaged')
      : provider.origin === 'demo'
        ? t('choose.tagDemo')
        : provider.origin === 'custom'
          ? t('choose.tagCustom')
          : null;
  return (
    <button type="button" className="portal-card" onClick={onChoose}>
      <span className="portal-card-name">{provider.name}</span>
      <span className="portal-card-host">{hostOf(provider.url)}</span>
      {tag || !provider.ready ? (
        <span className="portal-card-tags">
          {tag ? <span className="tag">{tag}</span> : null}
          {/* Not ready until someone sets up its OAuth client: said before the click. */}
          {provider.ready ? null : (
            <span className="tag tag-warning">{t('choose.tagNeedsSetup')}</span>
          )}
        </span>
      ) : null}
    </button>
  );
}
