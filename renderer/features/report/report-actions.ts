import { i18next } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import { getSummary } from '../../sim-client/result-cache';
import type { AppStoreApi } from '../../state/store';
import { notify } from '../shell/toast';
import { baseName, summaryToCsv, summaryToJson } from './export-format';
import { openPrintReport } from './print-job';

function latest(store: AppStoreApi) {
  const summary = getSummary(store.getState().run.runId);
  if (!summary) notify(i18next.t('report.noResults'));
  return summary;
}

/** Exports are named after the scenario the results came from, not the one open now. */
function resultName(store: AppStoreApi): string {
  const { run, fileName } = store.getState();
  return baseName(run.source?.fileName ?? fileName);
}

async function save(kind: 'json' | 'csv', name: string, data: string) {
  const r = await desktopApi.exportFile({ kind, suggestedName: name, data });
  if (!r.ok) notify(i18next.t('report.exportFailed', { error: r.error }));
  else if (r.value) notify(i18next.t('report.exported', { name }));
}

export async function exportResultsJson(store: AppStoreApi): Promise<void> {
  const summary = latest(store);
  if (summary) await save('json', `${resultName(store)}-results.json`, summaryToJson(summary));
}

export async function exportResultsCsv(store: AppStoreApi): Promise<void> {
  const summary = latest(store);
  if (summary) await save('csv', `${resultName(store)}-results.csv`, summaryToCsv(summary));
}

/** Lay out every strategy for print (see PrintReport), then print it to PDF. */
export async function exportReportPdf(store: AppStoreApi): Promise<void> {
  if (!latest(store)) return;
  store.getState().setScreen('results');
  let release: () => void;
  try {
    release = await openPrintReport();
  } catch (e) {
    notify(i18next.t('report.printFailed', { error: e instanceof Error ? e.message : String(e) }));
    return;
  }
  try {
    const r = await desktopApi.exportReportPdf({
      suggestedName: `${resultName(store)}-report.pdf`,
    });
    if (!r.ok) notify(i18next.t('report.exportFailed', { error: r.error }));
  } finally {
    release();
  }
}
