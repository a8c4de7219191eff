import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { AddEntityButton, EntityActions } from '../authoring/EntityActions';
import { ScenarioNumber } from './fields';

type Group = { id?: string; label?: string; share?: unknown };

const KIND: Record<string, EntityKind> = {
  'population.lifeStages': 'lifeStage',
  'population.occupations': 'occupation',
};

/** Shares of life stages or occupations: one field per group and their sum; add and delete groups. */
export function GroupShares({ path }: { path: 'population.lifeStages' | 'population.occupations' }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const { t: ta } = useTranslation('authoring');
  const fmt = useFmt();
  const groups = useDocValue(path);
  if (!Array.isArray(groups)) return null;
  const kind = KIND[path];
  const sum = (groups as Group[]).reduce((acc, g) => acc + (typeof g.share === 'number' ? g.share : 0), 0);
  const isOff = Math.abs(sum - 1) > 1e-6;
  return (
    <div className="fields">
      {(groups as Group[]).map((g, i) => (
        <div key={g.id ?? i} className="group-row" data-testid={`${kind}-${g.id ?? i}`}>
          <ScenarioNumber
            path={`${path}[${i}].share`}
            label={text(g.label) || g.id || `#${i + 1}`}
            format={(n) => fmt.pct(n)}
          />
          {g.id ? <EntityActions kind={kind} id={g.id} canDuplicate={false} /> : null}
        </div>
      ))}
      <p className={`sum-line${isOff ? ' sum-line--off' : ''}`} data-testid={`${path}-sum`}>
        {t('population.sharesSum', { value: fmt.pct(sum) })}
      </p>
      <p className="field__hint">{ta('population.groupsHint')}</p>
      <div>
        <AddEntityButton kind={kind} />
      </div>
    </div>
  );
}
