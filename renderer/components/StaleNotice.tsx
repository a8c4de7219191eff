import { useTranslation } from 'react-i18next';

export type StaleNoticeProps = {
  /** The file name of the scenario the results came from. */
  sourceName: string;
  /** Re-run on the open scenario; absent when re-running is not possible now. */
  onRerun?: () => void;
  testId: string;
};

/** Marks results computed from another scenario (or an earlier version of this one) as out of date. */
export function StaleNotice({ sourceName, onRerun, testId }: StaleNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice stale-notice no-print" role="status" data-testid={testId}>
      <span>
        <strong>{t('stale.title')}</strong> {t('stale.body', { name: sourceName || t('stale.untitled') })}
      </span>
      {onRerun ? (
        <button type="button" className="btn btn--primary" onClick={onRerun} data-testid={`${testId}-rerun`}>
          ▶ {t('stale.rerun')}
        </button>
      ) : null}
    </div>
  );
}
