import { createContext, useCallback, useContext } from 'react';
import type { EChartsType } from '../../components/charts/echarts-setup';
import { chartToPngBytes, dataUrlToBytes, type PngSink } from '../../components/charts/export-png';
import { saveFile } from '../../platform/browser-files';

/** Where chart PNGs go: the shell passes DesktopApi.exportFile; without it, the browser's save. */
export const PngExportContext = createContext<PngSink | undefined>(undefined);

export function usePngExport(): (name: string, chart: EChartsType) => Promise<void> {
  const sink = useContext(PngExportContext);
  return useCallback(
    async (name, chart) => {
      const bytes = await chartToPngBytes(chart);
      if (sink) sink(name, bytes);
      else await saveFile(name, bytes, 'image/png');
    },
    [sink],
  );
}

/**
 * PNG export of a part of the page that is not a chart (the Compare table): html-to-image draws
 * the node through an SVG foreignObject onto a canvas at 2× on white; then the same sink as charts.
 */
export function useNodePngExport(): (name: string, node: HTMLElement) => Promise<void> {
  const sink = useContext(PngExportContext);
  return useCallback(
    async (name, node) => {
      const { toPng } = await import('html-to-image');
      const bytes = dataUrlToBytes(await toPng(node, { pixelRatio: 2, backgroundColor: '#fff' }));
      if (sink) sink(name, bytes);
      else await saveFile(name, bytes, 'image/png');
    },
    [sink],
  );
}

/** File-name-safe slug for export names: keeps letters (any script), digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'chart'
  );
}
