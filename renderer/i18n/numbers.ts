// Number formatting for the studio's own screens (the results dashboard has its own).
import { useTranslation } from 'react-i18next';
import { formatCny } from '../features/results/format';

export type Fmt = {
  num(n: number, digits?: number): string;
  int(n: number): string;
  pct(share: number, digits?: number): string;
  pp(pp: number, digits?: number): string;
  cny(n: number): string;
  seconds(s: number): string;
};

/** `t` is always called with interpolation values here. */
export function makeFmt(language: string, t: (key: string, opts: Record<string, unknown>) => string): Fmt {
  const locale = language.startsWith('zh') ? 'zh-CN' : 'en-US';
  const nf = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const bad = (n: number) => !Number.isFinite(n);
  return {
    num: (n, digits = 2) => (bad(n) ? '—' : nf(digits).format(n)),
    int: (n) => (bad(n) ? '—' : nf(0).format(Math.round(n))),
    pct: (share, digits = 1) => (bad(share) ? '—' : `${nf(digits).format(share * 100)}%`),
    pp: (pp, digits = 2) => (bad(pp) ? '—' : t('unit.pp', { value: fixed(digits).format(pp) })),
    // zh-CN counts money in 万 and 亿 (as the results dashboard does); en groups digits.
    cny: (n) =>
      bad(n) ? '—' : locale === 'zh-CN' ? formatCny(n, 'zh-CN') : t('unit.cny', { value: nf(0).format(n) }),
    seconds: (s) => {
      if (bad(s)) return '—';
      // Round once, then split, so 119.6 s reads 2 min 0 s (never 1 min 60 s).
      if (s < 9.95) return t('unit.seconds', { value: nf(1).format(s) });
      const whole = Math.round(s);
      if (whole < 60) return t('unit.seconds', { value: nf(0).format(whole) });
      return t('unit.minutes', { m: Math.floor(whole / 60), s: whole % 60 });
    },
  };
}

export function useFmt(): Fmt {
  const { t, i18n } = useTranslation();
  return makeFmt(i18n.language || 'en', t);
}
