// Settings → Diagnostics: the report the main process makes (its words are
// already in the window's language), shown section by section, with "Check
// again", Copy (the report's text) and Save (the system's save dialog, opened
// by the main process: the page never names a path).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckStatus, DiagnosisResult, ReportLanguage } from '../../../main/ipc/contract';
import { actionKey } from '../store/state';
import { useAppState, useAppStore } from '../store/store-context';
import { errorText } from './error-text';
import { ScreenHeading } from './ScreenHeading';

export function DiagnosticsScreen() {
  const { t, i18n } = useTranslation();
  const { diagnosis, diagnosisSavedTo, busy, errors } = useAppState();
  const store = useAppStore();
  const language: ReportLanguage = i18n.language === 'cs' ? 'cs' : 'en';
  const running = busy.includes(actionKey.diagnosis);
  const saving = busy.includes(actionKey.saveReport);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const shown = diagnosis?.report.language === language ? diagnosis : null;

  useEffect(() => {
    // A report in another language (or none yet) is made again in this one.
    if (!shown) void store.runDiagnosis(language);
  }, [shown, language, store]);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  const failure = errors[actionKey.diagnosis] ?? errors[actionKey.saveReport];
  return (
    <>
      <ScreenHeading>{t('diagnostics.title')}</ScreenHeading>
      <p>{t('diagnostics.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={running}
          onClick={() => {
            setCopied(null);
            void store.runDiagnosis(language);
          }}
        >
          {running ? t('diagnostics.running') : t('diagnostics.again')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!shown || running}
          onClick={() => shown && void copy(shown.text)}
        >
          {t('diagnostics.copy')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!shown || running || saving}
          onClick={() => {
            setCopied(null);
            void store.saveDiagnosis(language);
          }}
        >
          {t('diagnostics.save')}
        </button>
        <button type="button" className="button-link" onClick={() => store.openSettings()}>
          {t('diagnostics.back')}
        </button>
      </div>
      <p role="status" className="save-outcome">
        {running ? t('diagnostics.runningLong') : null}
        {!running && copied === 'yes' ? t('diagnostics.copied') : null}
        {!running && copied === 'failed' ? t('diagnostics.copyFailed') : null}
        {!running && !copied && diagnosisSavedTo
          ? t('diagnostics.saved', { path: diagnosisSavedTo })
          : null}
      </p>
      {failure ? (
        <p role="alert" className="callout callout-error">
          {errorText(t, failure)}
        </p>
      ) : null}
      {shown ? <Report result={shown} /> : null}
    </>
  );
}

const STATUS_CLASS: Readonly<Record<CheckStatus, string>> = {
  ok: 'badge-connected',
  warn: 'badge-offline',
  fail: 'badge-error',
  skip: 'badge-skip',
  info: 'badge-refreshing',
};

function Report({ result }: { result: DiagnosisResult }) {
  const { t } = useTranslation();
  const { report } = result;
  return (
    <div className="diagnosis">
      <p className="diagnosis-summary">
        {t('diagnostics.summary', {
          ok: report.summary.ok,
          fail: report.summary.fail,
          warn: report.summary.warn,
          skip: report.summary.skip,
        })}
      </p>
      {report.sections.map((section) => (
        <section
          key={section.id}
          className="settings-section"
          aria-labelledby={`diagnosis-${section.id}`}
        >
          <h2 id={`diagnosis-${section.id}`}>{section.title}</h2>
          {section.checks.length > 0 ? (
            <ul className="panel checks">
              {section.checks.map((check) => (
                <li key={check.id} className="check-row">
                  <span className={`badge ${STATUS_CLASS[check.status]}`}>
                    <span className="badge-dot" aria-hidden="true" />
                    {t(`diagnostics.status.${check.status}`)}
                  </span>
                  <span>
                    <strong>{check.title}</strong> {check.detail}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {section.lines && section.lines.length > 0 ? (
            <pre className="log-lines" tabIndex={0} aria-label={section.title}>
              {section.lines.join('\n')}
            </pre>
          ) : null}
        </section>
      ))}
    </div>
  );
}
