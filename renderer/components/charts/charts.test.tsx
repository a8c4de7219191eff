// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart } from './BarChart';
import { ChartInstanceContext, ChartRendererContext } from './chart-context';
import { EChart } from './EChart';
import { type EChartsType, echarts } from './echarts-setup';
import { chartToPngBytes, dataUrlToBytes } from './export-png';
import { FunnelBarChart } from './FunnelBarChart';
import { HeatmapChart } from './HeatmapChart';
import { HistogramChart } from './HistogramChart';
import { IntervalChart } from './IntervalChart';
import { LorenzChart } from './LorenzChart';
import { SankeyChart } from './SankeyChart';
import { WeeklyChart } from './WeeklyChart';

// jsdom: no 2D canvas. Without a canvas zrender measures text from its own width table.
echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

afterEach(cleanup);

const svg = (ui: ReactElement) =>
  render(<ChartRendererContext.Provider value="svg">{ui}</ChartRendererContext.Provider>);
const fmt = (v: number) => v.toFixed(2);

describe('EChart', () => {
  it('renders into a zero-size container, registers the instance and disposes on unmount', () => {
    const register = vi.fn<(chart: EChartsType | null) => void>();
    const option = {
      xAxis: { type: 'category', data: ['a', 'b'] },
      yAxis: {},
      series: [{ type: 'bar', data: [1, 2] }],
    };
    const { getByTestId, unmount, rerender } = render(
      <ChartRendererContext.Provider value="svg">
        <ChartInstanceContext.Provider value={register}>
          <EChart option={option} ariaLabel="bars" testId="c" />
        </ChartInstanceContext.Provider>
      </ChartRendererContext.Provider>,
    );
    const host = getByTestId('c');
    expect(host.getAttribute('role')).toBe('img');
    expect(host.getAttribute('aria-label')).toBe('bars');
    expect(host.querySelector('svg')).not.toBeNull();
    const chart = echarts.getInstanceByDom(host)!;
    expect(register).toHaveBeenLastCalledWith(chart);
    expect(chart.getWidth()).toBeGreaterThan(0);

    const next = { ...option, series: [{ type: 'bar', data: [3, 4] }] };
    rerender(
      <ChartRendererContext.Provider value="svg">
        <ChartInstanceContext.Provider value={register}>
          <EChart option={next} ariaLabel="bars" testId="c" />
        </ChartInstanceContext.Provider>
      </ChartRendererContext.Provider>,
    );
    expect((chart.getOption() as { series: Array<{ data: number[] }> }).series[0].data).toEqual([3, 4]);

    unmount();
    expect(register).toHaveBeenLastCalledWith(null);
    expect(chart.isDisposed()).toBe(true);
  });
});

describe('PNG export helpers', () => {
  it('decodes base64 and percent-encoded data URLs', () => {
    expect([...dataUrlToBytes('data:image/png;base64,iVBORw==')]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(new TextDecoder().decode(dataUrlToBytes('data:image/svg+xml;charset=utf-8,%3Csvg%3E'))).toBe(
      '<svg>',
    );
  });

  it('asks the chart for a 2× PNG on white', async () => {
    const getDataURL = vi.fn(() => 'data:image/png;base64,iVBORw==');
    const bytes = await chartToPngBytes({ getDataURL } as unknown as EChartsType);
    expect(getDataURL).toHaveBeenCalledWith({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    expect(bytes).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });
});

describe('chart components render SVG', () => {
  it('histogram marks the 90% interval', () => {
    const samples = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 2 + 3);
    const { getByTestId } = svg(
      <HistogramChart
        samples={samples}
        p05={1.2}
        p95={4.8}
        mean={3}
        reference={0}
        format={fmt}
        labels={{ replications: 'n', interval: '90% interval', mean: 'mean' }}
        ariaLabel="h"
        testId="h"
      />,
    );
    expect(getByTestId('h').textContent).toContain('90% interval');
  });

  it('histogram copes with a single replication', () => {
    const { getByTestId } = svg(
      <HistogramChart
        samples={[2]}
        p05={2}
        p95={2}
        mean={2}
        format={fmt}
        labels={{ replications: 'n', interval: 'i', mean: 'm' }}
        ariaLabel="h"
        testId="h"
      />,
    );
    expect(getByTestId('h').querySelector('svg')).not.toBeNull();
  });

  it('sankey draws return paths to a repeat node', () => {
    const { getByTestId, queryAllByText } = svg(
      <SankeyChart
        flows={[
          { from: 'start', to: 'push', kind: 'start', count: 100 },
          { from: 'push', to: 'wm', kind: 'referral', count: 30 },
          { from: 'wm', to: 'push', kind: 'return', count: 10 },
          { from: 'wm', to: 'converted', kind: 'converted', count: 15 },
        ]}
        nodeLabel={(id, isRepeat) => (isRepeat ? `${id} (return)` : id)}
        kindLabel={(k) => `kind:${k}`}
        formatCount={String}
        ariaLabel="s"
        testId="s"
      />,
    );
    expect(getByTestId('s').textContent).toContain('push (return)');
    expect(queryAllByText('kind:referral')).toHaveLength(1);
  });

  it('heatmap, interval, weekly, lorenz, bar and funnel charts render', () => {
    const { getByTestId } = svg(
      <>
        <HeatmapChart
          xLabels={['a', 'b']}
          yLabels={['w1', 'w2']}
          values={[
            [1, Number.NaN],
            [-2, 3],
          ]}
          format={fmt}
          scale="diverging"
          ariaLabel="hm"
          testId="hm"
        />
        <IntervalChart
          rows={[
            { label: 'b1', mean: 1, p05: 0.5, p95: 1.5 },
            { label: 'b2', mean: Number.NaN, p05: Number.NaN, p95: Number.NaN },
          ]}
          format={fmt}
          ariaLabel="iv"
          testId="iv"
        />
        <WeeklyChart
          points={[1, 2, 3].map((w) => ({
            label: `W${w}`,
            treatment: 0.05 * w,
            control: 0.04 * w,
            uplift: w,
            upliftP05: w - 1.5,
            upliftP95: w + 1,
          }))}
          names={{ treatment: 'T', control: 'C', uplift: 'U', band: 'B' }}
          formatRate={fmt}
          formatPp={fmt}
          ariaLabel="wk"
          testId="wk"
        />
        <LorenzChart
          points={[
            { customerShare: 0, aumShare: 0 },
            { customerShare: 0.98, aumShare: 0.2 },
            { customerShare: 1, aumShare: 1 },
          ]}
          topShare={0.02}
          names={{ curve: 'L', equality: 'E', customers: 'c', aum: 'a', callout: 'Top 2%' }}
          formatShare={fmt}
          ariaLabel="lz"
          testId="lz"
        />
        <BarChart
          categories={['x', 'y']}
          series={[{ name: 's', values: [1, Number.NaN] }]}
          format={fmt}
          isHorizontal
          note={(i) => `n${i}`}
          ariaLabel="bc"
          testId="bc"
        />
        <FunnelBarChart
          stages={['e', 't']}
          treatment={{ name: 'T', counts: [0, 0] }}
          control={{ name: 'C', counts: [10, 5] }}
          formatShare={fmt}
          formatCount={String}
          ariaLabel="fb"
          testId="fb"
        />
      </>,
    );
    for (const id of ['hm', 'iv', 'wk', 'lz', 'bc', 'fb'])
      expect(getByTestId(id).querySelector('svg')).not.toBeNull();
    expect(getByTestId('lz').textContent).toContain('Top 2%');
  });
});
