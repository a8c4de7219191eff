import { useTranslation } from 'react-i18next';
import { SENSITIVITY_OUTPUTS, type SensitivityOutput } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import {
  type ConstraintDraft,
  type DraftCheck,
  type MeasureDraft,
  type OptimizeDraft,
  problemsAt,
  withObjective,
  withTradeOff,
} from './optimize-form';
import { useProblemText } from './problem-text';

type Strategies = ReadonlyArray<{ id: string; label: string }>;

/** An output's name as the sensitivity screens write it (the output's id when it has none yet). */
export function useOutputName(): (o: string) => string {
  const { t } = useTranslation('sensitivity');
  return (o) => t(`messages:output.${o}`, { defaultValue: o });
}

/** Output and strategy of an objective, a constraint or the trade-off. */
function MeasureFields({
  id,
  value,
  strategies,
  isLocked,
  onChange,
}: {
  id: string;
  value: MeasureDraft;
  strategies: Strategies;
  isLocked: boolean;
  onChange(m: MeasureDraft): void;
}) {
  const { t } = useTranslation('optimize');
  const outputName = useOutputName();
  return (
    <>
      <FieldShell id={`${id}-output`} label={t('goal.output')}>
        <select
          id={`${id}-output`}
          data-testid={`${id}-output`}
          className="input input--select"
          value={value.output}
          disabled={isLocked}
          onChange={(e) => onChange({ ...value, output: e.target.value as SensitivityOutput })}
        >
          {SENSITIVITY_OUTPUTS.map((o) => (
            <option key={o} value={o}>
              {outputName(o)}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell id={`${id}-strategy`} label={t('goal.strategy')}>
        <select
          id={`${id}-strategy`}
          data-testid={`${id}-strategy`}
          className="input input--select"
          value={value.strategy ?? ''}
          disabled={isLocked}
          onChange={(e) => onChange({ ...value, strategy: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t('goal.allStrategies')}</option>
          {strategies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </FieldShell>
    </>
  );
}

export type GoalFieldsProps = {
  draft: OptimizeDraft;
  strategies: Strategies;
  check: DraftCheck;
  isLocked: boolean;
  onChange(d: OptimizeDraft): void;
};

/** The objective (output, strategy, maximize or minimize), the trade-off output and the constraints. */
export function GoalFields({ draft, strategies, check, isLocked, onChange }: GoalFieldsProps) {
  const { t } = useTranslation('optimize');
  const say = useProblemText();
  const outputName = useOutputName();
  const strategyName = (id: string | null) =>
    id === null ? t('goal.allStrategies') : (strategies.find((s) => s.id === id)?.label ?? id);
  const setConstraint = (i: number, c: ConstraintDraft) =>
    onChange({ ...draft, constraints: draft.constraints.map((x, k) => (k === i ? c : x)) });
  return (
    <>
      <div className="opt-grid" data-testid="opt-objective">
        <MeasureFields
          id="opt-objective"
          value={draft.objective}
          strategies={strategies}
          isLocked={isLocked}
          onChange={(m) => onChange(withObjective(draft, m))}
        />
        <FieldShell id="opt-objective-sense" label={t('goal.sense')}>
          <select
            id="opt-objective-sense"
            data-testid="opt-objective-sense"
            className="input input--select"
            value={draft.objective.sense}
            disabled={isLocked}
            onChange={(e) =>
              onChange(withObjective(draft, { sense: e.target.value as 'maximize' | 'minimize' }))
            }
          >
            <option value="maximize">{t('goal.maximize')}</option>
            <option value="minimize">{t('goal.minimize')}</option>
          </select>
        </FieldShell>
      </div>
      <h4 className="opt-subhead">{t('goal.tradeOff')}</h4>
      <p className="muted opt-help" data-testid="opt-tradeoff-hint">
        {t('goal.tradeOffHint')}{' '}
        {draft.tradeOffFollows
          ? t('goal.tradeOffFollows', {
              output: outputName(draft.tradeOff.output),
              strategy: strategyName(draft.tradeOff.strategy),
            })
          : t('goal.tradeOffOwn')}
      </p>
      <div className="opt-grid">
        <MeasureFields
          id="opt-tradeoff"
          value={draft.tradeOff}
          strategies={strategies}
          isLocked={isLocked}
          onChange={(m) => onChange(withTradeOff(draft, m))}
        />
      </div>
      <h4 className="opt-subhead">{t('constraints.title')}</h4>
      <p className="muted opt-help">{t('constraints.hint')}</p>
      {draft.constraints.map((c, i) => {
        const id = `opt-constraint-${i}`;
        const errors = problemsAt(check, `constraints[${i}]`).map(say);
        const bound = (k: 'min' | 'max') => (
          <FieldShell
            id={`${id}-${k}`}
            label={t(`constraints.${k}`)}
            errors={problemsAt(check, `constraints[${i}].${k}`).map(say)}
          >
            <NumberInput
              id={`${id}-${k}`}
              testId={`${id}-${k}`}
              value={c[k]}
              disabled={isLocked}
              onChange={(v) => setConstraint(i, { ...c, [k]: v })}
            />
          </FieldShell>
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: constraints have no id; a row is its place in the list
          <div key={i} className="opt-grid opt-constraint" data-testid={id}>
            <MeasureFields
              id={id}
              value={c}
              strategies={strategies}
              isLocked={isLocked}
              onChange={(m) => setConstraint(i, { ...c, ...m })}
            />
            {bound('min')}
            {bound('max')}
            <button
              type="button"
              className="btn btn--small"
              data-testid={`${id}-remove`}
              disabled={isLocked}
              onClick={() => onChange({ ...draft, constraints: draft.constraints.filter((_, k) => k !== i) })}
            >
              {t('constraints.remove')}
            </button>
            <p className="muted opt-constraint__unit" data-testid={`${id}-unit`}>
              {t('constraints.unitLine', {
                output: outputName(c.output),
                unit: t(`constraints.units.${c.output}`),
              })}
            </p>
            {errors.length ? (
              <p className="field__errors opt-constraint__error" role="alert" data-testid={`${id}-error`}>
                {errors.join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="btn"
        data-testid="opt-constraint-add"
        disabled={isLocked}
        onClick={() =>
          onChange({
            ...draft,
            constraints: [
              ...draft.constraints,
              { output: 'cost', strategy: null, min: undefined, max: undefined },
            ],
          })
        }
      >
        + {t('constraints.add')}
      </button>
    </>
  );
}
