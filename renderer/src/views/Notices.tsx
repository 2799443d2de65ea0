// Notices from the app (and the window's own): a live region the operator can
// dismiss. Warnings and errors are announced at once (role=alert), the rest
// politely (role=status). Both regions are always present so additions are heard.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../store/store-context';
import type { AppNotice } from '../store/state';

export function Notices() {
  const { notices } = useAppState();
  const urgent = notices.filter((n) => n.level !== 'info');
  const calm = notices.filter((n) => n.level === 'info');
  return (
    <div className="notices">
      <div role="alert" className="notice-region">
        {urgent.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </div>
      <div role="status" className="notice-region">
        {calm.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice }: { notice: AppNotice }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const textId = useId();
  const text = notice.local
    ? t(`notices.${notice.local.key}`, { ...notice.local.values })
    : notice.message;
  return (
    <div className={`notice notice-${notice.level}`}>
      <p id={textId} className="notice-text">
        {text}
      </p>
      <button
        type="button"
        className="button button-quiet notice-dismiss"
        aria-describedby={textId}
        onClick={() => store.dismissNotice(notice.id)}
      >
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
