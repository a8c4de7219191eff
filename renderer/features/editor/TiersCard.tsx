import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { AddEntityButton, EntityActions } from '../authoring/EntityActions';
import { ScenarioNumber, ScenarioText } from './fields';

type Band = { id?: string; label?: string };

/** KYC: the service tiers by AUM band, each with its label and threshold; add and delete. */
export function TiersCard() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('authoring');
  const fmt = useFmt();
  const tiers = useDocValue('population.tiers');
  const list = Array.isArray(tiers) ? (tiers as Band[]) : [];
  return (
    <Card
      title={ta('population.tiers')}
      subtitle={ta('population.tiersHint')}
      actions={<AddEntityButton kind="tier" />}
      testId="tiers-card"
    >
      <ol className="band-list">
        {list.map((b, i) => (
          <li key={b.id ?? i} className="band-list__row" data-testid={`tier-${b.id ?? i}`}>
            <code className="band-list__id">{b.id ?? `#${i + 1}`}</code>
            <div className="fields">
              <ScenarioText path={`population.tiers[${i}].label`} label={t('common.label')} />
              <ScenarioNumber
                path={`population.tiers[${i}].minAumCny`}
                label={ta('population.tierFrom')}
                format={fmt.cny}
              />
            </div>
            {b.id ? <EntityActions kind="tier" id={b.id} canDuplicate={false} /> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
