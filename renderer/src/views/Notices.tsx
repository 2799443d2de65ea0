// Notices from the app (and the window's own): a live region the operator can
// dismiss. Warnings and errors are announced at once (role=alert), the rest
// politely (role=status). Both regions are always present so additions are heard.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../store/clock';
import { noticesShownAt } from '../store/notices';
import { useAppState, useAppStore } from '../store/store-context';
import type { AppNotice } from '../store/state';
import type { Notice } from '../../../main/ipc/contract';
import { appMessage, errorText } from './error-text';

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
        {calm.length > 0 ? <FadingNotices notices={calm} /> : null}
      </div>
    </div>
  );
}

/** Successes fade on the window's clock (only while there are some does it tick here). */
function FadingNotices({ notices }: { notices: readonly AppNotice[] }) {
  const now = useNow();
  return noticesShownAt(notices, now).map((notice) => (
    <NoticeItem key={notice.id} notice={notice} />
  ));
}

function NoticeItem({ notice }: { notice: AppNotice }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const textId = useId();
  return (
    <div className={`notice notice-${notice.level}`}>
      <div id={textId} className="notice-text">
        <p>
          <NoticeText notice={notice} />
        </p>
        {notice.more?.length ? (
          <ul className="notice-more" tabIndex={0}>
            {notice.more.map((joined) => (
              <li key={joined.id}>
                <NoticeText notice={joined} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
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

/**
 * The window's own words: for its own notices, and for every code the main
 * process sends, with the portal's words quoted as plain text. The main
 * process's English sentence (which quotes them already) only for a code the
 * window does not know.
 */
function NoticeText({ notice }: { notice: AppNotice | Notice }) {
  const { t } = useTranslation();
  if ('local' in notice && notice.local) {
    const { key, values, error } = notice.local;
    // The account once: its label with its portal, or the portal's name alone.
    const who = values.label
      ? t('notices.whoNamed', { label: values.label, portal: values.portal })
      : values.portal;
    return t(`notices.${key}`, {
      ...values,
      who,
      ...(error ? { reason: errorText(t, error) } : {}),
    });
  }
  const text = appMessage(t, notice.code, notice.params);
  if (text === undefined) return notice.message;
  if (!notice.detail) return text;
  return (
    <>
      {text} {t('refusal.portalSaid')} <q>{notice.detail}</q>
    </>
  );
}
