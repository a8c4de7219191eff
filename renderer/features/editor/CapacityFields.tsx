import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { useActions, useDocValue, useFieldIssues } from '../../state/hooks';
import { fieldId, ScenarioNumber } from './fields';

type Capacity = { staff?: string } | undefined;

const KINDS = ['', 'wealth_manager', 'remote_agent', 'none'] as const;

/** A channel's weekly capacity: uncapped, staff-bound, or a bank-wide cap. */
export function CapacityFields({ base }: { base: string }) {
  const { t } = useTranslation();
  const path = `${base}.capacity`;
  const capacity = useDocValue(path) as Capacity;
  const errors = useFieldIssues(path);
  const { setField } = useActions();
  const kind = capacity?.staff ?? '';
  const id = fieldId(`${path}.staff`);
  const change = (next: string) => {
    if (next === '') setField(path, undefined);
    else if (next === 'none') setField(path, { staff: 'none', attemptsPerWeek: 1000, maxQueueWeeks: 1 });
    else
      setField(path, {
        staff: next,
        attemptsPerStaffPerWeek: next === 'wealth_manager' ? 25 : 150,
        maxQueueWeeks: 2,
      });
  };
  return (
    <>
      <FieldShell id={id} label={t('channels.capacity')} errors={errors}>
        <select
          id={id}
          data-testid={id}
          className="input input--select"
          value={kind}
          onChange={(e) => change(e.target.value)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`capacityKind.${k || 'uncapped'}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      {kind === 'none' ? (
        <ScenarioNumber path={`${path}.attemptsPerWeek`} label={t('channels.attemptsPerWeek')} />
      ) : null}
      {kind === 'wealth_manager' || kind === 'remote_agent' ? (
        <ScenarioNumber path={`${path}.attemptsPerStaffPerWeek`} label={t('channels.attemptsPerStaff')} />
      ) : null}
      {kind ? <ScenarioNumber path={`${path}.maxQueueWeeks`} label={t('channels.maxQueueWeeks')} /> : null}
    </>
  );
}
