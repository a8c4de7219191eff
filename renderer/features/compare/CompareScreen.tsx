import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../sim/index';
import { ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { desktopApi } from '../../platform/desktop-api';
import { getSummary } from '../../sim-client/result-cache';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { useIsCompareStale } from '../../state/staleness';
import { baseName } from '../report/export-format';
import { CompareView } from '../results/CompareView';
import { slug } from '../results/export-context';
import { notify } from '../shell/toast';
import { CompareBar } from './CompareBar';
import { compareKey, runCompare } from './compare-actions';
import { paramChoices } from './param-choices';
import { VariantCard } from './VariantCard';
import './compare.css';
import {
  appliedDocument,
  baseDocument,
  defaultVariants,
  MAX_VARIANTS,
  nextVariantId,
  prepareVariant,
} from './variants';

const LETTERS = 'ABCD';

/** Up to four variants of the current scenario (values, channels, journey routes), run with common random numbers, side by side. */
export function CompareScreen() {
  const { t, i18n } = useTranslation();
  const doc = useAppState((s) => s.doc);
  const variants = useAppState((s) => s.variants);
  const compare = useAppState((s) => s.compare);
  const isMainRunning = useAppState((s) => s.run.status === 'running');
  const isValid = useAppState((s) => s.scenario !== null);
  const { setVariants, replaceDoc } = useActions();
  const isRunning = compare.status === 'running';
  const store = useStoreApi();
  const isStale = useIsCompareStale(compare.source) && !isRunning;

  useEffect(() => {
    if (variants.length === 0 && doc) {
      // Offered, not saved: the file changes only when the user edits a variant.
      setVariants(
        defaultVariants(doc, {
          current: t('compare.current'),
          holdout: (share) => t('compare.holdoutVariant', { share }),
        }),
        { isSaved: false },
      );
    }
  }, [variants.length, doc, setVariants, t]);

  const base = useMemo(() => baseDocument(doc), [doc]);
  const prepared = useMemo(() => variants.map((v) => prepareVariant(doc, v, base)), [doc, base, variants]);
  const choices = useMemo(() => paramChoices(base, i18n.language), [base, i18n.language]);
  const allValid = prepared.every((p) => p.result.ok && p.overrideErrors.length === 0);
  const version = compare.summaryVersion;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version changes when the cache has newer summaries
  const results = useMemo(() => {
    const out: Array<{ name: string; summary: RunSummary }> = [];
    for (const v of variants) {
      const summary = compare.compareId ? getSummary(compareKey(compare.compareId, v.id)) : undefined;
      if (summary) out.push({ name: v.name, summary });
    }
    return out;
  }, [variants, compare.compareId, version]);

  const sourceName = compare.source?.fileName ?? '';
  const exportCsv = useCallback(
    (csv: string, strategyId: string) => {
      // Named after the scenario the comparison ran on (it may be out of date).
      const name = `${baseName(sourceName)}-compare-${slug(strategyId)}.csv`;
      void desktopApi.exportFile({ kind: 'csv', suggestedName: name, data: csv }).then((r) => {
        if (!r.ok) notify(t('report.exportFailed', { error: r.error }));
        else if (r.value) notify(t('report.exported', { name }));
      });
    },
    [sourceName, t],
  );

  const reason = !isValid
    ? t('compare.fixScenario')
    : !allValid
      ? t('compare.fixVariants')
      : isMainRunning
        ? t('compare.busyRun')
        : null;
  return (
    <div className="screen" data-testid="screen-compare">
      <ScreenHeader title={t('nav.compare')} subtitle={t('compare.subtitle')} />
      <datalist id="param-paths">
        {choices.map((c) => (
          <option key={c.path} value={c.path} />
        ))}
      </datalist>
      <CompareBar reason={reason} variantCount={variants.length} />
      <div className="variant-grid">
        {prepared.map((p, i) => (
          <VariantCard
            key={p.variant.id}
            prepared={p}
            doc={base}
            choices={choices}
            letter={LETTERS[i]}
            isBase={i === 0}
            canRemove={variants.length > 1}
            isLocked={isRunning}
            onChange={(v) => setVariants(variants.map((x) => (x.id === v.id ? v : x)))}
            onRemove={() => setVariants(variants.filter((x) => x.id !== p.variant.id))}
            onApply={
              i === 0
                ? undefined
                : () => {
                    const next = appliedDocument(doc, p.variant);
                    if (next === null) return notify(t('compare.applyFailed', { name: p.variant.name }));
                    replaceDoc(next);
                    notify(t('compare.applied', { name: p.variant.name }));
                  }
            }
          />
        ))}
        {variants.length < MAX_VARIANTS ? (
          <button
            type="button"
            className="variant-add"
            disabled={isRunning}
            data-testid="variant-add"
            onClick={() =>
              setVariants([
                ...variants,
                {
                  id: nextVariantId(variants),
                  name: t('compare.newVariant', { letter: LETTERS[variants.length] }),
                  overrides: [],
                },
              ])
            }
          >
            + {t('compare.addVariant')}
          </button>
        ) : null}
      </div>
      {results.length > 0 ? (
        <>
          {isStale && compare.source ? (
            <StaleNotice
              sourceName={compare.source.fileName}
              testId="compare-stale"
              onRerun={reason === null ? () => runCompare(store) : undefined}
            />
          ) : null}
          <div
            data-testid="compare-results"
            className={isStale ? 'is-stale' : undefined}
            data-stale={isStale || undefined}
          >
            <CompareView variants={results} onExportCsv={exportCsv} />
          </div>
        </>
      ) : null}
    </div>
  );
}
