import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputId } from '../../../sim/index';
import { ChartInstanceContext } from '../../components/charts/chart-context';
import type { EChartsType } from '../../components/charts/echarts-setup';
import { InfoButton } from '../teaching/InfoButton';
import { usePngExport } from './export-context';

export type ChartCardProps = {
  title: string;
  /** One line under the title saying how to read the chart. */
  hint?: string;
  /** File name of the PNG export, without extension. */
  exportName: string;
  /** Controls (selectors) shown in the header. */
  controls?: ReactNode;
  children: ReactNode;
  /** The glossary entry of this figure (`output.<id>`), opened by an ⓘ beside the title. */
  glossary?: OutputId;
};

/** A titled panel around one chart, with a PNG export button. */
export function ChartCard({ title, hint, exportName, controls, children, glossary }: ChartCardProps) {
  const { t } = useTranslation('results');
  const chartRef = useRef<EChartsType | null>(null);
  const [hasChart, setHasChart] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);
  const exportPng = usePngExport();
  const register = useCallback((chart: EChartsType | null) => {
    chartRef.current = chart;
    setHasChart(chart !== null);
  }, []);
  const onExport = async () => {
    if (!chartRef.current) return;
    try {
      setHasFailed(false);
      await exportPng(`${exportName}.png`, chartRef.current);
    } catch {
      setHasFailed(true);
    }
  };
  return (
    <section className="st-card" aria-label={title} data-glossary={glossary}>
      <header className="st-card__header">
        <h3 className="st-card__title">
          {title}
          {glossary ? <InfoButton path={`output.${glossary}`} /> : null}
        </h3>
        <div className="st-card__controls">
          {controls}
          <button
            type="button"
            className="st-button st-button--quiet"
            onClick={onExport}
            disabled={!hasChart}
            aria-label={t('chart.exportAria', { title })}
            data-testid={`export-${exportName}`}
          >
            {t('chart.exportPng')}
          </button>
        </div>
      </header>
      {hint ? <p className="st-card__hint">{hint}</p> : null}
      {hasFailed ? (
        <p role="alert" className="st-card__error">
          {t('chart.exportFailed')}
        </p>
      ) : null}
      <ChartInstanceContext.Provider value={register}>{children}</ChartInstanceContext.Provider>
    </section>
  );
}
