// The first time ECharts draws a kind of chart, the browser compiles the library code it runs
// (lazily, function by function): measured on the omni example, the dashboard's first funnel took
// 80–105 ms, the same chart drawn again 25 ms. So, once the studio is idle after start-up, one
// small specimen of each kind the dashboard uses is drawn off screen and thrown away, one per idle
// period; the first results then draw on warm code, while the run streams.
import { type EChartsCoreOption, echarts } from './echarts-setup';
import { baseOption } from './palette';

const labels = ['a', 'b', 'c', 'd', 'e', 'f'];
const values = [0.9, 0.7, 0.4, 0.2, 0.1, 0.05];
const format = (v: number) => `${(v * 100).toFixed(1)}%`;
const grid = { left: 48, right: 16, top: 32, bottom: 32, outerBoundsContain: 'axisLabel' };
const tooltip = { confine: true, trigger: 'item' };
const axes = {
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value', axisLabel: { formatter: format } },
};

/** One option per kind of chart the results use (series, components, labels, marks). */
export const SPECIMENS: readonly EChartsCoreOption[] = [
  {
    ...baseOption,
    grid,
    legend: { top: 0 },
    tooltip,
    ...axes,
    series: [0, 1].map((k) => ({
      type: 'bar',
      name: `s${k}`,
      label: {
        show: true,
        position: 'top',
        fontSize: 11,
        formatter: (p: { value: number }) => format(p.value),
      },
      data: values,
    })),
  },
  {
    ...baseOption,
    grid,
    tooltip: { confine: true, trigger: 'axis' },
    legend: { top: 0 },
    ...axes,
    series: [
      {
        type: 'line',
        name: 'l',
        data: values,
        markLine: { symbol: 'none', data: [{ yAxis: 0.5 }] },
        markArea: { data: [[{ xAxis: 'b' }, { xAxis: 'd' }]] },
      },
    ],
  },
  {
    ...baseOption,
    grid,
    tooltip,
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'category', data: labels.slice(0, 3) },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
    },
    series: [
      {
        type: 'heatmap',
        label: { show: true, fontSize: 10 },
        data: labels.flatMap((_, x) => [0, 1, 2].map((y) => [x, y, values[x]])),
      },
    ],
  },
  {
    ...baseOption,
    tooltip,
    series: [
      {
        type: 'sankey',
        data: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
        links: [
          { source: 'a', target: 'b', value: 3 },
          { source: 'b', target: 'c', value: 1 },
        ],
      },
    ],
  },
  {
    ...baseOption,
    grid,
    tooltip,
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: labels.slice(0, 2) },
    series: [
      {
        type: 'custom',
        renderItem: () => ({ type: 'rect', shape: { x: 0, y: 0, width: 10, height: 10 } }),
        data: [[0, 0.2, 0.4]],
      },
      { type: 'scatter', data: [[0.3, 0]] },
    ],
  },
];

type Idle = (run: () => void) => () => void;

const onIdle: Idle = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
};

type Draw = (host: HTMLElement, option: EChartsCoreOption) => void;

const draw: Draw = (host, option) => {
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: 480, height: 280 });
  chart.setOption({ ...option, animation: false });
  chart.dispose();
};

/** Draw each specimen once, off screen, one per idle period. Returns a function that stops it. */
export function warmUpCharts(idle: Idle = onIdle, drawSpecimen: Draw = draw): () => void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:480px;height:280px;visibility:hidden';
  document.body.appendChild(host);
  let next = 0;
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
    host.remove();
  };
  const step = () => {
    const option = SPECIMENS[next++];
    if (!option) {
      performance.mark('chart warm-up done');
      return stop();
    }
    try {
      drawSpecimen(host, option);
    } catch {
      // A warm-up is only an optimization: the real chart reports its own errors.
    }
    cancel = idle(step);
  };
  cancel = idle(step);
  return stop;
}
