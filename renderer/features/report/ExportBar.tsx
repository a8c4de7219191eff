import { useTranslation } from 'react-i18next';
import { useStoreApi } from '../../state/hooks';
import { exportReportPdf, exportResultsCsv, exportResultsJson } from './report-actions';

export function ExportBar({ isDisabled }: { isDisabled: boolean }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  return (
    <fieldset className="btn-group no-print">
      <legend className="sr-only">{t('report.export')}</legend>
      <button
        type="button"
        className="btn"
        disabled={isDisabled}
        onClick={() => exportReportPdf(store)}
        data-testid="export-pdf"
      >
        {t('report.pdf')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={isDisabled}
        onClick={() => exportResultsJson(store)}
        data-testid="export-json"
      >
        {t('report.json')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={isDisabled}
        onClick={() => exportResultsCsv(store)}
        data-testid="export-csv"
      >
        {t('report.csv')}
      </button>
    </fieldset>
  );
}
