import { i18next } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import { getSummary } from '../../sim-client/result-cache';
import type { AppStoreApi } from '../../state/store';
import { notify } from '../shell/toast';
import { baseName, summaryToCsv, summaryToJson } from './export-format';

function latest(store: AppStoreApi) {
  const summary = getSummary(store.getState().run.runId);
  if (!summary) notify(i18next.t('report.noResults'));
  return summary;
}

async function save(kind: 'json' | 'csv', name: string, data: string) {
  const r = await desktopApi.exportFile({ kind, suggestedName: name, data });
  if (!r.ok) notify(i18next.t('report.exportFailed', { error: r.error }));
  else if (r.value) notify(i18next.t('report.exported', { name }));
}

export async function exportResultsJson(store: AppStoreApi): Promise<void> {
  const summary = latest(store);
  if (summary)
    await save('json', `${baseName(store.getState().fileName)}-results.json`, summaryToJson(summary));
}

export async function exportResultsCsv(store: AppStoreApi): Promise<void> {
  const summary = latest(store);
  if (summary) await save('csv', `${baseName(store.getState().fileName)}-results.csv`, summaryToCsv(summary));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Show the results screen (the print layout keeps only the dashboard), then print to PDF. */
export async function exportReportPdf(store: AppStoreApi): Promise<void> {
  if (!latest(store)) return;
  store.getState().setScreen('results');
  await nextFrame();
  await nextFrame();
  const r = await desktopApi.exportReportPdf({
    suggestedName: `${baseName(store.getState().fileName)}-report.pdf`,
  });
  if (!r.ok) notify(i18next.t('report.exportFailed', { error: r.error }));
}
