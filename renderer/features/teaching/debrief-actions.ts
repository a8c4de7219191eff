import { i18next } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import { openPrintReport } from '../report/print-job';
import { notify } from '../shell/toast';

/** Lay the debrief deck out for print (DebriefPrint, through the report's print job) and print it to PDF. */
export async function exportDebriefPdf(): Promise<void> {
  let release: () => void;
  try {
    release = await openPrintReport();
  } catch (e) {
    notify(i18next.t('report.printFailed', { error: e instanceof Error ? e.message : String(e) }));
    return;
  }
  try {
    const r = await desktopApi.exportReportPdf({ suggestedName: 'class-debrief.pdf' });
    if (!r.ok) notify(i18next.t('report.exportFailed', { error: r.error }));
  } finally {
    release();
  }
}
