// Number formatting for results: one place, so every card, table and tooltip reads the same.
// Missing figures (NaN, ±Infinity) render as an em dash instead of "NaN".

export type NumberLocale = 'en' | 'zh-CN';

export const MISSING = '—';

export function toNumberLocale(language: string | undefined): NumberLocale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

type SignOpts = { signed?: boolean };

function sign(value: number, signed: boolean | undefined): string {
  if (value < 0) return '-';
  return signed && value > 0 ? '+' : '';
}

// Number#toLocaleString builds a new Intl.NumberFormat on every call, which is slow enough to
// show when a dashboard formats thousands of labels and ticks; keep one per locale and digits.
const numberFormats = new Map<string, Intl.NumberFormat>();

function fixed(abs: number, digits: number, locale: NumberLocale): string {
  const key = `${locale}:${digits}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, nf);
  }
  return nf.format(abs);
}

/** About three significant digits: 1.23, 12.3, 123, 1,234. */
function compact(abs: number, locale: NumberLocale): string {
  const digits = abs < 10 ? 2 : abs < 100 ? 1 : 0;
  // Rounding may carry into the next decade (9.999 → 10.00); good enough for display.
  return fixed(abs, digits, locale);
}

/** Percentage points, two decimals: "+1.23 pp" / "+1.23个百分点". Input is already in pp. */
export function formatPp(pp: number, locale: NumberLocale, opts: SignOpts = { signed: true }): string {
  if (!Number.isFinite(pp)) return MISSING;
  const text = sign(pp, opts.signed) + fixed(Math.abs(pp), 2, locale);
  return locale === 'zh-CN' ? `${text}个百分点` : `${text} pp`;
}

/** A rate in [0, 1] as a percentage: 0.365 → "36.5%". */
export function formatPercent(rate: number, locale: NumberLocale, digits = 1, opts: SignOpts = {}): string {
  if (!Number.isFinite(rate)) return MISSING;
  const pct = rate * 100;
  return sign(pct, opts.signed) + fixed(Math.abs(pct), digits, locale) + '%';
}

/** A probability: whole percent, but never rounds a non-certain value to 0% or 100%. */
export function formatProbability(p: number, locale: NumberLocale): string {
  if (!Number.isFinite(p)) return MISSING;
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return formatPercent(p, locale, 0);
}

/**
 * Yuan amounts. zh-CN: "856元", "1,234元", "12.3万元", "4.56亿元".
 * en: "¥856", "¥12.3K", "¥4.56M", "¥1.20B".
 */
export function formatCny(cny: number, locale: NumberLocale, opts: SignOpts = {}): string {
  if (!Number.isFinite(cny)) return MISSING;
  const s = sign(cny, opts.signed);
  const abs = Math.abs(cny);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${s}${compact(abs / 1e8, locale)}亿元`;
    if (abs >= 1e4) return `${s}${compact(abs / 1e4, locale)}万元`;
    return `${s}${fixed(abs, 0, locale)}元`;
  }
  if (abs >= 1e9) return `${s}¥${compact(abs / 1e9, locale)}B`;
  if (abs >= 1e6) return `${s}¥${compact(abs / 1e6, locale)}M`;
  if (abs >= 1e4) return `${s}¥${compact(abs / 1e3, locale)}K`;
  return `${s}¥${fixed(abs, 0, locale)}`;
}

/** A plain ratio such as ROI (incremental value / cost): two decimals. */
export function formatRatio(value: number, locale: NumberLocale): string {
  if (!Number.isFinite(value)) return MISSING;
  return sign(value, false) + fixed(Math.abs(value), 2, locale);
}

/** Counts (customers, contacts): grouped integers; zh-CN switches to 万 from 100,000 up. */
export function formatCount(n: number, locale: NumberLocale): string {
  if (!Number.isFinite(n)) return MISSING;
  const s = sign(n, false);
  const abs = Math.abs(n);
  if (locale === 'zh-CN' && abs >= 1e5) return `${s}${compact(abs / 1e4, locale)}万`;
  return s + fixed(abs, 0, locale);
}

/** "a – b" for a 90% interval; MISSING when either end is not a finite number. */
export function formatRange(lo: number, hi: number, fmt: (v: number) => string): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return MISSING;
  return `${fmt(lo)} – ${fmt(hi)}`;
}

export type Formatters = {
  locale: NumberLocale;
  pp: (pp: number, signed?: boolean) => string;
  percent: (rate: number, digits?: number) => string;
  probability: (p: number) => string;
  cny: (cny: number, signed?: boolean) => string;
  /** CNY with an explicit sign, for differences and uplifts. */
  cnySigned: (cny: number) => string;
  ratio: (value: number) => string;
  count: (n: number) => string;
  range: (lo: number, hi: number, fmt: (v: number) => string) => string;
};

export function makeFormatters(locale: NumberLocale): Formatters {
  return {
    locale,
    pp: (pp, signed = true) => formatPp(pp, locale, { signed }),
    percent: (rate, digits = 1) => formatPercent(rate, locale, digits),
    probability: (p) => formatProbability(p, locale),
    cny: (cny, signed = false) => formatCny(cny, locale, { signed }),
    cnySigned: (cny) => formatCny(cny, locale, { signed: true }),
    ratio: (value) => formatRatio(value, locale),
    count: (n) => formatCount(n, locale),
    range: formatRange,
  };
}
