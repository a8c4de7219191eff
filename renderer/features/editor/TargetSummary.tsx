import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { useFmt } from '../../i18n/numbers';
import { useActions, useDocValue } from '../../state/hooks';
import { fieldId, ScenarioNumber } from './fields';
import { SegmentSize } from './SegmentSize';
import { TargetRulesEditor } from './TargetRulesEditor';

/** The target segment: its rules, an optional top-share cut by propensity, and its live size. */
export function TargetSummary({ base }: { base: string }) {
  const { t } = useTranslation();
  const fmt = useFmt();
  // base is `strategies[i]` (StrategyForm); the rule rows' test ids and the segment use the index.
  const strategyIndex = Number(/^strategies\[(\d+)\]$/.exec(base)?.[1] ?? 0);
  const topK = useDocValue(`${base}.target.topK`);
  const { setField } = useActions();
  const id = fieldId(`${base}.target.topK`);
  return (
    <>
      <TargetRulesEditor strategyIndex={strategyIndex} />
      <FieldShell id={id} label={t('strategies.topKEnabled')}>
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          className="checkbox"
          checked={topK !== undefined}
          onChange={(e) => setField(`${base}.target.topK`, e.target.checked ? { share: 0.5 } : undefined)}
        />
      </FieldShell>
      {topK !== undefined ? (
        <ScenarioNumber
          path={`${base}.target.topK.share`}
          label={t('strategies.topKShare')}
          format={(n) => fmt.pct(n)}
        />
      ) : null}
      <SegmentSize strategyIndex={strategyIndex} />
    </>
  );
}
