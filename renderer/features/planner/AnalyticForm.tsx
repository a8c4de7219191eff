import { useTranslation } from 'react-i18next';
import type { ClusterAnalysis } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useMessages } from '../../i18n/messages';
import {
  type FieldError,
  fieldErrorText,
  type InputKey,
  type OutcomeKind,
  type PlannerInputs,
} from './analytic-plan';

const FIELDS: Record<OutcomeKind, InputKey[]> = {
  binary: ['pControl', 'pTreat'],
  mean: ['delta', 'sd'],
};
const COMMON: InputKey[] = ['alpha', 'power', 'icc', 'cv', 'customersPerBranch', 'accrualPerBranchWeek'];

export type AnalyticFormProps = {
  inputs: PlannerInputs;
  error: FieldError | null;
  onOutcome(outcome: OutcomeKind): void;
  onAnalysis(analysis: ClusterAnalysis): void;
  onField(key: InputKey, value: number | undefined): void;
};

/** The analytic planner's inputs: outcome and effect, α and power, ICC, CV, branch size, accrual. */
export function AnalyticForm({ inputs, error, onOutcome, onAnalysis, onField }: AnalyticFormProps) {
  const { t } = useTranslation('planner');
  const messages = useMessages();
  const field = (key: InputKey) => {
    const id = `planner-${key}`;
    const isBad = error?.field === key;
    const message = isBad ? fieldErrorText(error, messages.t, t('form.required')) : null;
    return (
      <FieldShell
        key={key}
        id={id}
        label={t(`input.${key}`)}
        hint={t(`hint.${key}`)}
        errors={message ? [message] : []}
      >
        <NumberInput
          id={id}
          testId={id}
          value={inputs[key]}
          invalid={isBad}
          describedBy={isBad ? `${id}-error` : `${id}-hint`}
          onChange={(v) => onField(key, typeof v === 'number' ? v : undefined)}
        />
      </FieldShell>
    );
  };
  return (
    <form className="planner-form" aria-label={t('form.title')} onSubmit={(e) => e.preventDefault()}>
      <h3 className="card__title">{t('form.title')}</h3>
      <div className="field">
        <label htmlFor="planner-outcome" className="field__label">
          {t('input.outcome')}
        </label>
        <select
          id="planner-outcome"
          className="input"
          data-testid="planner-outcome"
          value={inputs.outcome}
          onChange={(e) => onOutcome(e.target.value as OutcomeKind)}
        >
          <option value="binary">{t('outcome.binary')}</option>
          <option value="mean">{t('outcome.mean')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="planner-analysis" className="field__label">
          {t('analysis.label')}
        </label>
        <select
          id="planner-analysis"
          className="input"
          data-testid="planner-analysis"
          value={inputs.analysis}
          aria-describedby="planner-analysis-hint"
          onChange={(e) => onAnalysis(e.target.value as ClusterAnalysis)}
        >
          <option value="unweighted">{t('analysis.unweighted')}</option>
          <option value="weighted">{t('analysis.weighted')}</option>
        </select>
        <small id="planner-analysis-hint" className="field__hint">
          {t('analysis.hint')}
        </small>
      </div>
      {FIELDS[inputs.outcome].map(field)}
      {COMMON.map(field)}
    </form>
  );
}
