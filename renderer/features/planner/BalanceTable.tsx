import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BranchInfo, type BranchSelection, balanceTable } from '../../../sim/index';
import { useFmt } from '../../i18n/numbers';

type Arm = 'pilot' | 'control' | 'out';

/**
 * The pilot and control branches and how alike the two arms are (standardized differences). Each
 * branch can be moved into an arm or out of the pilot by hand; the balance follows at once.
 */
export function BalanceTable({
  selection,
  branches,
}: {
  selection: BranchSelection;
  branches: BranchInfo[];
}) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  const drawn = useMemo(() => {
    const arms = new Map<string, Arm>(branches.map((b) => [b.name, 'out']));
    for (const n of selection.pilot) arms.set(n, 'pilot');
    for (const n of selection.control) arms.set(n, 'control');
    return arms;
  }, [selection, branches]);
  const [edits, setEdits] = useState<ReadonlyMap<string, Arm>>(new Map());
  const armOf = (name: string): Arm => edits.get(name) ?? drawn.get(name) ?? 'out';
  const isEdited = [...edits].some(([name, arm]) => drawn.get(name) !== arm);
  const pilot = branches.filter((b) => armOf(b.name) === 'pilot');
  const control = branches.filter((b) => armOf(b.name) === 'control');
  const regions = [...new Set(branches.map((b) => b.region))];
  const balance = isEdited ? balanceTable(pilot, control, regions) : selection.balance;
  // Region ids are the scenario's; the usual compass names are translated, others shown as they are.
  const region = (id: string) => t(`regionName.${id}`, { defaultValue: id });
  const name = (key: string) =>
    key.startsWith('region:') ? t('balance.region', { region: region(key.slice(7)) }) : t(`balance.${key}`);
  return (
    <section aria-label={t('balance.title')} data-testid="planner-balance">
      <h4 className="section-title">{t('balance.title')}</h4>
      <p>
        {t('balance.pilot')}:{' '}
        <span data-testid="planner-pilot-branches">{pilot.map((b) => b.name).join(' ')}</span>
        <br />
        {t('balance.control')}:{' '}
        <span data-testid="planner-control-branches">{control.map((b) => b.name).join(' ')}</span>
      </p>
      {isEdited ? (
        <p className="notice" data-testid="planner-balance-edited">
          {t('balance.edited')}{' '}
          <button type="button" className="btn btn--small no-print" onClick={() => setEdits(new Map())}>
            {t('balance.reset')}
          </button>
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('balance.characteristic')}</th>
            <th scope="col" className="num">
              {t('balance.pilotArm')}
            </th>
            <th scope="col" className="num">
              {t('balance.controlArm')}
            </th>
            <th scope="col" className="num">
              {t('balance.stdDiff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {balance.map((r) => (
            <tr key={r.key} data-testid={`planner-balance-${r.key}`} data-imbalanced={r.isImbalanced}>
              <th scope="row">{name(r.key)}</th>
              <td className="num">
                {r.kind === 'share' ? fmt.pct(r.treatment, 0) : fmt.num(r.treatment, 1)}
              </td>
              <td className="num">{r.kind === 'share' ? fmt.pct(r.control, 0) : fmt.num(r.control, 1)}</td>
              <td className="num">
                {fmt.num(r.stdDiff, 2)}
                {r.isImbalanced ? ` ⚠ ${t('balance.imbalanced')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('balance.note')}</p>
      <details className="no-print" data-testid="planner-branch-picker">
        <summary>{t('balance.pick')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('balance.branch')}</th>
              <th scope="col">{t('balance.regionCol')}</th>
              <th scope="col" className="num">
                {t('balance.customers')}
              </th>
              <th scope="col">{t('balance.arm')}</th>
            </tr>
          </thead>
          <tbody>
            {branches.map((b) => (
              <tr key={b.name}>
                <th scope="row">{b.name}</th>
                <td>{region(b.region)}</td>
                <td className="num">{fmt.int(b.customers)}</td>
                <td>
                  <select
                    className="input"
                    aria-label={t('balance.armOf', { branch: b.name })}
                    data-testid={`planner-arm-${b.name}`}
                    value={armOf(b.name)}
                    onChange={(e) => setEdits(new Map(edits).set(b.name, e.target.value as Arm))}
                  >
                    <option value="pilot">{t('balance.pilot')}</option>
                    <option value="control">{t('balance.control')}</option>
                    <option value="out">{t('balance.out')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
