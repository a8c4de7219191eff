// Number formatting for the studio's own screens (the results dashboard has its own).
import { useTranslation } from 'react-i18next';

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
    cny: (n) => (bad(n) ? '—' : t('unit.cny', { value: nf(0).format(n) })),
    seconds: (s) => {
      if (bad(s)) return '—';
      if (s < 60) return t('unit.seconds', { value: nf(s < 10 ? 1 : 0).format(s) });
      const m = Math.floor(s / 60);
      return t('unit.minutes', { m, s: Math.round(s % 60) });
    },
  };
}

export function useFmt(): Fmt {
  const { t, i18n } = useTranslation();
  return makeFmt(i18n.language || 'en', t);
}
