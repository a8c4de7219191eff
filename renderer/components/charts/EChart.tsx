import { useContext, useEffect, useRef } from 'react';
import { ChartInstanceContext, ChartLiveContext, ChartRendererContext } from './chart-context';
import {
  cancelChartJob,
  isFlushingChartJobs,
  isPacedEnvironment,
  scheduleChartJob,
  setChartOnScreen,
} from './chart-scheduler';
import { type EChartsCoreOption, type EChartsType, echarts } from './echarts-setup';

export type EChartProps = {
  option: EChartsCoreOption;
  /** Accessible description of what the chart shows. */
  ariaLabel: string;
  heightPx?: number;
  testId?: string;
};

/**
 * With `localStorage['sandtable.profile'] = '1'` every chart update leaves a User Timing entry
 * (`chart <test id>`), for DevTools' performance panel and `npm run bench:ui`. Off by default:
 * the browser keeps such entries until the page closes.
 */
function isProfiling(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem('sandtable.profile') === '1';
  } catch {
    return false;
  }
}

/**
 * Whether the user asked the system for less motion (an accessibility setting): charts then appear
 * in their final state instead of animating into it. Read at each update, so a change applies to
 * the next one.
 */
function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// Width used while the container has no size yet (hidden tab, jsdom); a resize fixes it later.
const FALLBACK_WIDTH_PX = 640;
// Charts this close to the viewport count as on screen (drawn just before they scroll in).
const ON_SCREEN_MARGIN = '200px 0px';

/**
 * A React wrapper around one ECharts instance: init, option updates, resize, dispose.
 *
 * In a browser the chart work is paced (see chart-scheduler): the chart is created, updated and
 * resized in a task of its own, and only while it is on screen (work for a chart off screen waits
 * until it scrolls into view, or the page is printed); the placeholder has the chart's height, so
 * nothing moves when it is drawn. In jsdom it is all done at once, during the React commit.
 */
export function EChart({ option, ariaLabel, heightPx = 280, testId }: EChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const renderer = useContext(ChartRendererContext);
  const register = useContext(ChartInstanceContext);
  const isLive = useContext(ChartLiveContext);
  const latest = useRef({ option, isLive });
  /** Asks for the chart to be brought up to date with `latest` (set while mounted). */
  const requestRef = useRef<(() => void) | null>(null);
  const nameRef = useRef('');
  nameRef.current = testId ?? ariaLabel;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const key = {};
    const isPaced = isPacedEnvironment();
    let chart: EChartsType | null = null;
    let shown: EChartsCoreOption | null = null;
    let needsResize = false;
    let isOnScreen = false;

    const sync = () => {
      const startedAt = performance.now();
      if (!chart) {
        chart = echarts.init(host, undefined, {
          renderer,
          width: host.clientWidth > 0 ? undefined : FALLBACK_WIDTH_PX,
          height: heightPx,
        });
        needsResize = false;
        register?.(chart);
      } else if (needsResize) {
        needsResize = false;
        if (host.clientWidth > 0)
          chart.resize({ width: 'auto', height: heightPx, animation: { duration: 0 } });
      }
      const { option: next, isLive: live } = latest.current;
      if (next !== shown) {
        shown = next;
        // Animate only what someone watches: not while a run streams, off screen, for print, or
        // for someone who asked for reduced motion.
        const animate =
          !live && (isOnScreen || !isPaced) && !isFlushingChartJobs() && !prefersReducedMotion();
        chart.setOption(animate ? next : { ...next, animation: false }, { notMerge: true });
      }
      if (isProfiling()) performance.measure(`chart ${nameRef.current}`, { start: startedAt });
    };
    const request = isPaced ? () => scheduleChartJob(key, sync, isOnScreen) : sync;
    requestRef.current = request;
    request();

    const onResize = () => {
      needsResize = true;
      request();
    };
    let resizeObserver: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      // A chart not created yet takes its size when it is.
      resizeObserver = new ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        if (chart && width > 0 && Math.round(width) !== chart.getWidth()) onResize();
      });
      resizeObserver.observe(host);
    } else {
      window.addEventListener('resize', onResize);
    }
    const visibility = isPaced
      ? new IntersectionObserver(
          (entries) => {
            isOnScreen = entries[entries.length - 1].isIntersecting;
            setChartOnScreen(key, isOnScreen);
          },
          { rootMargin: ON_SCREEN_MARGIN },
        )
      : undefined;
    visibility?.observe(host);

    return () => {
      requestRef.current = null;
      cancelChartJob(key);
      visibility?.disconnect();
      resizeObserver?.disconnect();
      window.removeEventListener('resize', onResize);
      if (chart) {
        register?.(null);
        chart.dispose();
      }
    };
  }, [renderer, heightPx, register]);

  useEffect(() => {
    latest.current = { option, isLive };
    requestRef.current?.();
  }, [option, isLive]);

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
