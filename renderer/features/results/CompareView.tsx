import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../sim/index';
import type { PngSink } from '../../components/charts/export-png';
import { IntervalChart } from '../../components/charts/IntervalChart';
import { useLocalText } from '../../i18n/local-text';
import { ChartCard } from './ChartCard';
import { Choice } from './Choice';
import { CompareTable } from './CompareTable';
import { CompareTablePngButton } from './CompareTablePngButton';
import { compareToCsv, isPairable, matchStrategy } from './compare';
import { PngExportContext, slug } from './export-context';
import { KPIS } from './kpis';
import { useFormat } from './useFormat';
import './results.css';

export const MAX_VARIANTS = 4;

export type CompareViewProps = {
  /** 2–4 variants, the first is the base; run on common random numbers (same seed) to pair them. */
  variants: Array<{ name: string; summary: RunSummary }>;
  onExportPng?: PngSink;
  /** Receives the table as CSV (and the strategy shown); without it there is no CSV button. */
  onExportCsv?: (csv: string, strategyId: string) => void;
};

export const CompareView = memo(function CompareView({
  variants,
  onExportPng,
  onExportCsv,
}: CompareViewProps) {
  const { t } = useTranslation('results');
  const text = useLocalText();
  const f = useFormat();
  const shown = useMemo(() => variants.slice(0, MAX_VARIANTS), [variants]);
  const base = shown[0]?.summary;
  const strategies = base?.strategies ?? [];
  const [strategyId, setStrategyId] = useState<string>('');
  const tableRef = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    strategies.findIndex((s) => s.id === strategyId),
  );
  const selected = strategies[index];
  const columns = useMemo(
    () =>
      shown.map((v) => ({
        name: v.name,
        strategy: selected ? matchStrategy(v.summary.strategies, selected.id, index) : undefined,
        isPaired: base ? isPairable(base, v.summary) : false,
      })),
    [shown, selected, index, base],
  );
  const rows = useMemo(
    () =>
      columns.flatMap((c) => {
        const v = c.strategy ? KPIS['conversion-uplift'].value(c.strategy) : undefined;
        return v ? [{ label: c.name, ...v }] : [];
      }),
    [columns],
  );
  if (!base || !selected) {
    return (
      <p className="st-empty" data-testid="compare-empty">
        {t('compare.empty')}
      </p>
    );
  }
  const hasSpread = shown.every((v) => v.summary.replicationsDone >= 2);
  const isAllPaired = columns.every((c) => c.isPaired);
  return (
    <PngExportContext.Provider value={onExportPng}>
      <div className="st-results st-compare-view" data-testid="compare-view">
        <header className="st-run">
          <h2 className="st-run__title">{t('compare.title', { n: shown.length })}</h2>
          <p className="st-muted">{t(isAllPaired ? 'compare.pairedNote' : 'compare.unpairedNote')}</p>
          {variants.length > MAX_VARIANTS ? (
            <p role="note" className="st-banner">
              {t('compare.tooMany', { max: MAX_VARIANTS, n: variants.length })}
            </p>
          ) : null}
          <div className="st-compare__tools">
            {strategies.length > 1 ? (
              <Choice
                label={t('compare.strategy')}
                value={selected.id}
                onChange={setStrategyId}
                options={strategies.map((s) => ({ value: s.id, label: text(s.label) }))}
                testId="compare-strategy"
              />
            ) : null}
            {onExportCsv ? (
              <button
                type="button"
                className="btn no-print"
                data-testid="compare-export-csv"
                onClick={() => onExportCsv(compareToCsv(selected.id, columns), selected.id)}
              >
                {t('compare.exportCsv')}
              </button>
            ) : null}
            <CompareTablePngButton name={`compare-${slug(selected.id)}-table.png`} target={tableRef} />
          </div>
        </header>
        <div ref={tableRef} className="st-compare__capture">
          <CompareTable columns={columns} hasSpread={hasSpread} />
        </div>
        <ChartCard
          title={t('compare.chartTitle')}
          hint={t('compare.chartHint')}
          exportName={`compare-${slug(selected.id)}-conversion-uplift`}
        >
          <IntervalChart
            rows={rows}
            format={f.pp}
            ariaLabel={t('compare.chartTitle')}
            testId="compare-chart"
          />
        </ChartCard>
      </div>
    </PngExportContext.Provider>
  );
});
