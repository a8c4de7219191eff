import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/messages';
import { desktopApi } from '../../platform/desktop-api';
import { useAppState } from '../../state/hooks';
import { baseName } from '../report/export-format';
import { notify } from '../shell/toast';
import { type PlanExport, planToCsv } from './plan-export';

/** CSV of the plan, and PDF through the shell's print path (the planner is the screen on show). */
export function PlanExportBar({ plan }: { plan: PlanExport }) {
  const { t } = useTranslation('planner');
  const messages = useMessages();
  const fileName = useAppState((s) => s.fileName);
  const base = `${baseName(fileName)}-pilot-plan`;
  const exportCsv = async () => {
    const r = await desktopApi.exportFile({
      kind: 'csv',
      suggestedName: `${base}.csv`,
      data: planToCsv(plan, messages.t),
    });
    if (!r.ok) notify(t('export.failed', { error: r.error }));
    else if (r.value) notify(t('export.done', { name: `${base}.csv` }));
  };
  const exportPdf = async () => {
    const r = await desktopApi.exportReportPdf({ suggestedName: `${base}.pdf` });
    if (!r.ok) notify(t('export.failed', { error: r.error }));
  };
  return (
    <fieldset className="btn-group no-print planner-export">
      <legend className="sr-only">{t('export.label')}</legend>
      <button type="button" className="btn" data-testid="planner-export-csv" onClick={() => void exportCsv()}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn" data-testid="planner-export-pdf" onClick={() => void exportPdf()}>
        {t('export.pdf')}
      </button>
    </fieldset>
  );
}
