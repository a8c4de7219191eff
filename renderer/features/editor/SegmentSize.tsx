import { useTranslation } from 'react-i18next';
import type { SegmentCount } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { useSegmentSize } from './useSegmentSize';

/** How many customers a strategy's rules (and its top-share cut) leave, with the tier mix; live. */
export function SegmentSize({ strategyIndex }: { strategyIndex: number }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const fmt = useFmt();
  const { segment, tiers, isUpdating, hasScenario, error } = useSegmentSize(strategyIndex);
  // The document's value: while the scenario has errors the last valid one may be gone.
  const topKShare = useDocValue(`strategies[${strategyIndex}].target.topK.share`);
  const suffix = String(strategyIndex);
  const line = (key: string, c: SegmentCount, extra: Record<string, unknown> = {}) =>
    t(key, {
      count: c.customers,
      n: fmt.int(c.customers),
      share: fmt.pct(c.share),
      aum: fmt.pct(c.aumShare),
      ...extra,
    });
  const final = segment ? (segment.afterTopK ?? segment.matched) : null;
  const isStale = isUpdating || !hasScenario;
  return (
    <section
      className="segment"
      aria-label={t('strategies.segmentTitle')}
      data-testid={`segment-size-${suffix}`}
    >
      <div className="segment__head">
        <span className="field__label">{t('strategies.segmentTitle')}</span>
        {isUpdating ? (
          <span className="pill pill--muted" data-testid={`segment-updating-${suffix}`}>
            {t('population.updating')}
          </span>
        ) : null}
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {t('population.previewFailed', { error })}
        </p>
      ) : null}
      {!hasScenario ? (
        <p className="field__hint" data-testid={`segment-invalid-${suffix}`}>
          {t('strategies.segmentNeedsValid')}
        </p>
      ) : null}
      {segment && final ? (
        <div className={isStale ? 'is-stale' : undefined} aria-live="polite">
          <p className="segment__line" data-testid={`segment-matched-${suffix}`}>
            {line(
              segment.afterTopK ? 'strategies.segmentMatched' : 'strategies.segmentLine',
              segment.matched,
            )}
          </p>
          {segment.afterTopK ? (
            <p className="segment__line" data-testid={`segment-after-${suffix}`}>
              {line('strategies.segmentAfterTopK', segment.afterTopK, {
                top: typeof topKShare === 'number' ? fmt.pct(topKShare, 0) : '—',
              })}
            </p>
          ) : null}
          {final.customers === 0 ? (
            <p className="notice" role="status" data-testid={`segment-empty-${suffix}`}>
              {t('strategies.segmentEmpty')}
            </p>
          ) : (
            <ul
              className="segment__tiers"
              aria-label={t('strategies.segmentByTier')}
              data-testid={`segment-tiers-${suffix}`}
            >
              {tiers.map((tier, k) => {
                const n = final.byTier[k] ?? 0;
                return (
                  <li
                    key={tier.id}
                    className={n === 0 ? 'segment__tier segment__tier--none' : 'segment__tier'}
                  >
                    <span className="segment__tier-label" title={text(tier.label)}>
                      {text(tier.label)}
                    </span>
                    <span className="segment__bar" aria-hidden="true">
                      <span style={{ width: `${(100 * n) / Math.max(1, final.customers)}%` }} />
                    </span>
                    <span className="segment__tier-n">{fmt.int(n)}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : hasScenario && !error ? (
        <p className="muted">{t('strategies.segmentCounting')}</p>
      ) : null}
    </section>
  );
}
