import { createContext } from 'react';
import type { EChartsType } from './echarts-setup';

export type ChartRenderer = 'canvas' | 'svg';

/**
 * Renderer for every EChart below. Canvas by default (PNG export is direct); tests and jsdom
 * pages provide 'svg', which needs no canvas.
 */
export const ChartRendererContext = createContext<ChartRenderer>('canvas');

/**
 * True while a run streams partial results into the charts below: they do not animate (an
 * animation redraws a chart on every frame, on the thread the user is working on).
 */
export const ChartLiveContext = createContext<boolean>(false);

/** Lets a frame around a chart (title, export button) reach the chart instance inside it. */
export const ChartInstanceContext = createContext<((chart: EChartsType | null) => void) | null>(null);
