import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { LocalTextField } from '../authoring/LocalTextField';
import { ScenarioNumber, ScenarioSelect } from './fields';
import { TargetSummary } from './TargetSummary';
import { TriggerFields } from './TriggerFields';

type Named = { id?: string; label?: unknown };

function options(list: unknown, text: (v: unknown) => string) {
  return (Array.isArray(list) ? (list as Named[]) : [])
    .filter((x) => typeof x.id === 'string')
    .map((x) => {
      const label = text(x.label);
      return { value: x.id as string, label: label ? `${label} (${x.id})` : (x.id as string) };
    });
}

/** The key numbers of one strategy: offer, incentive, budget, holdout, trigger and target. */
export function StrategyForm({ index }: { index: number }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const fmt = useFmt();
  const base = `strategies[${index}]`;
  const products = options(useDocValue('products'), text);
  const incentives = options(useDocValue('incentives'), text);
  return (
    <div className="grid-3">
      <Card title={t('strategies.offer')}>
        <div className="fields fields--single">
          <LocalTextField path={`${base}.label`} label={t('common.label')} />
          <ScenarioSelect path={`${base}.offer.product`} label={t('strategies.product')} options={products} />
          <ScenarioNumber path={`${base}.offer.fit`} label={t('strategies.fit')} />
          <ScenarioSelect
            path={`${base}.incentive`}
            label={t('strategies.incentive')}
            options={incentives}
            emptyLabel={t('strategies.noIncentive')}
          />
          <ScenarioNumber path={`${base}.scriptQuality`} label={t('strategies.scriptQuality')} />
        </div>
      </Card>
      <Card title={t('strategies.controlAndBudget')}>
        <div className="fields fields--single">
          <ScenarioNumber
            path={`${base}.holdout.share`}
            label={t('strategies.holdoutShare')}
            hint={t('strategies.holdoutHint')}
            format={(n) => fmt.pct(n)}
          />
          <ScenarioSelect
            path={`${base}.holdout.level`}
            label={t('strategies.holdoutLevel')}
            options={[
              { value: 'customer', label: t('strategies.levelCustomer') },
              { value: 'branch', label: t('strategies.levelBranch') },
            ]}
          />
          <ScenarioNumber path={`${base}.budgetCny`} label={t('strategies.budget')} format={fmt.cny} />
          <ScenarioNumber
            path={`${base}.priority`}
            label={t('strategies.priority')}
            hint={t('strategies.priorityHint')}
          />
        </div>
      </Card>
      <Card title={t('strategies.whoAndWhen')}>
        <div className="fields fields--single">
          <TriggerFields base={base} />
          <TargetSummary base={base} />
        </div>
      </Card>
    </div>
  );
}
