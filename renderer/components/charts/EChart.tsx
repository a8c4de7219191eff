import { useContext, useEffect, useRef } from 'react';
import { ChartInstanceContext, ChartRendererContext } from './chart-context';
import { type EChartsCoreOption, type EChartsType, echarts } from './echarts-setup';

export type EChartProps = {
  option: EChartsCoreOption;
  /** Accessible description of what the chart shows. */
  ariaLabel: string;
  heightPx?: number;
  testId?: string;
};

// Width used while the container has no size yet (hidden tab, jsdom); a resize fixes it later.
const FALLBACK_WIDTH_PX = 640;

/** A React wrapper around one ECharts instance: init, option updates, resize, dispose. */
export function EChart({ option, ariaLabel, heightPx = 280, testId }: EChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const renderer = useContext(ChartRendererContext);
  const register = useContext(ChartInstanceContext);
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = echarts.init(host, undefined, {
      renderer,
      width: host.clientWidth > 0 ? undefined : FALLBACK_WIDTH_PX,
      height: heightPx,
    });
    chart.setOption(optionRef.current, { notMerge: true });
    chartRef.current = chart;
    register?.(chart);
    const resize = () => {
      if (host.clientWidth > 0) chart.resize({ width: 'auto', height: heightPx });
    };
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(resize);
      observer.observe(host);
    } else {
      window.addEventListener('resize', resize);
    }
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      register?.(null);
      chartRef.current = null;
      chart.dispose();
    };
  }, [renderer, heightPx, register]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={hostRef}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      className="st-chart"
      style={{ width: '100%', height: heightPx }}
    />
  );
}
