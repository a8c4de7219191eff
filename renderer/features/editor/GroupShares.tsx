import { useTranslation } from 'react-i18next';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { ScenarioNumber } from './fields';

type Group = { id?: string; label?: string; share?: unknown };

/** Shares of life stages or occupations: one field per group and their sum. */
export function GroupShares({ path }: { path: string }) {
  const { t } = useTranslation();
  const fmt = useFmt();
  const groups = useDocValue(path);
  if (!Array.isArray(groups)) return null;
  const sum = (groups as Group[]).reduce((acc, g) => acc + (typeof g.share === 'number' ? g.share : 0), 0);
  const isOff = Math.abs(sum - 1) > 1e-6;
  return (
    <div className="fields">
      {(groups as Group[]).map((g, i) => (
        <ScenarioNumber
          key={g.id ?? i}
          path={`${path}[${i}].share`}
          label={g.label ?? g.id ?? `#${i + 1}`}
          format={(n) => fmt.pct(n)}
        />
      ))}
      <p className={`sum-line${isOff ? ' sum-line--off' : ''}`} data-testid={`${path}-sum`}>
        {t('population.sharesSum', { value: fmt.pct(sum) })}
      </p>
    </div>
  );
}
