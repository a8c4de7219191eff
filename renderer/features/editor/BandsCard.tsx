import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { AddEntityButton, EntityActions } from '../authoring/EntityActions';
import { LocalTextField } from '../authoring/LocalTextField';
import { ScenarioNumber } from './fields';

type Band = { id?: string; label?: string };

const LIST = { tier: 'population.tiers', wealthLevel: 'population.wealthLevels' } as const;

/** KYC: service tiers or wealth levels by AUM band, each with its label and threshold; add and delete. */
export function BandsCard({ kind }: { kind: keyof typeof LIST }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('authoring');
  const fmt = useFmt();
  const path = LIST[kind];
  const bands = useDocValue(path);
  const list = Array.isArray(bands) ? (bands as Band[]) : [];
  return (
    <Card
      title={ta(`population.${kind}.title`)}
      subtitle={ta(`population.${kind}.hint`)}
      actions={<AddEntityButton kind={kind} />}
      testId={`${kind}-card`}
    >
      <ol className="band-list">
        {list.map((b, i) => (
          <li key={b.id ?? i} className="band-list__row" data-testid={`${kind}-${b.id ?? i}`}>
            <code className="band-list__id">{b.id ?? `#${i + 1}`}</code>
            <div className="fields">
              <LocalTextField path={`${path}[${i}].label`} label={t('common.label')} />
              <ScenarioNumber
                path={`${path}[${i}].minAumCny`}
                label={ta('population.bandFrom')}
                format={fmt.cny}
              />
            </div>
            {b.id ? <EntityActions kind={kind} id={b.id} canDuplicate={false} /> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
