import { useTranslation } from 'react-i18next';
import { defaultSweepRange, getValue, type Scenario, variableValues } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { ParamPicker } from '../compare/ParamPicker';
import { type ParamChoice, valueOptions } from '../compare/param-choices';
import { optionLabel, showValue } from '../compare/param-labels';
import { type DraftCheck, parseChoiceList, problemsAt, type VariableDraft } from './optimize-form';
import { useProblemText } from './problem-text';

export type VariableRowProps = {
  index: number;
  variable: VariableDraft;
  scenario: Scenario;
  /** The validated document (defaults filled in), where the picker reads labels and values. */
  base: unknown;
  choices: readonly ParamChoice[];
  check: DraftCheck;
  isLocked: boolean;
  canRemove: boolean;
  onChange(v: VariableDraft): void;
  onRemove(): void;
};

const round = (x: number) => Number(x.toPrecision(4));

/** A freshly picked parameter's values: its current option, or its sweep range (ledger range, else ±20%) in 4 steps. */
export function pickedVariable(scenario: Scenario, base: unknown, param: string): VariableDraft {
  if (valueOptions(base, param)) {
    const now = getValue(base, param);
    const current = now.ok && typeof now.value !== 'boolean' ? [now.value] : [];
    return { param, mode: 'choices', from: undefined, to: undefined, step: undefined, choices: current };
  }
  const r = defaultSweepRange(scenario, param);
  const step = round((r.to - r.from) / 4) || 1;
  return { param, mode: 'range', from: round(r.from), to: round(r.from + 4 * step), step, choices: [] };
}

/** One decision variable: the parameter (Compare's picker), then its range or its choices. */
export function VariableRow(p: VariableRowProps) {
  const { t } = useTranslation('optimize');
  const { t: tc } = useTranslation();
  const say = useProblemText();
  const id = `opt-var-${p.index}`;
  const v = p.variable;
  const at = (field: string) => problemsAt(p.check, `variables[${p.index}]${field}`).map(say);
  const options = v.param ? valueOptions(p.base, v.param) : undefined;
  const current = p.choices.find((c) => c.path === v.param)?.value;
  const patch = (x: Partial<VariableDraft>) => p.onChange({ ...v, ...x });
  const count = (() => {
    try {
      if (v.mode === 'choices') return v.choices.length;
      if (typeof v.from !== 'number' || typeof v.to !== 'number' || typeof v.step !== 'number') return null;
      return v.from < v.to && v.step > 0
        ? variableValues({ param: v.param, from: v.from, to: v.to, step: v.step }).length
        : null;
    } catch {
      return null;
    }
  })();
  const numberField = (field: 'from' | 'to' | 'step') => (
    <FieldShell key={field} id={`${id}-${field}`} label={t(`variables.${field}`)} errors={at(`.${field}`)}>
      <NumberInput
        id={`${id}-${field}`}
        testId={`${id}-${field}`}
        value={v[field]}
        invalid={at(`.${field}`).length > 0}
        disabled={p.isLocked}
        onChange={(x) => patch({ [field]: x })}
      />
    </FieldShell>
  );
  return (
    <fieldset className="opt-variable" data-testid={id}>
      <legend>{t('variables.legend', { n: p.index + 1 })}</legend>
      <div className="opt-variable__param">
        <ParamPicker
          id={id}
          choices={p.choices}
          doc={p.base}
          path={v.param}
          isLocked={p.isLocked}
          isInitiallyOpen={false}
          onPick={(param) => p.onChange(pickedVariable(p.scenario, p.base, param))}
        />
        {at('.param').length ? (
          <p className="field__errors" role="alert" data-testid={`${id}-param-error`}>
            {at('.param').join(' ')}
          </p>
        ) : null}
        {v.param ? (
          <span className="muted opt-variable__now" data-testid={`${id}-current`}>
            {t('variables.current', { value: showValue(tc, p.base, v.param, current) })}
          </span>
        ) : null}
        {p.canRemove ? (
          <button
            type="button"
            className="btn btn--small"
            data-testid={`${id}-remove`}
            disabled={p.isLocked}
            onClick={p.onRemove}
          >
            {t('variables.remove')}
          </button>
        ) : null}
      </div>
      {v.param && options ? (
        <fieldset className="opt-variable__choices">
          <legend className="field__label">{t('variables.choices')}</legend>
          {options.map((o) => (
            <label key={o.value} className="opt-check">
              <input
                type="checkbox"
                data-testid={`${id}-choice-${o.value}`}
                checked={v.choices.includes(o.value)}
                disabled={p.isLocked}
                onChange={(e) =>
                  patch({
                    choices: e.target.checked
                      ? options.map((x) => x.value).filter((x) => x === o.value || v.choices.includes(x))
                      : v.choices.filter((x) => x !== o.value),
                  })
                }
              />
              {optionLabel(tc, o)}
            </label>
          ))}
          {at('.choices').length ? (
            <p className="field__errors" role="alert" data-testid={`${id}-choices-error`}>
              {at('.choices').join(' ')}
            </p>
          ) : null}
        </fieldset>
      ) : v.param ? (
        <div className="opt-variable__range">
          <FieldShell id={`${id}-mode`} label={t('variables.mode')}>
            <select
              id={`${id}-mode`}
              data-testid={`${id}-mode`}
              className="input input--select"
              value={v.mode}
              disabled={p.isLocked}
              onChange={(e) => patch({ mode: e.target.value as VariableDraft['mode'] })}
            >
              <option value="range">{t('variables.modes.range')}</option>
              <option value="choices">{t('variables.modes.choices')}</option>
            </select>
          </FieldShell>
          {v.mode === 'range' ? (
            (['from', 'to', 'step'] as const).map(numberField)
          ) : (
            <FieldShell
              id={`${id}-list`}
              label={t('variables.list')}
              hint={t('variables.listHint')}
              errors={at('.choices')}
              wide
            >
              <input
                id={`${id}-list`}
                data-testid={`${id}-list`}
                className="input"
                defaultValue={v.choices.join(', ')}
                disabled={p.isLocked}
                onChange={(e) => patch({ choices: parseChoiceList(e.target.value) })}
              />
            </FieldShell>
          )}
        </div>
      ) : null}
      {count !== null && v.param ? (
        <span className="muted" data-testid={`${id}-count`}>
          {t('variables.count', { count })}
        </span>
      ) : null}
    </fieldset>
  );
}
