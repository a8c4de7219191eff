// @vitest-environment jsdom
// EChart in a browser: work is paced and waits for the chart to be on screen (see chart-scheduler).
import { act, cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartInstanceContext, ChartLiveContext, ChartRendererContext } from './chart-context';
import { pendingChartJobs } from './chart-scheduler';
import { EChart } from './EChart';
import { type EChartsCoreOption, type EChartsType, echarts } from './echarts-setup';
import { FakeIntersectionObserver } from './fake-intersection-observer';

echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

const bars = (data: number[]) => ({
  xAxis: { type: 'category', data: ['a', 'b'] },
  yAxis: {},
  series: [{ type: 'bar', data }],
});
const shownData = (chart: EChartsType) =>
  (chart.getOption() as { series: Array<{ data: number[] }> }).series[0].data;
const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 5)));

beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function ui(
  option: EChartsCoreOption,
  isLive = false,
  register?: (chart: EChartsType | null) => void,
): ReactElement {
  return (
    <ChartRendererContext.Provider value="svg">
      <ChartLiveContext.Provider value={isLive}>
        <ChartInstanceContext.Provider value={register ?? null}>
          <EChart option={option} ariaLabel="bars" testId="c" heightPx={200} />
        </ChartInstanceContext.Provider>
      </ChartLiveContext.Provider>
    </ChartRendererContext.Provider>
  );
}

describe('EChart, paced', () => {
  it('draws nothing until the chart is on screen, then draws it in a task of its own', async () => {
    const register = vi.fn();
    const { getByTestId } = render(ui(bars([1, 2]), false, register));
    const host = getByTestId('c');
    expect(host.style.height).toBe('200px');
    await tick();
    expect(echarts.getInstanceByDom(host)).toBeUndefined();
    expect(register).not.toHaveBeenCalled();

    act(() => FakeIntersectionObserver.setOnScreen(host, true));
    expect(echarts.getInstanceByDom(host)).toBeUndefined();
    await vi.waitFor(() => expect(echarts.getInstanceByDom(host)).toBeDefined());
    const chart = echarts.getInstanceByDom(host) as EChartsType;
    expect(register).toHaveBeenLastCalledWith(chart);
    expect(shownData(chart)).toEqual([1, 2]);
  });

  it('applies the latest option only, and only while on screen', async () => {
    const { getByTestId, rerender, unmount } = render(ui(bars([1, 2])));
    const host = getByTestId('c');
    act(() => FakeIntersectionObserver.setOnScreen(host, true));
    await vi.waitFor(() => expect(echarts.getInstanceByDom(host)).toBeDefined());
    const chart = echarts.getInstanceByDom(host) as EChartsType;
    const setOption = vi.spyOn(chart, 'setOption');

    rerender(ui(bars([3, 4])));
    rerender(ui(bars([5, 6])));
    await vi.waitFor(() => expect(shownData(chart)).toEqual([5, 6]));
    expect(setOption).toHaveBeenCalledTimes(1);

    act(() => FakeIntersectionObserver.setOnScreen(host, false));
    rerender(ui(bars([7, 8])));
    await tick();
    expect(shownData(chart)).toEqual([5, 6]);
    expect(pendingChartJobs()).toBe(1);
    act(() => FakeIntersectionObserver.setOnScreen(host, true));
    await vi.waitFor(() => expect(shownData(chart)).toEqual([7, 8]));

    unmount();
    expect(chart.isDisposed()).toBe(true);
    expect(pendingChartJobs()).toBe(0);
  });

  it('does not animate while a run streams into it', async () => {
    const { getByTestId, rerender } = render(ui(bars([1, 2]), true));
    const host = getByTestId('c');
    act(() => FakeIntersectionObserver.setOnScreen(host, true));
    await vi.waitFor(() => expect(echarts.getInstanceByDom(host)).toBeDefined());
    const chart = echarts.getInstanceByDom(host) as EChartsType;
    expect((chart.getOption() as { animation?: unknown }).animation).toBe(false);
    rerender(ui(bars([3, 4]), false));
    await vi.waitFor(() => expect(shownData(chart)).toEqual([3, 4]));
    expect((chart.getOption() as { animation?: unknown }).animation).not.toBe(false);
  });

  it('does not animate for someone who asked the system for reduced motion', async () => {
    const reduce = (on: boolean) =>
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: on && query === '(prefers-reduced-motion: reduce)',
      }));
    reduce(true);
    const { getByTestId, rerender } = render(ui(bars([1, 2])));
    const host = getByTestId('c');
    act(() => FakeIntersectionObserver.setOnScreen(host, true));
    await vi.waitFor(() => expect(echarts.getInstanceByDom(host)).toBeDefined());
    const chart = echarts.getInstanceByDom(host) as EChartsType;
    expect((chart.getOption() as { animation?: unknown }).animation).toBe(false);
    // The setting is read at each update: turned off, the next update animates again.
    reduce(false);
    rerender(ui(bars([3, 4])));
    await vi.waitFor(() => expect(shownData(chart)).toEqual([3, 4]));
    expect((chart.getOption() as { animation?: unknown }).animation).not.toBe(false);
  });

  it('draws charts off screen at once, without animation, when the page is printed', async () => {
    const { getByTestId } = render(ui(bars([1, 2])));
    const host = getByTestId('c');
    await tick();
    expect(echarts.getInstanceByDom(host)).toBeUndefined();
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    const chart = echarts.getInstanceByDom(host) as EChartsType;
    expect(shownData(chart)).toEqual([1, 2]);
    expect((chart.getOption() as { animation?: unknown }).animation).toBe(false);
  });
});
