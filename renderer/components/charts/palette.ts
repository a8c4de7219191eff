// Colours with one meaning across every chart: treatment, control, uplift, interval, flows.
export const palette = {
  treatment: '#2563eb',
  control: '#9ca3af',
  uplift: '#059669',
  negative: '#dc2626',
  interval: 'rgba(37, 99, 235, 0.12)',
  intervalLine: '#1d4ed8',
  reference: '#6b7280',
  text: '#1f2937',
  muted: '#6b7280',
  series: ['#2563eb', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#0ea5e9'],
  heatDiverging: ['#b91c1c', '#fca5a5', '#f9fafb', '#86efac', '#047857'],
  heatSequential: ['#eff6ff', '#93c5fd', '#1d4ed8'],
  flow: {
    start: '#93c5fd',
    referral: '#f59e0b',
    return: '#8b5cf6',
    converted: '#10b981',
    no_contact: '#d1d5db',
    not_interested: '#d1d5db',
    end: '#e5e7eb',
    dropped: '#ef4444',
  },
} as const;

/**
 * The studio's font stack (styles/base.css), named outright: ECharts measures text on a canvas, where
 * 'inherit' means its default font, so an SVG chart (the printed report) that inherits the page's
 * font drew wider labels than it had measured and clipped them.
 */
export const CHART_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/**
 * Shared defaults so every chart looks like one family. ECharts' aria module stays off: it would
 * replace our translated aria-label with an English data dump. Every chart's tooltip sets
 * `confine: true`: the dashboard's sections clip what overflows them (content-visibility).
 */
export const baseOption = {
  animationDuration: 300,
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: palette.text },
} as const;
