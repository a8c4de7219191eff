import { useTranslation } from 'react-i18next';
import { planNoteText } from '../../../messages/index';
import { Card } from '../../components/Card';
import { useMessages } from '../../i18n/messages';
import { useFmt } from '../../i18n/numbers';
import { designEffectFacts, fieldErrorText, type PlannerInputs, type Solved } from './analytic-plan';

/** The solved design and, in plain words, why branches count for fewer customers than they hold. */
export function AnalyticResultCard({ inputs, solved }: { inputs: PlannerInputs; solved: Solved }) {
  const { t } = useTranslation('planner');
  const messages = useMessages();
  const fmt = useFmt();
  if (!solved.ok) {
    return (
      <Card title={t('analytic.title')} testId="planner-analytic">
        <p className="notice notice--error" role="alert" data-testid="planner-analytic-error">
          {fieldErrorText(solved.error, messages.t, t('form.fillAll'))}
        </p>
      </Card>
    );
  }
  const r = solved.result;
  const f = designEffectFacts(inputs, r);
  const rows: Array<[string, string, string]> = [
    ['branches', t('analytic.branchesPerArm'), fmt.int(f.branches)],
    ['customers', t('analytic.customersPerArm'), fmt.int(f.customersPerArm)],
    ['total', t('analytic.totalCustomers'), fmt.int(2 * f.customersPerArm)],
    ['de', t('analytic.designEffect'), fmt.num(f.de, 2)],
    ['df', t('analytic.df'), fmt.num(r.df ?? Number.NaN, 1)],
  ];
  if (r.weeks !== undefined) rows.push(['weeks', t('analytic.weeks'), fmt.int(r.weeks)]);
  return (
    <Card title={t('analytic.title')} subtitle={t('analytic.subtitle')} testId="planner-analytic">
      <dl className="planner-facts">
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`planner-analytic-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="planner-explain" data-testid="planner-de-explanation">
        {t(inputs.analysis === 'unweighted' ? 'analytic.deExplanationUnweighted' : 'analytic.deExplanation', {
          m: fmt.int(f.m),
          icc: fmt.num(f.icc, 4),
          cv: fmt.num(f.cv, 2),
          de: fmt.num(f.de, 2),
          eff: fmt.num(f.effectivePerBranch, 1),
        })}
      </p>
      <p className="planner-explain">
        {t('analytic.deConsequence', {
          branches: fmt.int(f.branches),
          customers: fmt.int(f.customersPerArm),
          eff: fmt.int(f.effectivePerArm),
        })}
      </p>
      {r.notes.map((n) => (
        <p key={n.code} className="notice">
          {planNoteText(n, messages.t, (x) => fmt.num(x, 2))}
        </p>
      ))}
    </Card>
  );
}
