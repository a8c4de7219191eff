// PNG export of a chart: ECharts renders a data URL; we hand bytes to the caller (the desktop
// shell saves them through DesktopApi.exportFile, a browser through browser-files.ts).
import type { EChartsType } from './echarts-setup';

export type PngSink = (name: string, bytes: Uint8Array) => void;

export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.slice(0, comma);
  const payload = dataUrl.slice(comma + 1);
  if (meta.endsWith(';base64')) return Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(payload));
}

/** PNG bytes of the chart at 2× pixel ratio on white. SVG-rendered charts are rasterized first. */
export async function chartToPngBytes(chart: EChartsType): Promise<Uint8Array> {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  if (url.startsWith('data:image/png')) return dataUrlToBytes(url);
  return rasterizeSvg(url, chart.getWidth() * 2, chart.getHeight() * 2);
}

async function rasterizeSvg(url: string, width: number, height: number): Promise<Uint8Array> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return dataUrlToBytes(canvas.toDataURL('image/png'));
}
