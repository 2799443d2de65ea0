// Rights in words an operator knows, with the portal's own name for admins.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The ten documented Netrex rights; other (OAuth 2.0) scopes are shown as they are. */
export const KNOWN_RIGHTS = [
  'read',
  'write',
  'liveview',
  'audiotransmit',
  'liveview_ptz',
  'liveview_light',
  'liveview_audioclip',
  'recordings',
  'recordings_delete',
  'events',
] as const;

type KnownRight = (typeof KNOWN_RIGHTS)[number];

function isKnownRight(right: string): right is KnownRight {
  return (KNOWN_RIGHTS as readonly string[]).includes(right);
}

/** A right in the window's words; a scope we do not know, as it is. */
export function rightName(t: TFunction, right: string): string {
  return isKnownRight(right) ? t(`rights.${right}`) : right;
}

export function useRightName(): (right: string) => string {
  const { t } = useTranslation();
  return (right) => rightName(t, right);
}

export function RightsList({
  rights,
  t,
  method,
}: {
  rights: readonly string[];
  t: TFunction;
  /** A personal token's rights were chosen in the portal, which does not tell them. */
  method?: 'oauth' | 'api-token';
}) {
  if (rights.length === 0) {
    return <>{method === 'api-token' ? t('account.rightsOfToken') : t('account.noRights')}</>;
  }
  return (
    <ul className="chips">
      {rights.map((right) => (
        <li key={right} className="chip">
          {rightName(t, right)}
        </li>
      ))}
    </ul>
  );
}
