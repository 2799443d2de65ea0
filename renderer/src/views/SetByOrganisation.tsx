// The mark beside a setting IT fixed by policy.
import { useTranslation } from 'react-i18next';

export function SetByOrganisation() {
  const { t } = useTranslation();
  return <span className="tag tag-policy">{t('policy.setByOrganisation')}</span>;
}
